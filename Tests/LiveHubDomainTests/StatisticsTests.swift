import LiveHubDomain
import Testing

/// `Hub.statistics(at:)`: the counts `/metrics` reports.
@Suite("hub statistics")
struct StatisticsTests {
    @Test("statistics count conversations by status, waiting work and its oldest wait per queue, and agents by presence")
    func counts() throws {
        var scenario = Scenario()
        // Nobody available: two conversations wait in general, started 0 s and 20 s in.
        try scenario.run(.start(subject: "a", channel: "livechat", queueId: "general"), as: .customer("c1"), at: 0)
        try scenario.run(.start(subject: "b", channel: "livechat", queueId: "general"), as: .customer("c2"), at: 20)
        scenario.setPresence(.busy, "carol", at: 30)
        let statistics = scenario.hub.statistics(at: time(50))
        #expect(statistics.conversationsByStatus[.open] == 2)
        #expect(statistics.conversationsStarted == 2)
        let general = try #require(statistics.queues.first { $0.queueId == "general" })
        #expect(general.waiting == 2 && general.oldestWaitMilliseconds == 50_000)
        let billing = try #require(statistics.queues.first { $0.queueId == "billing" })
        #expect(billing.waiting == 0 && billing.oldestWaitMilliseconds == 0)
        #expect(statistics.agentsByPresence[.busy] == 1)
        #expect(statistics.agentsByPresence.values.reduce(0, +) == scenario.hub.configuration.agents.count)
    }
}
