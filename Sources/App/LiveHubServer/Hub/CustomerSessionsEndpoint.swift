import LiveHubDomain
import LiveHubHTTP
import LiveHubPosix
import LiveHubProtocol
import LiveHubTransport

/// `POST /v1/customer-sessions`: a customer token for an anonymous chat widget.
final class CustomerSessionsEndpoint: HTTPEndpoint {
    private let issuer: TokenIssuer?
    private let allowAnonymous: Bool
    private let tokenSeconds: Int64

    init(issuer: TokenIssuer?, allowAnonymous: Bool, tokenSeconds: Int64) {
        self.issuer = issuer
        self.allowAnonymous = allowAnonymous
        self.tokenSeconds = tokenSeconds
    }

    func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        guard allowAnonymous, let issuer else {
            return .response(.json(.forbidden, "{\"type\":\"error\",\"code\":\"forbidden\",\"message\":\"anonymous chat is off\"}"))
        }
        var random = SystemRandomNumberGenerator()
        let suffix = String(random.next(), radix: 16) + String(random.next(), radix: 16)
        let userId = UserId("customer-" + suffix)
        let expiresAt = WallClock.millisecondsSinceEpoch() / 1000 + tokenSeconds
        let token = issuer.issue(TokenClaims(subject: userId, role: .customer, name: "Customer", expiresAt: expiresAt))
        context.loop.logger.debug("event=hub.customer_session user=\(userId)")
        return .response(.json(.created, "{\"token\":\"\(token)\",\"userId\":\"\(userId)\",\"expiresAt\":\(expiresAt)}"))
    }
}
