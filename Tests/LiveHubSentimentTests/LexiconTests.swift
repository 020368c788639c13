import Testing

@testable import LiveHubSentiment

@Suite("Sentiment lexicons")
struct LexiconTests {
    @Test("Every lexicon line parses and no term is defined twice", arguments: SentimentLanguage.allCases)
    func parses(_ language: SentimentLanguage) {
        let lexicon = Lexicons.lexicon(for: language)
        #expect(lexicon.problems == [])
        #expect(lexicon.termCount >= 500)
        #expect(lexicon.detectionWords.count >= 60)
    }

    @Test("Scores stay on the -3…3 scale and factors between 0.5 and 2", arguments: SentimentLanguage.allCases)
    func scale(_ language: SentimentLanguage) {
        let lexicon = Lexicons.lexicon(for: language)
        let entries = Array(lexicon.words.values) + lexicon.phrases.values.flatMap { $0.map(\.entry) }
        for entry in entries {
            #expect(entry.valence >= -3 && entry.valence <= 3)
            if let negated = entry.negated { #expect(negated >= -3 && negated <= 3) }
            if let factor = entry.multiplier { #expect(factor >= 0.5 && factor <= 2) }
        }
        for prefix in lexicon.prefixes.values {
            if let valence = prefix.valence { #expect(valence >= -3 && valence <= 3) }
        }
    }
}

@Suite("Sentiment lexicon lookups")
struct LexiconLookupTests {
    /// `ASCIITable` finds ASCII spellings by their bytes and sends others to the dictionary; that
    /// gives `String`'s answers only while no key outside ASCII equals an ASCII spelling, which
    /// holds trivially when every key is ASCII (folding turns ä into ae, é into e).
    @Test("Every lexicon spelling is ASCII after folding, so byte lookups find what the dictionaries find")
    func keysAreASCII() {
        var keys = Set(
            Lexicons.all.flatMap { Array($0.words.keys) + Array($0.detectionWords) + Array($0.phrases.keys) })
        keys.formUnion(Lexicons.all.flatMap { Array($0.prefixes.keys) + $0.particles })
        #expect(keys.count > 1000)
        #expect(keys.filter { !$0.utf8.allSatisfy { $0 < 0x80 } }.sorted() == [])
    }

    @Test("A table lookup agrees with its dictionary for ASCII, accented and combined spellings")
    func tableAgreesWithDictionary() {
        let table = ASCIITable(["gut": 1, "schoen": 2, "caf\u{E9}": 3, "x": 4])
        for key in ["gut", "schoen", "caf\u{E9}", "cafe\u{301}", "x", "", "gu", "gutt", "GUT", "caf"] {
            #expect(table[key] == table.dictionary[key], "\(key)")
        }
    }
}
