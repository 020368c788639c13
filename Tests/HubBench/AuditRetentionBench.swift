import LiveHubDomain

/// `hubbench --audit N`: what the audit's retention costs the hub thread. Applies N audit entries,
/// one a millisecond, with a retention of half that span, so rebuilds come in the second half, each
/// over N/2 to N entries: prints the slowest single entry (a rebuild) and the mean of the rest.
enum AuditRetentionBench {
    static func run(entries count: Int) {
        var configuration = Configuration(
            queues: [], workstreams: [], agents: [], supervisors: [SupervisorProfile(id: "boss", name: "Boss")])
        configuration.timing.auditRetentionMilliseconds = Int64(count) / 2
        var hub = Hub(configuration: configuration)
        let start = Instant(millisecondsSinceEpoch: 1_700_000_000_000)
        var slowest: UInt64 = 0
        var total: UInt64 = 0
        for id in 1...max(1, count) {
            let at = start.adding(milliseconds: Int64(id))
            let entry = AuditEntry(
                id: id, at: at, userId: "boss", role: .supervisor, name: "Boss",
                conversationId: ConversationId("c\(id % 5_000)"), action: .joined)
            let event = DomainEvent(conversationId: nil, seq: nil, at: at, payload: .audit(entry))
            let before = threadCPUNanoseconds()
            hub.apply(event)
            let spent = threadCPUNanoseconds() - before
            total += spent
            slowest = max(slowest, spent)
        }
        let mean = Double(total - slowest) / Double(max(1, count - 1))
        print(
            "audit \(count) entries: slowest entry \(format3(Double(slowest) / 1_000_000)) ms, the others "
                + "\(format3(mean / 1_000)) µs on average; \(hub.state.audit.entries.count) kept")
    }
}
