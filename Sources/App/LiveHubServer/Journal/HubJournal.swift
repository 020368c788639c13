import LiveHubDomain
import LiveHubJournalStore
import LiveHubPosix
import LiveHubProtocol
import LiveHubTransport

/// The hub thread's side of the journal: it numbers the facts the domain produces (LSNs), hands them
/// to the writer once per hub-loop iteration as one batch, and learns on the hub thread (a task posted
/// by the writer's completion) which LSNs the journal now holds. The outbox releases a frame only once
/// the LSN it was tagged with is held, so no `ack` and no event leaves before the facts it shows.
///
/// **Tags.** A frame caused by new facts (an audit entry included) is tagged with the last appended
/// LSN. A frame that shows state without changing it is tagged with the last LSN of what it shows:
/// `conversation.resume`, a refused `conversation.monitor` or `.unmonitor`, and `typing` with their
/// conversation's last fact (and the last settings change); `report.subscribe` with the last fact that
/// changed a report row (a start, an update or a close). Anything else waits for every fact appended
/// so far.
///
/// **Disk failure.** When a batch fails (ENOSPC, EIO, EROFS), the facts already applied in memory are
/// kept and written again, from the LSN the writer resumes at, until the disk takes them (every
/// 100 ms, backing off to 1 s). Their frames (the acks of the requests in flight when the disk failed)
/// wait until then. Meanwhile `refusal(for:)` answers every request that could write with
/// `unavailable`, so nothing new is applied, while reads of conversations the stuck facts do not touch
/// are answered as usual. The first successful write ends the outage by itself.
///
/// Without a writer (no data directory: tests and benchmarks of the in-memory hub) nothing is
/// numbered and every frame leaves at once.
final class HubJournal {
    private let writer: JournalWriter?
    private let loop: EventLoop
    private let logger: Logger
    // `@exclusivity(unchecked)` below: these hot properties are used only on this object's thread, by
    // straight-line code that never reaches them again while one of them is being changed. The run-time
    // exclusivity checks they skip cost about 5,000 instructions per message.send across the I/O and hub
    // loops (callgrind, 63.6k -> 58.5k); debug and release builds alike skip them for these only.
    /// The last LSN handed out (appended to the journal or queued for it).
    @exclusivity(unchecked) private(set) var appendedLSN: UInt64
    /// Payload bytes of the records after the snapshot recovery started from (replayed at start, then
    /// appended): what snapshots are scheduled by (`SnapshotPolicy`).
    @exclusivity(unchecked) private(set) var bytesAppended: UInt64
    /// Frames tagged with an LSN up to this one may leave: the journal holds it (synced under `group`,
    /// written under `interval` and `off`).
    private(set) var releasedLSN: UInt64
    /// Records numbered since the last hand-over to the writer; they end at `appendedLSN`.
    @exclusivity(unchecked) private var queued: [[UInt8]] = []
    /// Batches handed to the writer without a successful result yet, oldest first. After a failure they
    /// are written again.
    private var unacknowledged: [JournalBatch] = []
    /// Batches handed to the writer whose result has not come back.
    private var inFlight = 0
    /// Set from a failed batch until a write succeeds again.
    private(set) var failure: JournalWriteFailure?
    private var failedSince: UInt64 = 0
    private var retryAt: UInt64 = 0
    private var retryDelay = HubJournal.firstRetryDelay

    /// The last LSN of each conversation's facts. An entry at or below `releasedLSN` tags like 0 (the
    /// journal holds it), so released entries are not removed one by one (a second hash per fact) but
    /// swept together once the dictionary has doubled since the last sweep: memory stays bounded by
    /// the conversations written to lately, at O(1) amortized per fact.
    @exclusivity(unchecked) private var conversationLSN: [ConversationId: UInt64] = [:]
    private var sweepAtCount = HubJournal.smallestSweepCount
    @exclusivity(unchecked) private var settingsLSN: UInt64 = 0
    @exclusivity(unchecked) private var reportLSN: UInt64 = 0
    @exclusivity(unchecked) private var auditLSN: UInt64 = 0

