/// The server's answer to an opening handshake.
public enum HandshakeDecision {
    /// Answer 101 Switching Protocols with `HandshakeAcceptance.responseHeaders`.
    case accept(HandshakeAcceptance)
    /// Answer with an HTTP error and do not upgrade.
    case reject(HandshakeRejection)
}

/// A successful handshake: the headers for the 101 response and what was negotiated.
public struct HandshakeAcceptance {
    /// The chosen subprotocol, if any.
    public var subprotocol: String?
    /// Negotiated permessage-deflate parameters, or nil when compression is off for this connection.
    public var deflate: PerMessageDeflateParameters?
    /// `Upgrade`, `Connection`, `Sec-WebSocket-Accept`, and when negotiated `Sec-WebSocket-Protocol` and
    /// `Sec-WebSocket-Extensions` (RFC 6455 §4.2.2).
    public var responseHeaders: [(name: String, value: String)]

    public init(
        subprotocol: String?, deflate: PerMessageDeflateParameters?, responseHeaders: [(name: String, value: String)]
    ) {
        self.subprotocol = subprotocol
        self.deflate = deflate
        self.responseHeaders = responseHeaders
    }
}

/// A refused handshake: status line and headers for the error response.
public struct HandshakeRejection {
    /// 400, 403, 405 or 426.
    public var status: Int
    /// A short human-readable explanation (for the body or the log).
    public var reason: String
    /// Headers the response must carry (`Allow`, `Upgrade`, `Sec-WebSocket-Version`).
    public var headers: [(name: String, value: String)]

    public init(status: Int, reason: String, headers: [(name: String, value: String)] = []) {
        self.status = status
        self.reason = reason
        self.headers = headers
    }
}
