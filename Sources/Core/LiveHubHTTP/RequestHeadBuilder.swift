/// How the body of a request is delimited, decided once the head is complete (RFC 9112 §6.3).
enum BodyFraming: Equatable {
    case none
    case length(Int)
    case chunked
}

/// Collects one request head line by line and, at the blank line, validates the fields that
/// decide framing and routing.
///
/// The fields the parser must reason about (Host, Content-Length, Transfer-Encoding, Connection)
/// are recognised while each line is parsed, so finishing the head needs no second pass over
/// the header list.
struct RequestHeadBuilder {
    private var method = ""
    private var target = ""
    private var isHTTP11OrLater = true
    private var hasRequestLine = false
    private var headers = HTTPHeaders()

    private var hostCount = 0
    private var hostIsValid = true
    private var contentLength: String?
    private var contentLengthIsConsistent = true
    private var transferCodings: [String] = []
    private var hasTransferEncoding = false
    private var connectionHasClose = false
    private var connectionHasKeepAlive = false

    /// Parses `method SP request-target SP HTTP-version` (RFC 9112 §3). Strict single spaces: the
    /// RFC allows lenient whitespace splitting, but rejecting it removes a request-smuggling vector.
    mutating func acceptRequestLine(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        guard let firstSpace = line.firstIndex(of: ASCII.space), firstSpace > 0,
            let secondSpace = line[(firstSpace + 1)...].firstIndex(of: ASCII.space), secondSpace > firstSpace + 1
        else { throw .malformedRequestLine }
        for index in 0..<firstSpace where !ASCII.isTokenCharacter(line[index]) {
            throw .malformedRequestLine
        }
        for index in (firstSpace + 1)..<secondSpace where !ASCII.isVisible(line[index]) {
            throw .malformedRequestLine
        }
        isHTTP11OrLater = try RequestHeadBuilder.parseVersion(
            UnsafeBufferPointer(rebasing: line[(secondSpace + 1)...]))
        method = String(decoding: UnsafeBufferPointer(rebasing: line[..<firstSpace]), as: UTF8.self)
        target = String(decoding: UnsafeBufferPointer(rebasing: line[(firstSpace + 1)..<secondSpace]), as: UTF8.self)
        hasRequestLine = true
    }

