import LiveHubDomain
import Testing

/// The router's work does not grow with the number of open conversations (issue 10: a start cost
/// 2.4 ms with 2,000 open and 20.8 ms with 20,000, because every start filtered and sorted them all).
/// Work is counted (`Hub.routingSteps`: conversations and agents looked at), not timed.
@Suite("routing cost stays flat as conversations pile up")
struct RoutingCostTests {
    /// `count` conversations waiting in `general` (nobody available), each of its own customer.
    private func waiting(_ count: Int) -> Scenario {
        var scenario = Scenario()
        for index in 0..<count { _ = scenario.start(UserId("waiting-\(index)"), at: Int64(index)) }
        return scenario
    }

    /// The router's steps for `body`.
    private func steps(_ scenario: inout Scenario, _ body: (inout Scenario) -> Void) -> Int {
        let before = scenario.hub.routingSteps
        body(&scenario)
        return scenario.hub.routingSteps - before
    }

    @Test("Routing cost: a start with 5,000 conversations waiting looks at no more than with 10 waiting")
    func startCostIsFlat() {
        var few = waiting(10)
        var many = waiting(5_000)
        let fewSteps = steps(&few) { _ = $0.start("newcomer", at: 6_000) }
        let manySteps = steps(&many) { _ = $0.start("newcomer", at: 6_000) }
        #expect(manySteps <= fewSteps && manySteps <= 4, "10 waiting: \(fewSteps) steps, 5,000 waiting: \(manySteps)")
    }

    @Test("Routing cost: an agent becoming available with 5,000 waiting is offered the oldest after a handful of steps")
    func agentAvailableCostIsFlat() {
        var few = waiting(10)
        var many = waiting(5_000)
        let fewSteps = steps(&few) { $0.setPresence(.available, "bob", at: 6_000) }
        let manySteps = steps(&many) { $0.setPresence(.available, "bob", at: 6_000) }
        // bob's capacity is 2: the two oldest.
        #expect(many.pendingOffer(for: "c1")?.agentId == "bob" && many.pendingOffer(for: "c2")?.agentId == "bob")
        #expect(manySteps <= fewSteps && manySteps <= 12, "10 waiting: \(fewSteps) steps, 5,000 waiting: \(manySteps)")
    }

    @Test("Routing cost: a declined offer moves on to the next conversation without walking the whole line")
    func declineCostIsFlat() throws {
        var many = waiting(5_000)
        many.setPresence(.available, "bob", at: 6_000)
        let offer = try #require(many.pendingOffer(for: "c1"))
        let declineSteps = steps(&many) { scenario in
            #expect(scenario.refusal(.rejectOffer(offer.offerId), as: .agent("bob"), at: 6_001) == nil)
        }
        // The next in line that bob has not declined and is not offered yet is c3.
        #expect(many.pendingOffer(for: "c3")?.agentId == "bob")
        #expect(declineSteps <= 12, "a decline with 5,000 waiting took \(declineSteps) steps")
    }
}
