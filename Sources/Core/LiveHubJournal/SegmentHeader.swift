/// The 32-byte header that opens every segment (layout: `JournalFormat`).
public struct SegmentHeader: Equatable, Sendable {
    public var version: UInt16
    /// Seeds every record checksum of this segment: chosen at random by the writer.
    public var salt: UInt32
    /// The LSN of the segment's first record (the next LSN, while the segment is still empty).
    public var firstLSN: UInt64

    public init(salt: UInt32, firstLSN: UInt64, version: UInt16 = JournalFormat.currentVersion) {
        self.version = version
        self.salt = salt
        self.firstLSN = firstLSN
    }

    /// The header's bytes.
    public func encoded() -> [UInt8] {
        var bytes = JournalFormat.magic
        bytes.reserveCapacity(JournalFormat.segmentHeaderSize)
        bytes.appendLittleEndian(version)
        bytes.appendLittleEndian(UInt16(JournalFormat.segmentHeaderSize))
        bytes.appendLittleEndian(salt)
        bytes.appendLittleEndian(firstLSN)
        bytes.appendLittleEndian(UInt32(0))
        bytes.appendLittleEndian(CRC32C.checksum(bytes))
        return bytes
    }

    /// Reads the header at the start of `bytes`. The version is checked before the checksum: a later
    /// release may checksum its header differently, and its segment must be refused as "too new", not
    /// reported as damaged.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> Result<SegmentHeader, SegmentHeaderProblem> {
        let size = JournalFormat.segmentHeaderSize
        let magic = JournalFormat.magic
        let seen = min(bytes.count, magic.count)
        guard bytes.prefix(seen).elementsEqual(magic.prefix(seen)) else { return .failure(.badMagic) }
        guard bytes.count >= 10 else { return .failure(.truncated(size: bytes.count)) }
        let version = bytes.littleEndian(at: 8, as: UInt16.self)
        guard version <= JournalFormat.currentVersion else {
            return .failure(.unsupportedVersion(found: version))
        }
        guard version >= 1 else { return .failure(.badField("version 0")) }
        guard bytes.count >= size else { return .failure(.truncated(size: bytes.count)) }
        guard
            bytes.littleEndian(at: 28, as: UInt32.self)
                == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<28]))
        else { return .failure(.checksumMismatch) }
        let headerSize = bytes.littleEndian(at: 10, as: UInt16.self)
        guard headerSize == size else { return .failure(.badField("header size \(headerSize)")) }
        let firstLSN = bytes.littleEndian(at: 16, as: UInt64.self)
        guard firstLSN >= 1 else { return .failure(.badField("first LSN 0")) }
        return .success(
            SegmentHeader(salt: bytes.littleEndian(at: 12, as: UInt32.self), firstLSN: firstLSN, version: version))
    }
}

/// Why a segment header could not be read.
public enum SegmentHeaderProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// Shorter than a header.
    case truncated(size: Int)
    /// Not a journal segment.
    case badMagic
    /// Written by a later release of livehub, with a format this build does not know.
    case unsupportedVersion(found: UInt16)
    case checksumMismatch
    /// The checksum matched but a field is impossible.
    case badField(String)

    public var description: String {
        switch self {
        case .truncated(let size): "the header is cut short (\(size) of \(JournalFormat.segmentHeaderSize) bytes)"
        case .badMagic: "not a livehub journal segment (bad magic)"
        case .unsupportedVersion(let found):
            "journal format version \(found) is newer than this build reads (up to \(JournalFormat.currentVersion)): "
                + "run the livehub release that wrote it, or a later one"
        case .checksumMismatch: "the header checksum does not match"
        case .badField(let field): "the header has an impossible \(field)"
        }
    }
}
