import LiveHubDomain

/// Mints HS256 JWTs with the hub secret: for `livehub token` and `POST /v1/customer-sessions`.
public struct TokenIssuer: Sendable {
    private let secret: [UInt8]

    public init(secret: [UInt8]) {
        self.secret = secret
    }

    /// A signed token for `claims`. The header is `{"alg":"HS256","typ":"JWT"}`; the payload lists
    /// `sub`, `role`, `name`, `email`, `iat`, `nbf`, `exp` in that order (the optional ones when set).
    public func issue(_ claims: TokenClaims) -> String {
        var header = JSONWriter(capacity: 32)
        header.beginObject()
        header.field("alg", "HS256")
        header.field("typ", "JWT")
        header.endObject()

        var payload = JSONWriter(capacity: 128)
        payload.beginObject()
        payload.field("sub", claims.subject.rawValue)
        payload.field("role", claims.role.wireName)
        payload.field("name", claims.name)
        if let email = claims.email { payload.field("email", email) }
        if let issuedAt = claims.issuedAt { payload.field("iat", issuedAt) }
        if let notBefore = claims.notBefore { payload.field("nbf", notBefore) }
        payload.field("exp", claims.expiresAt)
        payload.endObject()

        let signingInput = Base64URL.encode(header.bytes) + "." + Base64URL.encode(payload.bytes)
        let signature = HMACSHA256.authenticationCode(for: signingInput.utf8, key: secret)
        return signingInput + "." + Base64URL.encode(signature)
    }
}
