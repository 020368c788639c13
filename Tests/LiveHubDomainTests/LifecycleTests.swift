import LiveHubDomain
import Testing

/// An agent action in the transition matrix.
enum AgentAction: String, CaseIterable, Sendable {
    case wait, end, close, release

    func command(_ conversationId: ConversationId) -> Command {
        switch self {
        case .wait: .wait(conversationId: conversationId)
        case .end: .end(conversationId: conversationId)
        case .close: .close(conversationId: conversationId)
        case .release: .release(conversationId: conversationId)
        }
    }

    /// The status after the action from `status`, or `nil` when the transition is `invalid_state`.
    func target(from status: ConversationStatus) -> ConversationStatus? {
        switch (self, status) {
        case (.wait, .active): .waiting
        case (.end, .active), (.end, .waiting): .wrapUp
        case (.close, .wrapUp): .closed
        case (.release, .active): .open
        default: nil
        }
    }
}

@Suite("Lifecycle")
struct LifecycleTests {
    @Test(
        "Transitions: the agent's wait, end, close and release are allowed only from their source status",
        arguments: [ConversationStatus.active, .waiting, .wrapUp, .closed], AgentAction.allCases)
    func transitionMatrix(_ status: ConversationStatus, _ action: AgentAction) {
        var scenario = Scenario()
        let conversationId = scenario.conversation(in: status, at: 0)
        let refusal = scenario.refusal(action.command(conversationId), as: .agent("alice"), at: 10)
        if let target = action.target(from: status) {
            #expect(refusal == nil)
            #expect(scenario.status(of: conversationId) == target)
        } else {
            #expect(refusal == "invalid_state")
            #expect(scenario.status(of: conversationId) == status)
        }
    }

