import LiveHubJournal
import LiveHubPosix

/// What opening a journal directory found and did; `JournalWriter.start` continues from it.
public struct JournalRecovery: Sendable {
    public let directory: String
    /// The LSN the next appended record must carry.
    public let nextLSN: UInt64
    /// The oldest record still on disk (nil when the journal holds none).
    public let firstLSN: UInt64?
    /// Good records read, across every segment (including those at or before `after`).
    public let recordCount: Int
    /// Segments kept.
    public let segmentCount: Int
    /// The log lines recovery wrote (a torn tail cut, a repair), in order.
    public let notes: [String]
    /// The segment appending continues in (nil: none yet; the writer creates one at `nextLSN`).
    let tail: TailSegment?
}

/// The last kept segment, as recovery left it: cut to its good end and synced.
struct TailSegment: Sendable {
    let name: String
    let header: SegmentHeader
    let size: Int
}

/// Why a journal directory was not opened.
public enum JournalOpenError: Error, Equatable, Sendable, CustomStringConvertible {
    case disk(FileSystem.Failure)
    /// Damage that is not a torn tail (`SegmentScanner`). Nothing was changed on disk.
    case corrupt(segment: String, damage: SegmentDamage, goodThrough: UInt64)
    /// A segment in a format from a later release.
    case unsupportedVersion(segment: String, found: UInt16)
    /// Records after `after` were asked for, but the journal starts later.
    case missingRecords(after: UInt64, journalStartsAt: UInt64)
    /// Records after `after` were asked for (a snapshot covers up to it), but the journal ends before.
    case endsBeforeSnapshot(after: UInt64, journalEndsAt: UInt64)

    public var description: String {
        switch self {
        case .disk(let failure): "cannot read the journal: \(failure)"
        case .corrupt(let segment, let damage, let goodThrough):
            "journal segment \(segment) is corrupt \(damage). Nothing was changed. To start anyway, keeping "
                + "the records through LSN \(goodThrough) and setting the rest aside, run with --repair"
        case .unsupportedVersion(let segment, let found):
            "journal segment \(segment): \(UnsupportedJournalVersion(found: found))"
        case .missingRecords(let after, let start):
            "the journal starts at LSN \(start), but the records after LSN \(after) are needed"
        case .endsBeforeSnapshot(let after, let end):
            "the journal ends at LSN \(end), before the snapshot's LSN \(after): journal records are missing"
        }
    }
}

