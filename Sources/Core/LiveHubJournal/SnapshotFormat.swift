/// A snapshot file: the hub's whole state as of one journal LSN, so recovery reads it and replays only
/// the records after that LSN. The payload is opaque here (the hub's snapshot codec sits above); this is
/// its envelope, version 1, integers little-endian:
///
///     snapshot header (48 bytes), then the payload
///       0  magic          8   89 4C 48 53 0D 0A 1A 0A  ("\x89LHS\r\n\x1a\n")
///       8  version        2   1; a reader refuses a version above the one it knows
///      10  header size    2   48
///      12  reserved       4   0
///      16  LSN            8   the last journal record the state includes (0: none)
///      24  payload size   8   bytes after the header
///      32  payload CRC    4   CRC-32C of the payload
///      36  reserved       8   0
///      44  header CRC     4   CRC-32C of bytes 0..<44
///
/// A snapshot is written whole as `.tmp`, synced, renamed and the directory synced, so a named snapshot
/// is complete unless the disk damaged it; then either checksum fails and recovery falls back to an
/// older snapshot or the journal.
public enum SnapshotFormat {
    /// The version this build writes, and the highest it reads.
    public static let currentVersion: UInt16 = 1
    public static let magic: [UInt8] = [0x89, 0x4C, 0x48, 0x53, 0x0D, 0x0A, 0x1A, 0x0A]
    public static let headerSize = 48

    /// The file's bytes: header, then `payload`.
    public static func encode(lsn: UInt64, payload: [UInt8]) -> [UInt8] {
        header(lsn: lsn, payload: payload) + payload
    }

    /// The header for `payload` alone, so a large payload can be written after it without a copy.
    public static func header(lsn: UInt64, payload: [UInt8]) -> [UInt8] {
        var bytes = magic
        bytes.reserveCapacity(headerSize)
        bytes.appendLittleEndian(currentVersion)
        bytes.appendLittleEndian(UInt16(headerSize))
        bytes.appendLittleEndian(UInt32(0))
        bytes.appendLittleEndian(lsn)
        bytes.appendLittleEndian(UInt64(payload.count))
        bytes.appendLittleEndian(CRC32C.checksum(payload))
        bytes.appendLittleEndian(UInt64(0))
        bytes.appendLittleEndian(CRC32C.checksum(bytes))
        return bytes
    }

    /// The LSN and the payload's range in `bytes`, once both checksums hold. The version is checked
    /// before the checksum, so a later release's snapshot is refused as too new, not as damaged.
    public static func decode(_ bytes: [UInt8]) -> Result<(lsn: UInt64, payload: Range<Int>), SnapshotProblem> {
        bytes.withUnsafeBytes { raw in
            let seen = min(raw.count, magic.count)
            guard raw.prefix(seen).elementsEqual(magic.prefix(seen)) else { return .failure(.badMagic) }
            guard raw.count >= 10 else { return .failure(.truncated(size: raw.count)) }
            let version = raw.littleEndian(at: 8, as: UInt16.self)
            guard version <= currentVersion else { return .failure(.unsupportedVersion(found: version)) }
            guard version >= 1 else { return .failure(.badField("version 0")) }
            guard raw.count >= headerSize else { return .failure(.truncated(size: raw.count)) }
            guard
                raw.littleEndian(at: 44, as: UInt32.self)
                    == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<44]))
            else { return .failure(.headerChecksumMismatch) }
            let declared = raw.littleEndian(at: 24, as: UInt64.self)
            guard declared == UInt64(raw.count - headerSize) else {
                return .failure(.sizeMismatch(declared: declared, found: raw.count - headerSize))
            }
            let payload = headerSize..<raw.count
            guard
                raw.littleEndian(at: 32, as: UInt32.self)
                    == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[payload]))
            else { return .failure(.payloadChecksumMismatch) }
            return .success((raw.littleEndian(at: 16, as: UInt64.self), payload))
        }
    }
}

/// Why a snapshot file could not be used.
public enum SnapshotProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case truncated(size: Int)
    case badMagic
    /// Written by a later release of livehub.
    case unsupportedVersion(found: UInt16)
    case headerChecksumMismatch
    /// The file is longer or shorter than its header says.
    case sizeMismatch(declared: UInt64, found: Int)
    case payloadChecksumMismatch
    case badField(String)

    public var description: String {
        switch self {
        case .truncated(let size): "the header is cut short (\(size) of \(SnapshotFormat.headerSize) bytes)"
        case .badMagic: "not a livehub snapshot (bad magic)"
        case .unsupportedVersion(let found):
            "snapshot format version \(found) is newer than this build reads (up to \(SnapshotFormat.currentVersion))"
        case .headerChecksumMismatch: "the header checksum does not match"
        case .sizeMismatch(let declared, let found): "the header says \(declared) payload bytes, the file has \(found)"
        case .payloadChecksumMismatch: "the payload checksum does not match"
        case .badField(let field): "the header has an impossible \(field)"
        }
    }
}
