/// A good record found by `SegmentScanner`: its LSN and where its payload lies in the scanned bytes.
public struct ScannedRecord: Equatable, Sendable {
    public let lsn: UInt64
    /// The highest LSN that was durable when this record was written.
    public let syncedThrough: UInt64
    /// The payload's byte range within the scanned segment.
    public let payload: Range<Int>
}

/// What a scan of one segment found.
public struct SegmentScan: Equatable, Sendable {
    /// The segment's header; nil when it is unreadable (then `end` is `.corrupt` at offset 0).
    public let header: SegmentHeader?
    /// The good records, in order, before any damage.
    public let records: [ScannedRecord]
    /// The offset just past the last good record (or the header): where a cut leaves the file, and where
    /// appending continues.
    public let goodSize: Int
    /// The LSN the record after the good ones must carry.
    public let nextLSN: UInt64
    public let end: SegmentEnd

    public init(header: SegmentHeader?, records: [ScannedRecord], goodSize: Int, nextLSN: UInt64, end: SegmentEnd) {
        self.header = header
        self.records = records
        self.goodSize = goodSize
        self.nextLSN = nextLSN
        self.end = end
    }
}

/// How a segment ends.
public enum SegmentEnd: Equatable, Sendable {
    /// Every byte belongs to a good record.
    case clean
    /// The last segment ends in a write that never completed: nothing after the damage vouches for it, so
    /// it was never acknowledged under `--fsync group`. Recovery cuts here and logs one line.
    case tornTail(SegmentDamage)
    /// Damage that cannot be a torn tail: a record that later writes vouch for as durable, a damaged
    /// header, a sealed (non-last) segment, or a break in the LSN sequence. Recovery stops, unless a
    /// repair is asked for, which keeps everything before `offset` and sets the rest aside.
    case corrupt(SegmentDamage)
}

/// Where a segment stops being good, and why, in words fit for a log line.
public struct SegmentDamage: Equatable, Sendable, CustomStringConvertible {
    /// The offset of the first bad byte (the end of the good part).
    public let offset: Int
    /// Bytes from `offset` to the end of the segment.
    public let droppedBytes: Int
    /// The LSN the first bad record should have carried.
    public let expectedLSN: UInt64
    /// Records after the damage that checked out on their own but go with it.
    public let droppedWholeRecords: Int
    /// What was found, e.g. "a record cut short (10 of 200 payload bytes)".
    public let reason: String

    public init(offset: Int, droppedBytes: Int, expectedLSN: UInt64, droppedWholeRecords: Int, reason: String) {
        self.offset = offset
        self.droppedBytes = droppedBytes
        self.expectedLSN = expectedLSN
        self.droppedWholeRecords = droppedWholeRecords
        self.reason = reason
    }

    public var description: String {
        var text = "at offset \(offset) (LSN \(expectedLSN)): \(reason); \(droppedBytes) bytes from there"
        if droppedWholeRecords > 0 {
            text += ", including \(droppedWholeRecords) whole record\(droppedWholeRecords == 1 ? "" : "s") after it"
        }
        return text
    }
}

/// A segment written by a later release, in a format this build does not read. Never repaired: the
/// data may be perfectly good, and cutting it would destroy a newer hub's journal.
public struct UnsupportedJournalVersion: Error, Equatable, Sendable, CustomStringConvertible {
    public let found: UInt16
    public init(found: UInt16) { self.found = found }
    public var description: String { SegmentHeaderProblem.unsupportedVersion(found: found).description }
}
