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
            if byte == UInt8(ascii: "\\") { return escapedString(quoteAt: start - 1) }
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

    /// A string with escapes (RFC 8259 §7), read by `JSONParser`'s own string reader from its opening
    /// quote, so escapes, surrogate pairs and UTF-8 validation are exactly the general path's.
    private mutating func escapedString(quoteAt quote: Int) -> String? {
        var parser = JSONParser(buffer: UnsafeBufferPointer(start: base, count: count), maximumDepth: 1)
        parser.position = quote
        guard let text = try? parser.parseString() else { return nil }
        position = parser.position
        return text
    }
}
