import LiveHubSentiment
import Testing

/// The held-out evaluation: `Evaluation/evaluation-*.tsv`, never used for tuning. The floors sit
/// just under the figures measured when the scorer was finished (README, Sentiment), so a change
/// that loses accuracy fails here.
@Suite("Sentiment evaluation")
struct EvaluationTests {
    static let floors: [SentimentLanguage: Double] = [.english: 0.94, .german: 0.94, .dutch: 0.93]

    @Test(
        "Evaluation: three-way polarity accuracy per language stays at or above its floor",
        arguments: SentimentLanguage.allCases)
    func accuracy(_ language: SentimentLanguage) throws {
        let set = try LabelledSet("evaluation", language)
        set.report("evaluation")
        #expect(set.lines.count >= 100)
        #expect(set.accuracy >= Self.floors[language]!, "accuracy \(set.accuracy)")
    }

    @Test("Evaluation: the language is detected from the text for at least 97% of the lines", arguments: SentimentLanguage.allCases)
    func detection(_ language: SentimentLanguage) throws {
        let set = try LabelledSet("evaluation", language)
        #expect(set.detectionAccuracy >= 0.97, "detection \(set.detectionAccuracy)")
    }

    @Test("Evaluation and tuning sets share no line and have at least 300 lines together with each label")
    func separation() throws {
        var total = 0
        for language in SentimentLanguage.allCases {
            let evaluation = try LabelledSet("evaluation", language)
            let tuning = try LabelledSet("tuning", language)
            total += evaluation.lines.count
            #expect(Set(evaluation.lines.map(\.text)).isDisjoint(with: tuning.lines.map(\.text)))
            for polarity in SentimentPolarity.allCases {
                #expect(evaluation.lines.filter { $0.polarity == polarity }.count >= 25)
            }
        }
        #expect(total >= 300)
    }
}
