import LiveHubDomain
import Testing

@Suite("Routing")
struct RoutingTests {
    @Test("Routing: a new conversation is open in its queue and offered to an available agent")
    func newConversationIsOffered() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "bob")
        let outcome = try scenario.run(
            .start(subject: "Help", channel: .livechat, queueId: "general"), as: .customer("cara"), at: 5)
        let started = ConversationStarted(
            subject: "Help", channel: .livechat, mode: .text, queueId: "general", customerId: "cara", capacityUnits: 1)
        let offer = Offer(
            offerId: "o1", conversationId: "c1", kind: .route, agentId: "bob", requesterId: nil, subject: "Help",
            channel: .livechat, queueId: "general", reservedUnits: 1, expiresAt: time(35))
        #expect(
            outcome.events == [
                event("c1", seq: 1, at: 5, .conversationStarted(started)),
                event("c1", seq: 2, at: 5, .offer(offer)),
            ])
        #expect(outcome.deliveries.map(\.recipients) == [[.user("cara")], [.user("bob")]])
        #expect(outcome.acknowledgement == .conversationStarted("c1"))
        #expect(outcome.timers == [.offerTimeout("o1", at: time(35))])
        #expect(scenario.status(of: "c1") == .open)
    }

    @Test("Routing: route, transfer and consult offers name the customer when their token carried a name")
    func offersNameTheCustomer() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "alice")
        let named = Actor(role: .customer, userId: "cara", connectionId: "cara-1", name: "Cara Diaz")
        try scenario.run(.start(subject: "Help", channel: .livechat, queueId: "general"), as: named, at: 0)
        let route = try #require(scenario.pendingOffer(for: "c1"))
        #expect(route.customerName == "Cara Diaz")
        try scenario.run(.acceptOffer(route.offerId), as: .agent("alice"), at: 1)
        scenario.setPresence(.available, "bob", at: 2)
        try scenario.run(.consultInvite(conversationId: "c1", agentId: "bob"), as: .agent("alice"), at: 3)
        #expect(scenario.pendingOffer(for: "c1", kind: .consult)?.customerName == "Cara Diaz")
        try scenario.run(.transfer(conversationId: "c1", target: .agent("bob")), as: .agent("alice"), at: 4)
        #expect(scenario.pendingOffer(for: "c1", kind: .transfer)?.customerName == "Cara Diaz")
        // An anonymous customer's offers carry no name.
        _ = scenario.start("guest-7f3a", at: 5)
        #expect(scenario.pendingOffer(for: "c2").map { $0.customerName == nil } == true)
    }

    @Test("Routing: accepting an offer makes the conversation active with the agent as primary")
    func acceptMakesActive() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "bob")
        let conversationId = scenario.start(at: 0)
        let outcome = try scenario.run(.acceptOffer("o1"), as: .agent("bob"), at: 4)
        #expect(
            outcome.events == [
                event(
                    conversationId, seq: 3, at: 4,
                    .offerEnded(
                        OfferEnded(offerId: "o1", kind: .route, agentId: "bob", requesterId: nil, outcome: .accepted))),
                event(
                    conversationId, seq: 4, at: 4,
                    .participantJoined(ParticipantChange(userId: "bob", role: .agent, name: "Bob"))),
                event(conversationId, seq: 5, at: 4, updated(.active, agent: "bob", .accepted)),
            ])
        #expect(
            outcome.deliveries.map(\.recipients) == [
                [.user("bob")], [.user("bob"), .user("cara")], [.user("bob"), .user("cara")],
            ])
        let conversation = try #require(scenario.hub.state.conversations[conversationId])
        #expect(conversation.acceptedAt == time(4))
        #expect(
            conversation.participants == [
                Participant(userId: "cara", role: .customer), Participant(userId: "bob", role: .agent),
            ])
    }

    /// One tie-break case: who is available, what each already carries, and who should win.
    struct ChoiceCase: Sendable, CustomTestStringConvertible {
        var name: String
        var busyWith: [UserId: Int]
        var expected: UserId
        var testDescription: String { name }
    }

    @Test(
        "Routing: the choice is most free capacity, then longest since last offer, then id",
        arguments: [
            ChoiceCase(name: "equal everything → smallest id", busyWith: [:], expected: "alice"),
            ChoiceCase(name: "alice carries one → bob has more free capacity", busyWith: ["alice": 1], expected: "bob"),
            ChoiceCase(
                name: "both carry one, alice offered later → bob", busyWith: ["bob": 1, "alice": 1], expected: "bob"),
        ])
    func deterministicChoice(_ choice: ChoiceCase) throws {
        var scenario = Scenario()
        // Give each agent its conversations one at a time, in id order, so "last offered" follows that order
        // unless the case says otherwise; then make everyone available for the conversation under test.
        var second: Int64 = 0
        for agent in ["bob", "alice"] as [UserId] {
            for _ in 0..<(choice.busyWith[agent] ?? 0) {
                second += 1
                _ = scenario.active(customer: UserId("filler\(second)"), agent: agent, at: second)
                scenario.setPresence(.offline, agent, at: second)
            }
        }
        scenario.setPresence(.available, "alice", "bob", at: 100)
        let conversationId = scenario.start("cara", at: 101)
        #expect(scenario.pendingOffer(for: conversationId)?.agentId == choice.expected)
    }

    @Test("Routing: a rejected offer goes to the next agent and never back to the one who rejected it")
    func rejectMovesOn() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "alice", "bob")
        let conversationId = scenario.start(at: 0)
        #expect(scenario.pendingOffer(for: conversationId)?.agentId == "alice")
        let outcome = try scenario.run(.rejectOffer("o1"), as: .agent("alice"), at: 2)
        #expect(
            outcome.payloads == [
                .offerEnded(
                    OfferEnded(offerId: "o1", kind: .route, agentId: "alice", requesterId: nil, outcome: .rejected)),
                .offer(
                    Offer(
                        offerId: "o2", conversationId: conversationId, kind: .route, agentId: "bob", requesterId: nil,
                        subject: "Help", channel: .livechat, queueId: "general", reservedUnits: 1, expiresAt: time(32))),
            ])
        // Bob rejects too: nobody is left, so nothing is offered, not even back to Alice.
        let last = try scenario.run(.rejectOffer("o2"), as: .agent("bob"), at: 3)
        #expect(last.payloads.count == 1)
        #expect(scenario.pendingOffer(for: conversationId) == nil)
        #expect(scenario.status(of: conversationId) == .open)
    }

    @Test("Routing: a timed-out offer goes to the next agent")
    func timeoutMovesOn() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "alice", "bob")
        let conversationId = scenario.start(at: 0)
        let outcome = try scenario.run(.offerTimedOut("o1"), as: .system, at: 30)
        #expect(
            outcome.events.first
                == event(
                    conversationId, seq: 3, at: 30,
                    .offerEnded(
                        OfferEnded(offerId: "o1", kind: .route, agentId: "alice", requesterId: nil, outcome: .timedOut))
                ))
        #expect(scenario.pendingOffer(for: conversationId)?.agentId == "bob")
        #expect(outcome.timers == [.offerTimeout("o2", at: time(60))])
    }

    @Test("Routing: a timer for an answered offer, or one firing early, is ignored")
    func staleTimersAreIgnored() throws {
        var scenario = Scenario()
        scenario.setPresence(.available, "alice")
        _ = scenario.start(at: 0)
        #expect(try scenario.run(.offerTimedOut("o1"), as: .system, at: 10).events.isEmpty)
        try scenario.run(.acceptOffer("o1"), as: .agent("alice"), at: 11)
        #expect(try scenario.run(.offerTimedOut("o1"), as: .system, at: 30).events.isEmpty)
        #expect(scenario.refusal(.offerTimedOut("o1"), as: .agent("alice"), at: 30) == "forbidden")
    }

    @Test("Routing: an expired offer can no longer be accepted")
    func expiredOfferIsRefused() {
        var scenario = Scenario()
        scenario.setPresence(.available, "alice")
        _ = scenario.start(at: 0)
        #expect(scenario.refusal(.acceptOffer("o1"), as: .agent("alice"), at: 30) == "invalid_state")
        #expect(scenario.refusal(.acceptOffer("o1"), as: .agent("bob"), at: 1) == "forbidden")
        #expect(scenario.refusal(.acceptOffer("o9"), as: .agent("alice"), at: 1) == "not_found")
    }

    @Test("Routing: with nobody available the conversation stays open and its wait time grows")
    func nobodyAvailable() throws {
        var scenario = Scenario()
        let conversationId = scenario.start(at: 0)
        #expect(scenario.pendingOffer(for: conversationId) == nil)
        #expect(scenario.hub.reportSnapshot(at: time(40)).first?.waitSeconds == 40)
        #expect(scenario.hub.reportSnapshot(at: time(90)).first?.waitSeconds == 90)
        #expect(scenario.status(of: conversationId) == .open)
    }

    @Test("Routing: an agent becoming available is offered the waiting conversation")
    func presenceChangeReroutes() throws {
        var scenario = Scenario()
        let conversationId = scenario.start(at: 0)
        let outcome = try scenario.run(.setPresence(.available), as: .agent("bob"), at: 20)
        #expect(outcome.payloads.first == .presenceChanged(userId: "bob", presence: .available))
        #expect(outcome.deliveries.first?.recipients == [.user("bob")])
        #expect(scenario.pendingOffer(for: conversationId)?.agentId == "bob")
    }

    @Test(
        "Routing: only presences the workstream allows receive offers",
        arguments: Presence.allCases)
    func presenceMatrix(_ presence: Presence) {
        var scenario = Scenario()
        scenario.setPresence(presence, "bob")
        let conversationId = scenario.start(at: 0)
        // The chat workstream allows only "available".
        #expect((scenario.pendingOffer(for: conversationId) != nil) == (presence == .available))
    }

    @Test("Routing: a full agent gets no offer until a conversation closes and frees capacity")
    func capacityFreedReroutes() throws {
        var scenario = Scenario()
        let first = scenario.active(customer: "c-one", agent: "sam", at: 0)  // sam's capacity is 1
        let second = scenario.start("c-two", at: 1)
        #expect(scenario.pendingOffer(for: second) == nil)
        try scenario.run(.end(conversationId: first), as: .agent("sam"), at: 2)
        #expect(scenario.pendingOffer(for: second) == nil)  // wrap-up still holds capacity
        let outcome = try scenario.run(.close(conversationId: first), as: .agent("sam"), at: 3)
        #expect(outcome.payloads.last.map { if case .offer = $0 { true } else { false } } == true)
        #expect(scenario.pendingOffer(for: second)?.agentId == "sam")
    }

    @Test("Routing: conversations are offered first in, first out")
    func firstInFirstOut() {
        var scenario = Scenario()
        let older = scenario.start("c-one", at: 0)
        _ = scenario.start("c-two", at: 1)
        scenario.setPresence(.available, "sam", at: 2)  // capacity 1: only one can be offered
        #expect(scenario.pendingOffer(for: older)?.agentId == "sam")
    }
}
