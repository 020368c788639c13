import LiveHubDomain
import Testing

@Suite("Waiting customers")
struct WaitingTests {
    @Test("Queue: a waiting customer is told their place (to them alone) and it counts down as those ahead are served")
    func positionCountsDown() throws {
        var scenario = Scenario()
        let first = scenario.start("c-one", at: 0)
        let second = scenario.start("c-two", at: 1)
        let third = scenario.start("c-three", at: 2)
        let started = try scenario.run(
            .start(subject: "Help", channel: .livechat, queueId: "general"), as: .customer("c-four"), at: 3)
        // Not offered at once, so the customer is told where they stand right after the start's answer.
        #expect(started.timers == [.positionNotice("c4", at: time(3))])
        let told = try scenario.run(.publishPosition(third), as: .system, at: 3)
        #expect(told.payloads == [.queuePosition(QueuePosition(position: 3, estimatedWaitSeconds: nil))])
        #expect(told.deliveries.map(\.recipients) == [[.user("c-three")]])

        // Sam (capacity 1) takes the first: those behind move up at the queue's next tick (every 5 s).
        scenario.setPresence(.available, "sam", at: 10)
        let accepted = try scenario.run(
            .acceptOffer(try #require(scenario.pendingOffer(for: first)).offerId), as: .agent("sam"), at: 12)
        #expect(accepted.timers.contains(.queueUpdate("general", at: time(15))))
        let tick = try scenario.run(.publishQueue("general"), as: .system, at: 15)
        // The first waited 12 s: with no handle time yet, that recent wait is the estimate.
        #expect(
            tick.deliveries.map(\.recipients) == [[.user("c-two")], [.user("c-three")], [.user("c-four")]])
        #expect(
            tick.payloads == [
                .queuePosition(QueuePosition(position: 1, estimatedWaitSeconds: 12)),
                .queuePosition(QueuePosition(position: 2, estimatedWaitSeconds: 12)),
                .queuePosition(QueuePosition(position: 3, estimatedWaitSeconds: 12)),
            ])
        // Nothing changed since: the next tick tells nobody.
        #expect(try scenario.run(.publishQueue("general"), as: .system, at: 20).events.isEmpty)
        #expect(scenario.status(of: second) == .open)
    }

    @Test("Queue: the estimate comes from the queue's recent handle times and the conversations its ready agents hold")
    func estimateFromHandleTimes() throws {
        var scenario = Scenario()
        let handled = scenario.active(customer: "c-one", agent: "sam", at: 0)  // sam: capacity 1
        try scenario.run(.end(conversationId: handled), as: .agent("sam"), at: 100)
        try scenario.run(.close(conversationId: handled), as: .agent("sam"), at: 120)  // handled 120 s
        let next = scenario.start("c-two", at: 130)  // offered to sam at once
        #expect(scenario.pendingOffer(for: next)?.agentId == "sam")
        let waiting = scenario.start("c-three", at: 131)
        let told = try scenario.run(.publishPosition(waiting), as: .system, at: 131)
        // Second in line, one conversation at a time, 120 s each.
        #expect(told.payloads == [.queuePosition(QueuePosition(position: 2, estimatedWaitSeconds: 240))])
    }

    @Test("Queue: ticks fall on multiples of the update interval, so changes within one interval ask for one tick")
    func ticksAreCoalesced() throws {
        var scenario = Scenario()
        for (index, customer) in ["c-one", "c-two", "c-three"].enumerated() {
            _ = scenario.start(UserId(customer), at: Int64(index))
        }
        scenario.setPresence(.available, "alice", at: 5)  // capacity 2: two offers
        let first = try scenario.run(.acceptOffer("o1"), as: .agent("alice"), at: 6)
        let second = try scenario.run(.acceptOffer("o2"), as: .agent("alice"), at: 7)
        #expect(first.timers.contains(.queueUpdate("general", at: time(10))))
        #expect(second.timers.contains(.queueUpdate("general", at: time(10))))
    }

    @Test("Queue: an away customer is not told; back, they are told where they stand")
    func awayCustomerToldWhenBack() throws {
        var scenario = Scenario()
        let conversationId = scenario.start(at: 0)
        try scenario.run(.userDisconnected("cara", .customer), as: .system, at: 1)
        #expect(try scenario.run(.publishPosition(conversationId), as: .system, at: 1).events.isEmpty)
        let back = try scenario.run(.userConnected("cara", .customer), as: .system, at: 2)
        #expect(back.timers == [.positionNotice(conversationId, at: time(2))])
        #expect(try scenario.run(.publishPosition(conversationId), as: .system, at: 2).events.count == 1)
    }

