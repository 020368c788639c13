// The stores behind `JSONWriter`: each writes at a pointer the writer reserved and returns how many
// bytes it wrote, which is never more than the size its caller reserved for it:
//   storeComma     at most 1
//   storeName      name.count + 3, plus 1 for the comma
//   storeQuoted    escapedCount + 2 (escapedCount computed by `escapedCount` from the same bytes)
//   storeDecimal   at most 20 ("-9223372036854775808")
//   store          exactly the source's count

extension JSONWriter {
    /// The separating comma when one is due: 1 byte or none.
    @inline(__always)
    static func storeComma(_ comma: Bool, at out: UnsafeMutablePointer<UInt8>) -> Int {
        guard comma else { return 0 }
        out[0] = UInt8(ascii: ",")
        return 1
    }

    /// `,"name":` (the comma only when `comma`). Names are protocol constants, written unescaped.
    @inline(__always)
    static func storeName(_ name: UnsafeBufferPointer<UInt8>, comma: Bool, at out: UnsafeMutablePointer<UInt8>) -> Int {
        var index = storeComma(comma, at: out)
        out[index] = UInt8(ascii: "\"")
        index += 1
        index += store(name, at: out + index)
        out[index] = UInt8(ascii: "\"")
        out[index + 1] = UInt8(ascii: ":")
        return index + 2
    }

    /// Copies `bytes` as they are.
    @inline(__always)
    static func store(_ bytes: UnsafeBufferPointer<UInt8>, at out: UnsafeMutablePointer<UInt8>) -> Int {
        guard let source = bytes.baseAddress else { return 0 }
        let count = bytes.count
        if count >= 8 && count <= 16 {
            // Member names and most ids: two overlapping word copies instead of a call to memcpy.
            let from = UnsafeRawPointer(source)
            let to = UnsafeMutableRawPointer(out)
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count < 8 {
            for index in 0..<count { out[index] = source[index] }
        } else {
            out.update(from: source, count: count)
        }
        return count
    }

    /// Copies a constant's UTF-8 as it is.
    @inline(__always)
    static func store(_ word: StaticString, at out: UnsafeMutablePointer<UInt8>) -> Int {
        word.withUTF8Buffer { store($0, at: out) }
    }

    // MARK: Strings

    // RFC 8259 §7: `"`, `\` and U+0000–U+001F must be escaped; everything else may appear as is.

    /// How many bytes `text` takes once escaped (without its quotes): its own count when nothing needs
    /// escaping, which is found eight bytes at a time.
    static func escapedCount(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = text.baseAddress else { return 0 }
        let count = text.count
        var index = firstWordNeedingEscape(base, count: count)
        if index == count { return count }
        var total = count
        while index < count {
            total += extraEscapeBytes(base[index])
            index += 1
        }
        return total
    }

    /// `"text"`, escaped; `escapedCount` is `escapedCount(text)`.
    static func storeQuoted(
        _ text: UnsafeBufferPointer<UInt8>, escapedCount: Int, at out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        out[0] = UInt8(ascii: "\"")
        if escapedCount == text.count {
            _ = store(text, at: out + 1)
        } else {
            var index = 1
            for byte in text {
                index += storeEscaped(byte, at: out + index)
            }
        }
        out[escapedCount + 1] = UInt8(ascii: "\"")
        return escapedCount + 2
    }

    /// The offset of the first eight-byte word holding a byte that needs escaping (then of the first
    /// such byte in the tail), or `count` when there is none.
    @inline(__always)
    private static func firstWordNeedingEscape(_ base: UnsafePointer<UInt8>, count: Int) -> Int {
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Per byte, the high bit of each term is set for some byte exactly when the word holds a byte
            // below 0x20, a `"` (0x22) or a `\` (0x5C): the classic "has a zero / a smaller byte" tests.
            let control = (word &- ones &* 0x20) & ~word & highs
            let quoteBytes = word ^ (ones &* 0x22)
            let quote = (quoteBytes &- ones) & ~quoteBytes & highs
            let backslashBytes = word ^ (ones &* 0x5C)
            let backslash = (backslashBytes &- ones) & ~backslashBytes & highs
            if control | quote | backslash != 0 { return index }
            index += 8
        }
        if index < count && count >= 8 {
            // The tail, as the last eight bytes (overlapping ones already checked): clean, or the byte
            // loop below from `index` finds the first one.
            let word = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            let control = (word &- ones &* 0x20) & ~word & highs
            let quoteBytes = word ^ (ones &* 0x22)
            let quote = (quoteBytes &- ones) & ~quoteBytes & highs
            let backslashBytes = word ^ (ones &* 0x5C)
            let backslash = (backslashBytes &- ones) & ~backslashBytes & highs
            if control | quote | backslash == 0 { return count }
        }
        if count >= 4 && count < 8 {
            // Four to seven bytes (most vocabulary words and ids): two overlapping half-words.
            let head = raw.loadUnaligned(as: UInt32.self)
            let tail = raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            return halfNeedsEscape(head) || halfNeedsEscape(tail) ? 0 : count
        }
        while index < count {
            if extraEscapeBytes(base[index]) != 0 { return index }
            index += 1
        }
        return count
    }

