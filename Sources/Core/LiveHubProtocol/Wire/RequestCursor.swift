import LiveHubDomain

/// A position in a request's bytes, for `FlatRequestScanner`. Every reader returns nil for what the
/// general path would refuse or read differently, never guessing.
struct RequestCursor {
    /// The request's bytes (never empty: the scanner leaves an empty frame to the general path).
    let base: UnsafePointer<UInt8>
    let count: Int
    var position = 0

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    var atEnd: Bool { position == count }

    // RFC 8259 §2: ws = *( %x20 / %x09 / %x0A / %x0D ), as `JSONParser.skipWhitespace`.
    mutating func skipSpace() {
        var index = position
        while index < count {
            switch base[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default:
                position = index
                return
            }
        }
        position = index
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard position < count, base[position] == byte else { return false }
        position += 1
        return true
    }

    /// A member name the fast path knows, spelled without escapes; nil for any other. (Any other name,
    /// escaped spellings of these included, leaves the request to the general path.)
    mutating func memberName() -> FastRequestMember? {
        guard take(UInt8(ascii: "\"")), position < count else { return nil }
        switch base[position] {
        case UInt8(ascii: "t"):
            if takeQuoted(WireKey.type) { return .type }
            return takeQuoted(WireKey.text) ? .text : nil
        case UInt8(ascii: "i"): return takeQuoted(WireKey.id) ? .id : nil
        case UInt8(ascii: "c"):
            if takeQuoted(WireKey.conversationId) { return .conversationId }
            return takeQuoted(WireKey.clientMessageId) ? .clientMessageId : nil
        case UInt8(ascii: "v"): return takeQuoted(WireKey.visibility) ? .visibility : nil
        default: return nil
        }
    }

    /// The `type` value, when it is one the fast path handles, spelled without escapes.
    mutating func requestType() -> FastRequestType? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        if takeQuoted("message.send") { return .messageSend }
        return takeQuoted("typing") ? .typing : nil
    }

    /// The `visibility` value, spelled without escapes.
    mutating func visibility() -> Visibility? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        if takeQuoted("public") { return .public }
        return takeQuoted("internal") ? .internal : nil
    }

    /// Steps over `spelling` and a closing quote when they come next (the opening quote is behind the
    /// cursor). Compares a word at a time: these spellings are 2 to 16 bytes.
    @inline(__always)
    private mutating func takeQuoted(_ spelling: StaticString) -> Bool {
        let length = spelling.utf8CodeUnitCount
        guard count - position > length, base[position + length] == UInt8(ascii: "\"") else { return false }
        let here = UnsafeRawPointer(base + position)
        let expected = UnsafeRawPointer(spelling.utf8Start)
        let equal: Bool
        if length >= 8 && length <= 16 {
            // Two words that overlap in the middle cover any length from 8 to 16.
            equal =
                here.loadUnaligned(as: UInt64.self) == expected.loadUnaligned(as: UInt64.self)
                && here.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
                    == expected.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
        } else if length >= 4 && length < 8 {
            equal =
                here.loadUnaligned(as: UInt32.self) == expected.loadUnaligned(as: UInt32.self)
                && here.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
                    == expected.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
        } else {
            var index = 0
            while index < length, base[position + index] == expected.load(fromByteOffset: index, as: UInt8.self) {
                index += 1
            }
            equal = index == length
        }
        if equal { position += length + 1 }
        return equal
    }

    /// The request `id`: a string of 1 to 128 bytes, or an integer.
    mutating func requestId() -> RequestId? {
        guard position < count else { return nil }
        if base[position] == UInt8(ascii: "\"") {
            guard let text = string(), !text.isEmpty, text.utf8.count <= 128 else { return nil }
            return .string(text)
        }
        return integer().map { .integer($0) }
    }

    /// An id of a conversation, user or message: a non-empty string of at most 256 bytes.
    mutating func identifier() -> String? {
        guard let text = string(), !text.isEmpty, text.utf8.count <= 256 else { return nil }
        return text
    }

    /// An integer exactly as `JSONParser` reads one into `.integer`: JSON's grammar (no leading zeros,
    /// `-0` is 0), within Int64; nil for a fraction or an exponent (the parser makes those doubles).
    mutating func integer() -> Int64? {
        let negative = take(UInt8(ascii: "-"))
        let start = position
        var index = start
        var magnitude: UInt64 = 0
        while index < count, base[index] &- 0x30 < 10 {
            let (times10, overflowMultiply) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowAdd) = times10.addingReportingOverflow(UInt64(base[index] &- 0x30))
            guard !overflowMultiply, !overflowAdd else { return nil }
            magnitude = sum
            index += 1
        }
        position = index
        let digits = index - start
        guard digits == 1 || (digits > 1 && base[start] != UInt8(ascii: "0")) else { return nil }
        if index < count {
            switch base[index] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
            default: break
            }
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) else { return magnitude == UInt64(Int64.max) + 1 ? Int64.min : nil }
            return -Int64(magnitude)
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }
}
