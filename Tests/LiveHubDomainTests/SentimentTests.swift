import LiveHubSentiment
import Testing

@testable import LiveHubDomain

/// The customer sentiment the report shows: kept per conversation by `apply`, from the customer's
/// last six public messages.
@Suite("Sentiment")
struct SentimentTests {
    static let furious = "This is terrible, I am really angry!"
    static let delighted = "Thank you so much, that was great help!"
    static let plain = "My order number is 48213"

    static func say(_ text: String, in conversationId: ConversationId, visibility: Visibility = .public) -> Command {
        .sendMessage(conversationId: conversationId, text: text, visibility: visibility, clientMessageId: nil)
    }

    static func rows(_ outcome: HubOutcome) -> [ReportRow] {
        outcome.payloads.compactMap { if case .reportUpdate(let row) = $0 { row } else { nil } }
    }

    @Test("Sentiment: the example lines score as the tests assume (very negative, positive, neutral)")
    func exampleLines() {
        #expect(SentimentScorer.analyze(Self.furious).level <= .negative)
        #expect(SentimentScorer.analyze(Self.delighted).level >= .positive)
        #expect(SentimentScorer.analyze(Self.plain).level == .neutral)
    }

    @Test("Sentiment: a conversation starts neutral, in the state and in its report row")
    func neutralAtStart() throws {
        var scenario = Scenario()
        let conversationId = scenario.start(at: 0)
        #expect(scenario.hub.state.conversations[conversationId]?.customerSentiment.level == .neutral)
        #expect(scenario.hub.state.conversations[conversationId]?.customerSentiment.recentScores == [])
        #expect(scenario.hub.reportSnapshot(at: time(1)).map(\.sentiment) == [.neutral])
    }

    @Test(
        "Sentiment: only the customer's public messages count; agents', supervisors' and system messages and internal notes never do"
    )
    func onlyCustomerPublicMessagesCount() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        try scenario.run(Self.say(Self.furious, in: conversationId), as: .agent("alice"), at: 1)
        try scenario.run(Self.say(Self.furious, in: conversationId, visibility: .internal), as: .agent("alice"), at: 2)
        try scenario.run(.join(conversationId: conversationId), as: .supervisor("sue"), at: 3)
        try scenario.run(Self.say(Self.furious, in: conversationId), as: .supervisor("sue"), at: 4)
        // The hub's own entries (sender `system`) and, should one ever be journaled, an internal
        // message under the customer's id: applied directly, as a replay would.
        let conversation = try #require(scenario.hub.state.conversations[conversationId])
        for (sender, role, visibility) in [
            (UserId("system"), ParticipantRole.system, Visibility.public),
            (conversation.customerId, .customer, .internal),
        ] {
            let seq = scenario.hub.nextSeq(of: conversationId)
            scenario.hub.apply(
                DomainEvent(
                    conversationId: conversationId, seq: seq, at: time(5),
                    payload: .message(
                        Message(
                            seq: seq, senderId: sender, senderRole: role, text: Self.furious, visibility: visibility,
                            clientMessageId: nil, at: time(5)))))
        }
        #expect(scenario.hub.state.conversations[conversationId]?.transcript.count == 5)
        #expect(scenario.hub.state.conversations[conversationId]?.customerSentiment.level == .neutral)
        #expect(scenario.hub.reportSnapshot(at: time(6)).map(\.sentiment) == [.neutral])

