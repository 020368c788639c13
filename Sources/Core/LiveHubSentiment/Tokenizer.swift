/// A word of a message, folded for lookup.
struct Word {
    /// The folded spelling (see `Folding`); a hyphenated word is joined ("e-mail" → "email").
    var text: String
    /// Shortened spellings when the word was elongated ("sooo" → "soo", "so").
    var shortened: [String]
    /// The parts of a hyphenated word, folded ("rip-off" → ["rip", "off"]); empty otherwise.
    var parts: [String]
    /// Written in capitals, two letters or more ("NEVER").
    var isCapitals: Bool
    /// Has letters (not only digits).
    var hasLetters: Bool

    func matches(_ spelling: String) -> Bool {
        text == spelling || shortened.contains(spelling)
    }
}

/// What the tokenizer finds in a message.
enum Token {
    case word(Word)
    /// An emoji or emoticon with its score; `repeated` for ":)))".
    case symbol(score: Double, repeated: Bool)
    /// A comma, semicolon, colon, bracket or dash: the end of a clause (a negation's scope).
    case clauseBreak
    /// A full stop, question or exclamation mark, ellipsis or line break; `exclamations` counts
    /// the exclamation marks in the run ("?!!" → 2).
    case sentenceBreak(exclamations: Int)
}

/// Splits a message into words, emoji and emoticons, and the breaks between clauses and sentences.
/// Stdlib only; a single pass over the Unicode scalars.
enum Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        // Without counting the scalars first (a second pass over the text).
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(scalar) }
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 4 + 1)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " {  // neither word, emoji, emoticon nor break: skip it without asking each
                index += 1
                continue
            }
            if scalar.value >= 0x80, let score = Emoji.scores[scalar.value] {
                var end = index + 1
                // Variation selectors, skin tones and zero-width joiners belong to the emoji.
                while end < scalars.count, Emoji.isModifier(scalars[end]) { end += 1 }
                tokens.append(.symbol(score: score, repeated: false))
                index = end
                continue
            }
            if isWordScalar(scalar) {
                index = readWord(scalars, from: index, into: &tokens, buffer: &buffer)
                continue
            }
            if let (score, length, repeated) = Emoticons.match(scalars, at: index) {
                tokens.append(.symbol(score: score, repeated: repeated))
                index += length
                continue
            }
            switch scalar {
            case ".", "!", "?", "\n", "\r", "\u{2026}", "\u{203C}", "\u{2049}", "\u{FF01}", "\u{FF1F}":
                var exclamations = 0
                var end = index
                while end < scalars.count {
                    let next = scalars[end]
                    if next == "!" || next == "\u{FF01}" || next == "\u{203C}" || next == "\u{2049}" {
                        exclamations += 1
                    } else if !(next == "." || next == "?" || next == "\n" || next == "\r" || next == "\u{2026}"
                        || next == "\u{FF1F}" || next == " ")
                    {
                        break
                    }
                    end += 1
                }
                if case .sentenceBreak(let before)? = tokens.last {
                    tokens[tokens.count - 1] = .sentenceBreak(exclamations: before + exclamations)
                } else {
                    tokens.append(.sentenceBreak(exclamations: exclamations))
                }
                index = end
            case ",", ";", ":", "(", ")", "[", "]", "\"", "\u{2013}", "\u{2014}", "-", "/", "\u{201C}", "\u{201D}",
                "\u{201E}", "\u{00AB}", "\u{00BB}":
                if case .clauseBreak? = tokens.last {
                } else if case .sentenceBreak? = tokens.last {
                } else {
                    tokens.append(.clauseBreak)
                }
                index += 1
            default:
                index += 1
            }
        }
        return tokens
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x30 && value <= 0x39)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .decimalNumber
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "`" || scalar == "\u{B4}"
            || scalar == "\u{2BC}"
    }

    /// Reads a word from `start`: letters and digits, apostrophes between letters ("don't",
    /// "foto's", "geht's") and hyphens between letters or digits ("e-mail", "Kunden-Service").
    private static func readWord(
        _ scalars: [Unicode.Scalar], from start: Int, into tokens: inout [Token], buffer: inout [UInt8]
    ) -> Int {
        var parts: [String] = []  // only for hyphenated words
        var firstPart: String?
        if !buffer.isEmpty { buffer.removeAll(keepingCapacity: true) }  // `finishPart` leaves it empty
        var isASCII = true
        var run = 0  // equal bytes in a row, for elongated words ("sooo")
        var longestRun = 0
        var uppercase = 0
        var lowercase = 0
        var letters = 0
        var index = start
        func finishPart() {
            // ASCII letters are lowered as they are read; anything else goes through Folding.
            let part = String(decoding: buffer, as: UTF8.self)
            let folded = isASCII ? part : Folding.fold(part)
            if firstPart == nil {
                firstPart = folded
            } else {
                if parts.isEmpty { parts.append(firstPart!) }
                parts.append(folded)
            }
            buffer.removeAll(keepingCapacity: true)
            isASCII = true
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            if value < 0x80, isWordScalar(scalar) {
                var byte = UInt8(value)
                if value >= 0x61 {
                    letters += 1
                    lowercase += 1
                } else if value >= 0x41 {
                    letters += 1
                    uppercase += 1
                    byte += 0x20
                }
                run = buffer.last == byte ? run + 1 : 1
                if run > longestRun { longestRun = run }
                buffer.append(byte)
                index += 1
            } else if value >= 0x80, isWordScalar(scalar) {
                isASCII = false
                longestRun = 3  // let Folding look for runs in the folded word
                buffer.append(contentsOf: UTF8.encode(scalar)!)
                if scalar.properties.isAlphabetic {
                    letters += 1
                    if scalar.properties.isUppercase { uppercase += 1 }
                    if scalar.properties.isLowercase { lowercase += 1 }
                }
                index += 1
            } else if index + 1 < scalars.count, !buffer.isEmpty, isApostrophe(scalar), isWordScalar(scalars[index + 1])
            {
                buffer.append(UInt8(ascii: "'"))
                index += 1
            } else if index + 1 < scalars.count, !buffer.isEmpty,
                scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}", isWordScalar(scalars[index + 1])
            {
                finishPart()
                index += 1
            } else {
                break
            }
        }
        finishPart()
        let text = parts.isEmpty ? firstPart! : parts.joined()
        tokens.append(
            .word(
                Word(
                    text: text, shortened: longestRun >= 3 ? Folding.shortenedRuns(text) : [], parts: parts,
                    isCapitals: letters >= 2 && lowercase == 0, hasLetters: letters > 0)))
        return index
    }
}
