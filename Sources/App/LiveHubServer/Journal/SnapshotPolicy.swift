/// When the hub writes a snapshot:
/// - once the journal has grown, since the last one, by `minimumBytes` or by what the next snapshot is
///   likely to weigh (the last one's size, scaled by the conversations in memory now against then),
///   whichever is larger: writing snapshots never costs much more than the journal they save
///   replaying, and a state that shrank (closed conversations archived) gets its smaller snapshot soon;
/// - and at the latest `maximumInterval` after the last one if anything was journaled since, so a quiet
///   hub still lets old journal segments go, which retention needs.
///
/// A due snapshot waits, up to `archiveWait`, while closed conversations are being archived: they are
/// about to leave memory, and a snapshot taken now would carry them (after a restart on a journal
/// written before snapshots existed, every closed conversation at once). One snapshot at a time; after a
/// failure, the next try waits `retryDelay`.
///
/// A pure value on the hub thread: byte counts and monotonic nanoseconds come from the caller.
struct SnapshotPolicy {
    var minimumBytes: UInt64
    var maximumInterval: UInt64
    var retryDelay: UInt64 = 10_000_000_000
    var archiveWait: UInt64 = 30_000_000_000

    /// The journal's byte count (`HubJournal.bytesAppended`) the last snapshot covers.
    private(set) var coveredBytes: UInt64
    /// The last snapshot's payload size (0: none yet), and the conversations it held.
    private(set) var lastSize: UInt64
    private(set) var lastConversations: Int
    private(set) var lastAt: UInt64
    /// The byte count, and the conversations, of a snapshot being written.
    private(set) var writing: (bytes: UInt64, conversations: Int)?
    private var retryAt: UInt64 = 0
    /// Since when a snapshot has been due but waited for the archive.
    private var dueSince: UInt64?

    /// `coveredBytes`: where the journal's byte count stands for the snapshot recovery started from (0
    /// when it replayed the whole journal); `lastSize` and `lastConversations`: that snapshot's.
    init(
        minimumBytes: UInt64, maximumInterval: UInt64, coveredBytes: UInt64 = 0, lastSize: UInt64 = 0,
        lastConversations: Int = 0, now: UInt64
    ) {
        self.minimumBytes = minimumBytes
        self.maximumInterval = maximumInterval
        self.coveredBytes = coveredBytes
        self.lastSize = lastSize
        self.lastConversations = lastConversations
        lastAt = now
    }

    /// What the next snapshot will likely weigh, with `conversations` in memory.
    func expectedSize(conversations: Int) -> UInt64 {
        guard lastConversations > 0 else { return lastSize }
        return lastSize / UInt64(lastConversations) * UInt64(conversations)
    }

    /// Whether to start a snapshot now: the journal's byte count stands at `bytesAppended`, the state
    /// holds `conversations`, and `archiving` says whether archive writes are in flight.
    mutating func shouldStart(bytesAppended: UInt64, conversations: Int, archiving: Bool, now: UInt64) -> Bool {
        guard writing == nil, now >= retryAt, bytesAppended > coveredBytes else { return false }
        let grown = bytesAppended - coveredBytes
        guard grown >= max(minimumBytes, expectedSize(conversations: conversations)) || now &- lastAt >= maximumInterval
        else { return false }
        if archiving {
            let since = dueSince ?? now
            dueSince = since
            if now &- since < archiveWait { return false }
        }
        dueSince = nil
        return true
    }

    /// A snapshot covering `bytesAppended`, holding `conversations`, is being written.
    mutating func started(bytesAppended: UInt64, conversations: Int) {
        writing = (bytesAppended, conversations)
    }

    /// The snapshot being written is published with a payload of `size` bytes, or failed (nil).
    mutating func finished(size: UInt64?, now: UInt64) {
        guard let written = writing else { return }
        writing = nil
        guard let size else {
            retryAt = now &+ retryDelay
            return
        }
        coveredBytes = written.bytes
        lastSize = size
        lastConversations = written.conversations
        lastAt = now
    }
}