    static let smallestSweepCount = 1_024
    static let firstRetryDelay: UInt64 = 100_000_000
    static let longestRetryDelay: UInt64 = 1_000_000_000

    /// `nextLSN`: where the recovered journal continues; `replayedBytes`: the payload bytes recovery
    /// replayed after its snapshot.
    init(writer: JournalWriter?, nextLSN: UInt64, replayedBytes: UInt64 = 0, loop: EventLoop, logger: Logger) {
        self.writer = writer
        self.loop = loop
        self.logger = logger
        appendedLSN = nextLSN - 1
        bytesAppended = replayedBytes
        releasedLSN = writer == nil ? .max : nextLSN - 1
    }

    /// While the journal cannot write, frames keep their order per connection only, so that answers to
    /// connections with nothing stuck pass the frames that wait for the stuck facts.
    var isFailing: Bool { failure != nil }

    // MARK: Requests

    /// `unavailable` for a request that could write while the journal cannot; nil otherwise.
    func refusal(for command: Command) -> HubError? {
        guard let failure, !command.onlyReads else { return nil }
        let reason: String
        switch failure.reason {
        case .disk(let disk): reason = "\(disk.error)"
        case .outOfSequence, .closed: reason = "a write is being retried"
        case .tooLarge(let bytes): reason = "a record of \(bytes) bytes"
        }
        return .unavailable("the hub cannot write its journal (\(reason)); nothing was done, retry later")
    }

    /// Numbers and queues the outcome's facts; returns the tag for the frames it causes: the last
    /// appended LSN when it had facts, otherwise what `tag(for:)` says.
    func record(_ outcome: HubOutcome, for command: Command?) -> UInt64 {
        guard writer != nil else { return 0 }
        var recorded = false
        // By index: each event is borrowed where the outcome holds it, not copied out.
        for index in outcome.deliveries.indices {
            if append(outcome.deliveries[index].event) { recorded = true }
        }
        return recorded ? appendedLSN : tag(for: command)
    }

    /// Numbers and queues `event` when it is a fact; whether it was.
    private func append(_ event: borrowing DomainEvent) -> Bool {
        guard event.isJournaled, let bytes = JournalEventCodec.encode(event) else { return false }
        appendedLSN += 1
        bytesAppended += UInt64(bytes.count)
        queued.append(bytes)
        note(event, at: appendedLSN)
        return true
    }

    /// Numbers and queues the note that the archive holds `conversationId` (`Hub.forgetArchived`); no
    /// frame shows it.
    func recordArchived(_ conversationId: ConversationId, at: Instant) {
        guard writer != nil else { return }
        let bytes = JournalEventCodec.encodeArchived(conversationId, at: at)
        appendedLSN += 1
        bytesAppended += UInt64(bytes.count)
        queued.append(bytes)
    }

    /// The tag of frames that show state without adding facts: the last LSN of what they show.
    func tag(for command: Command?) -> UInt64 {
        guard writer != nil else { return 0 }
        switch command {
        case .resume(let conversationId, _), .monitor(let conversationId), .unmonitor(let conversationId),
            .typing(let conversationId):
            return max(conversationLSN[conversationId] ?? 0, settingsLSN)
        case .subscribeReport:
            return max(reportLSN, settingsLSN)
        default:
            return appendedLSN
        }
    }

    /// The tag of an HTTP answer showing a conversation's transcript: its last fact.
    func tag(forTranscriptOf conversationId: ConversationId) -> UInt64 {
        guard writer != nil else { return 0 }
        return conversationLSN[conversationId] ?? 0
    }

    /// The tag of an HTTP answer showing the audit: its last entry.
    var auditTag: UInt64 { writer == nil ? 0 : auditLSN }

