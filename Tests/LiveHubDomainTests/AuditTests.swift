import LiveHubDomain
import Testing

/// Every supervisor and admin action leaves an audit entry (who, when, what, which conversation, why),
/// a journaled fact that no connection receives.
@Suite("Audit")
struct AuditTests {
    /// The entry the audit would hold, for exact comparison (ids count from 1 in each scenario).
    func entry(
        _ id: Int, at seconds: Int64, _ userId: UserId, _ name: String, _ conversationId: ConversationId?,
        _ action: AuditAction, role: Role = .supervisor
    ) -> AuditEntry {
        AuditEntry(
            id: id, at: time(seconds), userId: userId, role: role, name: name, conversationId: conversationId,
            action: action)
    }

    @Test(
        "Audit: monitor start and stop are recorded with who, when, which conversation and session, and stay silent to participants"
    )
    func monitorIsAuditedAndSilent() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let started = try scenario.run(
            .monitor(conversationId: conversationId), as: .supervisor("sue", connection: "desk"), at: 2)
        #expect(
            started.auditEntries == [entry(1, at: 2, "sue", "Sue", conversationId, .monitorStarted(sessionId: "desk"))])
        let stopped = try scenario.run(
            .unmonitor(conversationId: conversationId), as: .supervisor("sue", connection: "desk"), at: 3)
        #expect(
            stopped.auditEntries == [
                entry(2, at: 3, "sue", "Sue", conversationId, .monitorStopped(sessionId: "desk", reason: .unmonitored))
            ])
        for outcome in [started, stopped] {
            // The audit entry reaches nobody; the only delivery is the monitor notification to its own connection.
            #expect(outcome.deliveries.filter { $0.event.kind == .audit }.allSatisfy { $0.recipients.isEmpty })
            #expect(outcome.deliveries.flatMap(\.recipients) == [.connection("desk")])
            #expect(outcome.events.allSatisfy { $0.seq == nil })
            #expect(outcome.journal.map(\.kind) == [.audit])
        }
        // Nothing in the conversation's history: participants see no trace, not even a gap in seq.
        let conversation = try #require(scenario.hub.state.conversations[conversationId])
        guard case .granted(_, let history) = conversation.transcript(for: .admin, userId: "ada") else {
            Issue.record("an admin reads every transcript")
            return
        }
        #expect(history.compactMap(\.seq) == [1, 2, 3, 4, 5])
        #expect(!history.contains { $0.kind == .audit || $0.kind == .monitorStarted })
    }

    @Test(
        "Audit: a monitor ended by its connection closing, its conversation closing or a restart is recorded as stopped, with why"
    )
    func everyMonitorEndIsAudited() throws {
        var scenario = Scenario()
        let first = scenario.active(at: 0)
        let second = scenario.active(customer: "dan", agent: "bob", at: 0)
        try scenario.run(.monitor(conversationId: first), as: .supervisor("sam", connection: "desk"), at: 1)
        let dropped = try scenario.run(.connectionClosed("desk"), as: .system, at: 2)
        #expect(
            dropped.auditEntries == [
                entry(2, at: 2, "sam", "Sam", first, .monitorStopped(sessionId: "desk", reason: .disconnected))
            ])
        scenario.sessions.close("desk")
        // A connection without monitors closing records nothing.
        #expect(try scenario.run(.connectionClosed("desk"), as: .system, at: 2).events.isEmpty)

        try scenario.run(.monitor(conversationId: first), as: .supervisor("sam", connection: "tablet"), at: 3)
        let closed = try scenario.run(.forceClose(conversationId: first, reason: "spam"), as: .supervisor("sue"), at: 4)
        #expect(
            closed.auditEntries == [
                entry(4, at: 4, "sue", "Sue", first, .forceClosed(reason: "spam")),
                entry(5, at: 4, "sam", "Sam", first, .monitorStopped(sessionId: "tablet", reason: .conversationClosed)),
            ])

        try scenario.run(.monitor(conversationId: second), as: .supervisor("sam", connection: "phone"), at: 5)
        // The process ends; the journal is replayed into a new hub, which recovers.
        var restarted = Hub(configuration: testConfiguration())
        for event in scenario.journal { restarted.apply(event) }
        let recovered = try restarted.handle(.recover, from: .system, sessions: .none, at: time(9))
        #expect(
            recovered.auditEntries == [
                entry(7, at: 9, "sam", "Sam", second, .monitorStopped(sessionId: "phone", reason: .restart))
            ])
    }

    @Test(
        "Audit: join and leave are recorded; a supervisor whose last connection closes is recorded leaving, disconnected"
    )
    func joinAndLeave() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let joined = try scenario.run(.join(conversationId: conversationId), as: .supervisor("sue"), at: 1)
        #expect(joined.auditEntries == [entry(1, at: 1, "sue", "Sue", conversationId, .joined)])
        let left = try scenario.run(.leave(conversationId: conversationId), as: .supervisor("sue"), at: 2)
        #expect(left.auditEntries == [entry(2, at: 2, "sue", "Sue", conversationId, .left(reason: .requested))])
        try scenario.run(.join(conversationId: conversationId), as: .supervisor("sue"), at: 3)
        let dropped = try scenario.run(.userDisconnected("sue", .supervisor), as: .system, at: 4)
        #expect(dropped.auditEntries == [entry(4, at: 4, "sue", "Sue", conversationId, .left(reason: .disconnected))])
        // A consult (an agent) leaving is not a supervisor's action.
        scenario.setPresence(.available, "bob", at: 5)
        try scenario.run(.consultInvite(conversationId: conversationId, agentId: "bob"), as: .agent("alice"), at: 5)
        try scenario.run(.consultAccept("o2"), as: .agent("bob"), at: 5)
        #expect(try scenario.run(.leave(conversationId: conversationId), as: .agent("bob"), at: 6).auditEntries.isEmpty)
    }

    @Test("Audit: assign records the target, whether override was used and by how much capacity is exceeded")
    func assignIsAudited() throws {
        var scenario = Scenario()
        _ = scenario.active(customer: "c-one", agent: "sam", at: 0)  // sam: capacity 1, now full
        scenario.setPresence(.available, "sam", at: 0)
        let overridden = scenario.start("c-two", at: 1)
        let outcome = try scenario.run(
            .assign(conversationId: overridden, target: .agent("sam"), override: true), as: .supervisor("sue"), at: 2)
        #expect(
            outcome.auditEntries == [
                entry(
                    1, at: 2, "sue", "Sue", overridden,
                    .assigned(target: .agent("sam"), override: true, capacityExceededBy: 1))
            ])
        let requeued = scenario.start("c-three", at: 3)
        let moved = try scenario.run(
            .assign(conversationId: requeued, target: .queue("billing"), override: false), as: .supervisor("sue"), at: 4
        )
        #expect(
            moved.auditEntries == [
                entry(
                    2, at: 4, "sue", "Sue", requeued,
                    .assigned(target: .queue("billing"), override: false, capacityExceededBy: 0))
            ])
    }

    @Test(
        "Audit: a supervisor's transfer records the target and the offer; an agent's own transfer is not a supervisor action"
    )
    func transferIsAudited() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        scenario.setPresence(.available, "bob", at: 0)
        let offered = try scenario.run(
            .transfer(conversationId: conversationId, target: .agent("bob")), as: .supervisor("sue"), at: 1)
        #expect(
            offered.auditEntries == [
                entry(1, at: 1, "sue", "Sue", conversationId, .transferred(target: .agent("bob"), offerId: "o2"))
            ])
        try scenario.run(.rejectOffer("o2"), as: .agent("bob"), at: 2)
        let requeued = try scenario.run(
            .transfer(conversationId: conversationId, target: .queue("billing")), as: .supervisor("sue"), at: 3)
        #expect(
            requeued.auditEntries == [
                entry(2, at: 3, "sue", "Sue", conversationId, .transferred(target: .queue("billing"), offerId: nil))
            ])
        let other = scenario.active(customer: "dan", agent: "bob", at: 4)
        scenario.setPresence(.available, "alice", at: 4)
        #expect(
            try scenario.run(.transfer(conversationId: other, target: .agent("alice")), as: .agent("bob"), at: 5)
                .auditEntries.isEmpty)
    }

    @Test("Audit: force close records the reason, ahead of the close it causes")
    func forceCloseIsAudited() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let outcome = try scenario.run(
            .forceClose(conversationId: conversationId, reason: "Abusive language"), as: .supervisor("sue"), at: 1)
        #expect(
            outcome.auditEntries == [
                entry(1, at: 1, "sue", "Sue", conversationId, .forceClosed(reason: "Abusive language"))
            ])
        #expect(outcome.events.map(\.kind).prefix(2) == [.audit, .conversationClosed])
    }

    @Test(
        "Audit: switching supervisorMonitor off ends every monitor: each connection is told monitor-stopped, its session ends, and the audit says setting-off"
    )
    func monitoringSwitchedOff() throws {
        var scenario = Scenario()
        let first = scenario.active(at: 0)
        let second = scenario.active(customer: "dan", agent: "bob", at: 0)
        try scenario.run(.monitor(conversationId: first), as: .supervisor("sam", connection: "desk"), at: 1)
        try scenario.run(.monitor(conversationId: second), as: .supervisor("sue", connection: "tablet"), at: 2)
        let admin = Actor(role: .admin, userId: "ada", connectionId: "ada-1", name: "Ada Admin")
        let outcome = try scenario.run(.updateSettings(SettingsChange(supervisorMonitor: false)), as: admin, at: 3)
        let stops = outcome.deliveries.filter { $0.event.kind == .monitorStopped }
        #expect(stops.map(\.recipients) == [[.connection("desk")], [.connection("tablet")]])
        #expect(stops.map(\.event.conversationId) == [first, second])
        #expect(
            outcome.sessionChanges == [
                .monitorStopped(connection: "desk", conversation: first),
                .monitorStopped(connection: "tablet", conversation: second),
            ])
        #expect(
            outcome.auditEntries.suffix(2).map(\.action) == [
                .monitorStopped(sessionId: "desk", reason: .settingOff),
                .monitorStopped(sessionId: "tablet", reason: .settingOff),
            ])
        // Switching it off again, or changing another setting, stops nothing more.
        let again = try scenario.run(.updateSettings(SettingsChange(supervisorMonitor: false)), as: admin, at: 4)
        #expect(again.sessionChanges.isEmpty)
    }

    @Test("Audit: a settings change records each setting the admin named, with its old and new value")
    func settingsAreAudited() throws {
        var scenario = Scenario(settings: AdminSettings(supervisorMonitor: true))
        let admin = Actor(role: .admin, userId: "ada", connectionId: "ada-1", name: "Ada Admin")
        let outcome = try scenario.run(
            .updateSettings(SettingsChange(supervisorMonitor: false, supervisorForceClose: true)), as: admin, at: 1)
        #expect(
            outcome.auditEntries == [
                entry(
                    1, at: 1, "ada", "Ada Admin", nil,
                    .settingsChanged([
                        SettingChange(setting: .supervisorMonitor, from: true, to: false),
                        SettingChange(setting: .supervisorForceClose, from: false, to: true),
                    ]), role: .admin)
            ])
    }

    @Test(
        "Audit: escalation is recorded when a supervisor does it (as the conversation's agent), not when an agent does")
    func escalationBySupervisorIsAudited() throws {
        var scenario = Scenario()
        let own = scenario.active(customer: "dan", agent: "sam", at: 0)
        let escalated = try scenario.run(.escalate(conversationId: own, mode: .video), as: .supervisor("sam"), at: 1)
        #expect(escalated.auditEntries == [entry(1, at: 1, "sam", "Sam", own, .escalated(mode: .video))])
        let theirs = scenario.active(at: 2)
        #expect(
            try scenario.run(.escalate(conversationId: theirs, mode: .voice), as: .agent("alice"), at: 3).auditEntries
                .isEmpty)
    }

    @Test("Audit: a refused action records nothing")
    func refusalsRecordNothing() {
        var scenario = Scenario(settings: AdminSettings(supervisorMonitor: true))
        let conversationId = scenario.active(at: 0)
        #expect(
            scenario.refusal(.forceClose(conversationId: conversationId, reason: "x"), as: .supervisor("sue"))
                == "forbidden")
        #expect(scenario.refusal(.monitor(conversationId: "c99"), as: .supervisor("sue")) == "not_found")
        #expect(
            scenario.refusal(.updateSettings(SettingsChange(supervisorAssign: true)), as: .supervisor("sue"))
                == "forbidden")
        #expect(scenario.hub.state.audit.entries.isEmpty)
    }

    @Test("Audit: replaying the journal rebuilds the audit exactly, its indexes and open monitors included")
    func replayRebuildsTheAudit() throws {
        var scenario = Scenario()
        let first = scenario.active(at: 0)
        let second = scenario.start("dan", at: 1)
        try scenario.run(.monitor(conversationId: first), as: .supervisor("sam", connection: "desk"), at: 2)
        try scenario.run(.join(conversationId: first), as: .supervisor("sue"), at: 3)
        try scenario.run(
            .assign(conversationId: second, target: .queue("billing"), override: false), as: .supervisor("sue"), at: 4)
        try scenario.run(.updateSettings(SettingsChange(supervisorAssign: false)), as: .admin("ada"), at: 5)
        try scenario.run(.forceClose(conversationId: second, reason: "x"), as: .supervisor("sue"), at: 6)
        #expect(scenario.hub.state.audit.entries.count == 5)

        var replayed = Hub(configuration: testConfiguration())
        for event in scenario.journal { replayed.apply(event) }
        #expect(replayed.state.audit == scenario.hub.state.audit)
        // The entries alone rebuild the same log (what a snapshot needs to keep).
        #expect(AuditLog(entries: scenario.hub.state.audit.entries) == scenario.hub.state.audit)
        #expect(replayed.state == scenario.hub.state)
        #expect(replayed.state.audit.page(AuditQuery(conversationId: first)).entries.map(\.id) == [1, 2])
        // The open monitor survived the replay, so the restart's recovery ends it; sue, who had joined,
        // leaves as everyone dropped.
        let recovered = try replayed.handle(.recover, from: .system, sessions: .none, at: time(7))
        #expect(
            recovered.auditEntries.map(\.action) == [
                .monitorStopped(sessionId: "desk", reason: .restart), .left(reason: .disconnected),
            ])
    }

    @Test(
        "Audit: entries stay in time order; one made while the wall clock stepped back takes the previous entry's time")
    func timesNeverGoBack() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        try scenario.run(.join(conversationId: conversationId), as: .supervisor("sue"), at: 10)
        let late = try scenario.run(.leave(conversationId: conversationId), as: .supervisor("sue"), at: 4)
        #expect(late.auditEntries.map(\.at) == [time(10)])
    }

    @Test(
        "Audit: entries older than the audit retention are dropped (checked every 1,024th entry, once an eighth of the audit can go), except the start of a monitor still open; a replay drops the same entries"
    )
    func retention() throws {
        var configuration = testConfiguration()
        configuration.timing.auditRetentionMilliseconds = 100_000
        var scenario = Scenario(hub: Hub(configuration: configuration))
        let watched = scenario.active(customer: "cara", agent: "alice", at: 0)
        let other = scenario.active(customer: "dan", agent: "bob", at: 0)
        try scenario.run(.monitor(conversationId: watched), as: .supervisor("sue", connection: "wall"), at: 1)
        // Entries 2 … 1,023: a monitor started and stopped each second from 3 s to 513 s.
        for second in Int64(3)...513 {
            try scenario.run(.monitor(conversationId: other), as: .supervisor("sam", connection: "desk"), at: second)
            try scenario.run(.unmonitor(conversationId: other), as: .supervisor("sam", connection: "desk"), at: second)
        }
        #expect(scenario.hub.state.audit.entries.count == 1_023)
        // Entry 1,024 at 600 s: everything before 500 s goes, but for the monitor sue still holds.
        try scenario.run(.monitor(conversationId: other), as: .supervisor("sam", connection: "desk"), at: 600)
        let entries = scenario.hub.state.audit.entries
        #expect(entries.first == entry(1, at: 1, "sue", "Sue", watched, .monitorStarted(sessionId: "wall")))
        #expect(entries.dropFirst().allSatisfy { $0.at >= time(500) })
        #expect(entries.count == 1 + 14 * 2 + 1)
        let stopped = try scenario.run(
            .unmonitor(conversationId: watched), as: .supervisor("sue", connection: "wall"), at: 601)
        #expect(
            stopped.auditEntries == [
                entry(1_025, at: 601, "sue", "Sue", watched, .monitorStopped(sessionId: "wall", reason: .unmonitored))
            ])
        // Entries 1,026 … 2,048, nearly all recent: at the 2,048th check only 29 of 1,054 entries (fewer
        // than an eighth) are old enough, so the audit waits instead of rebuilding for them.
        try scenario.run(.unmonitor(conversationId: other), as: .supervisor("sam", connection: "desk"), at: 601)
        for _ in 1...510 {
            try scenario.run(.monitor(conversationId: other), as: .supervisor("sam", connection: "desk"), at: 601)
            try scenario.run(.unmonitor(conversationId: other), as: .supervisor("sam", connection: "desk"), at: 601)
        }
        try scenario.run(.monitor(conversationId: other), as: .supervisor("sam", connection: "desk"), at: 601)
        try scenario.run(.unmonitor(conversationId: other), as: .supervisor("sam", connection: "desk"), at: 650)
        #expect(scenario.hub.state.audit.entries.last?.id == 2_048)
        #expect(scenario.hub.state.audit.entries.count == 1_054)
        var replayed = Hub(configuration: configuration)
        for event in scenario.journal { replayed.apply(event) }
        #expect(replayed.state == scenario.hub.state)
        #expect(AuditLog(entries: scenario.hub.state.audit.entries) == scenario.hub.state.audit)
    }
}

