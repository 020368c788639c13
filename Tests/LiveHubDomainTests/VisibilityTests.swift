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

    @Test(
        "Visibility: what each audience receives of each event kind, and which fields",
        arguments: EventKind.allCases, Audience.allCases)
    func variantTable(_ kind: EventKind, _ audience: Audience) {
        for (payload, staff, customer) in Self.table(kind) {
            #expect(payload.kind == kind)
            #expect(payload.variant(for: audience) == (audience == .staff ? staff : customer), "\(payload)")
        }
    }

    /// The rule, spelled out: one sample per variant of each kind, with what staff and what customers
    /// (customers and bots) receive. Staff receive everything but audit entries (nobody does); a customer
    /// receives their conversation's public life without routing internals (queue) or who force-closed,
    /// and nothing else.
    static func table(_ kind: EventKind) -> [(EventPayload, staff: EventVariant, customer: EventVariant)] {
        switch kind {
        case .conversationStarted:
            let started = ConversationStarted(
                subject: "Help", channel: .livechat, mode: .text, queueId: "general", customerId: "cara",
                capacityUnits: 1)
            return [(.conversationStarted(started), .complete, .trimmed)]
        case .conversationUpdated:
            return [(updated(.active, agent: "alice", .accepted), .complete, .trimmed)]
        case .conversationClosed:
            return [
                (
                    .conversationClosed(ConversationClosed(by: .supervisor, userId: "sue", reason: "x")), .complete,
                    .trimmed
                )
            ]
        case .message:
            func message(_ visibility: Visibility) -> EventPayload {
                .message(
                    Message(
                        seq: 1, senderId: "alice", senderRole: .agent, text: "hi", visibility: visibility,
                        clientMessageId: nil, at: time(0)))
            }
            return [(message(.public), .complete, .complete), (message(.internal), .complete, .withheld)]
        case .participantJoined:
            return [(.participantJoined(ParticipantChange(userId: "sue", role: .supervisor)), .complete, .complete)]
        case .participantLeft:
            return [(.participantLeft(ParticipantChange(userId: "sue", role: .supervisor)), .complete, .complete)]
        case .notification:
            return [(.notification(Notification(kind: .supervisorJoined, userId: "sue")), .complete, .complete)]
        case .typing:
            return [(.typing(userId: "cara"), .complete, .complete)]
        case .offer:
            let offer = Offer(
                offerId: "o1", conversationId: "c1", kind: .route, agentId: "alice", requesterId: nil, subject: "Help",
                channel: .livechat, queueId: "general", reservedUnits: 1, expiresAt: time(30))
            return [(.offer(offer), .complete, .withheld)]
        case .offerEnded:
            let ended = OfferEnded(offerId: "o1", kind: .route, agentId: "alice", requesterId: nil, outcome: .rejected)
            return [(.offerEnded(ended), .complete, .withheld)]
        case .reportUpdate:
            let row = ReportRow(
                conversationId: "c1", subject: "Help", customerId: "cara", status: .open, agentId: nil, queueId: "general",
                channel: .livechat, createdAt: time(0), waitSeconds: 0, handleSeconds: 0)
            return [(.reportUpdate(row), .complete, .withheld)]
        case .presenceChanged:
            return [(.presenceChanged(userId: "alice", presence: .available), .complete, .withheld)]
        case .monitorStarted:
            return [(.monitorStarted(supervisorId: "sam", connectionId: "desk"), .complete, .withheld)]
        case .monitorStopped:
            return [(.monitorStopped(supervisorId: "sam", connectionId: "desk"), .complete, .withheld)]
        case .settingsUpdated:
            return [(.settingsUpdated(settings: .allOn, changedBy: "ada"), .complete, .withheld)]
        case .participantAway:
            return [(.participantAway(ParticipantChange(userId: "cara", role: .customer)), .complete, .complete)]
        case .participantBack:
            return [(.participantBack(ParticipantChange(userId: "cara", role: .customer)), .complete, .complete)]
        case .queuePosition:
            return [(.queuePosition(QueuePosition(position: 1, estimatedWaitSeconds: nil)), .complete, .complete)]
        case .agentUpdate:
            let row = AgentRow(
                agentId: "alice", name: "Alice", presence: .available, capacityUsed: 0, capacity: 2, conversationIds: []
            )
            return [(.agentUpdate(row), .complete, .withheld)]
        case .agentDisconnected:
            return [(.agentDisconnected(userId: "alice", presence: .available), .complete, .withheld)]
        case .agentReconnected:
            return [(.agentReconnected(userId: "alice", presence: .available), .complete, .withheld)]
        case .audit:
            // For the audit only: no connection receives it, staff included.
            let entry = AuditEntry(
                id: 1, at: time(0), userId: "sam", role: .supervisor, name: "Sam", conversationId: "c1",
                action: .monitorStarted(sessionId: "desk"))
            return [(.audit(entry), .withheld, .withheld)]
        }
    }

    @Test("Visibility: a participant receives a conversation event exactly when their audience's variant does")
    func recipientsFollowTheVariant() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        try scenario.run(.join(conversationId: conversationId), as: .supervisor("sue"), at: 1)
        for visibility in Visibility.allCases {
            let outcome = try scenario.run(
                .sendMessage(conversationId: conversationId, text: "hi", visibility: visibility, clientMessageId: nil),
                as: .agent("alice"), at: 2)
            let delivery = try #require(outcome.deliveries.first)
            let customerReceives = delivery.event.payload.variant(for: .customer).isReceived
            #expect(delivery.recipients.contains(.user("cara")) == customerReceives)
            #expect(delivery.recipients.contains(.user("sue")))
        }
    }
}
