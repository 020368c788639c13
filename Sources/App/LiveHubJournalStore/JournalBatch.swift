import Synchronization

/// Records handed to the journal together: they get consecutive LSNs from `firstLSN` and are acknowledged
/// (or failed) together.
public struct JournalBatch: Sendable {
    /// The LSN of the first record: the journal's next LSN, or the batch is refused (a batch before it
    /// failed, and this one would leave a gap).
    public let firstLSN: UInt64
    /// Opaque payloads, one per record.
    public let records: [[UInt8]]

    public init(firstLSN: UInt64, records: [[UInt8]]) {
        self.firstLSN = firstLSN
        self.records = records
    }

    var lsns: Range<UInt64> { firstLSN..<firstLSN + UInt64(records.count) }
}

/// What the writer has done so far, readable from any thread.
public struct JournalStatistics: Equatable, Sendable {
    /// `fdatasync` calls on segments.
    public var syncs: Int
    /// Writes (one per group, or per part of a group split by a rotation).
    public var writes: Int
    public var batches: Int
    public var records: Int
    public var bytes: Int
    /// Batches that got a failure.
    public var failedBatches: Int
    public var segmentsCreated: Int
    /// How long the `fdatasync` calls took.
    public var syncLatency: JournalSyncLatency
}

/// The writer's counters, bumped on its thread and read anywhere.
final class JournalCounters: Sendable {
    let syncs = Atomic<Int>(0)
    let writes = Atomic<Int>(0)
    let batches = Atomic<Int>(0)
    let records = Atomic<Int>(0)
    let bytes = Atomic<Int>(0)
    let failedBatches = Atomic<Int>(0)
    let segmentsCreated = Atomic<Int>(0)
    let syncLatency = SyncLatencyHistogram()

    var snapshot: JournalStatistics {
        JournalStatistics(
            syncs: syncs.load(ordering: .relaxed), writes: writes.load(ordering: .relaxed),
            batches: batches.load(ordering: .relaxed), records: records.load(ordering: .relaxed),
            bytes: bytes.load(ordering: .relaxed), failedBatches: failedBatches.load(ordering: .relaxed),
            segmentsCreated: segmentsCreated.load(ordering: .relaxed), syncLatency: syncLatency.snapshot)
    }
}
