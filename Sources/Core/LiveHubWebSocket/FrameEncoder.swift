/// Writes frames (RFC 6455 §5.2), always with the shortest length encoding.
public enum FrameEncoder {
    /// 2 bytes of flags and length, 8 bytes of extended length, 4 bytes of masking key.
    public static let maximumHeaderSize = 14

    /// Writes a frame header into `buffer` (at least `maximumHeaderSize` bytes, or exactly the needed size)
    /// and returns the number of bytes written. The payload itself is not touched.
    @discardableResult
    public static func writeHeader(
        fin: Bool, rsv1: Bool, opcode: WebSocketOpcode, payloadLength: Int, maskKey: UInt32?,
        into buffer: UnsafeMutableRawBufferPointer
    ) -> Int {
        precondition(payloadLength >= 0, "negative payload length")
        let needed = headerSize(payloadLength: payloadLength, masked: maskKey != nil)
        precondition(buffer.count >= needed, "header buffer too small")
        var first = opcode.rawValue
        if fin { first |= 0x80 }
        if rsv1 { first |= 0x40 }
        buffer[0] = first
        let maskBit: UInt8 = maskKey == nil ? 0 : 0x80
        var offset: Int
        // RFC 6455 §5.2: 7-bit length up to 125, 126 + 16-bit length up to 65535, else 127 + 64-bit length.
        if payloadLength <= 125 {
            buffer[1] = maskBit | UInt8(payloadLength)
            offset = 2
        } else if payloadLength <= 0xFFFF {
            buffer[1] = maskBit | 126
            buffer[2] = UInt8(truncatingIfNeeded: payloadLength >> 8)
            buffer[3] = UInt8(truncatingIfNeeded: payloadLength)
            offset = 4
        } else {
            buffer[1] = maskBit | 127
            let length = UInt64(payloadLength)
            for index in 0..<8 { buffer[2 + index] = UInt8(truncatingIfNeeded: length >> (56 - 8 * UInt64(index))) }
            offset = 10
        }
        if let maskKey {
            // RFC 6455 §5.2: the masking key follows the length, first key byte first.
            for index in 0..<4 {
                buffer[offset + index] = UInt8(truncatingIfNeeded: maskKey >> (24 - 8 * UInt32(index)))
            }
            offset += 4
        }
        return offset
    }

    /// The header size for a payload of `payloadLength` bytes.
    @inlinable
    public static func headerSize(payloadLength: Int, masked: Bool) -> Int {
        let base = payloadLength <= 125 ? 2 : (payloadLength <= 0xFFFF ? 4 : 10)
        return masked ? base + 4 : base
    }

    /// Appends a complete frame to `output`, masking the copied payload when `maskKey` is given.
    public static func appendFrame(
        fin: Bool = true, rsv1: Bool = false, opcode: WebSocketOpcode, payload: UnsafeRawBufferPointer,
        maskKey: UInt32? = nil, to output: inout [UInt8]
    ) {
        let start = output.count
        let headerLength = headerSize(payloadLength: payload.count, masked: maskKey != nil)
        output.reserveCapacity(start + headerLength + payload.count)
        withUnsafeTemporaryAllocation(byteCount: maximumHeaderSize, alignment: 1) { header in
            let written = writeHeader(
                fin: fin, rsv1: rsv1, opcode: opcode, payloadLength: payload.count, maskKey: maskKey, into: header)
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: header[0..<written]))
        }
        output.append(contentsOf: payload)
        if let maskKey, payload.count > 0 {
            output.withUnsafeMutableBytes { bytes in
                WebSocketMasking.apply(
                    maskKey: maskKey, to: UnsafeMutableRawBufferPointer(rebasing: bytes[(start + headerLength)...]))
            }
        }
    }

    /// Appends a complete frame whose payload is any byte collection (contiguous ones are not copied twice).
    public static func appendFrame(
        fin: Bool = true, rsv1: Bool = false, opcode: WebSocketOpcode, payload: some Collection<UInt8>,
        maskKey: UInt32? = nil, to output: inout [UInt8]
    ) {
        let appended: Void? = payload.withContiguousStorageIfAvailable { buffer in
            appendFrame(
                fin: fin, rsv1: rsv1, opcode: opcode, payload: UnsafeRawBufferPointer(buffer), maskKey: maskKey,
                to: &output)
        }
        if appended == nil {
            Array(payload).withUnsafeBytes { buffer in
                appendFrame(fin: fin, rsv1: rsv1, opcode: opcode, payload: buffer, maskKey: maskKey, to: &output)
            }
        }
    }

    /// Appends a close frame. A nil code gives an empty payload (RFC 6455 §5.5.1); otherwise the payload is
    /// the code in network order followed by `reason`, cut on a UTF-8 boundary so the payload fits the
    /// 125-byte control-frame limit (RFC 6455 §5.5).
    public static func appendCloseFrame(
        code: WebSocketCloseCode?, reason: String, maskKey: UInt32? = nil, to output: inout [UInt8]
    ) {
        guard let code else {
            appendFrame(
                opcode: .close, payload: UnsafeRawBufferPointer(start: nil, count: 0), maskKey: maskKey, to: &output)
            return
        }
        withUnsafeTemporaryAllocation(byteCount: 125, alignment: 1) { payload in
            payload[0] = UInt8(truncatingIfNeeded: code.rawValue >> 8)
            payload[1] = UInt8(truncatingIfNeeded: code.rawValue)
            var count = 2
            let utf8 = reason.utf8
            var length = min(utf8.count, 123)
            if length < utf8.count {
                // Back off to the start of a scalar: never cut between a lead byte and its continuations.
                let index = utf8.index(utf8.startIndex, offsetBy: length)
                var cut = index
                while cut > utf8.startIndex && utf8[cut] & 0xC0 == 0x80 { cut = utf8.index(before: cut) }
                length = utf8.distance(from: utf8.startIndex, to: cut)
            }
            for byte in utf8.prefix(length) {
                payload[count] = byte
                count += 1
            }
            appendFrame(
                opcode: .close, payload: UnsafeRawBufferPointer(rebasing: payload[0..<count]), maskKey: maskKey,
                to: &output)
        }
    }
}