        try scenario.run(Self.say(Self.furious, in: conversationId), as: .customer("cara"), at: 7)
        let level = try #require(scenario.hub.state.conversations[conversationId]?.customerSentiment.level)
        #expect(level <= .negative)
        #expect(scenario.hub.reportSnapshot(at: time(8)).map(\.sentiment) == [level])
    }

    @Test("Sentiment: the customer's last six messages count; an older outburst falls out of the window")
    func lastSixMessages() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        try scenario.run(Self.say(Self.furious, in: conversationId), as: .customer("cara"), at: 1)
        let angry = try #require(scenario.hub.state.conversations[conversationId]?.customerSentiment.level)
        #expect(angry <= .negative)
        // Messages without sentiment neither dilute the level nor count; the outburst stays in the
        // window for five more messages and leaves with the sixth.
        for second in 2...6 {
            try scenario.run(Self.say(Self.plain, in: conversationId), as: .customer("cara"), at: Int64(second))
            #expect(scenario.hub.state.conversations[conversationId]?.customerSentiment.level == angry)
        }
        try scenario.run(Self.say(Self.plain, in: conversationId), as: .customer("cara"), at: 7)
        #expect(scenario.hub.state.conversations[conversationId]?.customerSentiment.level == .neutral)
        #expect(scenario.hub.state.conversations[conversationId]?.customerSentiment.recentScores.count == 6)
        // The mean of those in the window that carry sentiment: one angry and one delighted message
        // land between them, not at either end.
        try scenario.run(Self.say(Self.furious, in: conversationId), as: .customer("cara"), at: 8)
        try scenario.run(Self.say(Self.delighted, in: conversationId), as: .customer("cara"), at: 9)
        let mixed = try #require(scenario.hub.state.conversations[conversationId]?.customerSentiment.level)
        #expect(mixed > angry && mixed < SentimentScorer.analyze(Self.delighted).level)
    }

    @Test(
        "Sentiment: a change of label sends report.update at once, even within the row interval; an unchanged label does not push a row of its own"
    )
    func labelChangePushesReportUpdate() throws {
        var configuration = testConfiguration()
        configuration.timing.reportRowIntervalMilliseconds = 5_000
        var scenario = Scenario(hub: Hub(configuration: configuration))
        try scenario.run(.subscribeReport, as: .supervisor("sue", connection: "wall"), at: 0)
        let conversationId = scenario.active(at: 0)  // rows went out at 0 (start, accept)

        // Within the interval: a message that changes the label goes out at once, to the subscribers.
        let angry = try scenario.run(Self.say(Self.furious, in: conversationId), as: .customer("cara"), at: 1)
        let angryRows = Self.rows(angry)
        #expect(angryRows.count == 1)
        #expect(try #require(angryRows.first).sentiment <= .negative)
        #expect(angry.recipients(ofFirst: .reportUpdate) == [.connection("wall")])
        #expect(angry.timers.isEmpty)

        // The same label again, an agent's reply, an internal note: activity, held back to the interval.
        for (text, actor, visibility) in [
            (Self.furious, Actor.customer("cara"), Visibility.public), (Self.delighted, .agent("alice"), .public),
            (Self.delighted, .agent("alice"), .internal),
        ] {
            let outcome = try scenario.run(Self.say(text, in: conversationId, visibility: visibility), as: actor, at: 2)
            #expect(Self.rows(outcome).isEmpty)
            #expect(outcome.timers == [.reportRow(conversationId, at: time(6))])
        }
        // When the interval is over the held-back row carries the label unchanged.
        let due = try scenario.run(.publishReportRow(conversationId), as: .system, at: 6)
        #expect(Self.rows(due).map(\.sentiment) == angryRows.map(\.sentiment))

        // The label turning back goes out at once again.
        var turned: [ReportRow] = []
        for second in 7...12 where turned.isEmpty {
            let outcome = try scenario.run(
                Self.say(Self.delighted, in: conversationId), as: .customer("cara"), at: Int64(second))
            turned = Self.rows(outcome)
        }
        #expect(turned.count == 1)
        #expect(try #require(turned.first).sentiment > angryRows[0].sentiment)
    }

    @Test("Sentiment: without report subscribers no row is built for a label change")
    func noSubscribersNoRows() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let outcome = try scenario.run(Self.say(Self.furious, in: conversationId), as: .customer("cara"), at: 1)
        #expect(Self.rows(outcome).isEmpty)
        #expect(scenario.hub.state.conversations[conversationId]?.customerSentiment.level != .neutral)
    }

    @Test(
        "Sentiment: a message nobody watches is kept unscored, and scored with the same result when a report first reads it"
    )
    func unwatchedMessagesAreScoredWhenRead() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        try scenario.run(Self.say(Self.furious, in: conversationId), as: .customer("cara"), at: 1)
        try scenario.run(Self.say(Self.plain, in: conversationId), as: .customer("cara"), at: 2)
        let kept = try #require(scenario.hub.state.conversations[conversationId]?.customerSentiment)
        #expect(kept.unscoredCount == 2)
        #expect(scenario.hub.reportSnapshot(at: time(3)).map(\.sentiment) == [kept.level])
        #expect(kept.level == SentimentScorer.analyze(Self.furious).level)

        // Once a supervisor watches the report, each message is scored as it arrives (its label may push
        // a row), and what was kept is scored with it.
        try scenario.run(.subscribeReport, as: .supervisor("sue", connection: "wall"), at: 4)
        try scenario.run(Self.say(Self.plain, in: conversationId), as: .customer("cara"), at: 5)
        let watched = try #require(scenario.hub.state.conversations[conversationId]?.customerSentiment)
        #expect(watched.unscoredCount == 0)
        #expect(watched.recentScores.count == 3)
        #expect(watched.level == kept.level)
    }

    @Test("Replay: the journal rebuilds every conversation's sentiment exactly, and the report rows with it")
    func replayRebuildsSentiment() throws {
        var scenario = Scenario()
        try scenario.run(.subscribeReport, as: .supervisor("sue", connection: "wall"), at: 0)
        let first = scenario.active(at: 1)
        let second = scenario.active(customer: "dan", agent: "bob", at: 2)
        try scenario.run(Self.say(Self.furious, in: first), as: .customer("cara"), at: 3)
        try scenario.run(Self.say(Self.plain, in: first, visibility: .public), as: .customer("cara"), at: 4)
        try scenario.run(Self.say(Self.furious, in: first, visibility: .internal), as: .agent("alice"), at: 5)
        try scenario.run(Self.say(Self.delighted, in: second), as: .customer("dan"), at: 6)
        try scenario.run(Self.say(Self.furious, in: second), as: .agent("bob"), at: 7)

        var replayed = Hub(configuration: testConfiguration())
        for event in scenario.journal { replayed.apply(event) }
        #expect(replayed.state == scenario.hub.state)
        let rows = replayed.reportSnapshot(at: time(20))
        #expect(rows == scenario.hub.reportSnapshot(at: time(20)))
        #expect(
            rows.map(\.sentiment) == [
                SentimentScorer.analyze(Self.furious).level, SentimentScorer.analyze(Self.delighted).level,
            ])
    }
}
