/// The closing handshake progress of a connection (RFC 6455 §7.1).
public enum WebSocketConnectionState: Sendable, Hashable {
    /// Messages flow both ways.
    case open
    /// We sent a close frame and wait for the peer's; incoming data frames are ignored (RFC 6455 §5.5.1).
    case closeSent
    /// Both close frames were exchanged, or the connection failed; the TCP connection should be closed.
    case closed
}
