/// Writes records in the segment format (`JournalFormat`): the header with its two checksums, then the
/// payload. The payload is opaque here; the hub's event codec sits above.
public struct RecordEncoder: Sendable {
    /// The salt of the segment the records go to.
    public let salt: UInt32

    public init(salt: UInt32) { self.salt = salt }

    /// The bytes a record with `payloadSize` bytes of payload takes on disk.
    @inline(__always)
    public static func encodedSize(payloadSize: Int) -> Int { JournalFormat.recordHeaderSize + payloadSize }

    /// Appends one record to `buffer`. `syncedThrough` is the highest LSN known durable at the time of
    /// writing (never `lsn` or above: a record cannot vouch for itself).
    public func append(
        lsn: UInt64, syncedThrough: UInt64, payload: UnsafeRawBufferPointer, to buffer: inout [UInt8]
    ) {
        precondition(lsn >= 1 && syncedThrough < lsn, "LSN \(lsn) cannot follow synced-through \(syncedThrough)")
        precondition(payload.count <= JournalFormat.maximumPayloadSize, "a record payload over 1 GiB")
        var payloadCRC = CRC32C()
        payloadCRC.update(littleEndian: salt)
        payloadCRC.update(payload)
        let start = buffer.count
        buffer.appendLittleEndian(UInt32(payload.count))
        buffer.appendLittleEndian(lsn)
        buffer.appendLittleEndian(syncedThrough)
        buffer.appendLittleEndian(payloadCRC.value)
        let headerCRC = buffer.withUnsafeBytes { all in
            var crc = CRC32C()
            crc.update(littleEndian: salt)
            crc.update(UnsafeRawBufferPointer(rebasing: all[start..<start + 24]))
            return crc.value
        }
        buffer.appendLittleEndian(headerCRC)
        buffer.append(contentsOf: payload)
    }

    /// Appends one record to `buffer`.
    public func append(lsn: UInt64, syncedThrough: UInt64, payload: [UInt8], to buffer: inout [UInt8]) {
        payload.withUnsafeBytes { append(lsn: lsn, syncedThrough: syncedThrough, payload: $0, to: &buffer) }
    }
}

/// A record header read back, with its payload's position.
struct RecordHeader {
    var payloadSize: Int
    var lsn: UInt64
    var syncedThrough: UInt64
    var payloadCRC: UInt32

    /// Why the bytes at an offset are not a good record.
    enum Problem: Error, Equatable {
        /// Fewer bytes than a record header remain.
        case headerCutShort(available: Int)
        /// The header's own checksum fails (or a field is impossible): its size cannot be trusted.
        case headerDamaged
        /// The header is sound but the file ends inside the payload.
        case payloadCutShort(available: Int, expected: Int)
        /// The header is sound but the payload checksum fails.
        case payloadDamaged

        var description: String {
            switch self {
            case .headerCutShort(let available):
                "only \(available) of a record header's \(JournalFormat.recordHeaderSize) bytes"
            case .headerDamaged: "a record header that fails its checksum"
            case .payloadCutShort(let available, let expected):
                "a record cut short (\(available) of \(expected) payload bytes)"
            case .payloadDamaged: "a record whose payload fails its checksum"
            }
        }
    }

    /// Reads and checks the record at `offset`: the header checksum first (so a damaged size is never
    /// followed), then the payload's.
    static func read(_ bytes: UnsafeRawBufferPointer, at offset: Int, salt: UInt32) -> Result<RecordHeader, Problem> {
        let available = bytes.count - offset
        guard available >= JournalFormat.recordHeaderSize else {
            return .failure(.headerCutShort(available: available))
        }
        guard let header = readHeader(bytes, at: offset, salt: salt) else { return .failure(.headerDamaged) }
        let payloadStart = offset + JournalFormat.recordHeaderSize
        guard bytes.count - payloadStart >= header.payloadSize else {
            return .failure(.payloadCutShort(available: bytes.count - payloadStart, expected: header.payloadSize))
        }
        var crc = CRC32C()
        crc.update(littleEndian: salt)
        crc.update(UnsafeRawBufferPointer(rebasing: bytes[payloadStart..<payloadStart + header.payloadSize]))
        guard crc.value == header.payloadCRC else { return .failure(.payloadDamaged) }
        return .success(header)
    }

    /// The header at `offset` if its checksum holds and its fields are possible (the caller ensured
    /// a whole header is there).
    @inline(__always)
    static func readHeader(_ bytes: UnsafeRawBufferPointer, at offset: Int, salt: UInt32) -> RecordHeader? {
        let size = Int(bytes.littleEndian(at: offset, as: UInt32.self))
        let lsn = bytes.littleEndian(at: offset + 4, as: UInt64.self)
        let syncedThrough = bytes.littleEndian(at: offset + 12, as: UInt64.self)
        // Cheap field checks first: a scan for the next record after damage tries every offset.
        guard lsn >= 1, syncedThrough < lsn, size <= JournalFormat.maximumPayloadSize else { return nil }
        var crc = CRC32C()
        crc.update(littleEndian: salt)
        crc.update(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 24]))
        guard crc.value == bytes.littleEndian(at: offset + 24, as: UInt32.self) else { return nil }
        return RecordHeader(
            payloadSize: size, lsn: lsn, syncedThrough: syncedThrough,
            payloadCRC: bytes.littleEndian(at: offset + 20, as: UInt32.self))
    }
}
