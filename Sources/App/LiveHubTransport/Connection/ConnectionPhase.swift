/// Where a connection is in its life, from accept to close. The timer policy decides by it.
enum ConnectionPhase: UInt8 {
    /// Reading HTTP requests (before an upgrade, or plain HTTP with keep-alive).
    case http
    /// An open WebSocket.
    case webSocket
    /// We sent a close frame and wait for the peer's (RFC 6455 §7.1.2), bounded by the close timeout.
    case closing
    /// Our side is done: output is flushed, then the write side is shut down and we wait for EOF,
    /// so the peer reads everything we sent before the socket goes away.
    case lingering
    case closed
}
