import LiveHubDomain
import LiveHubHTTP
import LiveHubPosix
import LiveHubProtocol
import LiveHubTransport

/// `/v1/ws`: the conversation protocol (see `Protocol/README.md`). One per loop. The bearer token is
/// checked before the upgrade, so a bad token gets 401 and never a WebSocket.
final class HubEndpoint: WebSocketEndpoint {
    let hub: HubMailbox
    let limits: HubLimits
    let heartbeatSeconds: Int
    private let authentication: HubAuthentication?
    /// Hub connections per user, shared by every loop (`HubLimits.userConnectionsPerMinute`).
    private let userConnections: KeyedRateLimiter
    private let logger: Logger
    private var refusals = RefusalLog()
    /// Requests this loop refused before they reached the hub (too_large, rate_limited, …), by code.
    var refusalsByCode: [String: Int] = [:]

    init(
        hub: HubMailbox, authentication: HubAuthentication?, limits: HubLimits, userConnections: KeyedRateLimiter,
        heartbeatSeconds: Int, logger: Logger
    ) {
        self.hub = hub
        self.authentication = authentication
        self.userConnections = userConnections
        self.limits = limits
        self.heartbeatSeconds = heartbeatSeconds
        self.logger = logger
    }

    var subprotocols: [String] { ["livehub.v1"] }

    /// The name a session shows: the configured name of an agent, supervisor or bot, the token's name
    /// for everyone else.
    func displayName(of claims: TokenClaims) -> String {
        authentication?.configuredName(of: claims) ?? claims.name
    }

    var maxMessageBytes: Int? { max(limits.maxFrameBytes, limits.maxRequestBytes) }

    func admit(_ request: HTTPRequestHead, wildcard: String?, on connection: Connection) -> WebSocketAdmission {
        guard let authentication else {
            return .refuse(HubAuthentication.response(for: .rejected(.malformed("the hub has no token secret"))))
        }
        let nowSeconds = WallClock.millisecondsSinceEpoch() / 1000
        switch authentication.authenticate(request, nowSeconds: nowSeconds) {
        case .failure(let refusal):
            let reason = HubAuthentication.reason(refusal)
            connection.log(.debug, "event=hub.unauthorized reason=\"\(reason)\"")
            if let summary = refusals.note(reason, now: connection.context.loop.now) { logger.info(summary) }
            return .refuse(HubAuthentication.response(for: refusal))
        case .success(let claims):
            let user = "\(claims.role.wireName):\(claims.subject.rawValue)"
            if let wait = userConnections.admit(user, now: connection.context.loop.now) {
                connection.log(.debug, "event=hub.connections_limited user=\(user) retry_s=\(wait)")
                return .refuse(Self.tooManyConnections(retryAfter: wait))
            }
            let session = HubSession(
                claims: claims, connectionId: hub.connectionIds.id(number: connection.id), endpoint: self,
                now: connection.context.loop.now)
            return .accept(session)
        }
    }
}

extension HubEndpoint {
    /// 429 for a user opening hub connections faster than `HubLimits.userConnectionsPerMinute`.
    static func tooManyConnections(retryAfter seconds: Int) -> HTTPResponse {
        let message = "too many connections for this user; retry in \(seconds) s"
        var response = HTTPResponse.json(
            HTTPStatus(code: 429, reasonPhrase: "Too Many Requests"),
            "{\"type\":\"error\",\"code\":\"rate_limited\",\"message\":\"\(message)\"}")
        response.headers.add(name: "Retry-After", value: String(seconds))
        return response
    }
}

/// Refused tokens, logged as one line per interval with a count instead of one line each: a client
/// retrying a bad token in a loop must not flood the log. The first refusal after a quiet interval is
/// logged at once, so a single mistake is still visible.
struct RefusalLog {
    static let interval: UInt64 = 10_000_000_000
    private var windowStart: UInt64 = 0
    private var suppressed = 0
    private var lastReason = ""
    private var hasLogged = false

    /// Records a refusal at `now` (monotonic ns); returns the line to log, if one is due.
    mutating func note(_ reason: String, now: UInt64) -> String? {
        lastReason = reason
        if hasLogged && now &- windowStart < Self.interval {
            suppressed += 1
            return nil
        }
        let line =
            suppressed > 0
            ? "event=hub.unauthorized count=\(suppressed + 1) interval_s=\(Self.interval / 1_000_000_000) last_reason=\"\(reason)\""
            : "event=hub.unauthorized reason=\"\(reason)\""
        hasLogged = true
        windowStart = now
        suppressed = 0
        return line
    }
}
