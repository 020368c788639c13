import Testing

@testable import LiveHubSentiment

/// The scorer reads a message as UTF-8 bytes (words are ranges of one buffer of folded spellings)
/// and looks into unknown ASCII words on their bytes. These tests pin what that must keep: the
/// same words, spellings and answers as the `String` rules (the golden test checks whole results).
@Suite("Sentiment byte fast paths")
struct ByteFastPathTests {
    /// The words of a text with their folded spellings, shortened spellings and parts.
    private func words(_ text: String) -> [(text: String, shortened: [String], parts: [String], capitals: Bool)] {
        MessageView.with(Tokenizer.tokenize(text)) { message in
            message.tokens.compactMap { token in
                guard case .word(let word) = token else { return nil }
                let spelled = message.spelled(word)
                return (spelled.text, spelled.shortened, spelled.parts, word.isCapitals)
            }
        }
    }

    @Test(
        "Tokenizer: a word is its folded spelling; hyphenated words keep their parts, elongated ones their shortened spellings"
    )
    func wordsAreFoldedSpellings() {
        let found = words("Kunden-Service SOOO schön, e\u{2011}mail don’t 12:30 Größe")
        #expect(found.map(\.text) == ["kundenservice", "sooo", "schoen", "email", "don't", "12", "30", "groesse"])
        #expect(found[0].parts == ["kunden", "service"])
        #expect(found[1].shortened == ["soo", "so"])
        #expect(found[1].capitals)
        #expect(found[2].parts == [] && found[2].shortened == [])
        #expect(found[3].parts == ["e", "mail"])
        #expect(words("a\u{308}rger tschüüüüss").map(\.text) == ["aerger", "tschueueueuess"])
        // A word that stays outside ASCII is shortened scalar by scalar.
        #expect(words("\u{3C9}aaa")[0].shortened == ["\u{3C9}aa", "\u{3C9}a"])
    }

    @Test("Spellings compare as Strings do: ASCII byte for byte, anything else with canonical equivalence")
    func spellingEquality() {
        let composed = Array("caf\u{E9}".utf8)
        let decomposed = Array("cafe\u{301}".utf8)
        composed.withUnsafeBufferPointer { first in
            decomposed.withUnsafeBufferPointer { second in
                let left = Spelling(bytes: first, isASCII: false)
                let right = Spelling(bytes: second, isASCII: false)
                #expect(left.equals(right))
                #expect(left.equals("cafe\u{301}"))
                #expect(!left.equals("cafe"))
            }
        }
        let ascii = Array("gut".utf8)
        ascii.withUnsafeBufferPointer { bytes in
            let spelling = Spelling(bytes: bytes, isASCII: true)
            #expect(spelling.equals("gut"))
            #expect(!spelling.equals("gu"))
            #expect(!spelling.equals("gut\u{301}"))
            #expect(spelling.equals(Spelling(bytes: bytes, isASCII: true)))
        }
    }

    @Test("Language cues on bytes (endings by last byte, a table of letter pairs) agree with the rules on Strings")
    func cuesAgree() {
        var words = Set(Lexicons.all.flatMap { Array($0.words.keys) + Array($0.detectionWords) })
        for (ending, _) in Lexicons.endings {
            for stem in ["x", "bestell", "vriendelijk", "aeroport", "kaas", "vuur", "ij", ""] {
                words.insert(stem + ending)
            }
        }
        words.formUnion(["", "a", "ae", "ija", "aaij", "uuae", "xyz", "\u{E9}tion", "schoen", "straat", "ruum"])
        var cued = 0
        for word in words.sorted() {
            let onBytes = Array(word.utf8).withUnsafeBufferPointer { Lexicons.cue(bytes: $0) }
            #expect(onBytes == Lexicons.slowCue(word), "\(word)")
            if onBytes != nil { cued += 1 }
        }
        #expect(cued > 100)
    }

    @Test("Unknown ASCII words resolve on their bytes exactly as on Strings (inflection, un-/on-, compounds, Dutch y)")
    func unknownWordsResolveAlike() {
        var compared = 0
        for language in SentimentLanguage.allCases {
            let lexicon = Lexicons.lexicon(for: language)
            var texts: [String] = []
            for term in lexicon.words.keys.sorted() where !term.contains(" ") {
                texts += [
                    term + "e", term + "en", term + "er", term + "es", term + "s", term + "t", term + "ly",
                    term + "ing", term + "ed", term + "ste", term + "sten", term + "eeee", "un" + term, "on" + term,
                    "kunden" + term, "super" + term + "e", "mist" + term, "lieferung" + term + "en",
                    term.replacingOccurrences(of: "ij", with: "y"),
                ]
            }
            for prefix in lexicon.prefixes.keys.sorted() {
                texts += [prefix + "service", prefix + "sladen", prefix + "enschnell", prefix + "goed", prefix + "x"]
            }
            for text in texts {
                MessageView.with(Tokenizer.tokenize(text)) { message in
                    for token in message.tokens {
                        guard case .word(let word) = token, word.isASCII, word.parts.isEmpty,
                            lexicon.lookup(word, in: message) == nil
                        else { continue }
                        let onBytes = lexicon.resolveUnknown(ascii: word, in: message)
                        let onStrings = lexicon.resolveUnknown(message.spelled(word))
                        #expect(onBytes == onStrings, "\(language.rawValue) \(text)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 10_000)
    }
}
