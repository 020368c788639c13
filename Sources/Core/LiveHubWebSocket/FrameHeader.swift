/// A decoded frame header (RFC 6455 §5.2). The decoder has already rejected reserved opcodes, RSV2/RSV3,
/// bad control frames, wrong masking and oversized payloads; RSV1 is checked by the state machine, which
/// knows whether an extension was negotiated.
public struct FrameHeader: Sendable, Hashable {
    /// Final fragment of a message.
    public var fin: Bool
    /// RSV1; permessage-deflate's "compressed message" bit (RFC 7692 §6).
    public var rsv1: Bool
    /// The frame type.
    public var opcode: WebSocketOpcode
    /// The masking key in wire order (first key byte most significant), or nil for an unmasked frame.
    public var maskKey: UInt32?
    /// Payload length in bytes.
    public var payloadLength: Int
    /// Bytes taken by the header itself: 2, 4 or 10, plus 4 for a masking key.
    public var headerLength: Int

    public init(fin: Bool, rsv1: Bool, opcode: WebSocketOpcode, maskKey: UInt32?, payloadLength: Int, headerLength: Int)
    {
        self.fin = fin
        self.rsv1 = rsv1
        self.opcode = opcode
        self.maskKey = maskKey
        self.payloadLength = payloadLength
        self.headerLength = headerLength
    }

    /// Header plus payload.
    @inlinable
    public var frameLength: Int { headerLength + payloadLength }
}
