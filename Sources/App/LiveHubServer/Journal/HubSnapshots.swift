import LiveHubDomain
import LiveHubJournalStore
import LiveHubPosix
import LiveHubProtocol
import LiveHubTransport

/// How often and how the hub writes snapshots (`--snapshot-mib`).
public struct SnapshotSettings: Sendable {
    /// A snapshot is due once the journal grew by this many bytes since the last one (or by the last
    /// snapshot's size, if larger).
    public var minimumBytes: Int = 64 << 20
    /// …or this long after the last one, if anything was journaled since (retention needs old journal
    /// segments to go even on a quiet hub).
    public var maximumIntervalSeconds: Int64 = 86_400
    /// Snapshots kept on disk; the journal is kept from the oldest of them on.
    public var kept = 2

    public init() {}
}

/// The hub thread's side of snapshots. At the end of an iteration, once this iteration's journal
/// records went to the writer, it asks the policy; when a snapshot is due it takes the state (a copy on
/// write: no bytes are copied until the hub changes what the snapshot still reads) with the journal's
/// last LSN and hands both to the snapshot thread, which encodes and writes them. The hub thread never
/// waits for it.
final class HubSnapshots {
    private var policy: SnapshotPolicy
    private let thread: SnapshotThread
    private let loop: EventLoop
    private let logger: Logger

    init(policy: SnapshotPolicy, thread: SnapshotThread, loop: EventLoop, logger: Logger) {
        self.policy = policy
        self.thread = thread
        self.loop = loop
        self.logger = logger
    }

    /// Starts a snapshot of `state`, which includes every journal record through `lsn`, when one is due
    /// (`archiving`: whether closed conversations are being written to the archive). Call with nothing of
    /// the state left unjournaled (after `HubJournal.endOfIteration`, while the journal is not failing).
    func endOfIteration(state: @autoclosure () -> HubState, lsn: UInt64, bytesAppended: UInt64, archiving: Bool) {
        let state = state()
        guard
            policy.shouldStart(
                bytesAppended: bytesAppended, conversations: state.conversations.count, archiving: archiving,
                now: loop.now)
        else { return }
        policy.started(bytesAppended: bytesAppended, conversations: state.conversations.count)
        let snapshots = LoopConfined(value: self)
        let loop = self.loop
        thread.write(state, lsn: lsn) { size in
            loop.execute { snapshots.value.finished(size: size) }
        }
    }

    private func finished(size: UInt64?) {
        policy.finished(size: size, now: loop.now)
    }
}

/// The snapshot thread: encodes a state, writes it durably beside the journal, seals the journal so
/// the snapshot never covers records a crash could still lose, publishes it, and deletes what it makes
/// useless (`SnapshotStore.prune`). One snapshot at a time.
final class SnapshotThread: Sendable {
    private struct Job: Sendable {
        let state: HubState
        let lsn: UInt64
        let completion: @Sendable (UInt64?) -> Void
    }

    private struct Queue: Sendable {
        var job: Job?
        var closing = false
    }

    private let queue: ConditionLock<Queue>
    private let thread: LoopThread

    private init(queue: ConditionLock<Queue>, thread: LoopThread) {
        self.queue = queue
        self.thread = thread
    }

    static func start(store: SnapshotStore, writer: JournalWriter, logger: Logger) throws(SystemError) -> SnapshotThread {
        let queue = ConditionLock(Queue())
        let thread = try LoopThread.start(name: "snapshot") {
            while true {
                let (job, closing) = queue.withLock(waitingUntil: { $0.job != nil || $0.closing }, deadline: nil) {
                    queue -> (Job?, Bool) in
                    defer { queue.job = nil }
                    return (queue.job, queue.closing)
                }
                if let job {
                    job.completion(write(job, store: store, writer: writer, logger: logger))
                    // Encoding allocates a little for every event of the state, on this thread's heap
                    // arena: give those pages back, or they stay resident until the next snapshot.
                    Memory.trimFreeHeap()
                }
                if closing { return }
            }
        }
        return SnapshotThread(queue: queue, thread: thread)
    }

    /// Queues a snapshot of `state` through `lsn`; `completion` runs on the snapshot thread with the
    /// payload's size once it is published, or nil when it was not.
    func write(_ state: HubState, lsn: UInt64, completion: @escaping @Sendable (UInt64?) -> Void) {
        let queued = queue.withLock { queue -> Bool in
            guard !queue.closing, queue.job == nil else { return false }
            queue.job = Job(state: state, lsn: lsn, completion: completion)
            return true
        }
        if queued { queue.signal() } else { completion(nil) }
    }

    /// Finishes a snapshot being written, then stops the thread. Idempotent.
    func close() {
        let first = queue.withLock { queue -> Bool in
            defer { queue.closing = true }
            return !queue.closing
        }
        queue.signal()
        if first { thread.join() }
    }

    private static func write(_ job: Job, store: SnapshotStore, writer: JournalWriter, logger: Logger) -> UInt64? {
        let started = MonotonicClock.now()
        let payload: [UInt8]
        do throws(SnapshotEncodeError) {
            payload = try SnapshotCodec.encode(job.state)
        } catch {
            logger.error("event=snapshot.failed lsn=\(job.lsn) cannot encode the state: \(error)")
            return nil
        }
        let encoded = MonotonicClock.now()
        let published: Bool
        do throws(FileSystem.Failure) {
            published = try store.write(lsn: job.lsn, payload: payload) {
                // Only records the journal holds durably may be covered: a crash must never leave a
                // snapshot ahead of the journal.
                let durable = ConditionLock<UInt64??>(nil)
                writer.seal { lsn in
                    durable.withLock { $0 = .some(lsn) }
                    durable.signal()
                }
                let sealed = durable.withLock(waitingUntil: { $0 != nil }, deadline: nil) { $0 ?? nil }
                guard let sealed, sealed >= job.lsn else {
                    logger.warning(
                        "event=snapshot.abandoned lsn=\(job.lsn) (the journal could not sync through it; retrying later)")
                    return false
                }
                return true
            }
        } catch {
            logger.warning("event=snapshot.failed lsn=\(job.lsn) \(error) (retrying later; the journal is intact)")
            return nil
        }
        guard published else { return nil }
        let written = MonotonicClock.now()
        var pruned = SnapshotStore.Pruned()
        do throws(FileSystem.Failure) {
            pruned = try store.prune()
        } catch {
            logger.warning("event=snapshot.prune_failed \(error) (old snapshots or segments stay until the next one)")
        }
        logger.info(
            "event=snapshot.written lsn=\(job.lsn) bytes=\(payload.count) "
                + "conversations=\(job.state.conversations.count) encode_ms=\((encoded - started) / 1_000_000) "
                + "write_ms=\((written - encoded) / 1_000_000) removed_snapshots=\(pruned.snapshots.count) "
                + "removed_segments=\(pruned.segments.count)")
        return UInt64(payload.count)
    }
}
