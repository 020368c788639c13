import LiveHubDomain
import Testing

@Suite("Replay")
struct ReplayTests {
    @Test("Replay: applying the journaled events to a fresh hub rebuilds exactly the same state")
    func replayRebuildsState() throws {
        var scenario = Scenario()
        try scenario.run(.subscribeReport, as: .supervisor("sue", connection: "wall"), at: 0)
        let first = scenario.active(at: 1)
        let second = scenario.start("dan", at: 2)
        scenario.setPresence(.available, "bob", at: 3)
        try scenario.run(
            .sendMessage(conversationId: first, text: "hi", visibility: .public, clientMessageId: "m1"),
            as: .customer("cara"), at: 4)
        try scenario.run(.monitor(conversationId: first), as: .supervisor("sam", connection: "sam-desk"), at: 5)
        try scenario.run(.transfer(conversationId: first, target: .agent("bob")), as: .agent("alice"), at: 6)
        try scenario.run(.acceptOffer("o3"), as: .agent("bob"), at: 7)
        try scenario.run(.rejectOffer("o2"), as: .agent("alice"), at: 8)
        try scenario.run(.updateSettings(SettingsChange(supervisorMonitor: false)), as: .admin("ada"), at: 9)
        try scenario.run(.forceClose(conversationId: second, reason: "x"), as: .supervisor("sue"), at: 10)

        var replayed = Hub(configuration: testConfiguration())
        for event in scenario.journal { replayed.apply(event) }
        #expect(replayed.state == scenario.hub.state)
        #expect(replayed.reportSnapshot(at: time(20)) == scenario.hub.reportSnapshot(at: time(20)))
    }

    @Test("Replay: a refused command changes nothing")
    func refusalChangesNothing() {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let before = scenario.hub.state
        #expect(scenario.refusal(.close(conversationId: conversationId), as: .agent("alice"), at: 1) == "invalid_state")
        #expect(
            scenario.refusal(
                .assign(conversationId: conversationId, target: .agent("bob"), override: true), as: .supervisor("sue"),
                at: 1) == "invalid_state")
        #expect(scenario.hub.state == before)
    }

    @Test(
        "Settings: an admin changes them, and settings-updated reaches that admin and every supervisor; anyone else is forbidden"
    )
    func settings() throws {
        var scenario = Scenario(settings: AdminSettings())
        #expect(
            scenario.refusal(.updateSettings(SettingsChange(supervisorMonitor: true)), as: .supervisor("sue"))
                == "forbidden")
        let outcome = try scenario.run(
            .updateSettings(SettingsChange(supervisorMonitor: true)), as: .admin("ada"), at: 1
        ).withoutAudit
        #expect(
            outcome.payloads == [.settingsUpdated(settings: AdminSettings(supervisorMonitor: true), changedBy: "ada")])
        #expect(outcome.deliveries.map(\.recipients) == [[.user("ada"), .user("sam"), .user("sue")]])
        #expect(scenario.hub.state.settings.supervisorMonitor)
    }

    @Test(
        "Settings: supervisors and admins read them as they stand (settings.get); agents and customers may not; reading changes nothing"
    )
    func readSettings() throws {
        var scenario = Scenario(settings: AdminSettings(supervisorAssign: true))
        #expect(scenario.refusal(.readSettings, as: .agent("alice")) == "forbidden")
        #expect(scenario.refusal(.readSettings, as: .customer("cara")) == "forbidden")
        let read = try scenario.run(.readSettings, as: .supervisor("sue"), at: 1)
        #expect(read.acknowledgement == .settings(AdminSettings(supervisorAssign: true)))
        #expect(read.events.isEmpty && read.deliveries.isEmpty)
        try scenario.run(.updateSettings(SettingsChange(supervisorMonitor: true)), as: .admin("ada"), at: 2)
        let after = try scenario.run(.readSettings, as: .admin("ada"), at: 3)
        #expect(after.acknowledgement == .settings(AdminSettings(supervisorMonitor: true, supervisorAssign: true)))
    }

    @Test("Presence: only configured agents set presence")
    func presenceActors() {
        var scenario = Scenario()
        #expect(scenario.refusal(.setPresence(.available), as: .customer("cara")) == "forbidden")
        #expect(scenario.refusal(.setPresence(.available), as: .agent("stranger")) == "unauthorized")
        #expect(scenario.refusal(.setPresence(.available), as: .supervisor("sam")) == nil)
    }

    @Test("Demo configuration: two queues, agents and a supervisor route a chat at once")
    func demoWorks() throws {
        var hub = Hub(configuration: .demo)
        #expect(hub.configuration.queues.count == 2)
        _ = try hub.handle(.setPresence(.available), from: .agent("bob"), sessions: .none, at: time(0))
        let outcome = try hub.handle(
            .start(subject: "Hello", channel: .livechat, queueId: "general"), from: .customer("cara"), sessions: .none,
            at: time(1))
        #expect(outcome.recipients(ofFirst: .offer) == [.user("bob")])
    }
}