extension JournalRecovery {
    /// Opens (creating if needed) the journal in `directory`: scans every segment in LSN order (but those
    /// wholly at or below `after`), hands each good record after LSN `after` to `record` (in order, once),
    /// cuts a torn tail with one log
    /// line, and stops at corruption unless `repair` is set, which keeps every record before the damage
    /// and renames the rest to `*.dropped` (never deletes it). Records are handed over as they are read,
    /// so when opening fails the caller discards what it was given.
    ///
    /// Blocking: call before the hub serves. The last segment is synced before returning, so what was
    /// replayed is durable even if the previous process died with it only in the page cache.
    public static func open(
        directory: String, disk: any JournalDisk = PosixJournalDisk(), repair: Bool = false, after: UInt64 = 0,
        log: (String) -> Void, record: (UInt64, ArraySlice<UInt8>) -> Void
    ) throws(JournalOpenError) -> JournalRecovery {
        try attempt { () throws(FileSystem.Failure) in try disk.makeDirectory(directory) }
        var names = try attempt { () throws(FileSystem.Failure) in try disk.listDirectory(directory) }
        try attempt { () throws(FileSystem.Failure) in
            try removeUnfinishedSegments(in: directory, names: &names, disk: disk)
        }
        var state = RecoveryState(directory: directory, names: names, after: after)
        let segments = names.compactMap { name in SegmentName.firstLSN(of: name).map { (name, $0) } }
            .sorted { $0.1 < $1.1 }
        for (index, (name, nameLSN)) in segments.enumerated() {
            // Every record of a segment that the next one follows at or below `after + 1` is covered by
            // the snapshot: it is not even read (until a second snapshot lets it go, a snapshot covers
            // nearly the whole journal, and checking it would cost as much as reading the snapshot).
            if state.expected.map({ $0 == nameLSN }) ?? true, index + 1 < segments.count,
                segments[index + 1].1 <= after + 1, segments[index + 1].1 > nameLSN
            {
                state.skip(name, firstLSN: nameLSN, nextLSN: segments[index + 1].1)
                continue
            }
            let path = directory + "/" + name
            let bytes = try attempt { () throws(FileSystem.Failure) in try disk.contents(of: path) }
            var scan: SegmentScan
            do throws(UnsupportedJournalVersion) {
                scan = try SegmentScanner.scan(
                    bytes, expectedFirstLSN: state.expected ?? nameLSN, isLastSegment: index == segments.count - 1)
            } catch {
                throw .unsupportedVersion(segment: name, found: error.found)
            }
            if let header = scan.header, header.firstLSN != nameLSN {
                // A misnamed segment could later be replaced by a new segment of the same name.
                scan = SegmentScan(
                    header: header, records: [], goodSize: 0, nextLSN: header.firstLSN,
                    end: .corrupt(
                        SegmentDamage(
                            offset: 0, droppedBytes: bytes.count, expectedLSN: header.firstLSN, droppedWholeRecords: 0,
                            reason: "the segment is named for LSN \(nameLSN) but its header says LSN \(header.firstLSN)"
                        )))
            }
            if index == 0, let header = scan.header, header.firstLSN > after + 1 {
                throw .missingRecords(after: after, journalStartsAt: header.firstLSN)
            }
            for found in scan.records where found.lsn > after { record(found.lsn, bytes[found.payload]) }
            state.count(scan)
            switch scan.end {
            case .clean:
                state.keep(name, scan.header, size: bytes.count)
            case .tornTail(let damage):
                try attempt { () throws(FileSystem.Failure) in try cut(path, at: damage.offset, disk: disk) }
                log(
                    state.note(
                        "journal: cut a torn tail from \(name) \(damage) (never acknowledged under --fsync group)"))
                state.keep(name, scan.header, size: damage.offset)
            case .corrupt(let damage):
                guard repair else { throw .corrupt(segment: name, damage: damage, goodThrough: scan.nextLSN - 1) }
                let later = segments[(index + 1)...].map(\.0)
                try attempt { () throws(FileSystem.Failure) in
                    try setAside(segment: name, bytes: bytes, damage: damage, later: later, state: &state, disk: disk)
                }
                log(
                    state.note(
                        "journal: repaired \(name), corrupt \(damage): kept the records through LSN "
                            + "\(damage.expectedLSN - 1), set aside the rest"
                            + "\(later.isEmpty ? "" : " and \(later.count) later segment(s)") as *.dropped"))
                if damage.offset > 0 { state.keep(name, scan.header, size: damage.offset) }
            }
            if case .corrupt = scan.end { break }
        }
        return try state.finish(disk: disk)
    }

    /// Runs a disk operation, reporting its failure as an open error.
    private static func attempt<T>(_ body: () throws(FileSystem.Failure) -> T) throws(JournalOpenError) -> T {
        do throws(FileSystem.Failure) {
            return try body()
        } catch {
            throw .disk(error)
        }
    }

    /// A segment still named `.tmp` was being created when the previous process stopped: its header may
    /// not be durable and it never held a record.
    private static func removeUnfinishedSegments(
        in directory: String, names: inout [String], disk: any JournalDisk
    ) throws(FileSystem.Failure) {
        let unfinished = names.filter {
            $0.hasSuffix(SegmentName.temporarySuffix)
                && SegmentName.firstLSN(of: String($0.dropLast(SegmentName.temporarySuffix.count))) != nil
        }
        guard !unfinished.isEmpty else { return }
        for name in unfinished { try disk.remove(directory + "/" + name) }
        try disk.synchronizeDirectory(directory)
        names.removeAll { unfinished.contains($0) }
    }

