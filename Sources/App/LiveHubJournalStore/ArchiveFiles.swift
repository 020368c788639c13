import LiveHubJournal
import LiveHubPosix

/// Append-only archive files on opaque payloads: `DIRECTORY/<group>/<file>`, each file in the journal's
/// segment format (`JournalFormat`: a header with its salt, then records with CRC-32C checksums), its
/// records numbered 1, 2, 3… within the file. So the journal's scanner reads them back, and its
/// torn-tail rule applies: a record is only ever acknowledged after the `fdatasync` that covers it.
///
/// Used by one thread at a time (the hub's archive thread); `ArchiveFiles.records` reads from any thread.
/// Blocking, never on an I/O loop.
public final class ArchiveWriter {
    /// One record to append.
    public struct Entry: Sendable {
        public var group: String
        public var file: String
        public var payload: [UInt8]

        public init(group: String, file: String, payload: [UInt8]) {
            self.group = group
            self.file = file
            self.payload = payload
        }
    }

    private final class OpenFile {
        let file: any JournalFile
        let encoder: RecordEncoder
        /// Records in the file; the next one is `records + 1`.
        var records: UInt64
        /// Records covered by the last successful sync.
        var durable: UInt64
        var lastUse: UInt64 = 0

        init(file: any JournalFile, salt: UInt32, records: UInt64) {
            self.file = file
            encoder = RecordEncoder(salt: salt)
            self.records = records
            durable = records
        }
    }

    public let directory: String
    private let disk: any JournalDisk
    private let log: (String) -> Void
    private var open: [String: OpenFile] = [:]
    private var knownGroups: Set<String> = []
    private var uses: UInt64 = 0
    /// Open files kept between appends (the current day's few buckets); the least recently used goes first.
    private let openLimit = 16

    public init(directory: String, disk: any JournalDisk, log: @escaping (String) -> Void) {
        self.directory = directory
        self.disk = disk
        self.log = log
    }

    /// Appends every entry to its file and makes them durable: one write and one `fdatasync` per file
    /// touched, one directory sync per file or group created. When it throws, none of the entries may
    /// be taken as archived (some may be on disk: appending them again later adds a second copy, which
    /// readers tolerate).
    public func append(_ entries: [Entry]) throws(FileSystem.Failure) {
        var buffers: [String: [UInt8]] = [:]
        var order: [String] = []
        for entry in entries {
            let path = try prepare(group: entry.group, file: entry.file)
            guard let target = open[path] else { continue }
            if buffers[path] == nil { order.append(path) }
            target.records += 1
            target.encoder.append(
                lsn: target.records, syncedThrough: target.durable, payload: entry.payload, to: &buffers[path, default: []])
        }
        for path in order {
            guard let target = open[path], let bytes = buffers[path] else { continue }
            do throws(FileSystem.Failure) {
                try target.file.append(bytes)
                try target.file.synchronize()
                target.durable = target.records
            } catch {
                // Reopened (and its unacknowledged tail cut) on its next use.
                target.file.close()
                open[path] = nil
                for other in order where other != path { open[other]?.records = open[other]?.durable ?? 0 }
                throw error
            }
        }
    }

