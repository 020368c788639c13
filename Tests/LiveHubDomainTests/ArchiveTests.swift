import LiveHubDomain
import Testing

/// Closed conversations leave memory: the archive timer, the archive command and `forgetArchived`.
@Suite("Archive")
struct ArchiveTests {
    /// Ten minutes, the default time a closed conversation stays in memory.
    static let inMemory: Int64 = 600

    @Test("Archive: closing a conversation (by the agent, a force close, the customer's window) schedules its archiving ten minutes later")
    func closingSchedulesTheArchive() throws {
        var scenario = Scenario()
        let conversationId = scenario.conversation(in: .wrapUp, at: 0)
        let closed = try scenario.run(.close(conversationId: conversationId), as: .agent("alice"), at: 5)
        #expect(closed.timers.contains(.archive(conversationId, at: time(5 + Self.inMemory))))
        let forced = scenario.start("dan", at: 6)
        let force = try scenario.run(.forceClose(conversationId: forced, reason: "spam"), as: .supervisor("sue"), at: 7)
        #expect(force.timers.contains(.archive(forced, at: time(7 + Self.inMemory))))
    }

    @Test("Archive: the archive command hands the shell the closed conversation once its time is over, and nothing before, for one not closed, or for an unknown id")
    func archiveCommandAnswersWhenDue() throws {
        var scenario = Scenario()
        let closed = scenario.conversation(in: .closed, at: 0)
        let open = scenario.start("dan", at: 0)
        #expect(try scenario.run(.archive(closed), as: .system, at: Self.inMemory - 1).acknowledgement == .done)
        #expect(try scenario.run(.archive(open), as: .system, at: Self.inMemory).acknowledgement == .done)
        #expect(try scenario.run(.archive("c99"), as: .system, at: Self.inMemory).acknowledgement == .done)
        let due = try scenario.run(.archive(closed), as: .system, at: Self.inMemory)
        #expect(due.acknowledgement == .archive(try #require(scenario.hub.state.conversations[closed])))
        // Asking changes nothing: the conversation leaves memory only once the archive holds it.
        #expect(due.events.isEmpty && scenario.hub.state.conversations[closed] != nil)
        #expect(scenario.refusal(.archive(closed), as: .agent("alice"), at: Self.inMemory) == "forbidden")
    }

    @Test("Archive: an archived conversation leaves the state with everything kept for it; ids continue and the customer starts afresh")
    func forgetArchivedLeavesNothingBehind() throws {
        var scenario = Scenario()
        let conversationId = scenario.conversation(in: .closed, at: 0)
        let before = scenario.hub.state
        let forgotten = scenario.hub.forgetArchived(conversationId)
        #expect(forgotten)
        let after = scenario.hub.state
        #expect(after.conversations[conversationId] == nil)
        #expect(after.conversations.count == before.conversations.count - 1)
        #expect(after.agents == before.agents && after.offers == before.offers)
        #expect(scenario.refusal(.resume(conversationId: conversationId, afterSeq: 0), as: .customer("cara"), at: 1) == "not_found")
        #expect(scenario.hub.reportSnapshot(at: time(1)).isEmpty)
        #expect(scenario.hub.statistics(at: time(1)).conversationsStarted == 1)
        // A second time, or for a conversation that is not closed: nothing happens.
        let again = scenario.hub.forgetArchived(conversationId)
        let open = scenario.start("dan", at: 2)
        let openOne = scenario.hub.forgetArchived(open)
        #expect(!again && !openOne)
        #expect(scenario.hub.state.conversations[open] != nil)
        #expect(open == "c2")
        #expect(scenario.start("cara", at: 3) == "c3")
    }

    @Test("Archive: after a restart, recovery re-arms the archive timers of the closed conversations still in memory")
    func recoveryRearmsArchiveTimers() throws {
        var scenario = Scenario()
        let closed = scenario.conversation(in: .closed, at: 0)
        let open = scenario.start("dan", at: 1)
        var replayed = Hub(configuration: testConfiguration())
        for event in scenario.journal { replayed.apply(event) }
        var restarted = Scenario(hub: replayed)
        let recovered = try restarted.run(.recover, as: .system, at: 30)
        #expect(recovered.timers.contains(.archive(closed, at: time(Self.inMemory))))
        #expect(!recovered.timers.contains { if case .archive(open, _) = $0 { true } else { false } })
    }

    @Test("Archive: events and archived notes replayed in journal order rebuild the same state")
    func replayWithArchivedNotes() throws {
        var scenario = Scenario()
        let first = scenario.conversation(in: .closed, at: 0)
        let journalBefore = scenario.journal
        let forgotten = scenario.hub.forgetArchived(first)
        #expect(forgotten)
        let second = scenario.start("dan", at: 700)
        #expect(second == "c2")
        var replayed = Hub(configuration: testConfiguration())
        for event in journalBefore { replayed.apply(event) }
        replayed.forgetArchived(first)
        for event in scenario.journal.dropFirst(journalBefore.count) { replayed.apply(event) }
        #expect(replayed.state == scenario.hub.state)
    }
}
