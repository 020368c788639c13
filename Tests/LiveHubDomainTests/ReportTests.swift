import LiveHubDomain
import Testing

@Suite("Report")
struct ReportTests {
    @Test(
        "Report: wait runs from creation or re-queue until accepted; handle from accept until close, summed over agents"
    )
    func waitAndHandle() throws {
        var scenario = Scenario()
        let conversationId = scenario.start(at: 0)
        scenario.setPresence(.available, "alice", at: 10)
        try scenario.run(.acceptOffer("o1"), as: .agent("alice"), at: 15)  // waited 15 s
        try scenario.run(.release(conversationId: conversationId), as: .agent("alice"), at: 45)  // handled 30 s
        scenario.setPresence(.available, "bob", at: 50)
        let offer = try #require(scenario.pendingOffer(for: conversationId))
        try scenario.run(.acceptOffer(offer.offerId), as: .agent("bob"), at: 55)  // waited 10 s more
        try scenario.run(.consultInvite(conversationId: conversationId, agentId: "alice"), as: .agent("bob"), at: 56)
        try scenario.run(.consultAccept("o3"), as: .agent("alice"), at: 57)
        try scenario.run(.end(conversationId: conversationId), as: .agent("bob"), at: 75)
        let row = try #require(scenario.hub.reportSnapshot(at: time(85)).first)
        #expect(
            row
                == ReportRow(
                    conversationId: conversationId, subject: "Help", customerId: "cara", status: .wrapUp, agentId: "bob",
                    queueId: "general",
                    channel: .livechat, createdAt: time(0), waitSeconds: 25, handleSeconds: 60, waitStartedAt: nil,
                    handleStartedAt: time(55), lastActivityAt: nil, participantCount: 3, customerAway: false))
    }

    @Test("Report: closed conversations and those older than 24 hours are left out")
    func window() throws {
        var scenario = Scenario()
        let old = scenario.start("old", at: 0)
        let closed = scenario.conversation(in: .closed, at: 10)
        let fresh = scenario.start("fresh", at: 20)
        let day: Int64 = 24 * 60 * 60
        #expect(scenario.hub.reportSnapshot(at: time(day)).map(\.conversationId) == [old, fresh])
        #expect(scenario.hub.reportSnapshot(at: time(day + 1)).map(\.conversationId) == [fresh])
        #expect(scenario.hub.state.conversations[closed] != nil)
    }

    @Test(
        "Report: report.update goes to subscribers at once on every change of status, agent or queue, one row per command"
    )
    func updates() throws {
        var scenario = Scenario()
        let subscribed = try scenario.run(.subscribeReport, as: .supervisor("sue", connection: "wall"), at: 0)
        #expect(subscribed.acknowledgement == .report([]))
        scenario.setPresence(.available, "alice", at: 0)
        let started = try scenario.run(
            .start(subject: "Help", channel: .livechat, queueId: "general"), as: .customer("cara"), at: 1)
        #expect(started.events.map(\.kind) == [.conversationStarted, .reportUpdate, .offer])
        #expect(started.recipients(ofFirst: .reportUpdate) == [.connection("wall")])
        let accepted = try scenario.run(.acceptOffer("o1"), as: .agent("alice"), at: 2)
        let rows = accepted.payloads.compactMap { payload -> ReportRow? in
            if case .reportUpdate(let row) = payload { row } else { nil }
        }
        #expect(rows.map(\.status) == [.active])
        #expect(rows.map(\.agentId) == ["alice"])
        // Activity refreshes the row too (at most once a second: the accept's row went out at 2).
        let message = try scenario.run(
            .sendMessage(conversationId: "c1", text: "hi", visibility: .public, clientMessageId: nil),
            as: .customer("cara"), at: 3)
        #expect(message.events.filter { $0.kind == .reportUpdate }.count == 1)
        let closed = try scenario.run(.forceClose(conversationId: "c1", reason: "x"), as: .supervisor("sue"), at: 4)
            .withoutAudit
        #expect(closed.events.map(\.kind) == [.conversationClosed, .reportUpdate])
    }

    @Test("Report: each row names the customer, by the name their token carried when there was one")
    func customer() throws {
        var scenario = Scenario()
        let named = Actor(role: .customer, userId: "cara", connectionId: "cara-1", name: "Cara Diaz")
        try scenario.run(.start(subject: "Refund", channel: .livechat, queueId: "general"), as: named, at: 0)
        _ = scenario.start("guest-7f3a", at: 1)
        let rows = scenario.hub.reportSnapshot(at: time(2))
        #expect(rows.map(\.customerId) == ["cara", "guest-7f3a"])
        #expect(rows.map(\.customerName) == ["Cara Diaz", nil])
    }

    @Test("Report: only supervisors and admins subscribe", arguments: [Role.customer, .agent, .supervisor, .admin])
    func subscribers(_ role: Role) {
        var scenario = Scenario()
        let userId: UserId = role == .supervisor ? "sue" : (role == .agent ? "alice" : "someone")
        let actor = Actor(role: role, userId: userId, connectionId: "k1")
        let allowed = role == .supervisor || role == .admin
        #expect(scenario.refusal(.subscribeReport, as: actor) == (allowed ? nil : "forbidden"))
    }
}
