import LiveHubDomain
import Testing

@Suite("Disconnects")
struct DisconnectTests {
    // MARK: Customers

    @Test(
        "Reconnection: a customer who disconnects is away for the others and monitors, not gone; back within the window the conversation goes on"
    )
    func customerBackWithinWindow() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        try scenario.run(.monitor(conversationId: conversationId), as: .supervisor("sue", connection: "desk"), at: 1)
        let away = try scenario.run(.userDisconnected("cara", .customer), as: .system, at: 10)
        #expect(away.payloads == [.participantAway(ParticipantChange(userId: "cara", role: .customer, name: "cara"))])
        #expect(away.deliveries.map(\.recipients) == [[.user("alice"), .user("cara"), .connection("desk")]])
        #expect(away.timers == [.reconnectWindow(conversationId, at: time(190))])  // 3 minutes by default
        let conversation = try #require(scenario.hub.state.conversations[conversationId])
        #expect(conversation.role(of: "cara") == .customer)
        #expect(conversation.customerAwaySince == time(10))

        let back = try scenario.run(.userConnected("cara", .customer), as: .system, at: 100)
        #expect(back.payloads == [.participantBack(ParticipantChange(userId: "cara", role: .customer, name: "cara"))])
        #expect(try scenario.run(.reconnectWindowEnded(conversationId), as: .system, at: 190).events.isEmpty)
        #expect(scenario.status(of: conversationId) == .active)
        #expect(
            scenario.refusal(
                .sendMessage(
                    conversationId: conversationId, text: "still here", visibility: .public, clientMessageId: nil),
                as: .customer("cara"), at: 191) == nil)
    }

    @Test("Reconnection: when the window passes an open conversation closes, with a system entry saying why")
    func openConversationCloses() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "bob")
        let conversationId = scenario.start(at: 0)
        #expect(scenario.pendingOffer(for: conversationId)?.agentId == "bob")
        try scenario.run(.userDisconnected("cara", .customer), as: .system, at: 5)
        #expect(try scenario.run(.reconnectWindowEnded(conversationId), as: .system, at: 184).events.isEmpty)
        let ended = try scenario.run(.reconnectWindowEnded(conversationId), as: .system, at: 185)
        let entry = Message(
            seq: 5, senderId: "system", senderRole: .system,
            text: "The customer did not reconnect within 3 minutes; the conversation was closed.", visibility: .public,
            clientMessageId: nil, at: time(185))
        #expect(
            ended.payloads == [
                .offerEnded(
                    OfferEnded(offerId: "o1", kind: .route, agentId: "bob", requesterId: nil, outcome: .withdrawn)),
                .message(entry),
                .conversationClosed(ConversationClosed(by: .customer, userId: "cara", reason: "customer-disconnected")),
            ])
        #expect(scenario.status(of: conversationId) == .closed)
        #expect(scenario.hub.state.conversations[conversationId]?.transcript.last == entry)
    }

    @Test(
        "Reconnection: when the window passes an active or waiting conversation goes to wrap-up, with a system entry",
        arguments: [ConversationStatus.active, .waiting])
    func activeConversationWrapsUp(_ status: ConversationStatus) throws {
        var scenario = Scenario()
        let conversationId = scenario.conversation(in: status, at: 0)
        try scenario.run(.userDisconnected("cara", .customer), as: .system, at: 1)
        let ended = try scenario.run(.reconnectWindowEnded(conversationId), as: .system, at: 181)
        #expect(ended.events.map(\.kind) == [.message, .conversationUpdated])
        #expect(ended.payloads.last == updated(.wrapUp, agent: "alice", .customerDisconnected))
        #expect(ended.deliveries.first?.recipients == [.user("alice"), .user("cara")])
        #expect(scenario.status(of: conversationId) == .wrapUp)
        // The agent closes it as after any wrap-up.
        #expect(scenario.refusal(.close(conversationId: conversationId), as: .agent("alice"), at: 182) == nil)
    }

    @Test("Reconnection: the window is configurable; a customer with nothing under way is not away from anything")
    func windowIsConfigurable() throws {
        var configuration = testConfiguration()
        configuration.timing.customerReconnectMilliseconds = 30_000
        var scenario = Scenario(hub: Hub(configuration: configuration))
        #expect(try scenario.run(.userDisconnected("cara", .customer), as: .system, at: 0).events.isEmpty)
        let conversationId = scenario.active(at: 1)
        let away = try scenario.run(.userDisconnected("cara", .customer), as: .system, at: 2)
        #expect(away.timers == [.reconnectWindow(conversationId, at: time(32))])
        try scenario.run(.reconnectWindowEnded(conversationId), as: .system, at: 32)
        #expect(scenario.status(of: conversationId) == .wrapUp)
    }

    @Test("Connections: only the system reports users connecting and disconnecting")
    func onlyTheSystem() {
        var scenario = Scenario()
        _ = scenario.active(at: 0)
        #expect(scenario.refusal(.userDisconnected("cara", .customer), as: .customer("cara")) == "forbidden")
        #expect(scenario.refusal(.userConnected("alice", .agent), as: .agent("alice")) == "forbidden")
        #expect(scenario.refusal(.agentGraceEnded("alice"), as: .supervisor("sue")) == "forbidden")
        #expect(scenario.refusal(.reconnectWindowEnded("c1"), as: .agent("alice")) == "forbidden")
    }

    // MARK: Agents

    @Test(
        "Agent drop: an agent whose last connection closes is offline for routing at once; their pending offer goes to the next agent"
    )
    func agentOfflineAtOnce() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "alice", "bob")
        let conversationId = scenario.start(at: 0)
        #expect(scenario.pendingOffer(for: conversationId)?.agentId == "alice")
        let dropped = try scenario.run(.userDisconnected("alice", .agent), as: .system, at: 1)
        #expect(
            dropped.payloads.prefix(3) == [
                .offerEnded(
                    OfferEnded(offerId: "o1", kind: .route, agentId: "alice", requesterId: nil, outcome: .withdrawn)),
                .agentDisconnected(userId: "alice", presence: .available),
                .presenceChanged(userId: "alice", presence: .offline),
            ])
        #expect(scenario.hub.presence(of: "alice") == .offline)
        #expect(scenario.pendingOffer(for: conversationId)?.agentId == "bob")
        // She holds nothing, so there is no grace timer; back in time her presence returns all the same.
        #expect(dropped.timers.contains(.offerTimeout("o2", at: time(31))))
        #expect(!dropped.timers.contains { if case .agentGrace = $0 { true } else { false } })
        let back = try scenario.run(.userConnected("alice", .agent), as: .system, at: 60)
        #expect(
            back.payloads == [
                .agentReconnected(userId: "alice", presence: .available),
                .presenceChanged(userId: "alice", presence: .available),
            ])
    }

    @Test("Agent drop: back within the grace period their presence returns and their conversations continue")
    func agentBackWithinGrace() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let dropped = try scenario.run(.userDisconnected("alice", .agent), as: .system, at: 10)
        #expect(dropped.timers == [.agentGrace("alice", at: time(160))])  // 2.5 minutes by default
        #expect(scenario.hub.presence(of: "alice") == .offline)
        let back = try scenario.run(.userConnected("alice", .agent), as: .system, at: 159)
        #expect(back.payloads.last == .presenceChanged(userId: "alice", presence: .available))
        #expect(try scenario.run(.agentGraceEnded("alice"), as: .system, at: 160).events.isEmpty)
        #expect(scenario.status(of: conversationId) == .active)
        #expect(scenario.hub.state.conversations[conversationId]?.primaryAgentId == "alice")
    }

    @Test(
        "Agent drop: after the grace period each conversation they were primary on goes back to its queue, the customer is told, and it is routed again"
    )
    func agentGoneRequeues() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        scenario.setPresence(.available, "bob", at: 1)
        try scenario.run(.consultInvite(conversationId: conversationId, agentId: "bob"), as: .agent("alice"), at: 2)
        try scenario.run(.consultAccept("o2"), as: .agent("bob"), at: 3)
        try scenario.run(.userDisconnected("alice", .agent), as: .system, at: 10)
        #expect(try scenario.run(.agentGraceEnded("alice"), as: .system, at: 159).events.isEmpty)
        let gone = try scenario.run(.agentGraceEnded("alice"), as: .system, at: 160)
        let entry = Message(
            seq: 9, senderId: "system", senderRole: .system,
            text: "Your agent was disconnected. We are connecting you to someone else.", visibility: .public,
            clientMessageId: nil, at: time(160))
        #expect(
            Array(gone.payloads.prefix(4)) == [
                .message(entry),
                .participantLeft(ParticipantChange(userId: "alice", role: .agent, name: "Alice")),
                .participantLeft(ParticipantChange(userId: "bob", role: .consult, name: "Bob")),
                updated(.open, agent: nil, .agentDisconnected),
            ])
        #expect(gone.deliveries.first?.recipients == [.user("alice"), .user("bob"), .user("cara")])
        // Routed again: bob is available and has not declined it.
        #expect(scenario.pendingOffer(for: conversationId)?.agentId == "bob")
        #expect(scenario.hub.state.agents["alice"]?.heldConversationIds.isEmpty == true)
    }

    @Test("Agent drop: a wrapped-up conversation of an agent who does not come back is closed")
    func wrapUpClosesAfterGrace() throws {
        var scenario = Scenario()
        let conversationId = scenario.conversation(in: .wrapUp, at: 0)
        try scenario.run(.userDisconnected("alice", .agent), as: .system, at: 1)
        let gone = try scenario.run(.agentGraceEnded("alice"), as: .system, at: 151)
        #expect(
            gone.payloads == [
                .conversationClosed(ConversationClosed(by: .agent, userId: "alice", reason: "agent-disconnected"))
            ])
        #expect(scenario.status(of: conversationId) == .closed)
    }

    @Test("Agent drop: consults and supervisors who drop simply leave")
    func consultsAndSupervisorsLeave() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        scenario.setPresence(.available, "bob", at: 1)
        try scenario.run(.consultInvite(conversationId: conversationId, agentId: "bob"), as: .agent("alice"), at: 2)
        try scenario.run(.consultAccept("o2"), as: .agent("bob"), at: 3)
        try scenario.run(.join(conversationId: conversationId), as: .supervisor("sue"), at: 4)
        let bobGone = try scenario.run(.userDisconnected("bob", .agent), as: .system, at: 5)
        #expect(
            bobGone.payloads.first == .participantLeft(ParticipantChange(userId: "bob", role: .consult, name: "Bob")))
        let sueGone = try scenario.run(.userDisconnected("sue", .supervisor), as: .system, at: 6).withoutAudit
        #expect(
            sueGone.payloads == [.participantLeft(ParticipantChange(userId: "sue", role: .supervisor, name: "Sue"))])
        #expect(sueGone.timers.isEmpty)
        let conversation = try #require(scenario.hub.state.conversations[conversationId])
        #expect(conversation.participants.map(\.userId) == ["cara", "alice"])
        #expect(conversation.primaryAgentId == "alice")
    }

    @Test("Agent drop: the grace period is configurable and an agent back after it stays offline")
    func graceIsConfigurable() throws {
        var configuration = testConfiguration()
        configuration.timing.agentGraceMilliseconds = 20_000
        var scenario = Scenario(hub: Hub(configuration: configuration))
        _ = scenario.active(at: 0)
        let dropped = try scenario.run(.userDisconnected("alice", .agent), as: .system, at: 1)
        #expect(dropped.timers.contains(.agentGrace("alice", at: time(21))))
        try scenario.run(.agentGraceEnded("alice"), as: .system, at: 21)
        let late = try scenario.run(.userConnected("alice", .agent), as: .system, at: 30)
        #expect(late.payloads == [.agentReconnected(userId: "alice", presence: .offline)])
        #expect(scenario.hub.presence(of: "alice") == .offline)
    }

    // MARK: Restart

    @Test(
        "Recovery: after a replay nobody is connected; every window starts as of now and every timer the state implies comes back"
    )
    func recoveryRearmsTimers() throws {
        var scenario = Scenario()
        let active = scenario.active(at: 0)  // cara with alice
        scenario.setPresence(.available, "bob", at: 1)
        let offered = scenario.start("dan", at: 2)  // offered to bob, pending
        let away = scenario.start("eve", queue: "billing", at: 3)
        try scenario.run(.userDisconnected("eve", .customer), as: .system, at: 4)
        var replayed = Hub(configuration: testConfiguration())
        for event in scenario.journal { replayed.apply(event) }
        #expect(replayed.state == scenario.hub.state)

        var restarted = Scenario(hub: replayed)
        let recovered = try restarted.run(.recover, as: .system, at: 100)
        // Cara and dan were connected when the hub stopped: away now; eve keeps her earlier window.
        let awayNow = recovered.payloads.compactMap { payload -> UserId? in
            if case .participantAway(let change) = payload { change.userId } else { nil }
        }
        #expect(awayNow == ["cara", "dan"])
        #expect(
            Set(recovered.timers) == [
                .offerTimeout("o2", at: time(32)), .reconnectWindow(away, at: time(184)),
                .reconnectWindow(active, at: time(280)), .reconnectWindow(offered, at: time(280)),
                .agentGrace("alice", at: time(250)),
            ])
        let pending = restarted.hub.pendingTimers()
        #expect(Set(pending) == Set(recovered.timers))
        #expect(pending.map(\.deadline) == pending.map(\.deadline).sorted())
    }
}
