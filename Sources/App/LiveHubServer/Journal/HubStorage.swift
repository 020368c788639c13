import LiveHubDomain
import LiveHubJournalStore
import LiveHubPosix
import LiveHubProtocol
import LiveHubTransport

/// What recovery found at start, for the startup output.
public struct RecoverySummary: Sendable, Equatable {
    /// `DATA_DIR/journal`.
    public let journalDirectory: String
    /// Records replayed.
    public let records: Int
    public let conversations: Int
    /// Conversations not closed.
    public let openConversations: Int
    /// Offers still pending (armed again; those already expired time out at once).
    public let pendingOffers: Int
    /// Lock, scan, decode and replay, in milliseconds.
    public let milliseconds: Double
    public let sync: JournalSyncMode
    /// The lines recovery logged (a torn tail cut, a repair).
    public let notes: [String]

    public init(
        journalDirectory: String, records: Int, conversations: Int, openConversations: Int, pendingOffers: Int,
        milliseconds: Double, sync: JournalSyncMode, notes: [String]
    ) {
        self.journalDirectory = journalDirectory
        self.records = records
        self.conversations = conversations
        self.openConversations = openConversations
        self.pendingOffers = pendingOffers
        self.milliseconds = milliseconds
        self.sync = sync
        self.notes = notes
    }

    /// One line for the startup output.
    public var line: String {
        let time = milliseconds < 10_000 ? "\(Int(milliseconds.rounded())) ms" : "\(Int((milliseconds / 1000).rounded())) s"
        return "journal: \(records) records replayed in \(time) (\(conversations) conversations, "
            + "\(openConversations) not closed, \(pendingOffers) pending offers); --fsync \(sync.rawValue)"
    }
}

/// Why the hub did not start on its data directory.
public enum HubStorageError: Error, CustomStringConvertible, Sendable {
    /// Another hub holds the directory (`data directory X is in use by pid N`).
    case locked(DataDirectoryLock.Failure)
    case journal(JournalOpenError)
    /// A record passed its checksums but does not decode (e.g. written by a later release).
    case unreadableRecord(lsn: UInt64, reason: String)
    case writer(FileSystem.Failure)

    public var description: String {
        switch self {
        case .locked(let failure): "\(failure)"
        case .journal(let error): "\(error)"
        case .unreadableRecord(let lsn, let reason):
            "journal record LSN \(lsn) cannot be read (\(reason)). Nothing was changed; this release cannot "
                + "start on this journal"
        case .writer(let failure): "cannot open the journal for writing: \(failure)"
        }
    }
}

/// The hub's data directory while it serves: its lock (held for the process's life, so a second hub on
/// it is refused) and the journal writer.
final class HubStorage: Sendable {
    let writer: JournalWriter
    let summary: RecoverySummary
    /// Where appending continues.
    let nextLSN: UInt64
    private let lock: DataDirectoryLock

    private init(writer: JournalWriter, summary: RecoverySummary, nextLSN: UInt64, lock: DataDirectoryLock) {
        self.writer = writer
        self.summary = summary
        self.nextLSN = nextLSN
        self.lock = lock
    }

    /// Locks `directory` (which must exist), replays `directory/journal` into `hub` (a fresh hub of the
    /// configuration), and starts the writer after it. Blocking: call before serving.
    static func open(
        directory: String, sync: JournalSyncMode, repair: Bool, disk: any JournalDisk, hub: inout Hub, logger: Logger
    ) throws(HubStorageError) -> HubStorage {
        let started = MonotonicClock.now()
        let lock: DataDirectoryLock
        do throws(DataDirectoryLock.Failure) {
            lock = try DataDirectoryLock.acquire(directory: directory)
        } catch {
            throw .locked(error)
        }
        let journalDirectory = directory + "/journal"
        let recovery: JournalRecovery
        do {
            recovery = try replay(journalDirectory, repair: repair, disk: disk, into: &hub, logger: logger)
        } catch {
            lock.release()
            throw error
        }
        let writer: JournalWriter
        do throws(FileSystem.Failure) {
            let journalLogger = logger.labeled("journal")
            writer = try JournalWriter.start(
                after: recovery, disk: disk, options: JournalOptions(sync: sync),
                log: { journalLogger.warning($0) })
        } catch {
            lock.release()
            throw .writer(error)
        }
        let state = hub.state
        let summary = RecoverySummary(
            journalDirectory: journalDirectory, records: recovery.recordCount, conversations: state.conversations.count,
            openConversations: state.conversations.values.reduce(0) { $0 + ($1.status == .closed ? 0 : 1) },
            pendingOffers: state.offers.count, milliseconds: Double(MonotonicClock.now() - started) / 1e6, sync: sync,
            notes: recovery.notes)
        return HubStorage(writer: writer, summary: summary, nextLSN: recovery.nextLSN, lock: lock)
    }

    /// Scans the journal and applies every record, in order, to `hub`. A torn tail is cut with one log
    /// line; corruption stops here unless `repair`; a record that does not decode stops here. Records
    /// are decoded on this thread, straight out of the segment's bytes, and applied on another
    /// (`ReplayApplier`), so the two overlap.
    static func replay(
        _ journalDirectory: String, repair: Bool, disk: any JournalDisk, into hub: inout Hub, logger: Logger
    ) throws(HubStorageError) -> JournalRecovery {
        var unreadable: (lsn: UInt64, reason: String)?
        let applier = try? ReplayApplier.start(hub)
        var batch: [DomainEvent] = []
        batch.reserveCapacity(ReplayApplier.batchSize)
        let opened: Result<JournalRecovery, JournalOpenError>
        do throws(JournalOpenError) {
            opened = .success(
                try JournalRecovery.open(
                    directory: journalDirectory, disk: disk, repair: repair, log: { logger.warning($0) },
                    record: { lsn, payload in
                        guard unreadable == nil else { return }
                        let decoded = payload.withUnsafeBytes { raw -> Result<DomainEvent, JournalDecodeError> in
                            do throws(JournalDecodeError) {
                                return .success(try JournalEventCodec.decode(raw))
                            } catch {
                                return .failure(error)
                            }
                        }
                        switch decoded {
                        case .success(let event):
                            guard let applier else {
                                hub.apply(event)
                                return
                            }
                            batch.append(event)
                            if batch.count == ReplayApplier.batchSize {
                                applier.submit(batch)
                                batch = []
                                batch.reserveCapacity(ReplayApplier.batchSize)
                            }
                        case .failure(let error):
                            unreadable = (lsn, error.description)
                        }
                    }))
        } catch {
            opened = .failure(error)
        }
        if let applier {
            if !batch.isEmpty { applier.submit(batch) }
            hub = applier.finish()
        }
        let recovery: JournalRecovery
        switch opened {
        case .success(let value): recovery = value
        case .failure(let error): throw .journal(error)
        }
        if let unreadable { throw .unreadableRecord(lsn: unreadable.lsn, reason: unreadable.reason) }
        return recovery
    }

    /// Writes what is queued, syncs, stops the writer, then releases the directory.
    func close() {
        writer.close()
        lock.release()
    }
}
