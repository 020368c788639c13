import LiveHubSentiment
import Testing

@Suite("Conversation sentiment")
struct ConversationSentimentTests {
    @Test("Neutral at the start: no customer message yet")
    func neutralAtStart() {
        let sentiment = ConversationSentiment()
        #expect(sentiment.level == .neutral)
        #expect(sentiment.recentScores.isEmpty)
        #expect(sentiment.score == 0)
    }

    @Test("Only the last six customer messages count")
    func lastSix() {
        var sentiment = ConversationSentiment()
        sentiment.record(customerMessage: "This is terrible, nothing works!!!")
        for _ in 0..<5 { sentiment.record(customerMessage: "The order number is 48213") }
        #expect(sentiment.recentScores.count == 6)
        #expect(sentiment.level < .neutral)  // the outburst is still among the last six
        sentiment.record(customerMessage: "ok")
        #expect(sentiment.recentScores.count == 6)
        #expect(sentiment.level == .neutral)  // it fell out of the window
    }

    @Test("Messages without sentiment neither count nor pull toward neutral")
    func neutralMessagesDoNotDilute() {
        var sentiment = ConversationSentiment()
        sentiment.record(customerMessage: "My parcel never arrived, I'm really disappointed")
        let level = sentiment.level
        sentiment.record(customerMessage: "It was order 48213")
        sentiment.record(customerMessage: "Sent on Monday")
        #expect(sentiment.level == level)
        #expect(level <= .negative)
    }

    @Test("The level is the mean of the recent sentiment-bearing scores: a recovering customer moves up")
    func meanOfRecent() {
        var sentiment = ConversationSentiment()
        sentiment.record(customerMessageScore: -0.8)
        sentiment.record(customerMessageScore: -0.4)
        #expect(abs(sentiment.score - (-0.6)) < 1e-12)
        #expect(sentiment.level == .veryNegative)
        sentiment.record(customerMessageScore: 0.6)
        #expect(abs(sentiment.score - (-0.2)) < 1e-12)
        #expect(sentiment.level == .slightlyNegative)
        for _ in 0..<3 { sentiment.record(customerMessage: "Thank you so much, that solved it!") }
        #expect(sentiment.level == .slightlyPositive)  // -0.8 and -0.4 are still among the last six
        for _ in 0..<3 { sentiment.record(customerMessage: "Thank you so much, that solved it!") }
        #expect(sentiment.level == .veryPositive)
    }

    @Test("record returns true exactly when the level changes (when to push a report update)")
    func changeReported() {
        var sentiment = ConversationSentiment()
        #expect(sentiment.record(customerMessage: "Hello, I have a question") == false)
        #expect(sentiment.record(customerMessage: "Thanks, that's great!") == true)
        #expect(sentiment.record(customerMessage: "Order 48213") == false)
        #expect(sentiment.record(customerMessage: "Das ist eine Frechheit, es ist immer noch kaputt!") == true)
    }

    @Test("Scores outside -1…1 or not finite are clamped or dropped")
    func clamped() {
        var sentiment = ConversationSentiment()
        sentiment.record(customerMessageScore: 7)
        sentiment.record(customerMessageScore: .nan)
        #expect(sentiment.recentScores == [1, 0])
        #expect(sentiment.level == .veryPositive)
    }

    @Test("A kept message is scored when the level is read: the same scores and level as scoring at once")
    func keptMessagesScoreLikeRecordedOnes() {
        let lines = [
            "This is terrible, nothing works!!!", "The order number is 48213", "Thanks, that's great!",
            "Das ist eine Frechheit", "ok", "Heel erg bedankt, top geholpen!", "still broken, awful",
            "sooo gooood thaaanks!!!",
        ]
        for count in 0...lines.count {
            var recorded = ConversationSentiment()
            var kept = ConversationSentiment()
            for line in lines.prefix(count) {
                recorded.record(customerMessage: line)
                kept.note(customerMessage: line)
            }
            #expect(kept.unscoredCount == min(count, ConversationSentiment.window))
            #expect(kept.recentScores == recorded.recentScores)
            #expect(kept.level == recorded.level)
            #expect(kept == recorded)
            #expect(kept.hashValue == recorded.hashValue)
            kept.settle()
            #expect(kept.unscoredCount == 0)
            #expect(kept.recentScores == recorded.recentScores)
        }
    }

    @Test("Kept and scored messages share one window of six: the oldest falls out first, scored or not")
    func keptAndScoredShareTheWindow() {
        var sentiment = ConversationSentiment()
        sentiment.record(customerMessage: "This is terrible, nothing works!!!")
        sentiment.settle()
        for _ in 0..<5 { sentiment.note(customerMessage: "The order number is 48213") }
        #expect(sentiment.level < .neutral)  // the scored outburst is still among the last six
        sentiment.note(customerMessage: "ok")
        #expect(sentiment.recentScores.count == 6)
        #expect(sentiment.unscoredCount == 6)
        #expect(sentiment.level == .neutral)  // it fell out of the window
        sentiment.record(customerMessageScore: -0.5)  // scores what was kept, then keeps the last six
        #expect(sentiment.unscoredCount == 0)
        #expect(sentiment.recentScores.count == 6)
        #expect(sentiment.recentScores.last == -0.5)
    }
}