    private func note(_ event: borrowing DomainEvent, at lsn: UInt64) {
        switch event.kind {
        case .settingsUpdated: settingsLSN = lsn
        case .audit: auditLSN = lsn
        case .conversationStarted, .conversationUpdated, .conversationClosed: reportLSN = lsn
        default: break
        }
        guard let conversationId = event.conversationId else { return }
        conversationLSN[conversationId] = lsn
    }

    // MARK: Writing

    /// Once per hub-loop iteration: hands this iteration's records to the writer as one batch, or,
    /// while the journal fails, writes the stuck records again when the retry is due.
    func endOfIteration(now: UInt64) {
        guard let writer else { return }
        if failure == nil {
            guard !queued.isEmpty else { return }
            let batch = JournalBatch(firstLSN: appendedLSN - UInt64(queued.count) + 1, records: queued)
            queued = []
            hand(batch, to: writer)
        } else if inFlight == 0 && now >= retryAt {
            // Everything not yet in the journal, in LSN order, as one batch from where it resumes.
            var records: [[UInt8]] = []
            for batch in unacknowledged { records += batch.records }
            records += queued
            queued = []
            guard !records.isEmpty else {
                failure = nil
                return
            }
            unacknowledged = []
            retryAt = now &+ retryDelay
            retryDelay = min(retryDelay * 2, Self.longestRetryDelay)
            hand(JournalBatch(firstLSN: appendedLSN - UInt64(records.count) + 1, records: records), to: writer)
        }
    }

    private func hand(_ batch: JournalBatch, to writer: JournalWriter) {
        unacknowledged.append(batch)
        inFlight += 1
        let loop = self.loop
        let journal = LoopConfined(value: self)
        writer.append(batch) { result in
            loop.execute { journal.value.completed(result) }
        }
    }

    /// A batch's result, on the hub thread, in append order.
    func completed(_ result: JournalWriteResult) {
        inFlight -= 1
        switch result {
        case .success(let ack):
            let end = ack.lsns.upperBound
            while let first = unacknowledged.first, first.firstLSN + UInt64(first.records.count) <= end {
                unacknowledged.removeFirst()
            }
            releasedLSN = max(releasedLSN, end - 1)
            dropReleasedTags()
            if failure != nil {
                let seconds = Double(loop.now &- failedSince) / 1e9
                logger.warning(
                    "event=journal.resumed outage_s=\(Int(seconds.rounded())) written_through_lsn=\(end - 1) "
                        + "(the journal writes again; requests that write are taken again)")
                failure = nil
                retryDelay = Self.firstRetryDelay
            }
        case .failure(let failed):
            if case .closed = failed.reason { return }
            if failure == nil {
                failedSince = loop.now
                retryAt = loop.now &+ retryDelay
                logger.error(
                    "event=journal.failed \(failed) (requests that write are answered 'unavailable' until the "
                        + "disk takes the journal again; retrying)")
            }
            // A batch refused only because an earlier one failed keeps that one's disk error as the reason.
            if case .outOfSequence = failed.reason, failure != nil { return }
            failure = failed
        }
    }

    private func dropReleasedTags() {
        guard conversationLSN.count >= sweepAtCount else { return }
        let released = releasedLSN
        conversationLSN = conversationLSN.filter { $0.value > released }
        sweepAtCount = max(Self.smallestSweepCount, conversationLSN.count * 2)
    }

    /// What `/metrics` and tests read.
    var statistics: JournalStatistics? { writer?.statistics }
}

extension Command {
    /// Whether the command only reads: it never adds a fact, so it is answered while the journal
    /// cannot write. Everything else (a command added later included) counts as a write.
    /// `conversation.monitor` and `.unmonitor` write: each adds an audit entry, which must be on disk
    /// before the supervisor is answered, so no monitoring goes unaudited; while the disk fails they
    /// are answered `unavailable` (nothing new can happen in a conversation meanwhile anyway).
    var onlyReads: Bool {
        switch self {
        case .resume, .typing, .subscribeReport, .subscribeAgents, .readSettings, .listOwnConversations: true
        default: false
        }
    }
}
