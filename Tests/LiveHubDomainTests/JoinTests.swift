import LiveHubDomain
import Testing

@Suite("Join")
struct JoinTests {
    @Test("Join: agent and customer get participant.joined (role supervisor) and a notification")
    func joinTellsEveryone() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let outcome = try scenario.run(.join(conversationId: conversationId), as: .supervisor("sue"), at: 4)
            .withoutAudit
        #expect(
            outcome.events == [
                event(
                    conversationId, seq: 6, at: 4,
                    .participantJoined(ParticipantChange(userId: "sue", role: .supervisor, name: "Sue"))),
                event(
                    conversationId, seq: 7, at: 4, .notification(Notification(kind: .supervisorJoined, userId: "sue"))),
            ])
        let everyone: [Recipient] = [.user("alice"), .user("cara"), .user("sue")]
        #expect(outcome.deliveries.map(\.recipients) == [everyone, everyone])
    }

    @Test("Join: the supervisor then writes public to everyone or internal to agents and supervisors only")
    func supervisorWrites() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let send = { (visibility: Visibility) in
            Command.sendMessage(
                conversationId: conversationId, text: "sup", visibility: visibility, clientMessageId: nil)
        }
        #expect(scenario.refusal(send(.public), as: .supervisor("sue"), at: 1) == "forbidden")
        try scenario.run(.join(conversationId: conversationId), as: .supervisor("sue"), at: 2)
        let spoken = try scenario.run(send(.public), as: .supervisor("sue"), at: 3)
        let noted = try scenario.run(send(.internal), as: .supervisor("sue"), at: 4)
        #expect(spoken.deliveries.map(\.recipients) == [[.user("alice"), .user("cara"), .user("sue")]])
        #expect(noted.deliveries.map(\.recipients) == [[.user("alice"), .user("sue")]])
    }

    @Test("Join: refused for non-supervisors, twice, and on open or closed conversations")
    func joinRefusals() {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        #expect(scenario.refusal(.join(conversationId: conversationId), as: .agent("bob")) == "forbidden")
        #expect(scenario.refusal(.join(conversationId: conversationId), as: .supervisor("sue")) == nil)
        #expect(scenario.refusal(.join(conversationId: conversationId), as: .supervisor("sue")) == "invalid_state")
        let open = scenario.start("dan", at: 1)
        #expect(scenario.refusal(.join(conversationId: open), as: .supervisor("sue")) == "invalid_state")
    }

    @Test("Leave: a supervisor leaves and is told; the customer and primary agent cannot leave")
    func leaveRules() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        try scenario.run(.join(conversationId: conversationId), as: .supervisor("sue"), at: 1)
        #expect(scenario.refusal(.leave(conversationId: conversationId), as: .customer("cara")) == "invalid_state")
        #expect(scenario.refusal(.leave(conversationId: conversationId), as: .agent("alice")) == "invalid_state")
        #expect(scenario.refusal(.leave(conversationId: conversationId), as: .agent("bob")) == "forbidden")
        let outcome = try scenario.run(.leave(conversationId: conversationId), as: .supervisor("sue"), at: 2)
            .withoutAudit
        #expect(
            outcome.payloads == [.participantLeft(ParticipantChange(userId: "sue", role: .supervisor, name: "Sue"))])
        #expect(outcome.deliveries.map(\.recipients) == [[.user("alice"), .user("cara"), .user("sue")]])
    }
}
