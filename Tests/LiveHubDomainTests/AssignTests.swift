import LiveHubDomain
import Testing

@Suite("Assign")
struct AssignTests {
    @Test("Assign: refused when the supervisorAssign setting is off", arguments: [true, false])
    func settingRule(_ isOn: Bool) {
        var scenario = Scenario(settings: AdminSettings(supervisorAssign: isOn))
        let conversationId = scenario.start(at: 0)
        scenario.setPresence(.available, "bob", at: 1)
        #expect(
            scenario.refusal(
                .assign(conversationId: conversationId, target: .agent("alice"), override: true),
                as: .supervisor("sue"),
                at: 2) == (isOn ? nil : "forbidden"))
    }

    @Test("Assign: only an open conversation without an agent", arguments: ConversationStatus.allCases)
    func onlyOpen(_ status: ConversationStatus) {
        var scenario = Scenario()
        let conversationId = scenario.conversation(in: status, at: 0)
        #expect(
            scenario.refusal(
                .assign(conversationId: conversationId, target: .agent("bob"), override: true), as: .supervisor("sue"),
                at: 1) == (status == .open ? nil : "invalid_state"))
    }

    @Test(
        "Assign: to an agent only if the workstream allows their presence, unless override",
        arguments: Presence.allCases, [false, true])
    func presenceRule(_ presence: Presence, _ override: Bool) {
        var scenario = Scenario()
        let conversationId = scenario.start(at: 0)
        scenario.setPresence(presence, "bob", at: 1)
        // An available bob would already hold a route offer; assign withdraws it and is still allowed.
        let expected: String? = (presence == .available || override) ? nil : "presence_not_allowed"
        #expect(
            scenario.refusal(
                .assign(conversationId: conversationId, target: .agent("bob"), override: override),
                as: .supervisor("sue"),
                at: 2) == expected)
    }

    @Test("Assign: override may exceed capacity and the ack says by how many units; without it capacity_exceeded")
    func capacityRule() throws {
        var scenario = Scenario()
        _ = scenario.active(customer: "c-one", agent: "sam", at: 0)  // sam: capacity 1, now full
        scenario.setPresence(.available, "sam", at: 0)
        let conversationId = scenario.start("c-two", at: 1)
        #expect(
            scenario.refusal(
                .assign(conversationId: conversationId, target: .agent("sam"), override: false), as: .supervisor("sue"),
                at: 2) == "capacity_exceeded")
        let outcome = try scenario.run(
            .assign(conversationId: conversationId, target: .agent("sam"), override: true), as: .supervisor("sue"),
            at: 3
        ).withoutAudit
        #expect(outcome.acknowledgement == .assigned(capacityExceededBy: 1))
        #expect(
            outcome.events == [
                event(
                    conversationId, seq: 2, at: 3,
                    .participantJoined(ParticipantChange(userId: "sam", role: .agent, name: "Sam"))),
                event(conversationId, seq: 3, at: 3, updated(.active, agent: "sam", .assigned)),
            ])
    }

    @Test("Assign: withdraws a pending route offer before assigning")
    func withdrawsOffer() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "alice", "bob")
        let conversationId = scenario.start(at: 0)  // offered to alice as o1
        let outcome = try scenario.run(
            .assign(conversationId: conversationId, target: .agent("bob"), override: false), as: .supervisor("sue"),
            at: 2
        ).withoutAudit
        #expect(
            outcome.payloads == [
                .offerEnded(
                    OfferEnded(offerId: "o1", kind: .route, agentId: "alice", requesterId: nil, outcome: .withdrawn)),
                .participantJoined(ParticipantChange(userId: "bob", role: .agent, name: "Bob")),
                updated(.active, agent: "bob", .assigned),
            ])
        #expect(outcome.deliveries.first?.recipients == [.user("alice")])
        #expect(outcome.acknowledgement == .assigned(capacityExceededBy: 0))
    }

    @Test("Assign: to any queue but the current one; the conversation stays open there")
    func toQueue() throws {
        var scenario = Scenario()
        let conversationId = scenario.start(at: 0)
        #expect(
            scenario.refusal(
                .assign(conversationId: conversationId, target: .queue("general"), override: false),
                as: .supervisor("sue")) == "invalid_message")
        #expect(
            scenario.refusal(
                .assign(conversationId: conversationId, target: .queue("nowhere"), override: false),
                as: .supervisor("sue")) == "not_found")
        let outcome = try scenario.run(
            .assign(conversationId: conversationId, target: .queue("billing"), override: false), as: .supervisor("sue"),
            at: 5
        ).withoutAudit
        #expect(outcome.payloads == [updated(.open, queue: "billing", agent: nil, .requeued)])
        #expect(scenario.hub.state.conversations[conversationId]?.queueId == "billing")
    }

    @Test("Assign: never to a bot, only by supervisors")
    func targetsAndActors() {
        var scenario = Scenario()
        let conversationId = scenario.start(at: 0)
        let toBot = Command.assign(conversationId: conversationId, target: .agent("helpbot"), override: true)
        #expect(scenario.refusal(toBot, as: .supervisor("sue")) == "forbidden")
        let toBob = Command.assign(conversationId: conversationId, target: .agent("bob"), override: true)
        #expect(scenario.refusal(toBob, as: .agent("alice")) == "forbidden")
        #expect(scenario.refusal(toBob, as: .admin("ada")) == "forbidden")
    }
}
