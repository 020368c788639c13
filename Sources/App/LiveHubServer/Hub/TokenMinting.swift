import LiveHubDomain
import LiveHubPosix
import LiveHubProtocol

/// `livehub token`: signs a token with the hub secret of a data directory.
public enum TokenMinting {
    public static func mint(_ options: TokenOptions) throws -> String {
        let secret = try HubSecretStore.load(directory: options.dataDirectory)
        guard let role = Role(wireName: options.role) else {
            throw HubSecretStore.Failure(description: "unknown role \(options.role)")
        }
        let now = WallClock.millisecondsSinceEpoch() / 1000
        let claims = TokenClaims(
            subject: UserId(options.subject), role: role, name: options.name ?? options.subject,
            expiresAt: now + options.ttlSeconds, issuedAt: now)
        let token = TokenIssuer(secret: secret).issue(claims)
        guard options.link else { return token }
        return PageLinks.link(base: options.baseURL, role: options.role, token: token) ?? token
    }
}
