/// Parses frame headers (RFC 6455 §5.2) and applies every rule that depends only on the header itself,
/// the role and the frame-size limit. Stateful rules (fragmentation, RSV1 with an extension) belong to
/// `WebSocketStateMachine`.
public struct FrameDecoder: Sendable {
    /// The result of looking at the bytes where a header should start.
    public enum Outcome: Sendable, Hashable {
        /// Fewer bytes than the header needs; call again with more.
        case needMoreBytes
        /// A complete, structurally valid header. The payload may still be incomplete.
        case header(FrameHeader)
        /// The header breaks the protocol; fail the connection with `violation.closeCode`.
        case violation(WebSocketProtocolViolation)
    }

    /// Whose frames we read: a server requires masked frames, a client unmasked ones.
    public var role: WebSocketRole
    /// Largest payload a frame may declare.
    public var maxFramePayload: Int

    public init(role: WebSocketRole, maxFramePayload: Int = WebSocketConfiguration.defaultLimit) {
        self.role = role
        self.maxFramePayload = maxFramePayload
    }

    /// Decodes the header at the start of `bytes`. Never reads past `bytes.count`.
    public func decodeHeader(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        let available = bytes.count
        guard available >= 2 else { return .needMoreBytes }
        let first = bytes[0]
        let second = bytes[1]
        // RFC 6455 §5.2: RSV2 and RSV3 must be 0; no extension we negotiate defines them.
        if first & 0x30 != 0 { return .violation(.reservedBitSet) }
        // RFC 6455 §5.2: reserved opcodes fail the connection.
        guard let opcode = WebSocketOpcode(rawValue: first & 0x0F) else { return .violation(.reservedOpcode) }
        let fin = first & 0x80 != 0
        let rsv1 = first & 0x40 != 0
        let masked = second & 0x80 != 0
        if opcode.isControl {
            // RFC 6455 §5.5: control frames must not be fragmented.
            if !fin { return .violation(.fragmentedControlFrame) }
            // RFC 6455 §5.5: control frames carry at most 125 bytes (so only the 7-bit length form).
            if second & 0x7F > 125 { return .violation(.controlFrameTooLong) }
        }
        // RFC 6455 §5.1: a server closes on unmasked frames, a client on masked frames.
        if masked != role.expectsMaskedFrames {
            return .violation(masked ? .maskedFrame : .unmaskedFrame)
        }
        var headerLength = 2
        var payloadLength: Int
        switch second & 0x7F {
        case 126:
            // RFC 6455 §5.2: 16-bit extended length. Non-minimal encodings are not forbidden for receivers.
            guard available >= 4 else { return .needMoreBytes }
            payloadLength = Int(bytes[2]) << 8 | Int(bytes[3])
            headerLength = 4
        case 127:
            guard available >= 10 else { return .needMoreBytes }
            var length: UInt64 = 0
            for index in 2..<10 { length = length << 8 | UInt64(bytes[index]) }
            // RFC 6455 §5.2: "the most significant bit MUST be 0".
            if length >> 63 != 0 { return .violation(.payloadLengthOverflow) }
            // Compare as UInt64 first so a huge length cannot trap when converted to Int.
            if length > UInt64(maxFramePayload) { return .violation(.frameTooBig) }
            payloadLength = Int(length)
            headerLength = 10
        default:
            payloadLength = Int(second & 0x7F)
        }
        // Enforced at header time, before any payload is buffered.
        if payloadLength > maxFramePayload { return .violation(.frameTooBig) }
        var maskKey: UInt32? = nil
        if masked {
            guard available >= headerLength + 4 else { return .needMoreBytes }
            var key: UInt32 = 0
            for index in headerLength..<(headerLength + 4) { key = key << 8 | UInt32(bytes[index]) }
            maskKey = key
            headerLength += 4
        }
        return .header(
            FrameHeader(
                fin: fin, rsv1: rsv1, opcode: opcode, maskKey: maskKey, payloadLength: payloadLength,
                headerLength: headerLength))
    }
}
