/// A strict RFC 8259 parser over bytes.
///
/// One pass, no backtracking, no Foundation. Refuses everything the RFC does not allow (trailing
/// commas, comments, leading zeros, unescaped control characters, invalid UTF-8, lone surrogates),
/// plus duplicate object keys, and any nesting deeper than `maximumDepth`. The caller limits the
/// input size before parsing (the WebSocket layer caps message size).
public struct JSONParser {
    /// The default nesting limit: far beyond any protocol message, far below any stack limit.
    public static let defaultMaximumDepth = 64

    /// Parses a complete JSON text.
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) throws(JSONParseError)
        -> JSONValue
    {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) in try parse(buffer, maximumDepth: maximumDepth) }
        }
        return try result.get()
    }

    /// Parses a complete JSON text in borrowed memory (a received frame), without copying it first.
    public static func parse(_ bytes: UnsafeRawBufferPointer, maximumDepth: Int = defaultMaximumDepth)
        throws(JSONParseError) -> JSONValue
    {
        var parser = JSONParser(buffer: bytes.assumingMemoryBound(to: UInt8.self), maximumDepth: maximumDepth)
        return try parser.parseDocument()
    }

    /// Parses a complete JSON text given as a string (its UTF-8 bytes).
    public static func parse(_ text: String, maximumDepth: Int = defaultMaximumDepth) throws(JSONParseError)
        -> JSONValue
    {
        try parse(Array(text.utf8), maximumDepth: maximumDepth)
    }

    let buffer: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    var position = 0
    var depth = 0

    init(buffer: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.buffer = buffer
        self.maximumDepth = maximumDepth
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard position < buffer.count else { throw JSONParseError(.empty, at: position) }
        let value = try parseValue()
        skipWhitespace()
        guard position == buffer.count else { throw JSONParseError(.trailingContent, at: position) }
        return value
    }

    // RFC 8259 §2: ws = *( %x20 / %x09 / %x0A / %x0D )
    mutating func skipWhitespace() {
        while position < buffer.count {
            switch buffer[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    func peek() throws(JSONParseError) -> UInt8 {
        guard position < buffer.count else { throw JSONParseError(.unexpectedEnd, at: position) }
        return buffer[position]
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        switch try peek() {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case let byte: throw JSONParseError(.unexpectedByte(byte), at: position)
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        for index in 0..<count {
            let byte = try peek()
            guard byte == literal.utf8Start[index] else { throw JSONParseError(.unexpectedByte(byte), at: position) }
            position += 1
        }
    }

    mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        guard depth <= maximumDepth else { throw JSONParseError(.tooDeep(limit: maximumDepth), at: position) }
    }

    // RFC 8259 §4: object = begin-object [ member *( value-separator member ) ] end-object
    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        position += 1
        var object = JSONObject()
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(object)
        }
        object.reserveCapacity(6)
        while true {
            skipWhitespace()
            let keyOffset = position
            let byte = try peek()
            guard byte == UInt8(ascii: "\"") else { throw JSONParseError(.unexpectedByte(byte), at: position) }
            let key = try parseString()
            if object.keys.contains(key) { throw JSONParseError(.duplicateKey(key), at: keyOffset) }
            skipWhitespace()
            let separator = try peek()
            guard separator == UInt8(ascii: ":") else {
                throw JSONParseError(.unexpectedByte(separator), at: position)
            }
            position += 1
            skipWhitespace()
            object.appendUnchecked(key: key, value: try parseValue())
            skipWhitespace()
            let next = try peek()
            position += 1
            if next == UInt8(ascii: "}") { break }
            guard next == UInt8(ascii: ",") else { throw JSONParseError(.unexpectedByte(next), at: position - 1) }
        }
        depth -= 1
        return .object(object)
    }

    // RFC 8259 §5: array = begin-array [ value *( value-separator value ) ] end-array
    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            let next = try peek()
            position += 1
            if next == UInt8(ascii: "]") { break }
            guard next == UInt8(ascii: ",") else { throw JSONParseError(.unexpectedByte(next), at: position - 1) }
        }
        depth -= 1
        return .array(elements)
    }
}
