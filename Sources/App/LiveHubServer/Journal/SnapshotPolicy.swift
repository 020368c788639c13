/// When the hub writes a snapshot: once the journal has grown, since the last one, by `minimumBytes`
/// or by the last snapshot's own size, whichever is larger (so writing snapshots never costs more than
/// the journal it saves replaying: at most twice the journal's bytes go to disk); and at the latest
/// `maximumInterval` after the last one if anything was journaled since (so a quiet hub still lets old
/// journal segments go, which retention needs). One snapshot at a time; after a failure, the next try
/// waits `retryDelay`.
///
/// A pure value on the hub thread: byte counts and monotonic nanoseconds come from the caller.
struct SnapshotPolicy {
    var minimumBytes: UInt64
    var maximumInterval: UInt64
    var retryDelay: UInt64 = 10_000_000_000

    /// The journal's byte count (`HubJournal.bytesAppended`) the last snapshot covers.
    private(set) var coveredBytes: UInt64
    /// The last snapshot's payload size (0: none yet).
    private(set) var lastSize: UInt64
    private(set) var lastAt: UInt64
    /// The byte count a snapshot being written covers.
    private(set) var writing: UInt64?
    private var retryAt: UInt64 = 0

    /// `coveredBytes`: where the journal's byte count stands for the snapshot recovery started from (0
    /// when it replayed the whole journal); `lastSize`: that snapshot's size.
    init(minimumBytes: UInt64, maximumInterval: UInt64, coveredBytes: UInt64, lastSize: UInt64, now: UInt64) {
        self.minimumBytes = minimumBytes
        self.maximumInterval = maximumInterval
        self.coveredBytes = coveredBytes
        self.lastSize = lastSize
        lastAt = now
    }

    /// Whether to start a snapshot now, the journal's byte count standing at `bytesAppended`.
    func isDue(bytesAppended: UInt64, now: UInt64) -> Bool {
        guard writing == nil, now >= retryAt, bytesAppended > coveredBytes else { return false }
        let grown = bytesAppended - coveredBytes
        return grown >= max(minimumBytes, lastSize) || now &- lastAt >= maximumInterval
    }

    /// A snapshot covering `bytesAppended` is being written.
    mutating func started(bytesAppended: UInt64) {
        writing = bytesAppended
    }

    /// The snapshot being written is published with a payload of `size` bytes, or failed (nil).
    mutating func finished(size: UInt64?, now: UInt64) {
        guard let covered = writing else { return }
        writing = nil
        guard let size else {
            retryAt = now &+ retryDelay
            return
        }
        coveredBytes = covered
        lastSize = size
        lastAt = now
    }
}