    @Test("Transitions: parking emits conversation.updated (waiting) to customer and agent")
    func parkEvents() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let outcome = try scenario.run(.wait(conversationId: conversationId), as: .agent("alice"), at: 7)
        #expect(outcome.events == [event(conversationId, seq: 6, at: 7, updated(.waiting, agent: "alice", .parked))])
        #expect(outcome.deliveries.map(\.recipients) == [[.user("alice"), .user("cara")]])
    }

    @Test(
        "Transitions: a message from the customer or the agent revives a waiting conversation",
        arguments: [Actor.customer("cara"), Actor.agent("alice")])
    func reviveByMessage(_ sender: Actor) throws {
        var scenario = Scenario()
        let conversationId = scenario.conversation(in: .waiting, at: 0)
        let outcome = try scenario.run(
            .sendMessage(conversationId: conversationId, text: "back", visibility: .public, clientMessageId: nil),
            as: sender, at: 9)
        let role: ParticipantRole = sender.role == .customer ? .customer : .agent
        #expect(
            outcome.events == [
                event(conversationId, seq: 7, at: 9, updated(.active, agent: "alice", .revived)),
                event(
                    conversationId, seq: 8, at: 9,
                    .message(
                        Message(
                            seq: 8, senderId: sender.userId, senderRole: role, text: "back", visibility: .public,
                            clientMessageId: nil, at: time(9)))),
            ])
        #expect(scenario.hub.state.conversations[conversationId]?.primaryAgentId == "alice")
    }

    @Test("Transitions: the customer may end an active conversation; another customer may not")
    func customerEnds() {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        #expect(scenario.refusal(.end(conversationId: conversationId), as: .customer("mallory"), at: 1) == "forbidden")
        #expect(scenario.refusal(.end(conversationId: conversationId), as: .customer("cara"), at: 1) == nil)
        #expect(scenario.status(of: conversationId) == .wrapUp)
        #expect(scenario.refusal(.close(conversationId: conversationId), as: .customer("cara"), at: 2) == "forbidden")
    }

    @Test(
        "Transitions: a customer who gives up waiting withdraws: an open conversation closes at once (withdrawn), its offer is withdrawn and the agent is told; another customer may not"
    )
    func customerWithdrawsWhileWaiting() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "alice", at: 0)
        let conversationId = scenario.start(at: 0)
        let offer = try #require(scenario.pendingOffer(for: conversationId))
        #expect(scenario.refusal(.end(conversationId: conversationId), as: .customer("mallory"), at: 1) == "forbidden")
        let outcome = try scenario.run(.end(conversationId: conversationId), as: .customer("cara"), at: 2)
        #expect(scenario.status(of: conversationId) == .closed)
        #expect(scenario.hub.state.offers[offer.offerId] == nil)
        let payloads = outcome.deliveries.map(\.event.payload)
        #expect(
            payloads.contains { payload in
                if case .conversationClosed(let closed) = payload { closed.reason == "withdrawn" && closed.by == .customer } else { false }
            })
        #expect(
            outcome.deliveries.contains { delivery in
                if case .offerEnded = delivery.event.payload { delivery.recipients.contains(.user("alice")) } else { false }
            })
        // An agent still cannot end a conversation nobody took.
        let waiting = scenario.start("dan", at: 3)
        #expect(scenario.refusal(.end(conversationId: waiting), as: .agent("alice"), at: 4) != nil)
        #expect(scenario.status(of: waiting) == .open)
    }

    @Test("Transitions: only the primary agent parks, ends, closes or releases")
    func onlyPrimaryAgent() {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        for action in AgentAction.allCases {
            #expect(scenario.refusal(action.command(conversationId), as: .agent("bob"), at: 1) == "forbidden")
        }
        #expect(scenario.refusal(.wait(conversationId: "c99"), as: .agent("alice"), at: 1) == "not_found")
    }

    @Test("Transitions: release sends it back to the queue, the agent leaves and is not offered it again")
    func releaseRequeues() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let outcome = try scenario.run(.release(conversationId: conversationId), as: .agent("alice"), at: 20)
        #expect(
            outcome.payloads == [
                .participantLeft(ParticipantChange(userId: "alice", role: .agent, name: "Alice")),
                updated(.open, agent: nil, .released),
            ])
        #expect(outcome.deliveries.first?.recipients == [.user("alice"), .user("cara")])
        #expect(outcome.deliveries.last?.recipients == [.user("cara")])
        #expect(scenario.pendingOffer(for: conversationId) == nil)
        scenario.setPresence(.available, "bob", at: 21)
        #expect(scenario.pendingOffer(for: conversationId)?.agentId == "bob")
    }

    @Test("Transitions: escalate records voice or video on an active conversation")
    func escalateRecordsMode() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        #expect(
            scenario.refusal(.escalate(conversationId: conversationId, mode: .text), as: .agent("alice"))
                == "invalid_message")
        let outcome = try scenario.run(
            .escalate(conversationId: conversationId, mode: .voice), as: .agent("alice"), at: 3)
        #expect(
            outcome.events == [
                event(conversationId, seq: 6, at: 3, updated(.active, agent: "alice", mode: .voice, .escalated))
            ])
        #expect(
            scenario.refusal(.escalate(conversationId: conversationId, mode: .voice), as: .agent("alice"))
                == "invalid_state")
        #expect(
            scenario.refusal(.escalate(conversationId: conversationId, mode: .video), as: .customer("cara"))
                == "forbidden")
    }

    @Test("Start: only customers start, in a configured queue, on a channel its workstream takes")
    func startRules() {
        var scenario = Scenario()
        let start = { (queue: QueueId, channel: Channel, subject: String) in
            Command.start(subject: subject, channel: channel, queueId: queue)
        }
        #expect(scenario.refusal(start("general", .livechat, "Help"), as: .agent("alice")) == "forbidden")
        #expect(scenario.refusal(start("nowhere", .livechat, "Help"), as: .customer("cara")) == "not_found")
        #expect(scenario.refusal(start("general", .sms, "Help"), as: .customer("cara")) == "invalid_message")
        #expect(scenario.refusal(start("general", .livechat, "  "), as: .customer("cara")) == "invalid_message")
        #expect(
            scenario.refusal(start("general", .livechat, String(repeating: "x", count: 201)), as: .customer("cara"))
                == "too_large")
        #expect(scenario.start("cara") == "c1")
        #expect(scenario.start("dan", queue: "billing", channel: .sms) == "c2")
    }
}
