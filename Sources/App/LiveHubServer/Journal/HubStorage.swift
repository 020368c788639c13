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
    /// The lines recovery logged (a torn tail cut, a repair, a snapshot that could not be used).
    public let notes: [String]
    /// The snapshot recovery started from; nil when it replayed the whole journal.
    public let snapshot: LoadedSnapshot?

    public init(
        journalDirectory: String, records: Int, conversations: Int, openConversations: Int, pendingOffers: Int,
        milliseconds: Double, sync: JournalSyncMode, notes: [String], snapshot: LoadedSnapshot? = nil
    ) {
        self.journalDirectory = journalDirectory
        self.records = records
        self.conversations = conversations
        self.openConversations = openConversations
        self.pendingOffers = pendingOffers
        self.milliseconds = milliseconds
        self.sync = sync
        self.notes = notes
        self.snapshot = snapshot
    }

    /// One line for the startup output.
    public var line: String {
        let time = milliseconds < 10_000 ? "\(Int(milliseconds.rounded())) ms" : "\(Int((milliseconds / 1000).rounded())) s"
        let source =
            snapshot.map {
                "snapshot at LSN \($0.lsn) (\($0.bytes) bytes, read in \(Int($0.milliseconds.rounded())) ms) and "
                    + "\(records) records after it"
            } ?? "\(records) records"
        return "journal: \(source) replayed in \(time) (\(conversations) conversations, "
            + "\(openConversations) not closed, \(pendingOffers) pending offers); --fsync \(sync.rawValue)"
    }
}

/// The snapshot recovery started from.
public struct LoadedSnapshot: Sendable, Equatable {
    public let name: String
    /// The last journal record it covers: replay went on from the next one.
    public let lsn: UInt64
    /// Its payload's size.
    public let bytes: Int
    /// The conversations it held.
    public let conversations: Int
    /// Reading, checking and decoding it.
    public let milliseconds: Double

    public init(name: String, lsn: UInt64, bytes: Int, conversations: Int, milliseconds: Double) {
        self.name = name
        self.lsn = lsn
        self.bytes = bytes
        self.conversations = conversations
        self.milliseconds = milliseconds
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
    /// The snapshots directory cannot be listed.
    case snapshots(FileSystem.Failure)

    public var description: String {
        switch self {
        case .locked(let failure): "\(failure)"
        case .journal(.missingRecords(let after, let start)):
            "\(JournalOpenError.missingRecords(after: after, journalStartsAt: start)): no usable snapshot covers the "
                + "records before LSN \(start) (the journal before it was deleted after a later snapshot). Nothing "
                + "was changed; restore the snapshots directory from a backup"
        case .journal(let error): "\(error)"
        case .unreadableRecord(let lsn, let reason):
            "journal record LSN \(lsn) cannot be read (\(reason)). Nothing was changed; this release cannot "
                + "start on this journal"
        case .writer(let failure): "cannot open the journal for writing: \(failure)"
        case .snapshots(let failure): "cannot read the snapshots: \(failure)"
        }
    }
}

/// The hub's data directory while it serves: its lock (held for the process's life, so a second hub on
/// it is refused), the journal writer and the snapshot store.
final class HubStorage: Sendable {
    let writer: JournalWriter
    let summary: RecoverySummary
    /// Where appending continues.
    let nextLSN: UInt64
    let snapshots: SnapshotStore
    /// Payload bytes of the journal records replayed after the snapshot (all of them without one).
    let replayedBytes: UInt64
    private let lock: DataDirectoryLock

    private init(
        writer: JournalWriter, summary: RecoverySummary, nextLSN: UInt64, snapshots: SnapshotStore,
        replayedBytes: UInt64, lock: DataDirectoryLock
    ) {
        self.writer = writer
        self.summary = summary
        self.nextLSN = nextLSN
        self.snapshots = snapshots
        self.replayedBytes = replayedBytes
        self.lock = lock
    }

