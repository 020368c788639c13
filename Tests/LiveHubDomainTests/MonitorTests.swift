import LiveHubDomain
import Testing

@Suite("Monitor")
struct MonitorTests {
    @Test(
        "Monitor: allowed on active, waiting and wrap-up conversations; refused on open and closed",
        arguments: ConversationStatus.allCases)
    func statusRule(_ status: ConversationStatus) {
        var scenario = Scenario()
        let conversationId = scenario.conversation(in: status, at: 0)
        let allowed: Set<ConversationStatus> = [.active, .waiting, .wrapUp]
        #expect(
            scenario.refusal(.monitor(conversationId: conversationId), as: .supervisor("sue"), at: 1)
                == (allowed.contains(status) ? nil : "invalid_state"))
    }

    @Test("Monitor: refused when the supervisorMonitor setting is off", arguments: [true, false])
    func settingRule(_ isOn: Bool) {
        var scenario = Scenario(settings: AdminSettings(supervisorMonitor: isOn))
        let conversationId = scenario.active(at: 0)
        #expect(
            scenario.refusal(.monitor(conversationId: conversationId), as: .supervisor("sue"), at: 1)
                == (isOn ? nil : "forbidden"))
    }

    @Test("Monitor: never a conversation assigned to the supervisor")
    func notOwnConversation() {
        var scenario = Scenario()
        let conversationId = scenario.active(agent: "sam", at: 0)
        #expect(
            scenario.refusal(.monitor(conversationId: conversationId), as: .supervisor("sam"), at: 1) == "forbidden")
        #expect(scenario.refusal(.monitor(conversationId: conversationId), as: .supervisor("sue"), at: 1) == nil)
    }

    @Test(
        "Monitor: only supervisors monitor",
        arguments: [Actor.customer("cara"), Actor.agent("alice"), Actor.admin("ada")])
    func supervisorsOnly(_ actor: Actor) {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        #expect(scenario.refusal(.monitor(conversationId: conversationId), as: actor, at: 1) == "forbidden")
        #expect(
            scenario.refusal(.monitor(conversationId: conversationId), as: .supervisor("stranger"), at: 1)
                == "unauthorized")
    }

    @Test(
        "Monitor: silent; only the requesting connection gets monitor-started and the transcript with internal messages"
    )
    func silentWithTranscript() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        try scenario.run(
            .sendMessage(conversationId: conversationId, text: "vip", visibility: .internal, clientMessageId: nil),
            as: .agent("alice"), at: 1)
        let outcome = try scenario.run(
            .monitor(conversationId: conversationId), as: .supervisor("sue", connection: "sue-desk"), at: 2
        ).withoutAudit
        #expect(
            outcome.events == [
                event(conversationId, seq: nil, at: 2, .monitorStarted(supervisorId: "sue", connectionId: "sue-desk"))
            ])
        #expect(outcome.deliveries.map(\.recipients) == [[.connection("sue-desk")]])
        #expect(outcome.events.first?.kind == .monitorStarted)
        guard case .history(let transcript) = outcome.acknowledgement else {
            Issue.record("monitor did not answer with the transcript")
            return
        }
        #expect(
            transcript.contains { if case .message(let message) = $0.payload { message.text == "vip" } else { false } })
        #expect(scenario.hub.state.conversations[conversationId]?.participants.map(\.userId) == ["cara", "alice"])
    }

    @Test("Monitor: bound to the requesting connection; the same supervisor's other sessions are unchanged")
    func boundToConnection() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        try scenario.run(
            .monitor(conversationId: conversationId), as: .supervisor("sue", connection: "sue-desk"), at: 1)
        let outcome = try scenario.run(
            .sendMessage(conversationId: conversationId, text: "hi", visibility: .public, clientMessageId: nil),
            as: .customer("cara"), at: 2)
        #expect(outcome.deliveries.map(\.recipients) == [[.user("alice"), .user("cara"), .connection("sue-desk")]])
        #expect(
            scenario.refusal(
                .resume(conversationId: conversationId, afterSeq: 0), as: .supervisor("sue", connection: "sue-phone"))
                == "forbidden")
        #expect(
            scenario.refusal(
                .unmonitor(conversationId: conversationId), as: .supervisor("sue", connection: "sue-phone"))
                == "invalid_state")
    }

    @Test("Monitor: unmonitor and a closed connection both end the live feed")
    func endingMonitor() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        try scenario.run(.monitor(conversationId: conversationId), as: .supervisor("sue", connection: "desk"), at: 1)
        let stopped = try scenario.run(
            .unmonitor(conversationId: conversationId), as: .supervisor("sue", connection: "desk"), at: 2
        ).withoutAudit
        #expect(stopped.deliveries.map(\.recipients) == [[.connection("desk")]])
        try scenario.run(.monitor(conversationId: conversationId), as: .supervisor("sue", connection: "desk"), at: 3)
        // A connection that goes away: the app ends its sessions and tells the hub, which tells only the audit.
        let closedConnection = try scenario.run(.connectionClosed("desk"), as: .system, at: 4)
        #expect(closedConnection.deliveries.allSatisfy { $0.recipients.isEmpty })
        scenario.sessions.close("desk")
        let later = try scenario.run(.typing(conversationId: conversationId), as: .customer("cara"), at: 5)
        #expect(later.deliveries.map(\.recipients) == [[.user("alice")]])
    }
}
