import Testing

@testable import LiveHubDomain

/// A resend with the same `clientMsgId` is answered with the original seq. The index behind it keeps
/// hashes, not keys, and checks what it finds against the history.
@Suite("Client message index")
struct ClientMessageIndexTests {
    /// A history of messages with seq 1…, each `(sender, client id)`, and the index `apply` would build.
    private static func indexed(_ keys: [(UserId, String?)], hashMask: Int = ~0) -> (ClientMessageIndex, EventHistory) {
        var index = ClientMessageIndex(hashMask: hashMask)
        var history = EventHistory()
        for (offset, (sender, clientMessageId)) in keys.enumerated() {
            let seq = offset + 1
            if let clientMessageId {
                index.insert(
                    ClientMessageKey(senderId: sender, clientMessageId: clientMessageId), seq: seq, history: history)
            }
            history.append(
                event(
                    "c1", seq: seq,
                    .message(
                        Message(
                            seq: seq, senderId: sender, senderRole: sender == "cara" ? .customer : .agent,
                            text: "t\(seq)",
                            visibility: .public, clientMessageId: clientMessageId, at: time(0)))))
        }
        return (index, history)
    }

    @Test(
        "Resend index: each key finds its own seq; the same client id from another sender, or an unknown one, finds nothing"
    )
    func findsEachKey() {
        let (index, history) = Self.indexed([("cara", "m1"), ("alice", "m1"), ("cara", nil), ("cara", "m2")])
        #expect(index.seq(of: ClientMessageKey(senderId: "cara", clientMessageId: "m1"), in: history) == 1)
        #expect(index.seq(of: ClientMessageKey(senderId: "alice", clientMessageId: "m1"), in: history) == 2)
        #expect(index.seq(of: ClientMessageKey(senderId: "cara", clientMessageId: "m2"), in: history) == 4)
        #expect(index.seq(of: ClientMessageKey(senderId: "bob", clientMessageId: "m1"), in: history) == nil)
        #expect(index.seq(of: ClientMessageKey(senderId: "cara", clientMessageId: "m3"), in: history) == nil)
    }

    @Test("Resend index: keys whose hashes collide are kept apart, found, and rebuilt alike from the history")
    func collidingHashes() {
        // A mask of 0 gives every key the same hash: the first takes the slot, the rest collide.
        let (index, history) = Self.indexed(
            [("cara", "m1"), ("cara", "m2"), ("alice", "m1"), ("cara", nil)], hashMask: 0)
        #expect(index.seq(of: ClientMessageKey(senderId: "cara", clientMessageId: "m1"), in: history) == 1)
        #expect(index.seq(of: ClientMessageKey(senderId: "cara", clientMessageId: "m2"), in: history) == 2)
        #expect(index.seq(of: ClientMessageKey(senderId: "alice", clientMessageId: "m1"), in: history) == 3)
        #expect(index.seq(of: ClientMessageKey(senderId: "cara", clientMessageId: "m9"), in: history) == nil)
        #expect(ClientMessageIndex(history: history, hashMask: 0) == index)
    }

    @Test("Resend index: a conversation restored from its snapshot parts still answers a resend with the original seq")
    func resendAfterRestore() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        for index in 0..<30 {
            try scenario.run(
                .sendMessage(
                    conversationId: conversationId, text: "m\(index)", visibility: .public, clientMessageId: "k\(index)"
                ),
                as: index.isMultiple(of: 2) ? .customer("cara") : .agent("alice"), at: 1)
        }
        let original = try #require(scenario.hub.state.conversations[conversationId])
        let restored = Conversation(parts: original.parts)
        #expect(restored == original)
        #expect(
            restored.clientMessages.seq(
                of: ClientMessageKey(senderId: "alice", clientMessageId: "k7"), in: restored.history) == 13)
        let resend = try scenario.run(
            .sendMessage(conversationId: conversationId, text: "m7", visibility: .public, clientMessageId: "k7"),
            as: .agent("alice"), at: 2)
        #expect(resend.acknowledgement == .messageAccepted(seq: 13))
        #expect(resend.events.isEmpty)
    }

    @Test(
        "Resend index and history agree with a plain dictionary and array over random sends, resends and held copies, with few hash bits or all",
        arguments: [(1, ~0), (2, 0b11), (3, 0)])
    func matchesAModel(seed: UInt64, hashMask: Int) {
        var generator = SortedListTests.Generator(state: seed &* 0x9E37_79B9_7F4A_7C15 | 1)
        var index = ClientMessageIndex(hashMask: hashMask)
        var history = EventHistory()
        var model: [ClientMessageKey: Int] = [:]
        var modelHistory: [DomainEvent] = []
        var held: (index: ClientMessageIndex, history: EventHistory, count: Int)?
        let senders: [UserId] = ["cara", "alice", "bob"]
        for _ in 0..<900 {
            let sender = senders[Int(generator.next() % 3)]
            let clientMessageId = generator.next() % 5 == 0 ? nil : "k\(generator.next() % 400)"
            let key = clientMessageId.map { ClientMessageKey(senderId: sender, clientMessageId: $0) }
            // A resend of a known key adds nothing, as `message.send` answers it with the old seq.
            if let key, let seq = model[key] {
                #expect(index.seq(of: key, in: history) == seq)
                continue
            }
            if let key { #expect(index.seq(of: key, in: history) == nil) }
            let seq = history.count + 1
            if let key {
                index.insert(key, seq: seq, history: history)
                model[key] = seq
            }
            let message = event(
                "c1", seq: seq,
                .message(
                    Message(
                        seq: seq, senderId: sender, senderRole: .agent, text: "t", visibility: .public,
                        clientMessageId: clientMessageId, at: time(0))))
            history.append(message)
            modelHistory.append(message)
            if generator.next() % 97 == 0 { held = (index, history, history.count) }
        }
        #expect(Array(history) == modelHistory)
        for (key, seq) in model { #expect(index.seq(of: key, in: history) == seq) }
        // What a restore builds from the history alone is the same index.
        #expect(ClientMessageIndex(history: history, hashMask: hashMask) == index)
        // A copy held part-way (a snapshot's) still reads as it was then.
        if let held {
            #expect(held.history.count == held.count)
            #expect(Array(held.history) == Array(modelHistory.prefix(held.count)))
            for (key, seq) in model where seq <= held.count {
                #expect(held.index.seq(of: key, in: held.history) == seq)
            }
        }
    }
}