    @Test(
        "Agents view: supervisors get every agent's presence, capacity used and total, and conversations, then updates")
    func agentsView() throws {
        var scenario = Scenario()
        let subscribed = try scenario.run(.subscribeAgents, as: .supervisor("sue", connection: "wall"), at: 0)
        #expect(
            subscribed.acknowledgement
                == .agents([
                    AgentRow(
                        agentId: "alice", name: "Alice", presence: .offline, capacityUsed: 0, capacity: 2,
                        conversationIds: []),
                    AgentRow(
                        agentId: "bob", name: "Bob", presence: .offline, capacityUsed: 0, capacity: 2,
                        conversationIds: []),
                    AgentRow(
                        agentId: "carol", name: "Carol", presence: .offline, capacityUsed: 0, capacity: 1,
                        conversationIds: []),
                    AgentRow(
                        agentId: "sam", name: "Sam", presence: .offline, capacityUsed: 0, capacity: 1,
                        conversationIds: []),
                ]))
        #expect(subscribed.sessionChanges == [.agentsSubscribed(connection: "wall", user: "sue")])
        let available = try scenario.run(.setPresence(.available), as: .agent("alice"), at: 1)
        #expect(available.recipients(ofFirst: .agentUpdate) == [.connection("wall")])
        let conversationId = scenario.start(at: 2)
        let accepted = try scenario.run(.acceptOffer("o1"), as: .agent("alice"), at: 3)
        #expect(
            accepted.payloads.last
                == .agentUpdate(
                    AgentRow(
                        agentId: "alice", name: "Alice", presence: .available, capacityUsed: 1, capacity: 2,
                        conversationIds: [conversationId])))
        let dropped = try scenario.run(.userDisconnected("alice", .agent), as: .system, at: 4)
        #expect(
            dropped.payloads.last
                == .agentUpdate(
                    AgentRow(
                        agentId: "alice", name: "Alice", presence: .offline, capacityUsed: 1, capacity: 2,
                        conversationIds: [conversationId], disconnectedAt: time(4))))
        #expect(dropped.recipients(ofFirst: .agentDisconnected) == [.connection("wall")])
    }

    @Test(
        "Agents view: only supervisors and admins subscribe", arguments: [Role.customer, .agent, .supervisor, .admin])
    func agentsViewSubscribers(_ role: Role) {
        var scenario = Scenario()
        let userId: UserId = role == .supervisor ? "sue" : (role == .agent ? "alice" : "someone")
        let allowed = role == .supervisor || role == .admin
        #expect(
            scenario.refusal(.subscribeAgents, as: Actor(role: role, userId: userId, connectionId: "k1"))
                == (allowed ? nil : "forbidden"))
    }
}

