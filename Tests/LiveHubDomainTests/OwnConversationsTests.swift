import LiveHubDomain
import Testing

@Suite("conversations.mine")
struct OwnConversationsTests {
    /// The list a user gets from `conversations.mine`, or an empty one with the refusal recorded.
    private func mine(_ actor: Actor, in scenario: inout Scenario, at seconds: Int64) -> [OwnConversation] {
        do {
            let outcome = try scenario.run(.listOwnConversations, as: actor, at: seconds)
            guard case .conversations(let list) = outcome.acknowledgement else {
                Issue.record("unexpected acknowledgement \(outcome.acknowledgement)")
                return []
            }
            #expect(outcome.events.isEmpty, "listing changes nothing")
            return list
        } catch {
            Issue.record("refused: \(error.code)")
            return []
        }
    }

    @Test("An agent assigned a conversation while offline finds it when they sign in, with its last seq")
    func assignedWhileOffline() throws {
        var scenario = Scenario()
        let conversationId = scenario.start("cara", at: 0)
        // bob never signed in: the supervisor overrides his presence.
        _ = try scenario.run(
            .assign(conversationId: conversationId, target: .agent("bob"), override: true), as: .supervisor("sue"),
            at: 1)
        let list = mine(.agent("bob"), in: &scenario, at: 2)
        #expect(list.map(\.conversationId) == [conversationId])
        #expect(list.first?.role == .agent)
        #expect(list.first?.status == .active)
        #expect(list.first?.subject == "Help")
        #expect(list.first?.channel == .livechat)
        // lastSeq is the conversation's newest history event: resuming after it replays nothing.
        let resumed = try scenario.run(
            .resume(conversationId: conversationId, afterSeq: try #require(list.first).lastSeq), as: .agent("bob"),
            at: 3)
        #expect(resumed.acknowledgement == .history([]))
        #expect(
            try scenario.run(.resume(conversationId: conversationId, afterSeq: 0), as: .agent("bob"), at: 3)
                .acknowledgement
                != .history([]))
    }

    @Test("The customer's list holds their chat with role customer; other people's conversations are never listed")
    func onlyOwn() {
        var scenario = Scenario()
        let caras = scenario.active(customer: "cara", agent: "alice", at: 0)
        _ = scenario.start("dan", at: 1)
        #expect(mine(.customer("cara"), in: &scenario, at: 2).map(\.conversationId) == [caras])
        #expect(mine(.customer("cara"), in: &scenario, at: 2).first?.role == .customer)
        #expect(mine(.agent("alice"), in: &scenario, at: 2).map(\.conversationId) == [caras])
        #expect(mine(.agent("bob"), in: &scenario, at: 2).isEmpty)
        #expect(mine(.supervisor("sue"), in: &scenario, at: 2).isEmpty)
    }

    @Test("A closed conversation leaves the list; the list is oldest first")
    func closedLeaveAndOrder() throws {
        var scenario = Scenario()
        let first = scenario.active(customer: "cara", agent: "alice", at: 0)
        let second = scenario.active(customer: "dan", agent: "alice", at: 5)
        #expect(mine(.agent("alice"), in: &scenario, at: 6).map(\.conversationId) == [first, second])
        _ = try scenario.run(.forceClose(conversationId: first, reason: "test"), as: .supervisor("sue"), at: 7)
        #expect(mine(.agent("alice"), in: &scenario, at: 8).map(\.conversationId) == [second])
        #expect(mine(.customer("cara"), in: &scenario, at: 8).isEmpty)
    }
}
