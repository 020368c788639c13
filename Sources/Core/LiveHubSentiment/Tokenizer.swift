/// A word of a message, folded for lookup: byte ranges into its message's `folded` bytes, so
/// that a token is a plain value (no `String` or array per word, nothing to retain or release).
struct Word {
    /// The folded spelling (see `Folding`); a hyphenated word is joined ("e-mail" → "email").
    var text: Range<Int>
    /// Shortened spellings when the word was elongated ("sooo" → "soo", "so"); both empty
    /// otherwise (a shortened spelling is never empty).
    var shortenedTwice: Range<Int>
    var shortenedOnce: Range<Int>
    /// The parts of a hyphenated word, folded ("rip-off" → "rip", "off"): a range of the
    /// message's `parts`; empty otherwise.
    var parts: Range<Int>
    /// Written in capitals, two letters or more ("NEVER").
    var isCapitals: Bool
    /// Has letters (not only digits).
    var hasLetters: Bool
    /// The folded spelling is ASCII (so are its shortened spellings).
    var isASCII: Bool

    var isElongated: Bool { !shortenedTwice.isEmpty }
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

/// A message split into tokens, with the folded spellings of its words one after another.
struct TokenizedMessage {
    var tokens: [Token] = []
    /// The words' folded spellings (and shortened spellings), which `Word`s point into.
    var folded: [UInt8] = []
    /// The folded parts of hyphenated words, as ranges of `folded`.
    var parts: [Range<Int>] = []
}

/// Splits a message into words, emoji and emoticons, and the breaks between clauses and sentences.
/// Stdlib only; a single pass over the message's UTF-8 bytes, decoding a scalar only where a byte
/// is not ASCII.
enum Tokenizer {
    static func tokenize(_ text: String) -> TokenizedMessage {
        var text = text
        return text.withUTF8 { tokenize(utf8: $0) }
    }

