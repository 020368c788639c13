import LiveHubDomain
import LiveHubProtocol

/// Who is on a `/v1/ws` connection (from the verified token) plus that connection's request budget.
/// Lives in `Connection.endpointSlot`; touched only on the connection's loop.
final class HubIdentity {
    let claims: TokenClaims
    let connectionId: ConnectionId
    let audience: Audience
    /// Set once the WebSocket is open and the hub knows the session.
    var handle: HubSessionHandle?
    private var tokens: Double
    private var lastRefill: UInt64
    private let ratePerSecond: Double
    private let burst: Double

    init(claims: TokenClaims, connectionId: ConnectionId, limits: HubLimits, now: UInt64) {
        self.claims = claims
        self.connectionId = connectionId
        self.audience = Audience(role: claims.role)
        self.ratePerSecond = limits.requestsPerSecond
        self.burst = limits.requestBurst
        self.tokens = limits.requestBurst
        self.lastRefill = now
    }

    var actor: Actor { Actor(role: claims.role, userId: claims.subject, connectionId: connectionId) }

    /// Token bucket: `requestsPerSecond` sustained, `requestBurst` at once. False = rate_limited.
    func admitRequest(now: UInt64) -> Bool {
        let elapsed = Double(now &- lastRefill) / 1e9
        lastRefill = now
        tokens = min(burst, tokens + elapsed * ratePerSecond)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}

/// Per-connection limits of the conversation protocol. Exceeding them answers an error frame and keeps
/// the connection (issue 3: rate_limited / too_large).
public struct HubLimits: Sendable {
    /// Largest request frame accepted, in bytes.
    public var maxRequestBytes = 16 * 1024
    public var requestsPerSecond = 20.0
    public var requestBurst = 40.0
    public init() {}
}
