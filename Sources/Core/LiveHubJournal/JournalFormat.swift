/// The journal's on-disk format, version 1. All integers are little-endian.
///
/// A journal is a directory of **segments**, each named for its first LSN (`SegmentName`). A segment is
/// a header followed by records, appended and never rewritten:
///
///     segment header (32 bytes)
///       0  magic          8   89 4C 48 4A 0D 0A 1A 0A  ("\x89LHJ\r\n\x1a\n": binary, and spots a
///                                                       text-mode copy that rewrote line ends)
///       8  version        2   1; a reader refuses a version above the one it knows
///      10  header size    2   32 (lets a later version grow the header)
///      12  salt           4   random per segment; seeds every record checksum in it
///      16  first LSN      8   the LSN of the segment's first record
///      24  reserved       4   0
///      28  header CRC     4   CRC-32C of bytes 0..<28
///
///     record header (28 bytes), then the payload
///       0  payload size   4   at most `maximumPayloadSize`
///       4  LSN            8   the previous record's LSN + 1 (≥ 1)
///      12  synced through 8   the highest LSN known durable (fdatasync returned) when this record was
///                             written: later records vouch for earlier ones (see `SegmentScanner`)
///      20  payload CRC    4   CRC-32C of salt ‖ payload
///      24  header CRC     4   CRC-32C of salt ‖ bytes 0..<24: the size is checked before it is trusted
///
/// **LSN** (log sequence number): records are numbered 1, 2, 3… across segments with no gap, so recovery
/// can tell a missing record from a torn one. 0 means "no record".
///
/// The salt makes a record valid only in the segment it was written to: bytes of an old segment, of
/// another journal, or a record-shaped payload cannot pass for a record here.
public enum JournalFormat {
    /// The version this build writes, and the highest it reads.
    public static let currentVersion: UInt16 = 1
    public static let magic: [UInt8] = [0x89, 0x4C, 0x48, 0x4A, 0x0D, 0x0A, 0x1A, 0x0A]
    public static let segmentHeaderSize = 32
    public static let recordHeaderSize = 28
    /// The largest payload a record may carry (1 GiB). A size field above it is damage, not a record.
    public static let maximumPayloadSize = 1 << 30
}

// MARK: Little-endian bytes

extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}

extension UnsafeRawBufferPointer {
    @inline(__always)
    func littleEndian<T: FixedWidthInteger>(at offset: Int, as type: T.Type) -> T {
        T(littleEndian: loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