/// The admin's audit query over a known log (built by applying audit facts, as a replay does).
@Suite("Audit query")
struct AuditQueryTests {
    /// Seven entries at times 1, 2, 2, 2, 3, 4, 5 (seconds after `time(0)`), alternating users and
    /// conversations.
    static func hub() -> Hub {
        var hub = Hub(configuration: testConfiguration())
        let times: [Int64] = [1, 2, 2, 2, 3, 4, 5]
        for (index, seconds) in times.enumerated() {
            let entry = AuditEntry(
                id: index + 1, at: time(seconds), userId: index % 2 == 0 ? "sue" : "sam", role: .supervisor,
                name: index % 2 == 0 ? "Sue" : "Sam", conversationId: index % 3 == 0 ? "c1" : "c2", action: .joined)
            hub.apply(DomainEvent(conversationId: nil, seq: nil, at: time(seconds), payload: .audit(entry)))
        }
        return hub
    }

    @Test("Audit query: since, conversationId and userId select entries, oldest first, and combine")
    func filters() {
        let audit = Self.hub().state.audit
        #expect(audit.page(AuditQuery()).entries.map(\.id) == [1, 2, 3, 4, 5, 6, 7])
        #expect(audit.page(AuditQuery(since: time(3))).entries.map(\.id) == [5, 6, 7])
        #expect(audit.page(AuditQuery(since: time(2))).entries.map(\.id) == [2, 3, 4, 5, 6, 7])
        #expect(audit.page(AuditQuery(conversationId: "c1")).entries.map(\.id) == [1, 4, 7])
        #expect(audit.page(AuditQuery(userId: "sam")).entries.map(\.id) == [2, 4, 6])
        #expect(
            audit.page(AuditQuery(since: time(2), conversationId: "c2", userId: "sue")).entries.map(\.id) == [3, 5])
        #expect(audit.page(AuditQuery(userId: "nobody")) == AuditPage(entries: [], next: nil))
        #expect(audit.page(AuditQuery(since: time(6))) == AuditPage(entries: [], next: nil))
    }

    @Test(
        "Audit query: a page never splits a millisecond, so next is exactly where the next page starts; a millisecond alone over the limit comes whole"
    )
    func pages() {
        let audit = Self.hub().state.audit
        // Full in the middle of time 2: the page stops before it.
        #expect(audit.page(AuditQuery(limit: 2)) == AuditPage(entries: Array(audit.entries[0..<1]), next: time(2)))
        // Time 2 alone holds three entries: with a limit of 2 it comes whole.
        #expect(
            audit.page(AuditQuery(since: time(2), limit: 2))
                == AuditPage(entries: Array(audit.entries[1..<4]), next: time(3)))
        #expect(
            audit.page(AuditQuery(since: time(3), limit: 2))
                == AuditPage(entries: Array(audit.entries[4..<6]), next: time(5)))
        #expect(
            audit.page(AuditQuery(since: time(5), limit: 2))
                == AuditPage(entries: Array(audit.entries[6..<7]), next: nil))
        // Walking the pages returns every entry once.
        var since: Instant? = nil
        var seen: [Int] = []
        repeat {
            let page = audit.page(AuditQuery(since: since, limit: 2))
            seen += page.entries.map(\.id)
            since = page.next
        } while since != nil
        #expect(seen == [1, 2, 3, 4, 5, 6, 7])
    }
}

