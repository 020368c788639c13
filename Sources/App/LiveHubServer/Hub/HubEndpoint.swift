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
    private let verifier: TokenVerifier?
    private let logger: Logger

    init(hub: HubMailbox, verifier: TokenVerifier?, limits: HubLimits, heartbeatSeconds: Int, logger: Logger) {
        self.hub = hub
        self.verifier = verifier
        self.limits = limits
        self.heartbeatSeconds = heartbeatSeconds
        self.logger = logger
    }

    var subprotocols: [String] { ["livehub.v1"] }

    var maxMessageBytes: Int? { max(limits.maxFrameBytes, limits.maxRequestBytes) }

    func admit(_ request: HTTPRequestHead, wildcard: String?, on connection: Connection) -> WebSocketAdmission {
        guard let verifier else {
            return .refuse(HubAuthentication.unauthorized(.malformed("the hub has no token secret")))
        }
        let nowSeconds = WallClock.millisecondsSinceEpoch() / 1000
        switch HubAuthentication.authenticate(request, verifier: verifier, nowSeconds: nowSeconds) {
        case .failure(let rejection):
            connection.log(.info, "event=hub.unauthorized reason=\"\(HubAuthentication.reason(rejection))\"")
            return .refuse(HubAuthentication.unauthorized(rejection))
        case .success(let claims):
            let session = HubSession(
                claims: claims, connectionId: ConnectionId("s\(connection.id)"), endpoint: self,
                now: connection.context.loop.now)
            return .accept(session)
        }
    }
}
