/// What the server accepts in an opening handshake (RFC 6455 §4.2.1).
public struct HandshakeConfiguration: Sendable {
    /// Subprotocols we speak, for `Sec-WebSocket-Protocol` (RFC 6455 §4.2.2 /subprotocol/).
    public var supportedSubprotocols: [String]
    /// Accepted `Origin` values, compared ASCII case-insensitively; nil accepts any origin (RFC 6455 §10.2).
    /// Requests without an Origin header (non-browser clients) are always accepted.
    public var allowedOrigins: [String]?
    /// permessage-deflate policy.
    public var deflate: PerMessageDeflateConfiguration

    public init(
        supportedSubprotocols: [String] = [], allowedOrigins: [String]? = nil,
        deflate: PerMessageDeflateConfiguration = PerMessageDeflateConfiguration()
    ) {
        self.supportedSubprotocols = supportedSubprotocols
        self.allowedOrigins = allowedOrigins
        self.deflate = deflate
    }
}
