/// Limits and role for one connection's state machine. Limits are enforced at frame-header time,
/// before any payload is buffered.
public struct WebSocketConfiguration: Sendable {
    /// Which end of the connection we are.
    public var role: WebSocketRole
    /// Largest payload a single frame may declare; larger → close 1009 (RFC 6455 §7.4.1).
    /// The caller's receive buffer must be able to hold one whole frame (payload plus 14 header bytes),
    /// because complete frames are delivered from it without a copy.
    public var maxFramePayload: Int
    /// Largest (inflated) message; larger → close 1009.
    public var maxMessageSize: Int

    /// 16 MiB, the default for both limits.
    public static let defaultLimit = 16 * 1024 * 1024

    public init(role: WebSocketRole, maxFramePayload: Int = defaultLimit, maxMessageSize: Int = defaultLimit) {
        self.role = role
        self.maxFramePayload = max(0, maxFramePayload)
        self.maxMessageSize = max(0, maxMessageSize)
    }
}
