/// Why a JSON text was refused, and the byte offset where the parser noticed.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Hashable, Sendable {
        case empty
        case unexpectedEnd
        case unexpectedByte(UInt8)
        case trailingContent
        case tooDeep(limit: Int)
        case invalidNumber
        case numberOutOfRange
        case controlCharacterInString
        case invalidEscape
        case invalidUnicodeEscape
        case loneSurrogate
        case invalidUTF8
        case duplicateKey(String)
    }

    /// What went wrong.
    public var reason: Reason
    /// Offset of the offending byte from the start of the input.
    public var offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// A short explanation such as `unexpected byte 0x7D at offset 12`.
    public var description: String {
        let what: String
        switch reason {
        case .empty: what = "empty input"
        case .unexpectedEnd: what = "unexpected end of input"
        case .unexpectedByte(let byte): what = "unexpected byte 0x\(Self.hex(byte))"
        case .trailingContent: what = "content after the value"
        case .tooDeep(let limit): what = "nesting deeper than \(limit)"
        case .invalidNumber: what = "malformed number"
        case .numberOutOfRange: what = "number out of range"
        case .controlCharacterInString: what = "unescaped control character in string"
        case .invalidEscape: what = "invalid escape"
        case .invalidUnicodeEscape: what = "invalid \\u escape"
        case .loneSurrogate: what = "lone UTF-16 surrogate"
        case .invalidUTF8: what = "invalid UTF-8"
        case .duplicateKey(let key): what = "duplicate key \"\(key)\""
        }
        return "\(what) at offset \(offset)"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
