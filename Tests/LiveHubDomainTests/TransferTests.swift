import LiveHubDomain
import Testing

@Suite("Transfer")
struct TransferTests {
    /// Alice handles cara's conversation in general; bob is available in the same queue.
    func ready() -> (Scenario, ConversationId) {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        scenario.setPresence(.available, "bob", at: 0)
        return (scenario, conversationId)
    }

    @Test("Transfer: the target gets an offer; on accept they are primary and the first agent stays as consult")
    func acceptTransfers() throws {
        var (scenario, conversationId) = ready()
        let requested = try scenario.run(
            .transfer(conversationId: conversationId, target: .agent("bob")), as: .agent("alice"), at: 10)
        let offer = Offer(
            offerId: "o2", conversationId: conversationId, kind: .transfer, agentId: "bob", requesterId: "alice",
            subject: "Help", channel: .livechat, queueId: "general", reservedUnits: 0, expiresAt: time(40))
        #expect(requested.events == [event(conversationId, seq: 6, at: 10, .offer(offer))])
        #expect(requested.deliveries.map(\.recipients) == [[.user("alice"), .user("bob")]])
        #expect(requested.acknowledgement == .offerMade("o2"))
        #expect(requested.timers == [.offerTimeout("o2", at: time(40))])

        let accepted = try scenario.run(.acceptOffer("o2"), as: .agent("bob"), at: 12)
        #expect(
            accepted.events == [
                event(
                    conversationId, seq: 7, at: 12,
                    .offerEnded(
                        OfferEnded(
                            offerId: "o2", kind: .transfer, agentId: "bob", requesterId: "alice", outcome: .accepted))),
                event(
                    conversationId, seq: 8, at: 12,
                    .participantJoined(ParticipantChange(userId: "bob", role: .agent, name: "Bob"))),
                event(conversationId, seq: 9, at: 12, updated(.active, agent: "bob", .transferred)),
                event(
                    conversationId, seq: 10, at: 12,
                    .participantJoined(ParticipantChange(userId: "alice", role: .consult, name: "Alice"))),
            ])
        let conversation = try #require(scenario.hub.state.conversations[conversationId])
        #expect(conversation.primaryAgentId == "bob")
        #expect(
            conversation.participants == [
                Participant(userId: "cara", role: .customer), Participant(userId: "alice", role: .consult),
                Participant(userId: "bob", role: .agent),
            ])
        #expect(scenario.hub.state.agents["bob"]?.heldConversationIds == [conversationId])
        #expect(scenario.hub.state.agents["alice"]?.heldConversationIds == [])
    }

    @Test("Transfer: a reject or a timeout changes nothing and the requester is told", arguments: [false, true])
    func rejectOrTimeout(_ timesOut: Bool) throws {
        var (scenario, conversationId) = ready()
        try scenario.run(.transfer(conversationId: conversationId, target: .agent("bob")), as: .agent("alice"), at: 10)
        let before = scenario.hub.state.conversations[conversationId]?.participants
        let outcome =
            timesOut
            ? try scenario.run(.offerTimedOut("o2"), as: .system, at: 40)
            : try scenario.run(.rejectOffer("o2"), as: .agent("bob"), at: 11)
        let ended = OfferEnded(
            offerId: "o2", kind: .transfer, agentId: "bob", requesterId: "alice",
            outcome: timesOut ? .timedOut : .rejected)
        #expect(outcome.payloads == [.offerEnded(ended)])
        #expect(outcome.deliveries.map(\.recipients) == [[.user("alice"), .user("bob")]])
        #expect(scenario.hub.state.conversations[conversationId]?.primaryAgentId == "alice")
        #expect(scenario.hub.state.conversations[conversationId]?.participants == before)
    }

    @Test("Transfer: only active or waiting conversations", arguments: ConversationStatus.allCases)
    func statusRule(_ status: ConversationStatus) {
        var scenario = Scenario()
        let conversationId = scenario.conversation(in: status, at: 0)
        scenario.setPresence(.available, "bob", at: 0)
        let expected: String? =
            switch status {
            case .active, .waiting: nil
            case .open: "forbidden"  // nobody is its agent yet
            case .wrapUp, .closed: "invalid_state"
            }
        #expect(
            scenario.refusal(
                .transfer(conversationId: conversationId, target: .agent("bob")), as: .agent("alice"), at: 1)
                == expected)
    }

    @Test("Transfer: text mode only")
    func textOnly() throws {
        var (scenario, conversationId) = ready()
        try scenario.run(.escalate(conversationId: conversationId, mode: .video), as: .agent("alice"), at: 1)
        #expect(
            scenario.refusal(
                .transfer(conversationId: conversationId, target: .agent("bob")), as: .agent("alice"), at: 2)
                == "invalid_state")
    }

    @Test("Transfer: the target is an agent, never a bot, in the same queue, with an allowed presence")
    func targetRules() {
        var (scenario, conversationId) = ready()
        let to = { (agent: UserId) in Command.transfer(conversationId: conversationId, target: .agent(agent)) }
        #expect(scenario.refusal(to("helpbot"), as: .agent("alice")) == "forbidden")
        #expect(scenario.refusal(to("carol"), as: .agent("alice")) == "forbidden")  // billing only
        #expect(scenario.refusal(to("nobody"), as: .agent("alice")) == "not_found")
        #expect(scenario.refusal(to("alice"), as: .agent("alice")) == "invalid_message")
        scenario.setPresence(.away, "bob", at: 1)
        #expect(scenario.refusal(to("bob"), as: .agent("alice"), at: 2) == "presence_not_allowed")
        #expect(scenario.refusal(to("bob"), as: .agent("bob"), at: 2) == "forbidden")
    }

    @Test("Transfer: supervisors need the supervisorTransfer setting", arguments: [true, false])
    func supervisorSetting(_ isOn: Bool) {
        var scenario = Scenario(settings: AdminSettings(supervisorTransfer: isOn))
        let conversationId = scenario.active(at: 0)
        scenario.setPresence(.available, "bob", at: 0)
        #expect(
            scenario.refusal(
                .transfer(conversationId: conversationId, target: .agent("bob")), as: .supervisor("sue"), at: 1)
                == (isOn ? nil : "forbidden"))
    }

    @Test("Transfer: to another queue the agents leave and it waits open there, wait time restarting")
    func toQueue() throws {
        var (scenario, conversationId) = ready()
        let outcome = try scenario.run(
            .transfer(conversationId: conversationId, target: .queue("billing")), as: .supervisor("sue"), at: 50)
        // A re-queue starts afresh: alice serves billing too, so the router may offer it to her again.
        #expect(
            outcome.payloads.prefix(2) == [
                .participantLeft(ParticipantChange(userId: "alice", role: .agent, name: "Alice")),
                updated(.open, queue: "billing", agent: nil, .requeued),
            ])
        #expect(scenario.pendingOffer(for: conversationId)?.queueId == "billing")
        #expect(scenario.hub.reportSnapshot(at: time(60)).first?.waitSeconds == 10)
        #expect(
            scenario.refusal(
                .transfer(conversationId: conversationId, target: .queue("billing")), as: .supervisor("sue"))
                == "invalid_state")
    }

    @Test("Consult: the invited agent joins as consult on accept; a reject tells the requester")
    func consult() throws {
        var (scenario, conversationId) = ready()
        try scenario.run(.consultInvite(conversationId: conversationId, agentId: "bob"), as: .agent("alice"), at: 1)
        let rejected = try scenario.run(.consultReject("o2"), as: .agent("bob"), at: 2)
        #expect(rejected.deliveries.map(\.recipients) == [[.user("alice"), .user("bob")]])
        try scenario.run(.consultInvite(conversationId: conversationId, agentId: "bob"), as: .agent("alice"), at: 3)
        #expect(scenario.refusal(.consultAccept("o1"), as: .agent("bob"), at: 4) == "not_found")
        let accepted = try scenario.run(.consultAccept("o3"), as: .agent("bob"), at: 4)
        #expect(
            accepted.payloads.last == .participantJoined(ParticipantChange(userId: "bob", role: .consult, name: "Bob")))
        #expect(scenario.hub.state.conversations[conversationId]?.primaryAgentId == "alice")
        #expect(
            scenario.refusal(.consultInvite(conversationId: conversationId, agentId: "bob"), as: .agent("alice"), at: 5)
                == "invalid_message")
        #expect(scenario.refusal(.leave(conversationId: conversationId), as: .agent("bob"), at: 6) == nil)
    }
}