    /// Locks `directory` (which must exist), restores `hub` (a fresh hub of the configuration) from the
    /// newest usable snapshot in `directory/snapshots`, replays the records of `directory/journal` after
    /// it, and starts the writer after them. Blocking: call before serving.
    static func open(
        directory: String, sync: JournalSyncMode, repair: Bool, disk: any JournalDisk, snapshotsKept: Int = 2,
        hub: inout Hub, logger: Logger
    ) throws(HubStorageError) -> HubStorage {
        let started = MonotonicClock.now()
        let lock: DataDirectoryLock
        do throws(DataDirectoryLock.Failure) {
            lock = try DataDirectoryLock.acquire(directory: directory)
        } catch {
            throw .locked(error)
        }
        let journalDirectory = directory + "/journal"
        let store = SnapshotStore(
            directory: directory + "/snapshots", journalDirectory: journalDirectory, disk: disk, kept: snapshotsKept)
        var notes: [String] = []
        let recovery: JournalRecovery
        let replayed: (records: Int, bytes: UInt64)
        let snapshot: LoadedSnapshot?
        do {
            snapshot = try restore(from: store, into: &hub, notes: &notes, logger: logger)
            (recovery, replayed) = try replay(
                journalDirectory, after: snapshot?.lsn ?? 0, repair: repair, disk: disk, into: &hub, logger: logger)
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
            journalDirectory: journalDirectory, records: replayed.records, conversations: state.conversations.count,
            openConversations: state.conversations.values.reduce(0) { $0 + ($1.status == .closed ? 0 : 1) },
            pendingOffers: state.offers.count, milliseconds: Double(MonotonicClock.now() - started) / 1e6, sync: sync,
            notes: notes + recovery.notes, snapshot: snapshot)
        return HubStorage(
            writer: writer, summary: summary, nextLSN: recovery.nextLSN, snapshots: store,
            replayedBytes: replayed.bytes, lock: lock)
    }

    /// Restores `hub` from the newest snapshot that reads and decodes; each one that does not is skipped
    /// with one log line saying what recovery falls back to. Nil (the hub untouched) when none is usable.
    static func restore(
        from store: SnapshotStore, into hub: inout Hub, notes: inout [String], logger: Logger
    ) throws(HubStorageError) -> LoadedSnapshot? {
        let entries: [SnapshotStore.Entry]
        do throws(FileSystem.Failure) {
            entries = try store.list()
        } catch {
            throw .snapshots(error)
        }
        for (index, entry) in entries.enumerated() {
            let started = MonotonicClock.now()
            let problem: String
            switch store.read(entry) {
            case .success(let found):
                let decoded = found.payload.withUnsafeBytes { raw -> Result<HubState, SnapshotDecodeError> in
                    Result(catching: { () throws(SnapshotDecodeError) in try SnapshotCodec.decode(raw) })
                }
                switch decoded {
                case .success(let state):
                    hub = Hub(configuration: hub.configuration, restoring: state)
                    return LoadedSnapshot(
                        name: entry.name, lsn: found.lsn, bytes: found.payload.count,
                        conversations: state.conversations.count,
                        milliseconds: Double(MonotonicClock.now() - started) / 1e6)
                case .failure(let error):
                    problem = "\(error)"
                }
            case .failure(let failure):
                problem = "\(failure)"
            }
            let fallback =
                index + 1 < entries.count
                ? "falling back to \(entries[index + 1].name)" : "falling back to the whole journal"
            let line = "snapshot: \(entry.name) cannot be used (\(problem)); \(fallback)"
            logger.warning(line)
            notes.append(line)
        }
        return nil
    }

    /// Scans the journal and applies every record after `after`, in order, to `hub`. A torn tail is cut
    /// with one log line; corruption stops here unless `repair`; a record that does not decode stops
    /// here. Records are decoded on this thread, straight out of the segment's bytes, and applied on
    /// another (`ReplayApplier`), so the two overlap.
    static func replay(
        _ journalDirectory: String, after: UInt64 = 0, repair: Bool, disk: any JournalDisk, into hub: inout Hub,
        logger: Logger
    ) throws(HubStorageError) -> (JournalRecovery, (records: Int, bytes: UInt64)) {
        var unreadable: (lsn: UInt64, reason: String)?
        let applier = try? ReplayApplier.start(hub)
        var batch: [JournalRecord] = []
        batch.reserveCapacity(ReplayApplier.batchSize)
        var replayed = (records: 0, bytes: UInt64(0))
        let opened: Result<JournalRecovery, JournalOpenError>
        do throws(JournalOpenError) {
            opened = .success(
                try JournalRecovery.open(
                    directory: journalDirectory, disk: disk, repair: repair, after: after, log: { logger.warning($0) },
                    record: { lsn, payload in
                        guard unreadable == nil else { return }
                        let decoded = payload.withUnsafeBytes { raw -> Result<JournalRecord, JournalDecodeError> in
                            do throws(JournalDecodeError) {
                                return .success(try JournalEventCodec.decodeRecord(raw))
                            } catch {
                                return .failure(error)
                            }
                        }
                        switch decoded {
                        case .success(let record):
                            replayed.records += 1
                            replayed.bytes += UInt64(payload.count)
                            guard let applier else {
                                hub.replay(record)
                                return
                            }
                            batch.append(record)
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
        return (recovery, replayed)
    }

    /// Writes what is queued, syncs, stops the writer, then releases the directory.
    func close() {
        writer.close()
        lock.release()
    }
}