    /// The scalar starting at byte `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            length = 3
        } else {
            value =
                (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The scalar that ends right before byte `index` (> 0) of valid UTF-8.
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Unicode.Scalar {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(bytes, at: start).0
    }

    static func tokenize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> TokenizedMessage {
        var message = TokenizedMessage()
        message.tokens.reserveCapacity(bytes.count / 4 + 1)
        message.folded.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 {  // neither word, emoji, emoticon nor break: skip it without asking each
                index += 1
                continue
            }
            let (scalar, length) = Self.scalar(bytes, at: index)
            if byte >= 0x80, scalar.value >= Emoji.smallest, let score = Emoji.scores[scalar.value] {
                var end = index + length
                // Variation selectors, skin tones and zero-width joiners belong to the emoji.
                while end < bytes.count {
                    let (next, nextLength) = Self.scalar(bytes, at: end)
                    guard Emoji.isModifier(next) else { break }
                    end += nextLength
                }
                message.tokens.append(.symbol(score: score, repeated: false))
                index = end
                continue
            }
            if isWordScalar(scalar) {
                index = readWord(bytes, from: index, into: &message)
                continue
            }
            if byte < 0x80, let (score, emoticonLength, repeated) = Emoticons.match(bytes, at: index) {
                message.tokens.append(.symbol(score: score, repeated: repeated))
                index += emoticonLength
                continue
            }
            switch scalar {
            case ".", "!", "?", "\n", "\r", "\u{2026}", "\u{203C}", "\u{2049}", "\u{FF01}", "\u{FF1F}":
                var exclamations = 0
                var end = index
                while end < bytes.count {
                    let (next, nextLength) = Self.scalar(bytes, at: end)
                    if next == "!" || next == "\u{FF01}" || next == "\u{203C}" || next == "\u{2049}" {
                        exclamations += 1
                    } else if !(next == "." || next == "?" || next == "\n" || next == "\r" || next == "\u{2026}"
                        || next == "\u{FF1F}" || next == " ")
                    {
                        break
                    }
                    end += nextLength
                }
                if case .sentenceBreak(let before)? = message.tokens.last {
                    message.tokens[message.tokens.count - 1] = .sentenceBreak(exclamations: before + exclamations)
                } else {
                    message.tokens.append(.sentenceBreak(exclamations: exclamations))
                }
                index = end
            case ",", ";", ":", "(", ")", "[", "]", "\"", "\u{2013}", "\u{2014}", "-", "/", "\u{201C}", "\u{201D}",
                "\u{201E}", "\u{00AB}", "\u{00BB}":
                if case .clauseBreak? = message.tokens.last {
                } else if case .sentenceBreak? = message.tokens.last {
                } else {
                    message.tokens.append(.clauseBreak)
                }
                index += length
            default:
                index += length
            }
        }
        return message
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

    /// The common word: ASCII letters and digits only, ended by the end of the message or an
    /// ASCII byte that cannot continue a word (not an apostrophe or hyphen). Read with everything
    /// in registers; nil (nothing written) for any other word, which `readWord` reads in full.
    private static func readPlainWord(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into message: inout TokenizedMessage
    ) -> Int? {
        var end = start
        var last = -1
        var run = 0
        var longestRun = 0
        var lowercase = 0
        var letters = 0
        while end < bytes.count {
            let byte = bytes[end]
            guard isASCIIWordByte(byte) else { break }
            var lowered = byte
            if byte >= 0x61 {
                letters += 1
                lowercase += 1
            } else if byte >= 0x41 {
                letters += 1
                lowered += 0x20
            }
            run = Int(lowered) == last ? run + 1 : 1
            if run > longestRun { longestRun = run }
            last = Int(lowered)
            end += 1
        }
        if end < bytes.count {
            let next = bytes[end]
            if next >= 0x80 || next == UInt8(ascii: "'") || next == UInt8(ascii: "`") || next == UInt8(ascii: "-") {
                return nil
            }
        }
        let wordStart = message.folded.count
        message.folded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        if letters != lowercase {
            message.folded.withUnsafeMutableBufferPointer { folded in
                for offset in wordStart..<folded.count where folded[offset] >= 0x41 && folded[offset] <= 0x5A {
                    folded[offset] += 0x20
                }
            }
        }
        let text = wordStart..<message.folded.count
        var twice = 0..<0
        var once = 0..<0
        if longestRun >= 3, let (two, one) = Folding.appendShortenedRuns(of: text, isASCII: true, to: &message.folded) {
            twice = two
            once = one
        }
        message.tokens.append(
            .word(
                Word(
                    text: text, shortenedTwice: twice, shortenedOnce: once, parts: 0..<0,
                    isCapitals: letters >= 2 && lowercase == 0, hasLetters: letters > 0, isASCII: true)))
        return end
    }

    @inline(__always)
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "`" || scalar == "\u{B4}"
            || scalar == "\u{2BC}"
    }

    /// Reads a word from `start`: letters and digits, apostrophes between letters ("don't",
    /// "foto's", "geht's") and hyphens between letters or digits ("e-mail", "Kunden-Service").
    /// Its parts are folded one after another into `message.folded`, so the joined word is the
    /// range they cover together.
    private static func readWord(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into message: inout TokenizedMessage
    ) -> Int {
        if let end = readPlainWord(bytes, from: start, into: &message) { return end }
        let wordStart = message.folded.count
        var firstPart: Range<Int>?  // kept aside: `parts` gets a word's parts only when it has two or more
        let partsStart = message.parts.count
        var partStart = wordStart
        var isASCII = true  // the part being read
        var wordIsASCII = true
        var last = -1  // the last byte of the part being read, -1 at its start
        var run = 0  // equal bytes in a row, for elongated words ("sooo")
        var longestRun = 0
        var uppercase = 0
        var lowercase = 0
        var letters = 0
        var index = start
        func finishPart() {
            // ASCII letters are lowered as they are read; anything else goes through Folding.
            if !isASCII {
                let part = String(decoding: message.folded[partStart...], as: UTF8.self)
                message.folded.removeSubrange(partStart...)
                message.folded.append(contentsOf: Folding.fold(part).utf8)
                wordIsASCII = false
            }
            let part = partStart..<message.folded.count
            if let first = firstPart {
                if message.parts.count == partsStart { message.parts.append(first) }
                message.parts.append(part)
            } else {
                firstPart = part
            }
            partStart = message.folded.count
            last = -1
            isASCII = true
        }
        while index < bytes.count {
            let value = bytes[index]
            if value < 0x80 {
                if isASCIIWordByte(value) {
                    // A run of ASCII letters and digits: counted here, copied at once, then lowered.
                    let runStart = index
                    repeat {
                        let byte = bytes[index]
                        var lowered = byte
                        if byte >= 0x61 {
                            letters += 1
                            lowercase += 1
                        } else if byte >= 0x41 {
                            letters += 1
                            uppercase += 1
                            lowered += 0x20
                        }
                        run = Int(lowered) == last ? run + 1 : 1
                        if run > longestRun { longestRun = run }
                        last = Int(lowered)
                        index += 1
                    } while index < bytes.count && isASCIIWordByte(bytes[index])
                    let copied = message.folded.count
                    message.folded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    message.folded.withUnsafeMutableBufferPointer { folded in
                        for offset in copied..<folded.count where folded[offset] >= 0x41 && folded[offset] <= 0x5A {
                            folded[offset] += 0x20
                        }
                    }
                    continue
                }
            }
            let (scalar, length) = Self.scalar(bytes, at: index)
            if value >= 0x80, isWordScalar(scalar) {
                isASCII = false
                longestRun = 3  // let Folding look for runs in the folded word
                message.folded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                last = Int(bytes[index + length - 1])
                if scalar.properties.isAlphabetic {
                    letters += 1
                    if scalar.properties.isUppercase { uppercase += 1 }
                    if scalar.properties.isLowercase { lowercase += 1 }
                }
                index += length
            } else if index + length < bytes.count, last >= 0, isApostrophe(scalar),
                isWordScalar(Self.scalar(bytes, at: index + length).0)
            {
                message.folded.append(UInt8(ascii: "'"))
                last = Int(UInt8(ascii: "'"))
                index += length
            } else if index + length < bytes.count, last >= 0,
                scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}",
                isWordScalar(Self.scalar(bytes, at: index + length).0)
            {
                finishPart()
                index += length
            } else {
                break
            }
        }
        finishPart()
        let parts = message.parts.count == partsStart ? 0..<0 : partsStart..<message.parts.count
        let text = wordStart..<message.folded.count
        if !wordIsASCII {
            // Folding may have made it ASCII ("schön" → "schoen").
            wordIsASCII = true
            for offset in text where message.folded[offset] >= 0x80 {
                wordIsASCII = false
                break
            }
        }
        var twice = 0..<0
        var once = 0..<0
        if longestRun >= 3,
            let (two, one) = Folding.appendShortenedRuns(of: text, isASCII: wordIsASCII, to: &message.folded)
        {
            twice = two
            once = one
        }
        message.tokens.append(
            .word(
                Word(
                    text: text, shortenedTwice: twice, shortenedOnce: once, parts: parts,
                    isCapitals: letters >= 2 && lowercase == 0, hasLetters: letters > 0, isASCII: wordIsASCII)))
        return index
    }
}
