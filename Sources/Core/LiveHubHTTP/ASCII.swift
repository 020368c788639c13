/// Byte constants and character classes from RFC 9110 §5.6 and RFC 9112 §2, used by the parsers.
///
/// Written as `switch` statements rather than lookup tables: the compiler turns them into
/// branch-free range checks and there is no lazily initialised global on the hot path.
enum ASCII {
    static let horizontalTab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let comma: UInt8 = 0x2C
    static let questionMark: UInt8 = 0x3F
    static let slash: UInt8 = 0x2F
    static let percent: UInt8 = 0x25
    static let plus: UInt8 = 0x2B
    static let equals: UInt8 = 0x3D
    static let ampersand: UInt8 = 0x26

    /// RFC 9110 §5.6.2 `tchar`: the characters allowed in a token (methods, field names, codings).
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// RFC 9110 §5.5 `field-vchar` plus SP and HTAB: what may appear inside a field value.
    /// Everything else (NUL, CR, LF, other controls, DEL) is rejected rather than repaired.
    static func isFieldValueCharacter(_ byte: UInt8) -> Bool {
        byte == horizontalTab || (byte >= 0x20 && byte != 0x7F)
    }

    /// Visible ASCII (`VCHAR`), the alphabet of a request target (RFC 3986 characters only).
    static func isVisible(_ byte: UInt8) -> Bool {
        byte >= 0x21 && byte <= 0x7E
    }

    /// Optional whitespace (`OWS`, RFC 9110 §5.6.3): SP or HTAB.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == horizontalTab
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The value of a hexadecimal digit, or nil.
    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte &- UInt8(ascii: "A") &+ 10)
        default: return nil
        }
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Case-insensitive comparison of two ASCII strings without allocating.
    /// Field names are case-insensitive (RFC 9110 §5.1).
    static func equalsIgnoringCase(_ left: String, _ right: String) -> Bool {
        let leftBytes = left.utf8
        let rightBytes = right.utf8
        guard leftBytes.count == rightBytes.count else { return false }
        for (leftByte, rightByte) in zip(leftBytes, rightBytes)
        where leftByte != rightByte && lowercased(leftByte) != lowercased(rightByte) {
            return false
        }
        return true
    }

    /// Case-insensitive comparison of raw bytes with a lowercase ASCII literal.
    static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, equalLowercase literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        let literalBytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for index in 0..<bytes.count where lowercased(bytes[index]) != literalBytes[index] {
            return false
        }
        return true
    }

    /// `text` without leading and trailing OWS.
    static func trimmingWhitespace(_ text: Substring) -> Substring {
        var start = text.utf8.startIndex
        var end = text.utf8.endIndex
        while start < end, isWhitespace(text.utf8[start]) { start = text.utf8.index(after: start) }
        while end > start, isWhitespace(text.utf8[text.utf8.index(before: end)]) { end = text.utf8.index(before: end) }
        return text[start..<end]
    }
}
