/// Which end of the connection this endpoint is; it decides the masking direction (RFC 6455 §5.1, §5.3).
public enum WebSocketRole: Sendable {
    /// Receives masked frames (an unmasked one is a protocol error) and sends unmasked frames.
    case server
    /// Receives unmasked frames (a masked one is a protocol error) and sends masked frames.
    case client

    /// Whether frames arriving at this endpoint must carry a masking key.
    @inlinable
    public var expectsMaskedFrames: Bool { self == .server }
}
