import LiveHubDomain
import Testing

@Suite("Force close")
struct ForceCloseTests {
    @Test("Force close: every participant and monitor gets conversation.closed by supervisor")
    func everyoneIsTold() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        try scenario.run(
            .monitor(conversationId: conversationId), as: .supervisor("sam", connection: "sam-desk"), at: 1)
        let outcome = try scenario.run(
            .forceClose(conversationId: conversationId, reason: "abusive"), as: .supervisor("sue"), at: 2
        ).withoutAudit
        #expect(
            outcome.events == [
                event(
                    conversationId, seq: 6, at: 2,
                    .conversationClosed(ConversationClosed(by: .supervisor, userId: "sue", reason: "abusive")))
            ])
        #expect(outcome.deliveries.map(\.recipients) == [[.user("alice"), .user("cara"), .connection("sam-desk")]])
        #expect(scenario.status(of: conversationId) == .closed)
        #expect(scenario.hub.state.agents["alice"]?.heldConversationIds == [])
    }

    @Test("Force close: refused when the supervisorForceClose setting is off", arguments: [true, false])
    func settingRule(_ isOn: Bool) {
        var scenario = Scenario(settings: AdminSettings(supervisorForceClose: isOn))
        let conversationId = scenario.active(at: 0)
        #expect(
            scenario.refusal(.forceClose(conversationId: conversationId, reason: "x"), as: .supervisor("sue"), at: 1)
                == (isOn ? nil : "forbidden"))
    }

    @Test("Force close: any status but closed", arguments: ConversationStatus.allCases)
    func anyStatusButClosed(_ status: ConversationStatus) {
        var scenario = Scenario()
        let conversationId = scenario.conversation(in: status, at: 0)
        #expect(
            scenario.refusal(.forceClose(conversationId: conversationId, reason: "x"), as: .supervisor("sue"), at: 1)
                == (status == .closed ? "invalid_state" : nil))
        #expect(scenario.status(of: conversationId) == .closed)
    }

    @Test("Force close: a later message.send is invalid_state")
    func laterMessageRefused() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        try scenario.run(.forceClose(conversationId: conversationId, reason: "x"), as: .supervisor("sue"), at: 1)
        #expect(
            scenario.refusal(
                .sendMessage(conversationId: conversationId, text: "hi", visibility: .public, clientMessageId: nil),
                as: .customer("cara"), at: 2) == "invalid_state")
    }

    @Test("Force close: an open conversation's pending offer is withdrawn")
    func withdrawsOffer() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "bob")
        let conversationId = scenario.start(at: 0)
        let outcome = try scenario.run(
            .forceClose(conversationId: conversationId, reason: "spam"), as: .supervisor("sue"), at: 1)
        #expect(
            outcome.payloads.first
                == .offerEnded(
                    OfferEnded(offerId: "o1", kind: .route, agentId: "bob", requesterId: nil, outcome: .withdrawn)))
        #expect(scenario.hub.state.offers.isEmpty)
        #expect(scenario.hub.state.agents["bob"]?.reservingOfferIds == [])
    }
}
