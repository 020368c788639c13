import LiveHubDomain
import LiveHubJournalStore
import LiveHubPosix
import LiveHubTransport

/// The archive of closed conversations, served by a thread of its own (`archive`), never an I/O loop or
/// the hub thread:
/// - the hub hands it closed conversations (`archive`); it writes them in groups, one `fdatasync` per
///   bucket file a group touches, and calls back once they are durable, so the hub lets them leave memory;
/// - anyone looks a closed conversation up by id (`lookup`, answered on the archive thread; `read`, on
///   the caller's thread, which must not be an I/O loop): the transcript of a conversation that left
///   memory, until retention removes it;
/// - every `sweepInterval` (and once at start) it removes the days past the retention period.
public final class ConversationArchive: Sendable {
    /// How the archive keeps conversations.
    public struct Settings: Sendable {
        /// Closed conversations are removed from disk this many days after the UTC day they closed on.
        public var retentionDays: Int
        /// How often retention is checked.
        public var sweepIntervalMilliseconds: Int64

        public init(retentionDays: Int = 90, sweepIntervalMilliseconds: Int64 = 3_600_000) {
            self.retentionDays = retentionDays
            self.sweepIntervalMilliseconds = sweepIntervalMilliseconds
        }
    }

    private struct Queue: Sendable {
        var archive: [(conversation: Conversation, completion: @Sendable (Bool) -> Void)] = []
        var lookups: [(id: ConversationId, completion: @Sendable (Result<ArchivedConversation?, ArchiveFailure>) -> Void)] =
            []
        var sweeps: [@Sendable ([String]) -> Void] = []
        var closing = false

        var hasWork: Bool { !archive.isEmpty || !lookups.isEmpty || !sweeps.isEmpty || closing }
    }

    /// `DATA_DIR/archive`.
    public let directory: String
    private let disk: any JournalDisk
    private let queue: ConditionLock<Queue>
    private let thread: LoopThread

    private init(directory: String, disk: any JournalDisk, queue: ConditionLock<Queue>, thread: LoopThread) {
        self.directory = directory
        self.disk = disk
        self.queue = queue
        self.thread = thread
    }

    /// Starts the archive of `dataDirectory` and its thread. `clock` gives the time retention measures
    /// against.
    public static func start(
        dataDirectory: String, disk: any JournalDisk = PosixJournalDisk(), settings: Settings = Settings(),
        clock: @escaping @Sendable () -> Instant, logger: Logger
    ) throws(SystemError) -> ConversationArchive {
        let directory = dataDirectory + "/archive"
        let queue = ConditionLock(Queue())
        let thread = try LoopThread.start(name: "archive") {
            let store = ConversationArchiveStore(
                directory: directory, disk: disk, retentionDays: settings.retentionDays,
                log: { logger.warning($0) })
            run(store, queue: queue, settings: settings, clock: clock, logger: logger)
        }
        return ConversationArchive(directory: directory, disk: disk, queue: queue, thread: thread)
    }

    /// Writes a closed conversation to the archive; `completion` runs on the archive thread with true
    /// once it is durable, false when the disk failed (nothing may be taken as archived then).
    func archive(_ conversation: Conversation, completion: @escaping @Sendable (Bool) -> Void) {
        let queued = queue.withLock { queue -> Bool in
            guard !queue.closing else { return false }
            queue.archive.append((conversation, completion))
            return true
        }
        if queued { queue.signal() } else { completion(false) }
    }

    /// Looks a conversation up on the archive thread; `completion` runs there with the conversation, nil
    /// when the archive does not hold it (never archived, or removed by retention), or the failure.
    public func lookup(
        _ conversationId: ConversationId,
        completion: @escaping @Sendable (Result<ArchivedConversation?, ArchiveFailure>) -> Void
    ) {
        let queued = queue.withLock { queue -> Bool in
            guard !queue.closing else { return false }
            queue.lookups.append((conversationId, completion))
            return true
        }
        if queued { queue.signal() } else { completion(.failure(.closed)) }
    }

    /// Looks a conversation up on the calling thread (blocking: not on an I/O loop).
    public func read(_ conversationId: ConversationId) throws(ArchiveFailure) -> ArchivedConversation? {
        try ConversationArchiveStore.read(conversationId, directory: directory, disk: disk)
    }

    /// Applies retention now (besides the periodic check); `completion` gets the days removed.
    public func removeExpired(completion: @escaping @Sendable ([String]) -> Void) {
        let queued = queue.withLock { queue -> Bool in
            guard !queue.closing else { return false }
            queue.sweeps.append(completion)
            return true
        }
        if queued { queue.signal() } else { completion([]) }
    }

    /// Finishes what is queued and stops the thread. Idempotent.
    public func close() {
        let first = queue.withLock { queue -> Bool in
            defer { queue.closing = true }
            return !queue.closing
        }
        queue.signal()
        if first { thread.join() }
    }

    /// The archive thread: archive what is queued as one group, answer lookups, sweep when due.
    private static func run(
        _ store: ConversationArchiveStore, queue: ConditionLock<Queue>, settings: Settings,
        clock: @Sendable () -> Instant, logger: Logger
    ) {
        let interval = UInt64(max(1, settings.sweepIntervalMilliseconds)) * 1_000_000
        var nextSweep = MonotonicClock.now()
        var failing = false
        while true {
            let work = queue.withLock(waitingUntil: { $0.hasWork }, deadline: nextSweep) { queue -> Queue in
                defer {
                    queue.archive = []
                    queue.lookups = []
                    queue.sweeps = []
                }
                return queue
            }
            if !work.archive.isEmpty {
                let done: Bool
                do throws(ArchiveFailure) {
                    try store.archive(work.archive.map(\.conversation))
                    done = true
                    if failing { logger.warning("event=archive.resumed (closed conversations are archived again)") }
                    failing = false
                } catch {
                    done = false
                    if !failing {
                        logger.error("event=archive.failed \(error) (closed conversations stay in memory; retrying)")
                    }
                    failing = true
                }
                for request in work.archive { request.completion(done) }
            }
            for lookup in work.lookups {
                lookup.completion(
                    Result(catching: { () throws(ArchiveFailure) in
                        try ConversationArchiveStore.read(lookup.id, directory: store.directory, disk: store.disk)
                    }))
            }
            let now = MonotonicClock.now()
            if now >= nextSweep || !work.sweeps.isEmpty {
                var removed: [String] = []
                do throws(FileSystem.Failure) {
                    removed = try store.removeExpired(now: clock())
                    if !removed.isEmpty {
                        logger.info(
                            "event=archive.retention removed_days=\(removed.count) first=\(removed[0]) "
                                + "last=\(removed[removed.count - 1]) retention_days=\(settings.retentionDays)")
                    }
                } catch {
                    logger.error("event=archive.retention_failed \(error)")
                }
                for sweep in work.sweeps { sweep(removed) }
                if now >= nextSweep { nextSweep = now + interval }
            }
            if work.closing && work.archive.isEmpty {
                store.close()
                return
            }
        }
    }
}