    private static func cut(_ path: String, at offset: Int, disk: any JournalDisk) throws(FileSystem.Failure) {
        let file = try disk.openForAppending(path)
        defer { file.close() }
        try file.truncate(at: offset)
        try file.synchronize()
    }

    /// The repair: the damaged segment's bytes from the damage on, and every later segment, are kept
    /// under `.dropped` names for inspection; the damaged segment is cut at the damage.
    private static func setAside(
        segment name: String, bytes: [UInt8], damage: SegmentDamage, later: [String], state: inout RecoveryState,
        disk: any JournalDisk
    ) throws(FileSystem.Failure) {
        let directory = state.directory
        if damage.offset > 0 {
            let dropped = state.freeName(name + SegmentName.droppedSuffix)
            let copy = try disk.create(directory + "/" + dropped)
            defer { copy.close() }
            try copy.append(Array(bytes[damage.offset...]))
            try copy.synchronize()
            try cut(directory + "/" + name, at: damage.offset, disk: disk)
        } else {
            try disk.rename(
                directory + "/" + name, to: directory + "/" + state.freeName(name + SegmentName.droppedSuffix))
        }
        for name in later {
            try disk.rename(
                directory + "/" + name, to: directory + "/" + state.freeName(name + SegmentName.droppedSuffix))
        }
        try disk.synchronizeDirectory(directory)
    }
}

/// Running totals while segments are scanned.
private struct RecoveryState {
    let directory: String
    var names: Set<String>
    let after: UInt64
    /// The LSN the next segment must start at (nil before the first).
    var expected: UInt64?
    var firstLSN: UInt64?
    var recordCount = 0
    var segmentCount = 0
    var notes: [String] = []
    var tail: TailSegment?

    init(directory: String, names: [String], after: UInt64) {
        self.directory = directory
        self.names = Set(names)
        self.after = after
    }

    mutating func count(_ scan: SegmentScan) {
        if firstLSN == nil { firstLSN = scan.records.first?.lsn }
        recordCount += scan.records.count
        expected = scan.nextLSN
    }

    /// A segment wholly covered by the snapshot, not read: its records count as scanned.
    mutating func skip(_ name: String, firstLSN: UInt64, nextLSN: UInt64) {
        if self.firstLSN == nil { self.firstLSN = firstLSN }
        recordCount += Int(nextLSN - firstLSN)
        expected = nextLSN
        segmentCount += 1
    }

    mutating func keep(_ name: String, _ header: SegmentHeader?, size: Int) {
        guard let header else { return }
        tail = TailSegment(name: name, header: header, size: size)
        segmentCount += 1
    }

    /// Records a log line and returns it, for the caller to log.
    mutating func note(_ line: String) -> String {
        notes.append(line)
        return line
    }

    /// `name`, or `name.1`, `name.2`… if taken (an earlier repair).
    mutating func freeName(_ name: String) -> String {
        var candidate = name
        var suffix = 0
        while names.contains(candidate) {
            suffix += 1
            candidate = "\(name).\(suffix)"
        }
        names.insert(candidate)
        return candidate
    }

    func finish(disk: any JournalDisk) throws(JournalOpenError) -> JournalRecovery {
        let nextLSN = expected ?? after + 1
        if nextLSN - 1 < after { throw .endsBeforeSnapshot(after: after, journalEndsAt: nextLSN - 1) }
        if let tail {
            do throws(FileSystem.Failure) {
                let file = try disk.openForAppending(directory + "/" + tail.name)
                defer { file.close() }
                try file.synchronize()
            } catch {
                throw .disk(error)
            }
        }
        return JournalRecovery(
            directory: directory, nextLSN: nextLSN, firstLSN: firstLSN, recordCount: recordCount,
            segmentCount: segmentCount, notes: notes, tail: tail)
    }
}
