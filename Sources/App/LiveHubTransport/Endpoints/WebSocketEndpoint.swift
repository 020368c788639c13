import LiveHubHTTP

/// A WebSocket route. The transport calls it on the loop thread of the connection being upgraded.
///
/// The endpoint decides before the upgrade (for example, authentication) and hands back the
/// session that will own the connection's messages. The session is the typed per-connection state:
/// the transport keeps it and calls it, and never needs to know what it holds.
public protocol WebSocketEndpoint: AnyObject {
    /// Subprotocols this route speaks (RFC 6455 §1.9), in the server's order of preference; empty = none.
    var subprotocols: [String] { get }

    /// The largest frame and message this route accepts, when smaller than the transport's
    /// `--max-message-bytes`: beyond it the connection is closed with 1009, decided from the frame header
    /// or while inflating, so a client can never make the server hold more than this for one message.
    /// nil: the transport's limit.
    var maxMessageBytes: Int? { get }

    /// Accepts or refuses an upgrade request on `connection` (still in its HTTP phase).
    func admit(_ request: HTTPRequestHead, wildcard: String?, on connection: Connection) -> WebSocketAdmission
}

extension WebSocketEndpoint {
    public var maxMessageBytes: Int? { nil }
}

/// What a WebSocket endpoint says about an upgrade request.
public enum WebSocketAdmission {
    /// Upgrade, and let `session` handle the connection's messages.
    case accept(any WebSocketSession)
    /// Answer with `response` instead (e.g. 401), and close.
    case refuse(HTTPResponse)
}

/// One open WebSocket's behaviour and state. Called on the connection's loop thread; a payload points
/// into the loop's receive buffer and is valid only during the call.
public protocol WebSocketSession: AnyObject {
    /// The 101 response is queued; the session may send its first messages.
    func opened(_ connection: Connection)
    func received(text: UnsafeRawBufferPointer, from connection: Connection)
    func received(binary: UnsafeRawBufferPointer, from connection: Connection)
    /// The connection is gone (close handshake done, TCP closed, or aborted). Called once.
    func closed(_ connection: Connection)
}
