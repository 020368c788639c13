import LiveHubSentiment
import Testing

@Suite("Sentiment tuning set")
struct TuningSetTests {
    @Test("Tuning set: the lines the lexicons were tuned on stay at or above 90% per language",
          arguments: SentimentLanguage.allCases)
    func tuningAccuracy(_ language: SentimentLanguage) throws {
        let set = try LabelledSet("tuning", language)
        set.report("tuning")
        #expect(set.lines.count >= 60)
        #expect(set.accuracy >= 0.9)
    }
}
