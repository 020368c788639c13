extension JSONParser {
    // RFC 8259 §7: string = quotation-mark *char quotation-mark; control characters must be escaped.
    mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        let start = position
        // Fast path: no escapes, so the bytes between the quotes are the string. Plain ASCII (ids, types,
        // most chat lines) needs no UTF-8 validation; anything else is validated strictly.
        // A local index rather than `position` lets the loop stay in registers.
        var index = start
        var highBits: UInt8 = 0
        while index < buffer.count {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\"") {
                position = index
                let bytes = UnsafeBufferPointer(rebasing: buffer[start..<index])
                let text =
                    highBits < 0x80 ? String(decoding: bytes, as: UTF8.self) : try validatedString(bytes, at: start)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw JSONParseError(.controlCharacterInString, at: index) }
            highBits |= byte
            index += 1
        }
        position = index
        guard position < buffer.count else { throw JSONParseError(.unexpectedEnd, at: position) }
        // With escapes: decode into a buffer, copying each run of plain bytes at once rather than byte by
        // byte (one append per run; a chat line with a few newlines has a few runs).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(position - start + 64)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<position]))
        while position < buffer.count {
            var runEnd = position
            while runEnd < buffer.count {
                let byte = buffer[runEnd]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                runEnd += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position..<runEnd]))
            position = runEnd
            guard position < buffer.count else { break }
            switch buffer[position] {
            case UInt8(ascii: "\""):
                position += 1
                return try validatedString(bytes, at: start)
            case UInt8(ascii: "\\"):
                try appendEscape(to: &bytes)
            default:
                throw JSONParseError(.controlCharacterInString, at: position)
            }
        }
        throw JSONParseError(.unexpectedEnd, at: position)
    }

    func validatedString(_ bytes: some Collection<UInt8>, at offset: Int) throws(JSONParseError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw JSONParseError(.invalidUTF8, at: offset)
        }
        return text
    }

    /// Reads one escape sequence (the backslash is at `position`) and appends its UTF-8 bytes.
    mutating func appendEscape(to bytes: inout [UInt8]) throws(JSONParseError) {
        let escapeOffset = position
        position += 1
        let letter = try peek()
        position += 1
        switch letter {
        case UInt8(ascii: "\""): bytes.append(0x22)
        case UInt8(ascii: "\\"): bytes.append(0x5C)
        case UInt8(ascii: "/"): bytes.append(0x2F)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try readHexQuad()
            let scalarValue: UInt32
            switch unit {
            case 0xD800...0xDBFF:
                // RFC 8259 §7: a character outside the BMP is a UTF-16 surrogate pair, both escaped.
                guard position + 1 < buffer.count, buffer[position] == UInt8(ascii: "\\"),
                    buffer[position + 1] == UInt8(ascii: "u")
                else { throw JSONParseError(.loneSurrogate, at: escapeOffset) }
                position += 2
                let low = try readHexQuad()
                guard (0xDC00...0xDFFF).contains(low) else { throw JSONParseError(.loneSurrogate, at: escapeOffset) }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            case 0xDC00...0xDFFF:
                throw JSONParseError(.loneSurrogate, at: escapeOffset)
            default:
                scalarValue = UInt32(unit)
            }
            appendUTF8(scalarValue, to: &bytes)
        default:
            throw JSONParseError(.invalidEscape, at: escapeOffset)
        }
    }

    /// Appends a scalar value (never a surrogate: callers have excluded those) as UTF-8.
    func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// Four hex digits after `\u`.
    mutating func readHexQuad() throws(JSONParseError) -> UInt16 {
        guard position + 4 <= buffer.count else { throw JSONParseError(.unexpectedEnd, at: buffer.count) }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = buffer[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(.invalidUnicodeEscape, at: position)
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }
}
