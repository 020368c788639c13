import LiveHubDeflate
import LiveHubPosix
import LiveHubProtocol
import Synchronization

/// One file the hub serves, prepared once at start-up: its bytes, a gzip variant when that pays, and
/// the validators (strong ETags) of both.
struct StaticAsset: Sendable {
    /// The path under the web root, `/`-separated (e.g. `assets/js/client.js`).
    let path: String
    let contentType: String
    let identity: [UInt8]
    /// `"<hash>"`: 96 bits of the content's SHA-256, base64url.
    let identityTag: String
    /// Present only for compressible types where gzip saves at least 10% and 128 bytes.
    let gzip: [UInt8]?
    /// `"<hash>-gz"`: a different representation (RFC 9110 §8.8.3) needs a different strong tag.
    let gzipTag: String?
    /// HTML documents carry the Content-Security-Policy and the other document headers.
    var isDocument: Bool { contentType.hasPrefix("text/html") }
}

/// Every servable file under the web root, read into memory when the server starts. Requests are only
/// ever looked up in this dictionary: a request path is never joined to a file-system path, so no
/// spelling of `..` can reach outside the root. The walk itself never follows a symbolic link (it
/// `lstat`s each entry and opens files with `O_NOFOLLOW`), so a link inside the root pointing out of it
/// is not served either, and names starting with `.` are skipped.
final class StaticCatalog: Sendable {
    /// Where the files came from, or nil when no web root was found (every page answers 404).
    let root: String?
    let assets: [String: StaticAsset]
    /// Entries the walk refused (symbolic links, special files, files over the limits), for the log.
    let skipped: [String]

    /// A file over this is not served: the pages are a few hundred KiB in all.
    static let maxFileBytes = 32 << 20
    /// The whole catalog stays under this.
    static let maxTotalBytes = 128 << 20
    static let maxDepth = 16
    static let maxFiles = 10_000

    init(root: String?, assets: [String: StaticAsset], skipped: [String]) {
        self.root = root
        self.assets = assets
        self.skipped = skipped
    }

    /// Why a web root could not be read.
    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    /// An empty catalog: no web root.
    static let empty = StaticCatalog(root: nil, assets: [:], skipped: [])

    /// Catalogs already prepared in this process, by resolved root: the files are read once per process
    /// (a server reads its pages at start-up; the test suite starts many servers over the same pages).
    private static let loaded = Mutex<[String: StaticCatalog]>([:])

    /// Walks `root` (resolved with realpath, so the root itself may be a link) and prepares every file.
    static func load(root: String) throws(LoadError) -> StaticCatalog {
        guard let resolved = FileSystem.absolutePath(root) else { throw LoadError(description: "\(root): no such folder") }
        guard FileSystem.entryKind(resolved) == .directory else { throw LoadError(description: "\(root): not a folder") }
        if let catalog = loaded.withLock({ $0[resolved] }) { return catalog }
        let catalog = try walk(resolved)
        loaded.withLock { $0[resolved] = catalog }
        return catalog
    }

    private static func walk(_ resolved: String) throws(LoadError) -> StaticCatalog {
        var assets: [String: StaticAsset] = [:]
        var skipped: [String] = []
        var total = 0
        var pending: [(directory: String, prefix: String, depth: Int)] = [(resolved, "", 0)]
        while let (directory, prefix, depth) = pending.popLast() {
            let names: [String]
            do {
                names = try FileSystem.listDirectory(directory)
            } catch {
                throw LoadError(description: "\(error)")
            }
            for name in names where !name.hasPrefix(".") {
                let path = directory + "/" + name
                let relative = prefix + name
                switch FileSystem.entryKind(path) {
                case .directory?:
                    if depth < maxDepth { pending.append((path, relative + "/", depth + 1)) } else { skipped.append(relative) }
                case .regularFile(let size)?:
                    guard size <= maxFileBytes, total + size <= maxTotalBytes, assets.count < maxFiles,
                        let bytes = try? FileSystem.readRegularFile(path, limit: maxFileBytes)
                    else {
                        skipped.append(relative)
                        continue
                    }
                    total += bytes.count
                    assets[relative] = prepare(relative, bytes)
                case .symbolicLink?, .other?, nil:
                    skipped.append(relative)
                }
            }
        }
        return StaticCatalog(root: resolved, assets: assets, skipped: skipped.sorted())
    }

    /// Hashes and (where it pays) compresses one file.
    static func prepare(_ path: String, _ bytes: [UInt8]) -> StaticAsset {
        let type = ContentTypes.type(forPath: path)
        let tag = Base64URL.encode(Array(SHA256.hash(bytes).prefix(12)))
        var gzip: [UInt8]?
        if ContentTypes.isCompressible(type), bytes.count >= 256, let packed = Gzip.compress(bytes),
            packed.count + 128 <= bytes.count, packed.count * 10 <= bytes.count * 9
        {
            gzip = packed
        }
        return StaticAsset(
            path: path, contentType: type, identity: bytes, identityTag: "\"\(tag)\"", gzip: gzip,
            gzipTag: gzip == nil ? nil : "\"\(tag)-gz\"")
    }

    /// The default web root: the `public/` folder of the resource bundle SwiftPM copies next to the
    /// executable (`livehub_LiveHubWebPages.resources`, for `swift run`, `swift test` and release
    /// builds alike). Found through `/proc/self/exe`, not the working directory, so `swift run livehub`
    /// serves the pages from any directory.
    static func defaultRoot() -> String? {
        guard let directory = ExecutableLocation.directory() else { return nil }
        return directory + "/livehub_LiveHubWebPages.resources/public"
    }
}

/// Media types by file extension, and which of them are worth compressing.
enum ContentTypes {
    static func type(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "json": return "application/json"
        case "webmanifest": return "application/manifest+json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "txt", "md": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    /// Text formats compress well; images and fonts are compressed already.
    static func isCompressible(_ type: String) -> Bool {
        type.hasPrefix("text/") || type.hasPrefix("application/json") || type.hasPrefix("application/manifest+json")
            || type.hasPrefix("image/svg+xml")
    }
}
