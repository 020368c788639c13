import LiveHubDomain
import Testing

@Suite("Messaging")
struct MessagingTests {
    @Test("Messages: each gets the next per-conversation seq, returned in the ack")
    func seqInAck() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)  // seq 1…5: started, offer, offer ended, joined, updated
        let first = try scenario.run(
            .sendMessage(conversationId: conversationId, text: "hi", visibility: .public, clientMessageId: "m1"),
            as: .customer("cara"), at: 1)
        let second = try scenario.run(
            .sendMessage(conversationId: conversationId, text: "hello", visibility: .public, clientMessageId: "m1"),
            as: .agent("alice"), at: 2)
        #expect(first.acknowledgement == .messageAccepted(seq: 6))
        #expect(second.acknowledgement == .messageAccepted(seq: 7))
        #expect(
            first.events == [
                event(
                    conversationId, seq: 6, at: 1,
                    .message(
                        Message(
                            seq: 6, senderId: "cara", senderRole: .customer, text: "hi", visibility: .public,
                            clientMessageId: "m1", at: time(1))))
            ])
    }

    @Test("Messages: a resend with the same clientMsgId is acknowledged with the original seq and adds nothing")
    func idempotentResend() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let send = Command.sendMessage(
            conversationId: conversationId, text: "hi", visibility: .public, clientMessageId: "m1")
        let first = try scenario.run(send, as: .customer("cara"), at: 1)
        let again = try scenario.run(send, as: .customer("cara"), at: 2)
        #expect(again.acknowledgement == first.acknowledgement)
        #expect(again.events.isEmpty)
        #expect(scenario.hub.state.conversations[conversationId]?.transcript.count == 1)
    }

    @Test(
        "Messages: text longer than the configured limit is too_large; at the limit it is accepted",
        arguments: [(10, nil), (11, "too_large"), (0, "invalid_message")] as [(Int, String?)])
    func sizeLimit(_ length: Int, _ expected: String?) {
        var scenario = Scenario(maximumMessageCharacters: 10)
        let conversationId = scenario.active(at: 0)
        let text = String(repeating: "é", count: length)  // two UTF-8 bytes each: characters are counted, not bytes
        #expect(
            scenario.refusal(
                .sendMessage(conversationId: conversationId, text: text, visibility: .public, clientMessageId: nil),
                as: .customer("cara")) == expected)
    }

    @Test(
        "Messages: text of nothing but whitespace (Unicode spaces and line breaks too) is invalid_message; any visible character is enough",
        arguments: [
            ("", "invalid_message"), (" ", "invalid_message"), ("\r\n\t", "invalid_message"),
            ("\u{3000}\u{00A0} ", "invalid_message"), ("hi", nil), (" hi", nil), ("\n.", nil), ("é", nil),
            ("\u{3000}x", nil),
        ] as [(String, String?)])
    func blankText(_ text: String, _ expected: String?) {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        #expect(
            scenario.refusal(
                .sendMessage(conversationId: conversationId, text: text, visibility: .public, clientMessageId: nil),
                as: .customer("cara")) == expected)
    }

    @Test("Messages: customers write public only; staff may write internal")
    func customersWritePublicOnly() {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let note = Command.sendMessage(
            conversationId: conversationId, text: "note", visibility: .internal, clientMessageId: nil)
        #expect(scenario.refusal(note, as: .customer("cara")) == "forbidden")
        #expect(scenario.refusal(note, as: .agent("alice")) == nil)
    }

    @Test("Messages: only participants write, and not after wrap-up")
    func participantsOnly() {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let send = Command.sendMessage(
            conversationId: conversationId, text: "hi", visibility: .public, clientMessageId: nil)
        #expect(scenario.refusal(send, as: .agent("bob")) == "forbidden")
        #expect(scenario.refusal(send, as: .customer("mallory")) == "forbidden")
        #expect(scenario.refusal(.end(conversationId: conversationId), as: .agent("alice")) == nil)
        #expect(scenario.refusal(send, as: .customer("cara")) == "invalid_state")
    }

    @Test("Messages: a customer may write while the conversation is still open in the queue")
    func customerWritesWhileOpen() {
        var scenario = Scenario()
        let conversationId = scenario.start(at: 0)
        #expect(
            scenario.refusal(
                .sendMessage(
                    conversationId: conversationId, text: "anyone?", visibility: .public, clientMessageId: nil),
                as: .customer("cara"), at: 5) == nil)
    }

    @Test("Typing: the other participants are told; it has no seq and is not kept for resume")
    func typingIsTransient() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let outcome = try scenario.run(.typing(conversationId: conversationId), as: .customer("cara"), at: 3)
        #expect(outcome.events == [event(conversationId, seq: nil, at: 3, .typing(userId: "cara"))])
        #expect(outcome.deliveries.map(\.recipients) == [[.user("alice")]])
        let resumed = try scenario.run(
            .resume(conversationId: conversationId, afterSeq: 5), as: .customer("cara"), at: 4)
        #expect(resumed.acknowledgement == .history([]))
    }

    /// Sends `text` as `actor` with `clientMessageId`, returning the refusal's code or the seq.
    private func send(
        _ text: String, key: String, as actor: Actor, in conversationId: ConversationId, _ scenario: inout Scenario
    ) -> String {
        do {
            let outcome = try scenario.run(
                .sendMessage(conversationId: conversationId, text: text, visibility: .public, clientMessageId: key),
                as: actor)
            if case .messageAccepted(let seq) = outcome.acknowledgement { return "seq \(seq)" }
            return "unexpected \(outcome.acknowledgement)"
        } catch {
            return error.code
        }
    }

    @Test(
        "Messages: a conversation holds at most its maximum of messages: the next, from anyone, is too_large and adds nothing; a resend still gets its seq; it can still be ended"
    )
    func conversationMessageLimit() {
        var scenario = Scenario(limits: Limits(maximumConversationMessages: 3))
        let conversationId = scenario.active(at: 0)
        let accepted = (1...3).map {
            send("m\($0)", key: "k\($0)", as: .customer("cara"), in: conversationId, &scenario)
        }
        #expect(accepted.allSatisfy { $0.hasPrefix("seq ") })
        let historyBefore = scenario.hub.state.conversations[conversationId]?.historyEvents
        #expect(send("m4", key: "k4", as: .customer("cara"), in: conversationId, &scenario) == "too_large")
        #expect(send("m4", key: "a4", as: .agent("alice"), in: conversationId, &scenario) == "too_large")
        #expect(scenario.hub.state.conversations[conversationId]?.historyEvents == historyBefore)
        #expect(send("m2", key: "k2", as: .customer("cara"), in: conversationId, &scenario) == accepted[1])
        #expect(scenario.refusal(.end(conversationId: conversationId), as: .agent("alice")) == nil)
    }

    @Test(
        "Messages: a conversation holds at most its maximum of text bytes (UTF-8): a message that would pass it is too_large, one that reaches it exactly is accepted"
    )
    func conversationTextLimit() {
        var scenario = Scenario(limits: Limits(maximumConversationTextBytes: 10))
        let conversationId = scenario.active(at: 0)
        #expect(send("12345", key: "k1", as: .customer("cara"), in: conversationId, &scenario).hasPrefix("seq "))
        #expect(send("éé", key: "k2", as: .agent("alice"), in: conversationId, &scenario).hasPrefix("seq "))  // 4 bytes
        #expect(send("ab", key: "k3", as: .customer("cara"), in: conversationId, &scenario) == "too_large")
        #expect(send("a", key: "k4", as: .customer("cara"), in: conversationId, &scenario).hasPrefix("seq "))
        #expect(send("b", key: "k5", as: .customer("cara"), in: conversationId, &scenario) == "too_large")
    }

    @Test(
        "Messages: a conversation's message and text counts are rebuilt by a replay of the journal: the rebuilt hub refuses the same message"
    )
    func conversationLimitsSurviveReplay() {
        // A snapshot rebuilds them from the history it carries (`SnapshotCodecTests`).
        let limits = Limits(maximumConversationMessages: 2)
        var scenario = Scenario(limits: limits)
        let conversationId = scenario.active(at: 0)
        for index in 1...2 {
            #expect(
                send("m\(index)", key: "k\(index)", as: .customer("cara"), in: conversationId, &scenario).hasPrefix(
                    "seq "))
        }
        var replayed = Hub(configuration: testConfiguration(limits: limits))
        for event in scenario.journal { replayed.apply(event) }
        #expect(replayed.state == scenario.hub.state)
        var rebuilt = Scenario(hub: replayed)
        #expect(send("m3", key: "k3", as: .customer("cara"), in: conversationId, &rebuilt) == "too_large")
    }
}
