@testable import LiveHubSentiment
import Testing

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
