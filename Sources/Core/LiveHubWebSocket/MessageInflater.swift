/// The result of inflating one fragment of a compressed message.
public enum InflateOutcome: Sendable, Hashable {
    /// The fragment was inflated and appended.
    case ok
    /// The inflated message would exceed the limit; inflation stopped early (RFC 6455 §7.4.1: 1009).
    case tooBig
    /// The compressed data is not a valid DEFLATE stream (RFC 7692 §7.2.2; we answer 1007).
    case corrupt
}

/// Decompresses permessage-deflate messages (RFC 7692 §7.2.2) for `WebSocketStateMachine`.
///
/// The state machine feeds every fragment of a message whose first frame had RSV1 set, in order, and
/// passes `isFinal` with the last one. Implementations are confined to the connection's thread.
public protocol MessageInflater: AnyObject {
    /// Inflates `input` and appends the result to `output`, never letting `output.count` exceed `limit`
    /// (returning `.tooBig` as soon as it would). With `isFinal`, the implementation appends the
    /// 00 00 FF FF tail the sender removed (RFC 7692 §7.2.2) and applies its end-of-message policy
    /// (resetting or releasing the stream under no-context-takeover).
    func inflate(_ input: UnsafeRawBufferPointer, isFinal: Bool, into output: inout [UInt8], limit: Int)
        -> InflateOutcome

    /// Drops any partially inflated message (the connection failed mid-message), so the next use, if any,
    /// starts clean, and releases memory that is no longer needed.
    func abandonMessage()
}
