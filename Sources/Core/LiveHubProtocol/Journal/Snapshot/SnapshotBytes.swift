import LiveHubDomain

/// The snapshot codec's primitives: unsigned integers as LEB128 varints, signed ones zig-zagged first,
/// strings and byte blobs with a varint length, optionals behind a 0/1 byte. Compact and quick both
/// ways; the envelope (`SnapshotFormat` in LiveHubJournal) checksums the whole.
struct SnapshotWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func signed(_ value: Int64) {
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func int(_ value: Int) { signed(Int64(value)) }

    mutating func count(_ value: Int) { unsigned(UInt64(max(0, value))) }

    mutating func bool(_ flag: Bool) { bytes.append(flag ? 1 : 0) }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func blob(_ blob: [UInt8]) {
        count(blob.count)
        bytes.append(contentsOf: blob)
    }

    mutating func instant(_ instant: Instant) { signed(instant.millisecondsSinceEpoch) }

    /// Writes the presence byte, then the value through `write` when there is one.
    mutating func optional<Value>(_ value: Value?, _ write: (inout SnapshotWriter, Value) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func spelled<Value: JournalSpelled>(_ value: Value) { string(value.journalName) }
}

/// Reads what `SnapshotWriter` wrote, refusing (with what was being read) anything cut short or
/// impossible: a snapshot whose checksum held can still come from a buggy or later writer.
struct SnapshotReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var position: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        position = 0
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func unsigned() throws(SnapshotDecodeError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw SnapshotDecodeError("cut short at byte \(position)") }
            let byte = bytes[position]
            position += 1
            guard shift < 64 else { throw SnapshotDecodeError("an integer over 64 bits at byte \(position)") }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    mutating func signed() throws(SnapshotDecodeError) -> Int64 {
        let raw = try unsigned()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func int() throws(SnapshotDecodeError) -> Int {
        let value = try signed()
        guard let int = Int(exactly: value) else { throw SnapshotDecodeError("an integer out of range") }
        return int
    }

    /// A count of things that follow, each at least `minimumBytes` long: never more than what is left,
    /// so a damaged count cannot make the reader reserve gigabytes.
    mutating func count(minimumBytes: Int = 1) throws(SnapshotDecodeError) -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.count - position) / UInt64(max(1, minimumBytes)) else {
            throw SnapshotDecodeError("a count of \(value) with \(bytes.count - position) bytes left")
        }
        return Int(value)
    }

    mutating func byte() throws(SnapshotDecodeError) -> UInt8 {
        guard position < bytes.count else { throw SnapshotDecodeError("cut short at byte \(position)") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func bool() throws(SnapshotDecodeError) -> Bool {
        guard position < bytes.count else { throw SnapshotDecodeError("cut short at byte \(position)") }
        let byte = bytes[position]
        position += 1
        guard byte <= 1 else { throw SnapshotDecodeError("a flag of \(byte) at byte \(position - 1)") }
        return byte == 1
    }

    /// The next `length`-prefixed bytes, in place.
    mutating func rawBlob() throws(SnapshotDecodeError) -> UnsafeRawBufferPointer {
        let length = try count()
        defer { position += length }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + length])
    }

    mutating func string() throws(SnapshotDecodeError) -> String {
        String(decoding: try rawBlob(), as: UTF8.self)
    }

    mutating func instant() throws(SnapshotDecodeError) -> Instant {
        Instant(millisecondsSinceEpoch: try signed())
    }

    mutating func optional<Value>(
        _ read: (inout SnapshotReader) throws(SnapshotDecodeError) -> Value
    ) throws(SnapshotDecodeError) -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func spelled<Value: JournalSpelled>(_ what: String) throws(SnapshotDecodeError) -> Value {
        let bytes = try rawBlob()
        guard let value = Value.journalSpellings.value(spelledBy: bytes) else {
            let name = String(decoding: bytes, as: UTF8.self)
            throw SnapshotDecodeError("\(what) has an unknown value '\(name.prefix(40))'")
        }
        return value
    }
}

/// Why a snapshot's payload could not be read back (its checksum held: a bug or a later release).
public struct SnapshotDecodeError: Error, Equatable, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Why a state could not be written as a snapshot.
public struct SnapshotEncodeError: Error, Equatable, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