@Suite("Identity and coalescing")
struct IdentityTests {
    @Test("Names: participant events carry display names, the configured one for staff and the customer's own")
    func displayNames() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "alice")
        let cara = Actor(role: .customer, userId: "cara", connectionId: "cara-1", name: "Cara Diaz")
        let started = try scenario.run(.start(subject: "Help", channel: .livechat, queueId: "general"), as: cara, at: 0)
        guard case .conversationStarted(let started) = started.payloads.first else {
            Issue.record("no start")
            return
        }
        #expect(started.customerName == "Cara Diaz")
        let accepted = try scenario.run(.acceptOffer("o1"), as: .agent("alice"), at: 1)
        #expect(
            accepted.payloads.contains(
                .participantJoined(ParticipantChange(userId: "alice", role: .agent, name: "Alice"))))
        let away = try scenario.run(.userDisconnected("cara", .customer), as: .system, at: 2)
        #expect(
            away.payloads == [.participantAway(ParticipantChange(userId: "cara", role: .customer, name: "Cara Diaz"))])
    }

    @Test(
        "Start: a customer with a conversation that is not closed gets already_open naming it; once closed they start again"
    )
    func oneConversationPerCustomer() throws {
        var scenario = Scenario()
        let first = scenario.active(at: 0)
        let command = Command.start(subject: "Again", channel: .livechat, queueId: "billing")
        #expect(
            throws: HubError.alreadyOpen(
                first, "cara already has conversation c1 (active); resume it instead of starting another")
        ) {
            try scenario.hub.handle(command, from: .customer("cara"), sessions: .none, at: time(1))
        }
        try scenario.run(.end(conversationId: first), as: .customer("cara"), at: 2)
        #expect(scenario.refusal(command, as: .customer("cara"), at: 3) == "already_open")  // wrap-up is not closed
        try scenario.run(.close(conversationId: first), as: .agent("alice"), at: 4)
        #expect(scenario.refusal(command, as: .customer("cara"), at: 5) == nil)
        #expect(scenario.refusal(command, as: .customer("dan"), at: 5) == nil)
    }

    @Test(
        "Monitor: a user who is both supervisor and agent cannot monitor a conversation assigned to them, and can monitor others"
    )
    func supervisorAgentMonitors() throws {
        var scenario = Scenario()
        let own = scenario.active(customer: "c-one", agent: "sam", at: 0)
        let other = scenario.active(customer: "c-two", agent: "alice", at: 1)
        #expect(scenario.refusal(.monitor(conversationId: own), as: .supervisor("sam"), at: 2) == "forbidden")
        #expect(scenario.refusal(.monitor(conversationId: other), as: .supervisor("sam"), at: 2) == nil)
    }

    @Test(
        "Typing: at most one typing per participant and conversation is forwarded per interval; the rest are acknowledged"
    )
    func typingIsCoalesced() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let typing = Command.typing(conversationId: conversationId)
        #expect(try scenario.run(typing, as: .customer("cara"), at: 10).payloads == [.typing(userId: "cara")])
        let again = try scenario.run(typing, as: .customer("cara"), at: 11)
        #expect(again.events.isEmpty && again.acknowledgement == .done)
        #expect(try scenario.run(typing, as: .agent("alice"), at: 11).payloads == [.typing(userId: "alice")])
        #expect(try scenario.run(typing, as: .customer("cara"), at: 12).payloads == [.typing(userId: "cara")])
    }

    @Test(
        "Report: rows carry the start of the current wait or handle period and refresh on joins, leaves and activity at most once per interval"
    )
    func reportRowsOnActivity() throws {
        var configuration = testConfiguration()
        configuration.timing.reportRowIntervalMilliseconds = 5_000
        var scenario = Scenario(hub: Hub(configuration: configuration))
        try scenario.run(.subscribeReport, as: .supervisor("sue", connection: "wall"), at: 0)
        let started = try scenario.run(
            .start(subject: "Help", channel: .livechat, queueId: "general"), as: .customer("cara"), at: 1)
        let openRow = try #require(
            started.payloads.compactMap { if case .reportUpdate(let row) = $0 { row } else { nil } }.first)
        #expect(openRow.waitStartedAt == time(1) && openRow.handleStartedAt == nil)
        scenario.setPresence(.available, "alice", at: 2)
        let accepted = try scenario.run(.acceptOffer("o1"), as: .agent("alice"), at: 3)
        let activeRow = try #require(
            accepted.payloads.compactMap { if case .reportUpdate(let row) = $0 { row } else { nil } }.last)
        #expect(
            activeRow.waitStartedAt == nil && activeRow.handleStartedAt == time(3) && activeRow.participantCount == 2)

        let say = Command.sendMessage(conversationId: "c1", text: "hi", visibility: .public, clientMessageId: nil)
        let early = try scenario.run(say, as: .customer("cara"), at: 4)  // 1 s after the last row: held back
        #expect(!early.events.contains { $0.kind == .reportUpdate })
        #expect(early.timers == [.reportRow("c1", at: time(8))])
        try scenario.run(.join(conversationId: "c1"), as: .supervisor("sue"), at: 6)
        let due = try scenario.run(.publishReportRow("c1"), as: .system, at: 8)
        let row = try #require(
            due.payloads.compactMap { if case .reportUpdate(let row) = $0 { row } else { nil } }.first)
        #expect(row.lastActivityAt == time(4) && row.participantCount == 3)
        #expect(due.deliveries.map(\.recipients) == [[.connection("wall")]])
        // Nothing new since: the timer sends nothing.
        #expect(try scenario.run(.publishReportRow("c1"), as: .system, at: 20).events.isEmpty)
    }
}
