import LiveHubJournal
import LiveHubPosix

/// The snapshot files of a data directory (`DATA_DIR/snapshots`), on opaque payloads: writing one
/// durably, listing and reading them for recovery, and deleting what the newest ones make useless
/// (older snapshots and the journal segments they cover). Blocking: called at start and on the hub's
/// snapshot thread, never on an I/O loop.
///
/// **Retention rule.** The newest `kept` snapshots stay (two by default). Journal segments whose every
/// record is covered by the *oldest* kept snapshot are deleted; with a single snapshot none is. So
/// recovery can always fall back from a damaged newest snapshot to the one before it, or, until a
/// second snapshot exists, to the whole journal.
public struct SnapshotStore: Sendable {
    public let directory: String
    public let journalDirectory: String
    private let disk: any JournalDisk
    /// How many snapshots stay on disk.
    public let kept: Int

    public init(directory: String, journalDirectory: String, disk: any JournalDisk, kept: Int = 2) {
        self.directory = directory
        self.journalDirectory = journalDirectory
        self.disk = disk
        self.kept = max(1, kept)
    }

    /// One snapshot file.
    public struct Entry: Equatable, Sendable {
        public let name: String
        public let lsn: UInt64
    }

    /// The snapshots on disk, newest first. Creates the directory if needed and removes `.tmp` files a
    /// stopped writer left (never published, so never needed).
    public func list() throws(FileSystem.Failure) -> [Entry] {
        try disk.makeDirectory(directory)
        let names = try disk.listDirectory(directory)
        let unfinished = names.filter { $0.hasSuffix(SnapshotName.temporarySuffix) }
        for name in unfinished { try disk.remove(directory + "/" + name) }
        if !unfinished.isEmpty { try disk.synchronizeDirectory(directory) }
        return names.compactMap { name in SnapshotName.lsn(of: name).map { Entry(name: name, lsn: $0) } }
            .sorted { $0.lsn > $1.lsn }
    }

    /// A snapshot's LSN and payload, or why it cannot be used.
    public func read(_ entry: Entry) -> Result<(lsn: UInt64, payload: ArraySlice<UInt8>), SnapshotReadFailure> {
        let bytes: [UInt8]
        do throws(FileSystem.Failure) {
            bytes = try disk.contents(of: directory + "/" + entry.name)
        } catch {
            return .failure(.disk(error))
        }
        switch SnapshotFormat.decode(bytes) {
        case .success(let found):
            guard found.lsn == entry.lsn else {
                return .failure(.format(.badField("LSN \(found.lsn) in a file named for LSN \(entry.lsn)")))
            }
            return .success((found.lsn, bytes[found.payload]))
        case .failure(let problem):
            return .failure(.format(problem))
        }
    }

    /// Writes a snapshot of the state through `lsn`: whole to `.tmp`, synced, then published (renamed,
    /// directory synced) only if `mayPublish` says so, which is where the caller makes sure the journal
    /// holds every record through `lsn` durably. Returns whether it was published; a snapshot that was
    /// not is removed.
    public func write(
        lsn: UInt64, payload: [UInt8], mayPublish: () -> Bool
    ) throws(FileSystem.Failure) -> Bool {
        try disk.makeDirectory(directory)
        let path = directory + "/" + SnapshotName.name(lsn: lsn)
        let temporary = path + SnapshotName.temporarySuffix
        try? disk.remove(temporary)
        do throws(FileSystem.Failure) {
            let file = try disk.create(temporary)
            defer { file.close() }
            try file.append(SnapshotFormat.header(lsn: lsn, payload: payload))
            try file.append(payload)
            try file.synchronize()
        } catch {
            try? disk.remove(temporary)
            throw error
        }
        guard mayPublish() else {
            try? disk.remove(temporary)
            return false
        }
        try disk.rename(temporary, to: path)
        try disk.synchronizeDirectory(directory)
        return true
    }

    /// What `prune` deleted.
    public struct Pruned: Equatable, Sendable {
        public var snapshots: [String] = []
        public var segments: [String] = []

        public init() {}
    }

    /// Applies the retention rule: deletes the snapshots older than the newest `kept`, then the journal
    /// segments the oldest kept one covers. Call after a new snapshot is published.
    public func prune() throws(FileSystem.Failure) -> Pruned {
        var pruned = Pruned()
        let snapshots = try list()
        for entry in snapshots.dropFirst(kept) {
            try disk.remove(directory + "/" + entry.name)
            pruned.snapshots.append(entry.name)
        }
        if !pruned.snapshots.isEmpty { try disk.synchronizeDirectory(directory) }
        guard snapshots.count >= 2, let oldestKept = snapshots.prefix(kept).last else { return pruned }
        pruned.segments = try removeSegments(coveredThrough: oldestKept.lsn)
        return pruned
    }

    /// Deletes the journal segments whose every record is at or below `lsn`: each one but the last whose
    /// successor starts at or below `lsn + 1`. The last segment is never deleted (the writer appends to it).
    func removeSegments(coveredThrough lsn: UInt64) throws(FileSystem.Failure) -> [String] {
        let segments = try disk.listDirectory(journalDirectory)
            .compactMap { name in SegmentName.firstLSN(of: name).map { (name: name, first: $0) } }
            .sorted { $0.first < $1.first }
        var removed: [String] = []
        for (index, segment) in segments.enumerated().dropLast() where segments[index + 1].first <= lsn + 1 {
            try disk.remove(journalDirectory + "/" + segment.name)
            removed.append(segment.name)
        }
        if !removed.isEmpty { try disk.synchronizeDirectory(journalDirectory) }
        return removed
    }
}

/// Why a snapshot file could not be used.
public enum SnapshotReadFailure: Error, Equatable, Sendable, CustomStringConvertible {
    case disk(FileSystem.Failure)
    case format(SnapshotProblem)

    public var description: String {
        switch self {
        case .disk(let failure): "cannot read it: \(failure)"
        case .format(let problem): "\(problem)"
        }
    }
}
