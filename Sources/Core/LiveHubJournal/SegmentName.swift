/// Segment file names: `segment-<first LSN, 20 digits>.journal`, so a name sort is an LSN sort and the
/// name alone says where a segment starts. A segment is written as `<name>.tmp` until its header is
/// durable, then renamed; material set aside by a repair gets `.dropped`.
public enum SegmentName {
    public static let prefix = "segment-"
    public static let suffix = ".journal"
    public static let temporarySuffix = ".tmp"
    public static let droppedSuffix = ".dropped"

    /// The file name of the segment that starts at `firstLSN`.
    public static func name(firstLSN: UInt64) -> String {
        let digits = String(firstLSN)
        return prefix + String(repeating: "0", count: max(0, 20 - digits.count)) + digits + suffix
    }

    /// The first LSN a segment name stands for, or nil if `name` is not a segment's name.
    public static func firstLSN(of name: String) -> UInt64? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let digits = name.dropFirst(prefix.count).dropLast(suffix.count)
        guard digits.count == 20, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt64(digits)
    }
}

/// Snapshot file names: `snapshot-<LSN, 20 digits>.snapshot`, so a name sort is an LSN sort. A snapshot
/// is written as `<name>.tmp` until it is whole and durable, then renamed.
public enum SnapshotName {
    public static let prefix = "snapshot-"
    public static let suffix = ".snapshot"
    public static let temporarySuffix = ".tmp"

    /// The file name of the snapshot that covers the journal through `lsn`.
    public static func name(lsn: UInt64) -> String {
        let digits = String(lsn)
        return prefix + String(repeating: "0", count: max(0, 20 - digits.count)) + digits + suffix
    }

    /// The LSN a snapshot name stands for, or nil if `name` is not a snapshot's name.
    public static func lsn(of name: String) -> UInt64? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let digits = name.dropFirst(prefix.count).dropLast(suffix.count)
        guard digits.count == 20, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt64(digits)
    }
}
