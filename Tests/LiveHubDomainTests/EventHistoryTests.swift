import Testing

@testable import LiveHubDomain

/// A conversation's history is kept in chunks so that a copy of the hub's state (what a snapshot being
/// written holds) does not make the next message copy the whole history.
@Suite("Event history")
struct EventHistoryTests {
    private static func events(_ count: Int) -> [DomainEvent] {
        (0..<count).map { index in
            event(
                "c1", seq: index + 1, at: Int64(index),
                .message(
                    Message(
                        seq: index + 1, senderId: "cara", senderRole: .customer, text: "m\(index)", visibility: .public,
                        clientMessageId: nil, at: time(Int64(index)))))
        }
    }

    @Test("History: every event reads back in order at its index, on and across chunk boundaries")
    func indexesAcrossChunks() {
        let size = EventHistory.chunkSize
        for count in [0, 1, size - 1, size, size + 1, 2 * size, 2 * size + 3] {
            let expected = Self.events(count)
            let history = EventHistory(expected)
            #expect(history.count == count)
            #expect(Array(history) == expected)
            #expect(history.indices.allSatisfy { history[$0] == expected[$0] })
            var visited: [DomainEvent] = []
            history.forEachEvent { visited.append(copy $0) }
            #expect(visited == expected)
            if count > 3 { #expect(Array(history[(count - 3)...]) == Array(expected[(count - 3)...])) }
        }
    }

    @Test("History: two histories of the same events are equal and hash alike, however they were built")
    func equality() {
        let events = Self.events(EventHistory.chunkSize + 5)
        var grown = EventHistory()
        for event in events { grown.append(event) }
        #expect(grown == EventHistory(events))
        #expect(grown.hashValue == EventHistory(events).hashValue)
        #expect(grown != EventHistory(events.dropLast()))
    }

    @Test(
        "History: a message sent while a copy of the state is held (a snapshot) shares the full chunks instead of copying the history, and leaves the copy as it was"
    )
    func appendWhileSnapshotHeld() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        for index in 0..<(EventHistory.chunkSize + 10) {
            try scenario.run(
                .sendMessage(
                    conversationId: conversationId, text: "m\(index)", visibility: .public, clientMessageId: nil),
                as: .customer("cara"), at: 1)
        }
        let held = scenario.hub.state
        let heldHistory = try #require(held.conversations[conversationId]?.history)
        try scenario.run(
            .sendMessage(conversationId: conversationId, text: "one more", visibility: .public, clientMessageId: nil),
            as: .customer("cara"), at: 2)
        let history = try #require(scenario.hub.state.conversations[conversationId]?.history)
        #expect(history.count == heldHistory.count + 1)
        let sharesFullChunks = history.sharesFullChunks(with: heldHistory)
        #expect(sharesFullChunks, "the append copied the full chunks the held state shares")
        #expect(held.conversations[conversationId]?.history == heldHistory)
        #expect(Array(history.dropLast()) == Array(heldHistory))
    }
}
