import Testing

@testable import LiveHubServer

/// When snapshots are written, on a fake clock (nanoseconds) and fake journal byte counts.
@Suite("snapshot policy")
struct SnapshotPolicyTests {
    static let second: UInt64 = 1_000_000_000
    static let mib: UInt64 = 1 << 20

    /// Asks the policy and expects its answer (a mutating call cannot sit inside `#expect`).
    func check(
        _ policy: inout SnapshotPolicy, bytes: UInt64, conversations: Int, archiving: Bool, now: UInt64, starts: Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let answer = policy.shouldStart(bytesAppended: bytes, conversations: conversations, archiving: archiving, now: now)
        #expect(answer == starts, sourceLocation: sourceLocation)
    }

    func policy(lastSize: UInt64 = 0, lastConversations: Int = 0) -> SnapshotPolicy {
        SnapshotPolicy(
            minimumBytes: 64 * Self.mib, maximumInterval: 86_400 * Self.second, lastSize: lastSize,
            lastConversations: lastConversations, now: 0)
    }

    @Test("Snapshots: one is due once the journal grew by the threshold since the last one, not before")
    func dueByJournalGrowth() {
        var policy = policy()
        check(&policy, bytes: 64 * Self.mib - 1, conversations: 10, archiving: false, now: 1, starts: false)
        check(&policy, bytes: 64 * Self.mib, conversations: 10, archiving: false, now: 1, starts: true)
        policy.started(bytesAppended: 64 * Self.mib, conversations: 10)
        // One at a time.
        check(&policy, bytes: 200 * Self.mib, conversations: 10, archiving: false, now: 2, starts: false)
        policy.finished(size: Self.mib, now: 3)
        check(&policy, bytes: 127 * Self.mib, conversations: 10, archiving: false, now: 4, starts: false)
        check(&policy, bytes: 128 * Self.mib, conversations: 10, archiving: false, now: 4, starts: true)
    }

    @Test("Snapshots: with a large state, the journal must grow by what the next snapshot will weigh, scaled by the conversations in memory")
    func largeStateWaitsForItsSize() {
        var policy = policy(lastSize: 200 * Self.mib, lastConversations: 2000)
        check(&policy, bytes: 150 * Self.mib, conversations: 2000, archiving: false, now: 1, starts: false)
        check(&policy, bytes: 200 * Self.mib, conversations: 2000, archiving: false, now: 1, starts: true)
        // Most of them archived since: the next snapshot is small, so the threshold is back to 64 MiB.
        var shrunk = self.policy(lastSize: 200 * Self.mib, lastConversations: 2000)
        check(&shrunk, bytes: 64 * Self.mib, conversations: 100, archiving: false, now: 1, starts: true)
    }

    @Test("Snapshots: a quiet hub still writes one a day if anything was journaled, and none if nothing was")
    func dueByTime() {
        var policy = policy()
        check(&policy, bytes: 0, conversations: 0, archiving: false, now: 86_400 * Self.second, starts: false)
        check(&policy, bytes: 10, conversations: 1, archiving: false, now: 86_400 * Self.second - 1, starts: false)
        check(&policy, bytes: 10, conversations: 1, archiving: false, now: 86_400 * Self.second, starts: true)
    }

    @Test("Snapshots: a due snapshot waits while closed conversations are being archived, for 30 s at most")
    func waitsForTheArchive() {
        var policy = policy()
        let due = 64 * Self.mib
        check(&policy, bytes: due, conversations: 9, archiving: true, now: Self.second, starts: false)
        check(&policy, bytes: due, conversations: 9, archiving: true, now: 30 * Self.second, starts: false)
        check(&policy, bytes: due, conversations: 9, archiving: false, now: 2 * Self.second, starts: true)
        var busy = self.policy()
        check(&busy, bytes: due, conversations: 9, archiving: true, now: Self.second, starts: false)
        check(&busy, bytes: due, conversations: 9, archiving: true, now: 31 * Self.second, starts: true)
    }

    @Test("Snapshots: after a failed snapshot the next try waits 10 s, and the journal it did not cover still counts")
    func retryAfterFailure() {
        var policy = policy()
        check(&policy, bytes: 64 * Self.mib, conversations: 1, archiving: false, now: 0, starts: true)
        policy.started(bytesAppended: 64 * Self.mib, conversations: 1)
        policy.finished(size: nil, now: Self.second)
        check(&policy, bytes: 65 * Self.mib, conversations: 1, archiving: false, now: 10 * Self.second, starts: false)
        check(&policy, bytes: 65 * Self.mib, conversations: 1, archiving: false, now: 11 * Self.second, starts: true)
    }
}