/// Who may read which transcript (`GET /v1/conversations/{id}/transcript`).
@Suite("Transcript access")
struct TranscriptAccessTests {
    @Test(
        "Transcript: supervisors and admins read everything; an agent who took part reads everything, even after leaving; the customer reads public messages and events only; another agent is refused; another customer is told not found"
    )
    func rule() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        scenario.setPresence(.available, "bob", at: 0)
        try scenario.run(
            .sendMessage(conversationId: conversationId, text: "hello", visibility: .public, clientMessageId: nil),
            as: .customer("cara"), at: 1)
        try scenario.run(
            .sendMessage(conversationId: conversationId, text: "vip", visibility: .internal, clientMessageId: nil),
            as: .agent("alice"), at: 2)
        try scenario.run(.consultInvite(conversationId: conversationId, agentId: "bob"), as: .agent("alice"), at: 3)
        try scenario.run(.consultAccept("o2"), as: .agent("bob"), at: 3)
        try scenario.run(.leave(conversationId: conversationId), as: .agent("bob"), at: 4)
        let conversation = try #require(scenario.hub.state.conversations[conversationId])

        func texts(_ access: TranscriptAccess) -> [String]? {
            guard case .granted(_, let events) = access else { return nil }
            return events.compactMap { if case .message(let message) = $0.payload { message.text } else { nil } }
        }
        for (role, userId) in [(Role.supervisor, UserId("sue")), (.admin, "ada"), (.agent, "alice"), (.agent, "bob")] {
            let access = conversation.transcript(for: role, userId: userId)
            #expect(texts(access) == ["hello", "vip"], "\(role) \(userId)")
            if case .granted(let audience, let events) = access {
                #expect(audience == .staff)
                // The whole history: every seq, offers included.
                #expect(events.compactMap(\.seq) == Array(1...events.count))
                #expect(events.contains { $0.kind == .offer })
            }
        }
        let customer = conversation.transcript(for: .customer, userId: "cara")
        #expect(texts(customer) == ["hello"])
        if case .granted(let audience, let events) = customer {
            #expect(audience == .customer)
            #expect(events.allSatisfy { $0.payload.variant(for: .customer).isReceived })
            #expect(!events.contains { $0.kind == .offer || $0.kind == .offerEnded })
        }
        #expect(conversation.transcript(for: .agent, userId: "carol") == .forbidden)
        #expect(conversation.transcript(for: .bot, userId: "helpbot") == .forbidden)
        #expect(conversation.transcript(for: .customer, userId: "dan") == .notFound)
    }

}
