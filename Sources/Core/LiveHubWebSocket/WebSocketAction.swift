/// What the caller must do next, as returned by `WebSocketStateMachine.nextAction(in:cursor:)`.
///
/// Every buffer pointer stays valid only until the next mutating call on the state machine, and (when it
/// points into the caller's receive buffer) until the caller moves or overwrites those bytes.
public enum WebSocketAction {
    /// A complete text message, already validated as UTF-8.
    case deliverText(UnsafeRawBufferPointer)
    /// A complete binary message.
    case deliverBinary(UnsafeRawBufferPointer)
    /// Answer a ping with a pong carrying the same application data (RFC 6455 §5.5.3).
    case sendPong(UnsafeRawBufferPointer)
    /// The peer answered one of our pings (or sent an unsolicited pong, RFC 6455 §5.5.3).
    case pongReceived
    /// Send a close frame: the echo of the peer's close (RFC 6455 §5.5.1), or our own error close.
    /// A nil code means an empty close payload.
    case sendClose(code: WebSocketCloseCode?, reason: UnsafeRawBufferPointer)
    /// Flush what is queued, then close the TCP connection; the state machine is finished.
    case closeConnection
}