    /// `HTTP-version = "HTTP/" DIGIT "." DIGIT` (RFC 9112 §2.3). Returns whether it is 1.1 or later.
    /// Other well-formed numbers (`HTTP/2.0`, `HTTP/0.9`, `HTTP/2`) get 505; anything else is a 400.
    private static func parseVersion(_ version: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Bool {
        let prefix: StaticString = "HTTP/"
        let prefixLength = prefix.utf8CodeUnitCount
        guard version.count > prefixLength,
            UnsafeBufferPointer(start: prefix.utf8Start, count: prefixLength).elementsEqual(version[..<prefixLength])
        else { throw .malformedRequestLine }
        let number = version[prefixLength...]
        if number.count == 3, ASCII.isDigit(number[prefixLength]), number[prefixLength + 1] == UInt8(ascii: "."),
            ASCII.isDigit(number[prefixLength + 2])
        {
            guard number[prefixLength] == UInt8(ascii: "1") else { throw .unsupportedVersion }
            return number[prefixLength + 2] != UInt8(ascii: "0")
        }
        // Something numeric but not 1.x: a real version we do not speak.
        var sawDigit = false
        var dots = 0
        for byte in number {
            if ASCII.isDigit(byte) {
                sawDigit = true
            } else if byte == UInt8(ascii: ".") {
                dots += 1
            } else {
                throw .malformedRequestLine
            }
        }
        guard sawDigit, dots <= 1, number.count <= 8, ASCII.isDigit(number[prefixLength]) else {
            throw .malformedRequestLine
        }
        throw .unsupportedVersion
    }

    /// Parses `field-name ":" OWS field-value OWS` (RFC 9112 §5).
    mutating func acceptFieldLine(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        // RFC 9112 §5.2 (obs-fold) and §2.2 (whitespace before the first field): reject, never unfold.
        guard let first = line.first, !ASCII.isWhitespace(first) else { throw .obsoleteLineFolding }
        var colon = 0
        while colon < line.count, line[colon] != ASCII.colon {
            // RFC 9112 §5.1: whitespace between name and colon MUST be rejected with 400.
            guard ASCII.isTokenCharacter(line[colon]) else { throw .invalidHeaderName }
            colon += 1
        }
        guard colon > 0, colon < line.count else { throw .invalidHeaderName }
        var valueStart = colon + 1
        var valueEnd = line.count
        while valueStart < valueEnd, ASCII.isWhitespace(line[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart, ASCII.isWhitespace(line[valueEnd - 1]) { valueEnd -= 1 }
        for index in valueStart..<valueEnd where !ASCII.isFieldValueCharacter(line[index]) {
            throw .invalidHeaderValue
        }
        let nameBytes = UnsafeBufferPointer(rebasing: line[..<colon])
        let valueBytes = UnsafeBufferPointer(rebasing: line[valueStart..<valueEnd])
        let value = String(decoding: valueBytes, as: UTF8.self)
        try noteFramingField(name: nameBytes, value: value, valueBytes: valueBytes)
        headers.add(name: String(decoding: nameBytes, as: UTF8.self), value: value)
    }

    /// Records the fields that decide framing and persistence, recognised by length first so most
    /// names cost a single comparison.
    private mutating func noteFramingField(
        name: UnsafeBufferPointer<UInt8>, value: String, valueBytes: UnsafeBufferPointer<UInt8>
    ) throws(HTTPParseError) {
        switch name.count {
        case 4 where ASCII.bytes(name, equalLowercase: "host"):
            hostCount += 1
            hostIsValid = hostIsValid && RequestHeadBuilder.isValidHost(valueBytes)
        case 10 where ASCII.bytes(name, equalLowercase: "connection"):
            var tokens: [String] = []
            HTTPHeaders.appendTokens(of: value, to: &tokens)
            connectionHasClose = connectionHasClose || tokens.contains("close")
            connectionHasKeepAlive = connectionHasKeepAlive || tokens.contains("keep-alive")
        case 14 where ASCII.bytes(name, equalLowercase: "content-length"):
            // RFC 9110 §8.6: a list of identical values may be collapsed; anything else is invalid.
            for element in value.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = String(ASCII.trimmingWhitespace(element))
                if let contentLength {
                    contentLengthIsConsistent = contentLengthIsConsistent && contentLength == digits
                } else {
                    contentLength = digits
                }
            }
        case 17 where ASCII.bytes(name, equalLowercase: "transfer-encoding"):
            hasTransferEncoding = true
            HTTPHeaders.appendTokens(of: value, to: &transferCodings)
        default:
            break
        }
    }

    /// RFC 9110 §7.2 / RFC 3986 §3.2.2: `uri-host [ ":" port ]`; the characters of a reg-name,
    /// an IP literal in brackets, or an IPv4 address. An empty value is allowed (RFC 9112 §3.2).
    private static func isValidHost(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in value {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                continue
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "%"),
                UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
                UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
                UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "]"):
                continue
            default:
                return false
            }
        }
        return true
    }

    /// Validates the head as a whole and decides the body framing.
    func finish(limits: HTTPLimits) throws(HTTPParseError) -> (HTTPRequestHead, BodyFraming) {
        // RFC 9112 §3.2: 400 for HTTP/1.1 without Host, for several Host lines, or an invalid one.
        if hostCount > 1 || !hostIsValid || (isHTTP11OrLater && hostCount == 0) {
            throw .invalidHost
        }
        let framing = try decideFraming(limits: limits)
        let head = HTTPRequestHead(
            method: method, target: target, isHTTP11OrLater: isHTTP11OrLater, headers: headers,
            keepAlive: HTTPRequestHead.persists(
                isHTTP11OrLater: isHTTP11OrLater, hasClose: connectionHasClose, hasKeepAlive: connectionHasKeepAlive))
        return (head, framing)
    }

    /// RFC 9112 §6.3, in order: Transfer-Encoding (chunked last) wins over Content-Length, but a
    /// request carrying both is rejected outright because intermediaries may disagree on it.
    private func decideFraming(limits: HTTPLimits) throws(HTTPParseError) -> BodyFraming {
        if hasTransferEncoding {
            if contentLength != nil { throw .contentLengthWithTransferEncoding }
            // RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 message means the framing is faulty.
            if !isHTTP11OrLater { throw .invalidTransferEncoding }
            // RFC 9112 §6.3: chunked must be the final coding; §7: and applied only once.
            guard transferCodings.last == "chunked", transferCodings.count(where: { $0 == "chunked" }) == 1 else {
                throw .invalidTransferEncoding
            }
            // RFC 9112 §6.1: a coding we do not implement gets 501.
            guard transferCodings.count == 1 else { throw .unsupportedTransferCoding }
            return .chunked
        }
        guard let contentLength else { return .none }
        guard contentLengthIsConsistent, !contentLength.isEmpty else { throw .invalidContentLength }
        var length = 0
        for byte in contentLength.utf8 {
            guard ASCII.isDigit(byte) else { throw .invalidContentLength }
            length = length * 10 + Int(byte - UInt8(ascii: "0"))
            // Checked per digit, so a 40-digit length cannot overflow: it is simply too large.
            if length > limits.maxBodyBytes {
                // Keep scanning for a non-digit: "12x" is malformed (400), not too large.
                guard contentLength.utf8.allSatisfy(ASCII.isDigit) else { throw .invalidContentLength }
                throw .bodyTooLarge
            }
        }
        return length == 0 ? .none : .length(length)
    }
}
