/// One element of a `Sec-WebSocket-Extensions` header (RFC 6455 §9.1).
struct ExtensionOffer: Hashable {
    /// A parameter; `value` is nil for a bare name, and unquoted for a quoted-string value.
    struct Parameter: Hashable {
        var name: String
        var value: String?
    }

    var name: String
    var parameters: [Parameter]
}

/// Parses `Sec-WebSocket-Extensions` values (RFC 6455 §9.1):
///
///     extension-list = 1#extension
///     extension      = extension-token *( ";" extension-param )
///     extension-param = token [ "=" (token | quoted-string) ]
///
/// Elements that do not follow the grammar are dropped (and with them that offer), and parsing resumes
/// at the next top-level comma, so one malformed offer never hides a later good one.
enum ExtensionHeaderParser {
    static func parse(_ values: [String]) -> [ExtensionOffer] {
        var offers: [ExtensionOffer] = []
        for value in values {
            var scanner = Scanner(bytes: Array(value.utf8))
            while true {
                scanner.skip { $0 == UInt8(ascii: ",") || isWhitespace($0) }
                if scanner.isAtEnd { break }
                if let offer = scanner.parseExtension() {
                    offers.append(offer)
                } else {
                    scanner.skipToNextElement()
                }
            }
        }
        return offers
    }

    /// RFC 9110 §5.6.2 tchar.
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index >= bytes.count }
        var current: UInt8? { isAtEnd ? nil : bytes[index] }

        mutating func skip(while predicate: (UInt8) -> Bool) {
            while let byte = current, predicate(byte) { index += 1 }
        }

        mutating func token() -> String? {
            let start = index
            skip(while: ExtensionHeaderParser.isTokenCharacter)
            guard index > start else { return nil }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// RFC 9110 §5.6.4 quoted-string, with backslash escapes; nil if unterminated.
        mutating func quotedString() -> String? {
            guard current == UInt8(ascii: "\"") else { return nil }
            index += 1
            var content: [UInt8] = []
            while let byte = current {
                index += 1
                if byte == UInt8(ascii: "\"") { return String(decoding: content, as: UTF8.self) }
                if byte == UInt8(ascii: "\\") {
                    guard let escaped = current else { return nil }
                    content.append(escaped)
                    index += 1
                } else {
                    content.append(byte)
                }
            }
            return nil
        }

        /// Parses one extension up to (not including) the next top-level comma; nil if malformed.
        mutating func parseExtension() -> ExtensionOffer? {
            guard let name = token() else { return nil }
            var parameters: [ExtensionOffer.Parameter] = []
            while true {
                skip(while: ExtensionHeaderParser.isWhitespace)
                guard let byte = current, byte != UInt8(ascii: ",") else {
                    return ExtensionOffer(name: name, parameters: parameters)
                }
                guard byte == UInt8(ascii: ";") else { return nil }
                index += 1
                skip(while: ExtensionHeaderParser.isWhitespace)
                guard let parameterName = token() else { return nil }
                skip(while: ExtensionHeaderParser.isWhitespace)
                var value: String? = nil
                if current == UInt8(ascii: "=") {
                    index += 1
                    skip(while: ExtensionHeaderParser.isWhitespace)
                    guard let parsed = current == UInt8(ascii: "\"") ? quotedString() : token() else { return nil }
                    value = parsed
                }
                parameters.append(ExtensionOffer.Parameter(name: parameterName, value: value))
            }
        }

        /// Skips to just past the next comma that is not inside a quoted string.
        mutating func skipToNextElement() {
            var inQuotes = false
            while let byte = current {
                index += 1
                if inQuotes {
                    if byte == UInt8(ascii: "\\") {
                        index += 1
                    } else if byte == UInt8(ascii: "\"") {
                        inQuotes = false
                    }
                } else if byte == UInt8(ascii: "\"") {
                    inQuotes = true
                } else if byte == UInt8(ascii: ",") {
                    return
                }
            }
        }
    }
}
