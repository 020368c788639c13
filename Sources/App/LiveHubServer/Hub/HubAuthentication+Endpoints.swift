import LiveHubDomain
import LiveHubHTTP
import LiveHubPosix

extension HubAuthentication {
    /// The response refusing a plain HTTP request (not an upgrade) to an endpoint only `roles` may
    /// call, or nil when it may: 401 when the hub has no token secret or the request has no valid
    /// `Authorization: Bearer` token, 403 naming `who` when the token's role is not one of `roles`.
    /// A `token` query parameter is not read here: tokens in URLs end up in logs and histories.
    static func refusal(
        of request: HTTPRequest, by authentication: HubAuthentication?, allowing roles: Set<Role>, who: String
    ) -> HTTPResponse? {
        guard let authentication else {
            return response(for: .rejected(.malformed("the hub has no token secret")))
        }
        var head = request.head
        head.query = nil
        switch authentication.authenticate(head, nowSeconds: WallClock.millisecondsSinceEpoch() / 1000) {
        case .failure(let refusal):
            return response(for: refusal)
        case .success(let claims) where roles.contains(claims.role):
            return nil
        case .success:
            return .json(.forbidden, "{\"type\":\"error\",\"code\":\"forbidden\",\"message\":\"\(who) only\"}")
        }
    }
}
