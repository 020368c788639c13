/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of iSCSI, ext4 metadata and most
/// write-ahead logs. It detects every burst error up to 32 bits and has better distance than CRC-32 at
/// the record sizes a journal writes. Pure Swift, slicing-by-8: eight 256-entry tables let the loop
/// consume 8 bytes per step with independent lookups instead of one byte per dependent lookup.
///
/// Check value: `CRC32C.checksum("123456789".utf8) == 0xE306_9283`.
public struct CRC32C: Sendable {
    /// The running register (pre-inverted); `value` finalises it.
    private var register: UInt32 = 0xFFFF_FFFF

    public init() {}

    /// The checksum of everything fed so far.
    public var value: UInt32 { ~register }

    /// Feeds `bytes`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        register = Self.table.withUnsafeBufferPointer { Self.advance(register, bytes, $0) }
    }

    /// Feeds `bytes`.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) {
            return done
        }
        let copy = Array(bytes)
        copy.withUnsafeBytes { update($0) }
    }

    /// Feeds the four bytes of `word`, little-endian.
    public mutating func update(littleEndian word: UInt32) {
        withUnsafeBytes(of: word.littleEndian) { update($0) }
    }

    /// The checksum of `bytes` alone.
    public static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
        var crc = CRC32C()
        crc.update(bytes)
        return crc.value
    }

    /// The checksum of `bytes` alone.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = CRC32C()
        crc.update(bytes)
        return crc.value
    }

    // MARK: Tables

    /// `table[k * 256 + i]`: the CRC of byte `i` followed by `k` zero bytes. Built once, on first use
    /// (a `static let` is initialised lazily and thread-safely).
    static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            table[index] = crc
        }
        for slice in 1..<8 {
            for index in 0..<256 {
                let previous = table[(slice - 1) * 256 + index]
                table[slice * 256 + index] = (previous >> 8) ^ table[Int(previous & 0xFF)]
            }
        }
        return table
    }()

    @inline(__always)
    private static func advance(
        _ start: UInt32, _ bytes: UnsafeRawBufferPointer, _ table: UnsafeBufferPointer<UInt32>
    ) -> UInt32 {
        var crc = start
        var offset = 0
        let count = bytes.count
        while count - offset >= 8 {
            let low = bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian ^ crc
            let high = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self).littleEndian
            crc =
                table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                ^ table[1 * 256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
            offset += 8
        }
        while offset < count {
            crc = (crc >> 8) ^ table[Int((crc ^ UInt32(bytes[offset])) & 0xFF)]
            offset += 1
        }
        return crc
    }
}
