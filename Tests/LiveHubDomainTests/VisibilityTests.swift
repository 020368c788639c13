import LiveHubDomain
import Testing

@Suite("Visibility")
struct VisibilityTests {
    @Test("Visibility: a public message reaches every participant; an internal one never reaches the customer")
    func internalNeverReachesCustomer() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        try scenario.run(.join(conversationId: conversationId), as: .supervisor("sue"), at: 1)
        try scenario.run(.monitor(conversationId: conversationId), as: .supervisor("sam", connection: "sam-web"), at: 1)
        let spoken = try scenario.run(
            .sendMessage(conversationId: conversationId, text: "hi", visibility: .public, clientMessageId: nil),
            as: .agent("alice"), at: 2)
        let noted = try scenario.run(
            .sendMessage(conversationId: conversationId, text: "vip", visibility: .internal, clientMessageId: nil),
            as: .agent("alice"), at: 3)
        #expect(
            spoken.deliveries.map(\.recipients) == [
                [.user("alice"), .user("cara"), .user("sue"), .connection("sam-web")]
            ])
        #expect(noted.deliveries.map(\.recipients) == [[.user("alice"), .user("sue"), .connection("sam-web")]])
    }

    @Test("Visibility: a customer sees only their own conversation")
    func customerSeesOwnOnly() {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        #expect(
            scenario.refusal(.resume(conversationId: conversationId, afterSeq: 0), as: .customer("mallory"))
                == "forbidden")
        #expect(scenario.refusal(.typing(conversationId: conversationId), as: .customer("mallory")) == "forbidden")
        #expect(scenario.refusal(.resume(conversationId: conversationId, afterSeq: 0), as: .customer("cara")) == nil)
    }

    @Test("Visibility: an agent sees only conversations they take part in or are offered")
    func agentSeesOwnOnly() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "alice")
        let conversationId = scenario.start(at: 0)
        let offered = try scenario.run(
            .start(subject: "Other", channel: .livechat, queueId: "general"), as: .customer("dan"), at: 1)
        // Alice (capacity 2) is offered both; bob is offered nothing and may not read either.
        #expect(offered.recipients(ofFirst: .offer) == [.user("alice")])
        #expect(
            scenario.refusal(.resume(conversationId: conversationId, afterSeq: 0), as: .agent("bob")) == "forbidden")
    }

    @Test("Visibility: resume returns the events after afterSeq that the requester may see")
    func resumeFilters() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)  // seq 1…5
        try scenario.run(
            .sendMessage(conversationId: conversationId, text: "note", visibility: .internal, clientMessageId: nil),
            as: .agent("alice"), at: 1)  // seq 6
        try scenario.run(
            .sendMessage(conversationId: conversationId, text: "hi", visibility: .public, clientMessageId: nil),
            as: .agent("alice"), at: 2)  // seq 7
        let customer = try scenario.run(
            .resume(conversationId: conversationId, afterSeq: 1), as: .customer("cara"), at: 3)
        let agent = try scenario.run(.resume(conversationId: conversationId, afterSeq: 5), as: .agent("alice"), at: 3)
        guard case .history(let customerEvents) = customer.acknowledgement,
            case .history(let agentEvents) = agent.acknowledgement
        else {
            Issue.record("resume did not answer with history")
            return
        }
        // The customer never sees the route offer (seq 2, 3) or the internal note (seq 6).
        #expect(customerEvents.compactMap(\.seq) == [4, 5, 7])
        #expect(agentEvents.compactMap(\.seq) == [6, 7])
        #expect(
            scenario.refusal(.resume(conversationId: conversationId, afterSeq: -1), as: .customer("cara"))
                == "invalid_message")
    }
}