    /// Whether four bytes hold one below 0x20, a `"` or a `\` (the word test above, on half a word).
    @inline(__always)
    private static func halfNeedsEscape(_ half: UInt32) -> Bool {
        let ones: UInt32 = 0x0101_0101
        let highs: UInt32 = 0x8080_8080
        let control = (half &- ones &* 0x20) & ~half & highs
        let quoteBytes = half ^ (ones &* 0x22)
        let quote = (quoteBytes &- ones) & ~quoteBytes & highs
        let backslashBytes = half ^ (ones &* 0x5C)
        let backslash = (backslashBytes &- ones) & ~backslashBytes & highs
        return control | quote | backslash != 0
    }

    /// How many more bytes than one `byte` takes when escaped: 0, 1 (`\n`) or 5 (`\u0001`).
    @inline(__always)
    private static func extraEscapeBytes(_ byte: UInt8) -> Int {
        if byte >= 0x20 {
            return byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") ? 1 : 0
        }
        switch byte {
        case 0x08, 0x0C, 0x0A, 0x0D, 0x09: return 1
        default: return 5
        }
    }

    /// One byte, escaped if it must be; returns 1 + `extraEscapeBytes(byte)`.
    @inline(__always)
    private static func storeEscaped(_ byte: UInt8, at out: UnsafeMutablePointer<UInt8>) -> Int {
        let short: UInt8
        switch byte {
        case UInt8(ascii: "\""): short = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): short = UInt8(ascii: "\\")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        case 0x20...:
            out[0] = byte
            return 1
        default:
            let hexDigits: StaticString = "0123456789abcdef"
            out[0] = UInt8(ascii: "\\")
            out[1] = UInt8(ascii: "u")
            out[2] = UInt8(ascii: "0")
            out[3] = UInt8(ascii: "0")
            hexDigits.withUTF8Buffer { digits in
                out[4] = digits[Int(byte >> 4)]
                out[5] = digits[Int(byte & 0x0F)]
            }
            return 6
        }
        out[0] = UInt8(ascii: "\\")
        out[1] = short
        return 2
    }

    // MARK: Integers

    /// `value` in decimal, written straight to `out` two digits at a time.
    static func storeDecimal(_ value: Int64, at out: UnsafeMutablePointer<UInt8>) -> Int {
        var index = 0
        if value < 0 {
            out[0] = UInt8(ascii: "-")
            index = 1
        }
        var magnitude = value.magnitude
        var end = index + decimalDigitCount(magnitude)
        let written = end
        // "00", "01", … "99": the two digits of every remainder by 100.
        let pairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
        pairs.withUTF8Buffer { pairs in
            while magnitude >= 100 {
                let pair = Int(magnitude % 100) &* 2
                magnitude /= 100
                end -= 2
                out[end] = pairs[pair]
                out[end + 1] = pairs[pair + 1]
            }
            if magnitude >= 10 {
                let pair = Int(magnitude) &* 2
                out[end - 2] = pairs[pair]
                out[end - 1] = pairs[pair + 1]
            } else {
                out[end - 1] = UInt8(ascii: "0") + UInt8(magnitude)
            }
        }
        return written
    }

    /// How many decimal digits `magnitude` has (1 for zero).
    @inline(__always)
    private static func decimalDigitCount(_ magnitude: UInt64) -> Int {
        // Comparisons rather than divisions: a timestamp has 13 digits.
        if magnitude < 10_000_000_000 {
            if magnitude < 100_000 {
                if magnitude < 100 { return magnitude < 10 ? 1 : 2 }
                return magnitude < 1_000 ? 3 : (magnitude < 10_000 ? 4 : 5)
            }
            if magnitude < 10_000_000 { return magnitude < 1_000_000 ? 6 : 7 }
            return magnitude < 100_000_000 ? 8 : (magnitude < 1_000_000_000 ? 9 : 10)
        }
        if magnitude < 1_000_000_000_000_000 {
            if magnitude < 1_000_000_000_000 { return magnitude < 100_000_000_000 ? 11 : 12 }
            return magnitude < 10_000_000_000_000 ? 13 : (magnitude < 100_000_000_000_000 ? 14 : 15)
        }
        if magnitude < 1_000_000_000_000_000_000 {
            return magnitude < 10_000_000_000_000_000 ? 16 : (magnitude < 100_000_000_000_000_000 ? 17 : 18)
        }
        if magnitude < 10_000_000_000_000_000_000 { return 19 }
        return 20
    }
}
