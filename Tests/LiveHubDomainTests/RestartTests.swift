import LiveHubDomain
import Testing

@Suite("Restart")
struct RestartTests {
    @Test(
        "Restart: the journal replays to the same state; no monitor, report subscription or presence survives, and connection ids never repeat"
    )
    func journalReplayAfterRestart() throws {
        // Before the restart: connection ids of the first start.
        let firstStart = ConnectionIdGenerator(bootedAt: time(0), nonce: 7)
        let wall = firstStart.id(number: 1)
        let samDesk = firstStart.id(number: 2)
        var scenario = Scenario()
        var outcomes: [HubOutcome] = []
        func run(_ command: Command, as actor: Actor, at seconds: Int64) throws {
            outcomes.append(try scenario.run(command, as: actor, at: seconds))
        }
        try run(.subscribeReport, as: .supervisor("sue", connection: wall), at: 0)
        let first = scenario.active(at: 1)
        try run(.monitor(conversationId: first), as: .supervisor("sam", connection: samDesk), at: 2)
        try run(
            .sendMessage(conversationId: first, text: "hi", visibility: .public, clientMessageId: "m1"),
            as: .customer("cara"), at: 3)
        try run(.typing(conversationId: first), as: .customer("cara"), at: 3)
        scenario.setPresence(.available, "bob", at: 4)
        try run(.transfer(conversationId: first, target: .agent("bob")), as: .agent("alice"), at: 5)
        let transfer = try #require(scenario.pendingOffer(for: first, kind: .transfer))
        try run(.acceptOffer(transfer.offerId), as: .agent("bob"), at: 6)
        let second = scenario.start("dan", at: 7)
        let routed = try #require(scenario.pendingOffer(for: second))
        try run(.acceptOffer(routed.offerId), as: .agent(routed.agentId), at: 8)
        try run(.monitor(conversationId: second), as: .supervisor("sam", connection: samDesk), at: 9)
        try run(.end(conversationId: second), as: .agent(routed.agentId), at: 10)
        try run(.close(conversationId: second), as: .agent(routed.agentId), at: 11)
        // The outcomes held transient deliveries too; the journal holds only facts.
        let transient = outcomes.flatMap(\.events).filter { !$0.isJournaled }.map(\.payload)
        #expect(transient.contains(.typing(userId: "cara")))
        #expect(transient.contains(.monitorStarted(supervisorId: "sam", connectionId: samDesk)))
        #expect(transient.contains { if case .reportUpdate = $0 { true } else { false } })
        #expect(scenario.journal.allSatisfy { $0.isJournaled })

        // The restart: a fresh hub replays the journal; the app starts with no session at all.
        var replayed = Hub(configuration: testConfiguration())
        for event in scenario.journal { replayed.apply(event) }
        #expect(replayed.state == scenario.hub.state)
        #expect(replayed.reportSnapshot(at: time(20)) == scenario.hub.reportSnapshot(at: time(20)))
        #expect(scenario.hub.presence(of: "bob") == .available)
        #expect(testConfiguration().agents.allSatisfy { replayed.presence(of: $0.id) == .offline })
        var restarted = Scenario(hub: replayed)

        // No monitor and no report subscriber survived: a message reaches the participants only, a
        // status change builds no report row, and the old monitor connection is nobody's.
        let message = try restarted.run(
            .sendMessage(conversationId: first, text: "still there?", visibility: .public, clientMessageId: nil),
            as: .customer("cara"), at: 20)
        #expect(message.deliveries.map(\.recipients) == [[.user("alice"), .user("bob"), .user("cara")]])
        let parked = try restarted.run(.wait(conversationId: first), as: .agent("bob"), at: 21)
        #expect(!parked.payloads.contains { if case .reportUpdate = $0 { true } else { false } })
        #expect(
            restarted.refusal(.resume(conversationId: first, afterSeq: 0), as: .supervisor("sam", connection: samDesk))
                == "forbidden")

        // Until someone monitors and subscribes again, on connections of the new start.
        let secondStart = ConnectionIdGenerator(bootedAt: time(20), nonce: 7)
        let newWall = secondStart.id(number: 1)
        let newDesk = secondStart.id(number: 2)
        try restarted.run(.subscribeReport, as: .supervisor("sue", connection: newWall), at: 22)
        try restarted.run(.monitor(conversationId: first), as: .supervisor("sam", connection: newDesk), at: 23)
        let revived = try restarted.run(
            .sendMessage(conversationId: first, text: "yes", visibility: .public, clientMessageId: nil),
            as: .customer("cara"), at: 24)
        #expect(revived.recipients(ofFirst: .reportUpdate) == [.connection(newWall)])
        #expect(
            revived.recipients(ofFirst: .message) == [
                .user("alice"), .user("bob"), .user("cara"), .connection(newDesk),
            ])

        // The ids of the second start never repeat those of the first.
        let before = Set((1...1_000 as ClosedRange<UInt64>).map(firstStart.id(number:)))
        let after = Set((1...1_000 as ClosedRange<UInt64>).map(secondStart.id(number:)))
        #expect(before.isDisjoint(with: after))
    }
}
