import LiveHubHTTP
import LiveHubTransport

/// Serves files of the `StaticCatalog`: a fixed file for a page route (`/agent` → `agent.html`), or the
/// captured rest of a prefix route (`/assets/*` → `assets/…`). GET and HEAD (the router answers 405 to
/// the rest); 404 for anything not in the catalog, whatever its spelling.
///
/// Every answer revalidates (`Cache-Control: no-cache` plus a strong `ETag`; `If-None-Match` → 304):
/// the file names carry no version, so a browser must never run yesterday's module against today's
/// hub, and on a keep-alive connection a 304 costs one small round trip. Text files are sent gzipped
/// to clients that accept it (prepared at start-up). Bodies over 64 KiB go through `.stream`, so a
/// slow reader holds back the copy instead of the server's memory.
final class StaticFileEndpoint: HTTPEndpoint {
    enum Target {
        /// Always this file.
        case file(String)
        /// The route's wildcard capture, under this folder of the root.
        case folder(String)
    }

    private let catalog: StaticCatalog
    private let target: Target

    init(catalog: StaticCatalog, target: Target) {
        self.catalog = catalog
        self.target = target
    }

    /// Bodies larger than this are streamed.
    static let streamThreshold = 64 * 1024

    /// What the pages need and nothing more: scripts, styles, images and fonts from the hub itself,
    /// WebSockets and fetches to the hub itself (CSP Level 3 lets `'self'` match ws:/wss: of the same
    /// host), no inline script or style, no plugins, no framing, no `<base>` or form targets.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        let path: String?
        switch target {
        case .file(let file): path = file
        case .folder(let folder): path = context.wildcard.flatMap(StaticRequest.relativePath).map { folder + "/" + $0 }
        }
        guard let path, let asset = catalog.assets[path] else {
            return .response(.text(.notFound, "not found\n"))
        }
        return Self.reply(for: asset, headers: request.head.headers)
    }

    /// The answer for `asset` given the request's fields: 304, or 200 with the chosen encoding.
    static func reply(for asset: StaticAsset, headers requestHeaders: HTTPHeaders) -> HTTPReply {
        let gzipped = asset.gzip != nil && StaticRequest.acceptsGzip(requestHeaders.values(for: "Accept-Encoding"))
        let tag = gzipped ? asset.gzipTag! : asset.identityTag
        var headers = HTTPHeaders()
        headers.add(name: "ETag", value: tag)
        headers.add(name: "Cache-Control", value: "no-cache")
        if asset.gzip != nil { headers.add(name: "Vary", value: "Accept-Encoding") }
        if StaticRequest.matches(requestHeaders.values(for: "If-None-Match"), tag: tag) {
            // RFC 9110 §15.4.5: a 304 repeats the validators and caching fields a 200 would carry.
            return .response(HTTPResponse(status: HTTPStatus(code: 304, reasonPhrase: "Not Modified"), headers: headers))
        }
        headers.add(name: "Content-Type", value: asset.contentType)
        if gzipped { headers.add(name: "Content-Encoding", value: "gzip") }
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        if asset.isDocument {
            headers.add(name: "Content-Security-Policy", value: contentSecurityPolicy)
            headers.add(name: "Referrer-Policy", value: "no-referrer")
            headers.add(name: "X-Frame-Options", value: "DENY")
        } else {
            // Scripts, styles and images are public: the chat widget loads them from a company's own site.
            headers.add(name: "Access-Control-Allow-Origin", value: "*")
            headers.add(name: "Cross-Origin-Resource-Policy", value: "cross-origin")
        }
        let body = gzipped ? asset.gzip! : asset.identity
        if body.count > streamThreshold {
            return .stream(HTTPResponse(status: .ok, headers: headers), length: body.count, body: BytesBodySource(body))
        }
        return .response(HTTPResponse(status: .ok, headers: headers, body: body))
    }
}

/// Streams an immutable byte array (shared with the catalog, never copied whole).
final class BytesBodySource: HTTPBodySource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: inout [UInt8], maxBytes: Int) -> Int {
        let count = min(maxBytes, bytes.count - offset)
        buffer.append(contentsOf: bytes[offset..<(offset + count)])
        offset += count
        return count
    }
}

/// The request-side rules of static serving, as pure functions.
enum StaticRequest {
    /// The catalog key for a captured, still percent-encoded path, or nil when it is not a plain
    /// relative path: a malformed escape, an empty, `.` or `..` segment (however encoded), a segment
    /// starting with `.`, a backslash, NUL or another control byte, or bytes that are not UTF-8.
    static func relativePath(_ encoded: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.utf8.count)
        var iterator = encoded.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.elementsEqual(bytes) else { return nil }  // Not UTF-8: decoding repaired it.
        let segments = text.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") }) else { return nil }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// RFC 9110 §12.5.3: gzip (or x-gzip, or `*`) listed with a q-value above 0.
    static func acceptsGzip(_ fields: [String]) -> Bool {
        var gzip: Double?
        var any: Double?
        for field in fields {
            for item in field.split(separator: ",") {
                let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: " \t") }
                guard let coding = parts.first?.lowercased(), !coding.isEmpty else { continue }
                var quality = 1.0
                for parameter in parts.dropFirst() {
                    let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: " \t") }
                    if pair.count == 2, pair[0].lowercased() == "q" { quality = Double(pair[1]) ?? 0 }
                }
                if coding == "gzip" || coding == "x-gzip" { gzip = max(gzip ?? 0, quality) }
                if coding == "*" { any = quality }
            }
        }
        return (gzip ?? any ?? 0) > 0
    }

    /// RFC 9110 §13.1.2: `If-None-Match` matches when it is `*` or lists the tag, compared weakly
    /// (a `W/` prefix is ignored).
    static func matches(_ fields: [String], tag: String) -> Bool {
        for field in fields {
            for item in field.split(separator: ",") {
                var candidate = item.trimmingCharacters(in: " \t")
                if candidate == "*" { return true }
                if candidate.hasPrefix("W/") { candidate = String(candidate.dropFirst(2)) }
                if candidate == tag { return true }
            }
        }
        return false
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `characters` (no Foundation here).
    fileprivate func trimmingCharacters(in characters: String) -> String {
        let set = Set(characters.unicodeScalars)
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !set.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !set.contains($0) })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
