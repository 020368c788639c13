/// Per-connection limits of the conversation protocol. Exceeding them answers an error frame and keeps
/// the connection (`rate_limited`, `too_large`).
public struct HubLimits: Sendable {
    /// Largest request accepted, in bytes; a larger one up to `maxFrameBytes` is answered `too_large`
    /// and the connection stays open.
    public var maxRequestBytes = 16 * 1024
    /// Largest frame or message the hub route reads at all (compressed ones measured inflated): beyond
    /// it the connection is closed with 1009, so one connection can never make the hub hold more than
    /// this for a message in progress (the transport's `--max-message-bytes` is for echo and rooms).
    public var maxFrameBytes = 64 * 1024
    public var requestsPerSecond = 20.0
    public var requestBurst = 40.0
    /// `typing` has its own budget, apart from the requests': beyond it a typing request is
    /// acknowledged and not forwarded (the hub forwards one per participant and conversation every
    /// two seconds at most anyway).
    public var typingPerSecond = 5.0
    public var typingBurst = 10.0
    /// Hub connections one user (role and id) may open per minute, all at once at most: beyond, the
    /// upgrade is answered 429. Each connection costs a token check and, for the first and last of a
    /// user, journaled events (`participant.away`, `participant.back`) sent to everyone in their
    /// conversations: a reconnect loop would otherwise grow histories and flood agents with notices.
    public var userConnectionsPerMinute = 30.0
    public init() {}
}

/// A token bucket: `ratePerSecond` sustained, `burst` at once. Time is passed in (monotonic ns).
struct RequestBudget {
    private var tokens: Double
    private var lastRefill: UInt64
    private let ratePerSecond: Double
    private let burst: Double

    init(limits: HubLimits, now: UInt64) {
        self.init(ratePerSecond: limits.requestsPerSecond, burst: limits.requestBurst, now: now)
    }

    init(ratePerSecond: Double, burst: Double, now: UInt64) {
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        tokens = burst
        lastRefill = now
    }

    /// Takes one token; false means `rate_limited`.
    mutating func admit(now: UInt64) -> Bool {
        let elapsed = Double(now &- lastRefill) / 1e9
        lastRefill = now
        tokens = min(burst, tokens + elapsed * ratePerSecond)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