    /// Opens (creating it if needed) the file an entry goes to, and returns its path.
    private func prepare(group: String, file: String) throws(FileSystem.Failure) -> String {
        let groupPath = directory + "/" + group
        let path = groupPath + "/" + file
        uses += 1
        if let cached = open[path] {
            cached.lastUse = uses
            return path
        }
        if !knownGroups.contains(group) {
            try disk.makeDirectory(directory)
            let existing = try disk.listDirectory(directory)
            try disk.makeDirectory(groupPath)
            if !existing.contains(group) { try disk.synchronizeDirectory(directory) }
            knownGroups.insert(group)
        }
        let opened = try openOrCreate(path, in: groupPath)
        opened.lastUse = uses
        if open.count >= openLimit, let oldest = open.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            oldest.value.file.close()
            open[oldest.key] = nil
        }
        open[path] = opened
        return path
    }

    /// An existing file, checked and cut back to its last good record, or a new one (written as `.tmp`
    /// with its header, synced, renamed, the directory synced: a named file's header is always durable).
    private func openOrCreate(_ path: String, in groupPath: String) throws(FileSystem.Failure) -> OpenFile {
        let existing: [UInt8]?
        do throws(FileSystem.Failure) {
            existing = try disk.contents(of: path)
        } catch where error.isMissing {
            existing = nil
        }
        if let existing {
            let scan = existing.withUnsafeBytes { raw in
                try? SegmentScanner.scan(raw, expectedFirstLSN: 1, isLastSegment: true)
            }
            if let scan, let header = scan.header {
                switch scan.end {
                case .clean:
                    return OpenFile(
                        file: try disk.openForAppending(path), salt: header.salt, records: UInt64(scan.records.count))
                case .tornTail(let damage):
                    let file = try disk.openForAppending(path)
                    try file.truncate(at: damage.offset)
                    try file.synchronize()
                    log("archive: cut a torn tail from \(path) \(damage) (never acknowledged)")
                    return OpenFile(file: file, salt: header.salt, records: UInt64(scan.records.count))
                case .corrupt:
                    break
                }
            }
            // Damaged (or from a later release): kept for inspection under another name, never appended to.
            var aside = path + ".damaged"
            var suffix = 0
            while (try? disk.contents(of: aside)) != nil {
                suffix += 1
                aside = path + ".damaged.\(suffix)"
            }
            try disk.rename(path, to: aside)
            log("archive: \(path) is damaged; set aside as \(aside), its good records stay readable")
        }
        let temporary = path + SegmentName.temporarySuffix
        try? disk.remove(temporary)
        let header = SegmentHeader(salt: UInt32.random(in: .min ... .max), firstLSN: 1)
        do throws(FileSystem.Failure) {
            let created = try disk.create(temporary)
            defer { created.close() }
            try created.append(header.encoded())
            try created.synchronize()
            try disk.rename(temporary, to: path)
            try disk.synchronizeDirectory(groupPath)
        } catch {
            try? disk.remove(temporary)
            throw error
        }
        return OpenFile(file: try disk.openForAppending(path), salt: header.salt, records: 0)
    }

    /// The groups (subdirectories) in the archive, sorted.
    public func groups() throws(FileSystem.Failure) -> [String] {
        try disk.makeDirectory(directory)
        return try disk.listDirectory(directory).sorted()
    }

    /// Deletes a group and every file in it, durably.
    public func removeGroup(_ group: String) throws(FileSystem.Failure) {
        let groupPath = directory + "/" + group
        for (path, file) in open where path.hasPrefix(groupPath + "/") {
            file.file.close()
            open[path] = nil
        }
        for name in try disk.listDirectory(groupPath) { try disk.remove(groupPath + "/" + name) }
        try disk.removeDirectory(groupPath)
        try disk.synchronizeDirectory(directory)
        knownGroups.remove(group)
    }

    /// Closes the open files (everything appended is durable already).
    public func close() {
        for file in open.values { file.file.close() }
        open = [:]
    }
}

/// Reading archive files, from any thread.
public enum ArchiveFiles {
    /// The payloads of the good records of `directory/group/file`, in order, stopping at any damage (a
    /// record being appended right now reads as a torn tail and is left out). Also reads what a damaged
    /// file set aside (`*.damaged`) kept before its damage. Nil when the file does not exist.
    public static func records(
        directory: String, group: String, file: String, disk: any JournalDisk
    ) throws(FileSystem.Failure) -> [[UInt8]]? {
        let groupPath = directory + "/" + group
        var found: [[UInt8]]?
        var names = [file]
        if let listed = try? disk.listDirectory(groupPath) {
            names += listed.filter { $0.hasPrefix(file + ".damaged") }.sorted()
        }
        for name in names {
            let bytes: [UInt8]
            do throws(FileSystem.Failure) {
                bytes = try disk.contents(of: groupPath + "/" + name)
            } catch where error.isMissing {
                continue
            }
            let payloads = bytes.withUnsafeBytes { raw -> [[UInt8]] in
                guard let scan = try? SegmentScanner.scan(raw, expectedFirstLSN: 1, isLastSegment: true) else {
                    return []
                }
                return scan.records.map { Array(raw[$0.payload]) }
            }
            found = (found ?? []) + payloads
        }
        return found
    }
}
