extension RequestCursor {
    /// A string value (the cursor is on its opening quote), as `JSONParser` would read it; nil where the
    /// parser would refuse it (control characters, bad escapes, lone surrogates, invalid UTF-8).
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        var index = start
        // Whole words first: a word with no quote, backslash or control character is skipped at once.
        var wordBits: UInt64 = 0
        while count - index >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            guard !Self.mayEndPlainRun(word) else { break }
            wordBits |= word
            index += 8
        }
        var byteBits: UInt8 = wordBits & 0x8080_8080_8080_8080 == 0 ? 0 : 0x80
        while index < count {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                let units = UnsafeBufferPointer(start: base + start, count: index - start)
                // Plain ASCII (ids, most chat lines) needs no UTF-8 validation; anything else is validated
                // strictly, with the same function as the parser.
                return byteBits < 0x80
                    ? String(decoding: units, as: UTF8.self) : String(validating: units, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                position = index
                return escapedString(from: start)
            }
            if byte < 0x20 { return nil }
            byteBits |= byte
            index += 1
        }
        return nil
    }

    /// Whether any byte of `word` is a quote, a backslash or a control character (never false when one
    /// is; a true may be spurious, and the byte loop then decides).
    private static func mayEndPlainRun(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        // (x - 1) & ~x has a byte's high bit set where that byte of x is zero (or after a borrow from one);
        // (x - 0x20) & ~x likewise where a byte is below 0x20.
        let zeroQuote = (quotes &- ones) & ~quotes
        let zeroBackslash = (backslashes &- ones) & ~backslashes
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control) & highs != 0
    }

    /// The rest of a string that has escapes (RFC 8259 §7), from `start` (after the opening quote); the
    /// cursor is on the first backslash.
    private mutating func escapedString(from start: Int) -> String? {
        var decoded = [UInt8](UnsafeBufferPointer(start: base + start, count: position - start))
        decoded.reserveCapacity(decoded.count + 16)
        while position < count {
            let byte = base[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard appendEscape(to: &decoded) else { return nil }
            case 0..<0x20:
                return nil
            default:
                decoded.append(byte)
            }
        }
        return nil
    }

    /// Decodes the escape after a backslash into `decoded`; false for one the parser refuses.
    private mutating func appendEscape(to decoded: inout [UInt8]) -> Bool {
        guard position < count else { return false }
        let letter = base[position]
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(letter)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            guard let unit = hexQuad() else { return false }
            var scalar = unit
            if (0xD800..<0xDC00).contains(unit) {
                // A character outside the BMP: a UTF-16 surrogate pair, both halves escaped.
                guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hexQuad(),
                    (0xDC00..<0xE000).contains(low)
                else { return false }
                scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(unit) {
                return false
            }
            guard let unicode = Unicode.Scalar(scalar) else { return false }
            decoded.append(contentsOf: String(unicode).utf8)
        default:
            return false
        }
        return true
    }

    /// Four hex digits (either case), after `\u`.
    private mutating func hexQuad() -> UInt32? {
        guard position + 4 <= count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = base[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
