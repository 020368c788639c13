import LiveHubDomain
import Testing

@Suite("Re-offer")
struct ReofferTests {
    @Test("Routing: when every eligible agent has declined, the conversation is offered again after the pause")
    func offeredAgainAfterThePause() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "alice", "bob")
        let conversationId = scenario.start(at: 0)
        try scenario.run(.rejectOffer("o1"), as: .agent("alice"), at: 2)
        #expect(scenario.pendingOffer(for: conversationId)?.agentId == "bob")
        // Bob lets it time out: everyone eligible has declined, so nothing is offered now, and the
        // router asks to try again 60 s (the default pause) after that last decline.
        let timedOut = try scenario.run(.offerTimedOut("o2"), as: .system, at: 32)
        #expect(timedOut.payloads.count == 1)
        #expect(timedOut.timers.contains(.routingRetry(conversationId, at: time(92))))
        #expect(scenario.pendingOffer(for: conversationId) == nil)

        // Early: nothing. On time: the declines are cleared (journaled as `retried`) and it is offered
        // by the usual rules: equal free capacity, alice was offered work longest ago.
        #expect(try scenario.run(.retryRouting(conversationId), as: .system, at: 91).events.isEmpty)
        let retried = try scenario.run(.retryRouting(conversationId), as: .system, at: 92)
        #expect(retried.payloads.first == updated(.open, agent: nil, .retried))
        #expect(scenario.pendingOffer(for: conversationId)?.agentId == "alice")
        #expect(scenario.status(of: conversationId) == .open)
    }

    @Test("Routing: the pause before offering again is configurable")
    func pauseIsConfigurable() throws {
        var configuration = testConfiguration()
        configuration.timing.offerRetryPauseMilliseconds = 5_000
        var scenario = Scenario(hub: Hub(configuration: configuration))
        scenario.setPresence(.available, "sam")
        let conversationId = scenario.start(at: 0)
        let rejected = try scenario.run(.rejectOffer("o1"), as: .agent("sam"), at: 1)
        #expect(rejected.timers.contains(.routingRetry(conversationId, at: time(6))))
        try scenario.run(.retryRouting(conversationId), as: .system, at: 6)
        #expect(scenario.pendingOffer(for: conversationId)?.agentId == "sam")
    }

    @Test("Routing: a retry for a conversation that moved on, or from anyone but the system, changes nothing")
    func staleRetryIsIgnored() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "sam")
        let conversationId = scenario.start(at: 0)
        try scenario.run(.rejectOffer("o1"), as: .agent("sam"), at: 1)
        #expect(scenario.refusal(.retryRouting(conversationId), as: .customer("cara"), at: 61) == "forbidden")
        try scenario.run(
            .assign(conversationId: conversationId, target: .agent("bob"), override: true), as: .supervisor("sue"),
            at: 2)
        #expect(try scenario.run(.retryRouting(conversationId), as: .system, at: 61).events.isEmpty)
        #expect(scenario.status(of: conversationId) == .active)
    }

    @Test("Routing: an agent returning to available is considered for waiting work at once")
    func returningAgentIsConsideredAtOnce() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "bob", at: 0)
        scenario.setPresence(.away, "bob", at: 1)
        let conversationId = scenario.start(at: 2)
        #expect(scenario.pendingOffer(for: conversationId) == nil)
        let back = try scenario.run(.setPresence(.available), as: .agent("bob"), at: 3)
        #expect(back.events.map(\.kind) == [.presenceChanged, .offer])
        #expect(scenario.pendingOffer(for: conversationId)?.agentId == "bob")
    }

    @Test("Routing: waiting work goes first in, first out across the queues an agent serves")
    func firstInFirstOutAcrossQueues() throws {
        var scenario = Scenario()
        let billing = scenario.start("c-one", queue: "billing", at: 0)
        let general = scenario.start("c-two", queue: "general", at: 1)
        let outcome = try scenario.run(.setPresence(.available), as: .agent("alice"), at: 2)  // capacity 2
        let offered = outcome.payloads.compactMap { payload -> ConversationId? in
            if case .offer(let offer) = payload { offer.conversationId } else { nil }
        }
        #expect(offered == [billing, general])
    }

    @Test("Routing: an agent whose capacity frees up takes the oldest conversation they have not declined")
    func freedAgentSkipsDeclined() throws {
        var scenario = Scenario()
        let released = scenario.active(customer: "c-one", agent: "sam", at: 0)  // sam's capacity is 1
        try scenario.run(.release(conversationId: released), as: .agent("sam"), at: 1)
        #expect(scenario.pendingOffer(for: released) == nil)  // sam released it: never offered it again
        let second = scenario.start("c-two", at: 2)
        try scenario.run(
            .acceptOffer(try #require(scenario.pendingOffer(for: second)).offerId), as: .agent("sam"), at: 3)
        let third = scenario.start("c-three", at: 4)
        #expect(scenario.pendingOffer(for: third) == nil)  // sam is full
        try scenario.run(.end(conversationId: second), as: .agent("sam"), at: 5)
        try scenario.run(.close(conversationId: second), as: .agent("sam"), at: 6)
        #expect(scenario.pendingOffer(for: released) == nil)
        #expect(scenario.pendingOffer(for: third)?.agentId == "sam")
    }

    @Test("Replay: the queue lines and the router's choices are the same in a hub rebuilt from the journal")
    func replayedHubRoutesTheSame() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "alice", "bob")
        let first = scenario.start("c-one", at: 0)
        try scenario.run(.rejectOffer("o1"), as: .agent("alice"), at: 1)
        _ = scenario.start("c-two", at: 2)
        _ = scenario.start("c-three", queue: "billing", at: 3)
        try scenario.run(.offerTimedOut(try #require(scenario.pendingOffer(for: first)).offerId), as: .system, at: 40)
        try scenario.run(.retryRouting(first), as: .system, at: 100)
        var replayed = Hub(configuration: testConfiguration())
        for event in scenario.journal { replayed.apply(event) }
        #expect(replayed.state == scenario.hub.state)

        // Presence is not replayed: with the same agents available again both route alike.
        var original = Scenario(hub: scenario.hub)
        var rebuilt = Scenario(hub: replayed)
        for agent in ["alice", "bob", "carol"] as [UserId] {
            original.setPresence(.offline, agent, at: 101)
            original.setPresence(.available, agent, at: 102)
            rebuilt.setPresence(.available, agent, at: 102)
        }
        let next = try original.run(
            .start(subject: "Help", channel: .livechat, queueId: "general"), as: .customer("dan"), at: 103)
        let same = try rebuilt.run(
            .start(subject: "Help", channel: .livechat, queueId: "general"), as: .customer("dan"), at: 103)
        #expect(next.payloads == same.payloads)
        #expect(
            rebuilt.hub.state.offers.values.map(\.agentId).sorted()
                == original.hub.state.offers.values.map(\.agentId).sorted())
    }
}
