/// One spelling for every way a word is typed: lower case, German umlauts and ß as the two-letter
/// forms people type without them (ä → ae, ß → ss; so "schön" and "schoen" meet, and "schon"
/// stays apart), the Dutch ĳ ligature as i+j, other accents dropped (é → e, ï → i), curly
/// apostrophes as '. Lexicon entries go through the same folding as the words of a message.
enum Folding {
    /// The folded form of a word (letters, digits, apostrophes). Latin-1 letters are lowered
    /// here; a word with other letters goes through `String.lowercased()` first.
    static func fold(_ word: String) -> String {
        var allLowerASCII = true
        for unit in word.utf8 where unit >= 0x80 || (unit >= 0x41 && unit <= 0x5A) {
            allLowerASCII = false
            break
        }
        if allLowerASCII { return word }
        var needsLowercasing = false
        for scalar in word.unicodeScalars where scalar.value >= 0x100 {
            switch scalar.value {
            case 0x132, 0x133, 0x300...0x36F, 0x2018, 0x2019, 0x2BC, 0x1E9E: continue
            default: needsLowercasing = true
            }
            break
        }
        let source = needsLowercasing ? word.lowercased() : word
        var folded: [UInt8] = []
        folded.reserveCapacity(source.utf8.count + 4)
        func append(_ text: StaticString) {
            text.withUTF8Buffer { folded.append(contentsOf: $0) }
        }
        var previous: UInt32 = 0
        for scalar in source.unicodeScalars {
            var value = scalar.value
            defer { previous = value }
            if value < 0x80 {
                if value >= 0x41 && value <= 0x5A { value += 0x20 }
                folded.append(UInt8(value))
                continue
            }
            if (0xC0...0xDE).contains(value) && value != 0xD7 { value += 0x20 }  // Latin-1 capitals
            switch value {
            case 0xE4: append("ae")  // ä
            case 0xF6: append("oe")  // ö
            case 0xFC: append("ue")  // ü
            case 0xDF, 0x1E9E: append("ss")  // ß, ẞ
            case 0x132, 0x133: append("ij")  // Ĳ, ĳ
            case 0x2019, 0x2018, 0xB4, 0x2BC: append("'")
            case 0x308:  // a combining diaeresis after a, o, u is an umlaut typed in two parts
                if previous == 0x61 || previous == 0x6F || previous == 0x75 { append("e") }
            case 0x300...0x36F: continue  // other combining accents
            case 0xE0...0xE3, 0xE5: append("a")
            case 0xE7: append("c")
            case 0xE8...0xEB: append("e")
            case 0xEC...0xEF: append("i")
            case 0xF1: append("n")
            case 0xF2...0xF5, 0xF8: append("o")
            case 0xF9...0xFB: append("u")
            case 0xFD, 0xFF: append("y")
            default: folded.append(contentsOf: UTF8.encode(Unicode.Scalar(value) ?? scalar)!)
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// Spellings of an elongated word ("sooo", "dankeeee", "thaaanks"): every run of three or more
    /// equal letters shortened to two, then to one. Empty when the word has no such run.
    static func shortenedRuns(_ word: String) -> [String] {
        // Quick check on the bytes: no three equal bytes in a row, no elongation.
        var previous: UInt8 = 0
        var run = 0
        var possible = false
        for byte in word.utf8 {
            run = byte == previous ? run + 1 : 1
            previous = byte
            if run == 3 {
                possible = true
                break
            }
        }
        guard possible else { return [] }
        if let ascii = word.utf8.withContiguousStorageIfAvailable({ asciiShortenedRuns($0) }), let ascii {
            return ascii
        }
        let scalars = Array(word.unicodeScalars)
        var hasRun = false
        var index = 2
        while index < scalars.count {
            if scalars[index] == scalars[index - 1], scalars[index] == scalars[index - 2],
                scalars[index].properties.isAlphabetic
            {
                hasRun = true
                break
            }
            index += 1
        }
        guard hasRun else { return [] }
        var runs: [(scalar: Unicode.Scalar, count: Int)] = []
        for scalar in scalars {
            if let last = runs.last, last.scalar == scalar {
                runs[runs.count - 1].count += 1
            } else {
                runs.append((scalar, 1))
            }
        }
        func shortened(to keep: Int) -> String {
            var result = String.UnicodeScalarView()
            for run in runs {
                let count = run.count >= 3 && run.scalar.properties.isAlphabetic ? keep : run.count
                for _ in 0..<count { result.append(run.scalar) }
            }
            return String(result)
        }
        return [shortened(to: 2), shortened(to: 1)]
    }

    /// `shortenedRuns` of the folded word at `text` in `folded`, appended to `folded`: the ranges
    /// of its two shortened spellings, or nil when it has none. An ASCII word is shortened on its
    /// bytes; any other goes through `shortenedRuns`.
    static func appendShortenedRuns(of text: Range<Int>, isASCII: Bool, to folded: inout [UInt8]) -> (
        Range<Int>, Range<Int>
    )? {
        // Quick check on the bytes: no three equal bytes in a row, no elongation.
        var previous: UInt8 = 0
        var run = 0
        var possible = false
        for offset in text {
            let byte = folded[offset]
            run = byte == previous ? run + 1 : 1
            previous = byte
            if run == 3 {
                possible = true
                break
            }
        }
        guard possible else { return nil }
        guard isASCII else {
            let spellings = shortenedRuns(String(decoding: folded[text], as: UTF8.self))
            guard spellings.count == 2 else { return nil }
            let twice = folded.count
            folded.append(contentsOf: spellings[0].utf8)
            let once = folded.count
            folded.append(contentsOf: spellings[1].utf8)
            return (twice..<once, once..<folded.count)
        }
        func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) }
        var hasRun = false
        var index = text.lowerBound + 2
        while index < text.upperBound {
            if folded[index] == folded[index - 1], folded[index] == folded[index - 2], isLetter(folded[index]) {
                hasRun = true
                break
            }
            index += 1
        }
        guard hasRun else { return nil }
        func append(keeping keep: Int) -> Range<Int> {
            let start = folded.count
            var runStart = text.lowerBound
            while runStart < text.upperBound {
                let byte = folded[runStart]
                var end = runStart + 1
                while end < text.upperBound, folded[end] == byte { end += 1 }
                let count = end - runStart >= 3 && isLetter(byte) ? keep : end - runStart
                for _ in 0..<count { folded.append(byte) }
                runStart = end
            }
            return start..<folded.count
        }
        let twice = append(keeping: 2)
        let once = append(keeping: 1)
        return (twice, once)
    }

    /// `shortenedRuns` for an ASCII word, on its bytes (one byte is one scalar, and the ASCII
    /// letters are the alphabetic ASCII scalars); nil when the word is not ASCII.
    private static func asciiShortenedRuns(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        for byte in bytes where byte >= 0x80 { return nil }
        func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) }
        var hasRun = false
        var index = 2
        while index < bytes.count {
            if bytes[index] == bytes[index - 1], bytes[index] == bytes[index - 2], isLetter(bytes[index]) {
                hasRun = true
                break
            }
            index += 1
        }
        guard hasRun else { return [] }
        func shortened(to keep: Int) -> String {
            String(unsafeUninitializedCapacity: bytes.count) { result in
                var written = 0
                var start = 0
                while start < bytes.count {
                    var end = start + 1
                    while end < bytes.count, bytes[end] == bytes[start] { end += 1 }
                    let count = end - start >= 3 && isLetter(bytes[start]) ? keep : end - start
                    for _ in 0..<count {
                        result[written] = bytes[start]
                        written += 1
                    }
                    start = end
                }
                return written
            }
        }
        return [shortened(to: 2), shortened(to: 1)]
    }
}
