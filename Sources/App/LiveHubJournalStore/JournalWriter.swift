import LiveHubPosix
import Synchronization

/// Appends batches of records to the journal from any thread, with group commit on a thread of its own
/// (never an I/O loop: a slow disk must not stall sockets).
///
/// Callers hand a batch and a completion. The writer thread takes every batch queued since its last
/// turn, writes them with one `write`, and under `group` covers them all with one `fdatasync`; batches
/// that arrive during that sync make the next group. So the number of syncs per second stays near the
/// disk's sync rate while the records per sync grow with the number of concurrent writers.
///
/// Completions run on the writer thread, in append order, once the batch is durable (`group`) or written
/// (`interval`, `off`), or failed: keep them short (post to your own loop). A failed batch leaves the
/// journal as it was (see `SegmentAppender`), and every later batch is refused until one continues
/// from the failure's `nextLSN`: the caller re-appends what failed, in order, and writing resumes.
public final class JournalWriter: Sendable {
    private struct Pending: Sendable {
        let batch: JournalBatch
        let completion: @Sendable (JournalWriteResult) -> Void
    }

    private struct Queue: Sendable {
        var pending: [Pending] = []
        /// `seal` requests, answered after the batches queued before them.
        var seals: [@Sendable (UInt64?) -> Void] = []
        var closing = false
    }

    private let queue: ConditionLock<Queue>
    private let counters: JournalCounters
    private let thread: LoopThread
    private let joined = Mutex(false)

    private init(queue: ConditionLock<Queue>, counters: JournalCounters, thread: LoopThread) {
        self.queue = queue
        self.counters = counters
        self.thread = thread
    }

    /// Starts the writer after `recovery`: opens the last segment (or creates the first on the first
    /// batch) and starts the thread `journal`. `log` is called on the writer thread for failures and
    /// recoveries of the disk.
    public static func start(
        after recovery: JournalRecovery, disk: any JournalDisk = PosixJournalDisk(), options: JournalOptions = .init(),
        log: @escaping @Sendable (String) -> Void
    ) throws(FileSystem.Failure) -> JournalWriter {
        let counters = JournalCounters()
        let queue = ConditionLock(Queue())
        // Opened here so that a failure is reported to the caller; from now on only the writer thread
        // touches it.
        nonisolated(unsafe) let appender = try SegmentAppender(
            recovery: recovery, disk: disk, options: options, counters: counters, now: MonotonicClock.now(), log: log)
        let thread: LoopThread
        do {
            thread = try LoopThread.start(name: "journal") { run(appender, queue) }
        } catch {
            appender.close()
            throw FileSystem.Failure(path: recovery.directory, error: error)
        }
        return JournalWriter(queue: queue, counters: counters, thread: thread)
    }

    /// Queues `batch`; `completion` runs on the writer thread once it is durable (or written, or failed).
    /// After `close`, the completion runs at once with `.closed`.
    public func append(_ batch: JournalBatch, completion: @escaping @Sendable (JournalWriteResult) -> Void) {
        let queued = queue.withLock { queue -> Bool in
            guard !queue.closing else { return false }
            queue.pending.append(Pending(batch: batch, completion: completion))
            return true
        }
        if queued {
            queue.signal()
        } else {
            completion(.failure(JournalWriteFailure(reason: .closed, nextLSN: batch.firstLSN)))
        }
    }

    /// Seals the journal as of now: the batches queued before this call are written, the segment is
    /// synced whatever the mode, and the next batch starts a new segment (so the sealed one can be
    /// deleted once a snapshot covers it). `completion` runs on the writer thread with the highest LSN
    /// now durable, or nil when the journal cannot sync (a disk failure): a snapshot covering records
    /// the journal might still lose must not be published.
    public func seal(completion: @escaping @Sendable (UInt64?) -> Void) {
        let queued = queue.withLock { queue -> Bool in
            guard !queue.closing else { return false }
            queue.seals.append(completion)
            return true
        }
        if queued { queue.signal() } else { completion(nil) }
    }

    /// Writes what is queued, syncs, closes the segment and joins the thread. Idempotent. Not from a
    /// completion: those run on the thread this joins.
    public func close() {
        queue.withLock { $0.closing = true }
        queue.signal()
        let first = joined.withLock { joined in
            defer { joined = true }
            return !joined
        }
        if first { thread.join() }
    }

    /// Counters since start.
    public var statistics: JournalStatistics { counters.snapshot }

    /// The writer thread: take everything queued, write it as one group, complete it; in between, the
    /// interval sync and retries of a failed cut-back.
    private static func run(_ appender: SegmentAppender, _ queue: ConditionLock<Queue>) {
        var taken: [Pending] = []
        var batches: [JournalBatch] = []
        var seals: [@Sendable (UInt64?) -> Void] = []
        while true {
            let closing = queue.withLock(
                waitingUntil: { !$0.pending.isEmpty || !$0.seals.isEmpty || $0.closing },
                deadline: appender.nextDeadline()
            ) { queue -> Bool in
                // Swapped, not copied: the two arrays trade places and keep their capacity.
                swap(&taken, &queue.pending)
                swap(&seals, &queue.seals)
                return queue.closing
            }
            if !taken.isEmpty {
                batches.removeAll(keepingCapacity: true)
                for pending in taken { batches.append(pending.batch) }
                let results = appender.write(batches, now: MonotonicClock.now())
                for (pending, result) in zip(taken, results) { pending.completion(result) }
                taken.removeAll(keepingCapacity: true)
            }
            if !seals.isEmpty {
                let durable = appender.seal(now: MonotonicClock.now())
                for seal in seals { seal(durable) }
                seals.removeAll(keepingCapacity: true)
            }
            appender.tick(now: MonotonicClock.now())
            if closing {
                // `closing` was read with the queue emptied under the same lock: nothing can follow.
                appender.close()
                let late = queue.withLock { queue -> [@Sendable (UInt64?) -> Void] in
                    defer { queue.seals = [] }
                    return queue.seals
                }
                for seal in late { seal(nil) }
                return
            }
        }
    }
}
