/// When the journal calls `fdatasync`, and so what an acknowledgement promises.
public enum JournalSyncMode: String, Sendable, CaseIterable {
    /// Acknowledge a batch only after an `fdatasync` that covers it; one sync covers every batch written
    /// meanwhile (group commit). A crash loses nothing acknowledged.
    case group
    /// Acknowledge after the write; sync every interval (100 ms), like Redis `appendfsync everysec`. A
    /// crash of the machine (not of the process) can lose the last interval's acknowledged records.
    case interval
    /// Acknowledge after the write and never sync: the kernel writes back when it likes (typically within
    /// 30 s). A machine crash can lose that much. Segments are still synced when sealed.
    case off
}

/// How the journal writes.
public struct JournalOptions: Sendable {
    public var sync: JournalSyncMode
    /// A segment is sealed and a new one started once the next batch would take it past this size. One
    /// batch bigger than the limit still goes whole into a fresh segment.
    public var segmentSizeLimit: Int
    /// The sync period of `.interval`.
    public var syncIntervalNanoseconds: UInt64

    public init(
        sync: JournalSyncMode = .group, segmentSizeLimit: Int = 64 << 20, syncIntervalNanoseconds: UInt64 = 100_000_000
    ) {
        self.sync = sync
        self.segmentSizeLimit = segmentSizeLimit
        self.syncIntervalNanoseconds = syncIntervalNanoseconds
    }
}
