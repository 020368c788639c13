@testable import LiveHubServer
import LiveHubDomain
import Testing

/// The operator's trail: one info line per lifecycle change and per supervisor action.
@Suite("hub lifecycle log")
struct HubLifecycleLogTests {
    static let at = Instant(millisecondsSinceEpoch: 1_700_000_000_000)

    @Test("each lifecycle change of a conversation is one line naming the conversation, who and why")
    func lifecycleLines() {
        let facts = [
            DomainEvent(
                conversationId: "c1", seq: 1, at: Self.at,
                payload: .conversationStarted(
                    ConversationStarted(subject: "s", channel: "livechat", mode: .text, queueId: "general", customerId: "cust-1", capacityUnits: 1))),
            DomainEvent(
                conversationId: "c1", seq: 2, at: Self.at,
                payload: .conversationUpdated(
                    ConversationUpdate(status: .active, queueId: "general", primaryAgentId: "alice", mode: .text, reason: .accepted))),
            DomainEvent(
                conversationId: "c1", seq: 3, at: Self.at,
                payload: .message(
                    Message(seq: 3, senderId: "alice", senderRole: .agent, text: "hi", visibility: .public, clientMessageId: nil, at: Self.at))),
            DomainEvent(
                conversationId: "c1", seq: 4, at: Self.at,
                payload: .conversationClosed(ConversationClosed(by: .supervisor, userId: "sam", reason: "Abusive \"language\""))),
        ]
        #expect(
            HubLifecycleLog.lines(for: facts) == [
                "event=conversation.started conversation=c1 customer=cust-1 queue=general channel=livechat",
                "event=conversation.updated conversation=c1 status=active agent=alice queue=general reason=accepted",
                "event=conversation.closed conversation=c1 by=supervisor user=sam reason=\"Abusive language\"",
            ])
    }

    @Test("a supervisor's action is one line with who, what, which conversation and why; an agent's request is none")
    func supervisorActions() {
        let sam = Actor(role: .supervisor, userId: "sam", connectionId: "s1-4")
        #expect(
            HubLifecycleLog.action(.forceClose(conversationId: "c1", reason: "spam"), by: sam)
                == "event=supervisor.force_close user=sam role=supervisor conversation=c1 reason=\"spam\"")
        #expect(
            HubLifecycleLog.action(.assign(conversationId: "c2", target: .agent("bob"), override: true), by: sam)
                == "event=supervisor.assign user=sam role=supervisor conversation=c2 target=agent:bob override=true")
        #expect(
            HubLifecycleLog.action(.monitor(conversationId: "c3"), by: sam)
                == "event=supervisor.monitor user=sam role=supervisor conversation=c3 session=s1-4")
        let alice = Actor(role: .agent, userId: "alice", connectionId: "s1-5")
        #expect(HubLifecycleLog.action(.close(conversationId: "c1"), by: alice) == nil)
    }
}
