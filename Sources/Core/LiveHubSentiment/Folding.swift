/// One spelling for every way a word is typed: lower case, German umlauts and ß as the two-letter
/// forms people type without them (ä → ae, ß → ss; so "schön" and "schoen" meet, and "schon"
/// stays apart), the Dutch ĳ ligature as i+j, other accents dropped (é → e, ï → i), curly
/// apostrophes as '. Lexicon entries go through the same folding as the words of a message.
enum Folding {
    /// The folded form of a word (letters, digits, apostrophes).
    static func fold(_ word: String) -> String {
        var allLowerASCII = true
        for unit in word.utf8 where unit >= 0x80 || (unit >= 0x41 && unit <= 0x5A) {
            allLowerASCII = false
            break
        }
        if allLowerASCII { return word }
        var folded = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in word.lowercased().unicodeScalars {
            defer { previous = scalar }
            if scalar.isASCII {
                folded.append(scalar)
                continue
            }
            switch scalar.value {
            case 0xE4: folded.append(contentsOf: "ae".unicodeScalars)  // ä
            case 0xF6: folded.append(contentsOf: "oe".unicodeScalars)  // ö
            case 0xFC: folded.append(contentsOf: "ue".unicodeScalars)  // ü
            case 0xDF, 0x1E9E: folded.append(contentsOf: "ss".unicodeScalars)  // ß, ẞ
            case 0x133: folded.append(contentsOf: "ij".unicodeScalars)  // ĳ
            case 0x2019, 0x2018, 0x60, 0xB4, 0x2BC: folded.append("'")
            case 0x308:  // a combining diaeresis after a, o, u is an umlaut typed in two parts
                if let previous, "aou".unicodeScalars.contains(previous) { folded.append("e") }
            case 0x300...0x36F: continue  // other combining accents
            case 0xE0...0xE3, 0xE5: folded.append("a")
            case 0xE7: folded.append("c")
            case 0xE8...0xEB: folded.append("e")
            case 0xEC...0xEF: folded.append("i")
            case 0xF1: folded.append("n")
            case 0xF2...0xF5, 0xF8: folded.append("o")
            case 0xF9...0xFB: folded.append("u")
            case 0xFD, 0xFF: folded.append("y")
            default: folded.append(scalar)
            }
        }
        return String(folded)
    }

    /// Spellings of an elongated word ("sooo", "dankeeee", "thaaanks"): every run of three or more
    /// equal letters shortened to two, then to one. Empty when the word has no such run.
    static func shortenedRuns(_ word: String) -> [String] {
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
}
