/// XOR masking of frame payloads (RFC 6455 §5.3), applied in place eight bytes at a time.
///
/// A masking key is handled as a `UInt32` whose most significant byte is the first key byte on the wire
/// (the key is transmitted in network order), so `0x01020304` masks byte `i` with `[1, 2, 3, 4][i % 4]`.
public enum WebSocketMasking {
    /// Masks or unmasks `buffer` in place; the operation is its own inverse.
    ///
    /// `keyOffset` is the position in the payload of `buffer`'s first byte, for payloads masked in pieces.
    @inlinable
    public static func apply(maskKey: UInt32, to buffer: UnsafeMutableRawBufferPointer, keyOffset: Int = 0) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        // Rotate the key so that the byte for payload offset `keyOffset` comes first.
        let shift = UInt32((keyOffset & 3) * 8)
        let rotated = shift == 0 ? maskKey : (maskKey << shift) | (maskKey >> (32 - shift))
        // `UInt32(bigEndian:)` gives a value whose in-memory bytes are the key bytes in wire order, on any host.
        let word32 = UInt32(bigEndian: rotated)
        let word64 = UInt64(word32) | (UInt64(word32) << 32)
        let count = buffer.count
        var index = 0
        while index + 8 <= count {
            let value = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            base.storeBytes(of: value ^ word64, toByteOffset: index, as: UInt64.self)
            index += 8
        }
        // The 8-byte steps keep the key phase, so the tail continues from key byte 0 again.
        var tailKey = rotated
        while index < count {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            base.storeBytes(of: byte ^ UInt8(truncatingIfNeeded: tailKey >> 24), toByteOffset: index, as: UInt8.self)
            tailKey = (tailKey << 8) | (tailKey >> 24)
            index += 1
        }
    }
}
