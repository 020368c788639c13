import LiveHubSentiment
import Testing

@Suite("Sentiment levels")
struct SentimentLevelTests {
    @Test(
        "Seven levels: the score bands at 0.05, 0.3 and 0.6 in magnitude, the same on both sides",
        arguments: [
            (-1.0, SentimentLevel.veryNegative), (-0.6, .veryNegative), (-0.59, .negative), (-0.3, .negative),
            (-0.29, .slightlyNegative), (-0.05, .slightlyNegative), (-0.049, .neutral), (0, .neutral), (0.049, .neutral),
            (0.05, .slightlyPositive), (0.29, .slightlyPositive), (0.3, .positive), (0.59, .positive), (0.6, .veryPositive),
            (1.0, .veryPositive), (.nan, .neutral),
        ])
    func bands(_ score: Double, _ level: SentimentLevel) {
        #expect(SentimentLevel(score: score) == level)
    }

    @Test("Three-way polarity: slight levels count with their side; levels are ordered")
    func polarity() {
        #expect(SentimentLevel.slightlyNegative.polarity == .negative)
        #expect(SentimentLevel.neutral.polarity == .neutral)
        #expect(SentimentLevel.slightlyPositive.polarity == .positive)
        #expect(SentimentLevel.veryNegative < .negative && SentimentLevel.positive < .veryPositive)
    }

    @Test("Levels of real lines: a single thanks is positive, an outburst very negative, facts neutral")
    func levelsOfLines() {
        #expect(SentimentScorer.analyze("Thanks").level == .positive)
        #expect(SentimentScorer.analyze("a bit late").level == .slightlyNegative)
        #expect(SentimentScorer.analyze("Worst service ever, absolutely useless!!!").level == .veryNegative)
        #expect(SentimentScorer.analyze("Thank you so much, that was really helpful!").level == .veryPositive)
        #expect(SentimentScorer.analyze("My order number is 48213").level == .neutral)
    }
}
