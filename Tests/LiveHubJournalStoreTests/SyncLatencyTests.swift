import Testing

@testable import LiveHubJournalStore

@Suite("journal sync latency for /metrics")
struct SyncLatencyTests {
    @Test("every sync lands in the first bucket whose bound holds it, counts are cumulative, a slow sync counts only in +Inf")
    func cumulativeBuckets() {
        let histogram = SyncLatencyHistogram()
        histogram.record(nanoseconds: 200_000)  // 0.2 ms
        histogram.record(nanoseconds: 1_000_000)  // exactly 1 ms: in le=0.001
        histogram.record(nanoseconds: 30_000_000)  // 30 ms
        histogram.record(nanoseconds: 3_000_000_000)  // 3 s, beyond every bound
        let snapshot = histogram.snapshot
        let counts = Dictionary(uniqueKeysWithValues: snapshot.buckets.map { ($0.upperBound, $0.count) })
        #expect(counts[0.0005] == 1 && counts[0.001] == 2 && counts[0.025] == 2 && counts[0.05] == 3)
        #expect(counts[1] == 3 && snapshot.count == 4)
        #expect(abs(snapshot.sumSeconds - 3.0312) < 1e-9)
    }

    @Test("the appender times each sync it makes")
    func appenderRecordsSyncs() throws {
        let harness = Harness()
        let appender = try harness.appender()
        _ = appender.write([batch(1)], now: 0)
        let statistics = appender.counters.snapshot
        #expect(statistics.syncs >= 1 && statistics.syncLatency.count == statistics.syncs)
    }
}
