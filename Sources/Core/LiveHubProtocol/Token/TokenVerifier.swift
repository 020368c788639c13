import LiveHubDomain

/// Checks HS256 JWTs (RFC 7519, RFC 7515) signed with the hub secret.
///
/// Checks run in this order, and the first failure is the answer: shape, header (`alg` must be
/// exactly `HS256`, so `none` and algorithm confusion are refused before any key is used), signature
/// (compared in constant time), claims, role, expiry, not-before. The clock is injected.
public struct TokenVerifier: Sendable {
    private let secret: [UInt8]
    /// Seconds of clock skew tolerated on `exp` and `nbf`.
    public let leewaySeconds: Int64

    public init(secret: [UInt8], leewaySeconds: Int64 = 0) {
        self.secret = secret
        self.leewaySeconds = leewaySeconds
    }

    /// The claims of a valid token at `now` (seconds since the epoch).
    public func verify(_ token: String, now: Int64) throws(TokenRejection) -> TokenClaims {
        let parts = token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed("a token has three dot-separated parts") }
        let header = try jsonObject(parts[0], part: "header")
        try checkHeader(header)

        // RFC 7515 §5.2: the signing input is the first two parts exactly as received.
        let signingInput = token.utf8.prefix(parts[0].count + 1 + parts[1].count)
        // A signature that is not even base64url cannot match: it is a bad signature.
        guard let signature = Base64URL.decode(Substring(parts[2])) else { throw .badSignature }
        let expected = HMACSHA256.authenticationCode(for: signingInput, key: secret)
        guard HMACSHA256.constantTimeEquals(signature, expected) else { throw .badSignature }

        let claims = try readClaims(try jsonObject(parts[1], part: "payload"))
        if now >= claims.expiresAt &+ leewaySeconds { throw .expired }
        if let notBefore = claims.notBefore, now &+ leewaySeconds < notBefore { throw .notYetValid }
        return claims
    }

    private func jsonObject(_ part: Substring.UTF8View.SubSequence, part name: String) throws(TokenRejection)
        -> JSONObject
    {
        guard let bytes = Base64URL.decode(Substring(part)) else { throw .malformed("the \(name) is not base64url") }
        guard let value = try? JSONParser.parse(bytes), let object = value.objectValue else {
            throw .malformed("the \(name) is not a JSON object")
        }
        return object
    }

    // RFC 7515 §4.1.1, RFC 8725 §3.1: accept exactly the one algorithm we use.
    private func checkHeader(_ header: JSONObject) throws(TokenRejection) {
        guard let algorithm = header["alg"]?.stringValue else { throw .malformed("the header has no 'alg'") }
        guard algorithm == "HS256" else { throw .unsupportedAlgorithm(algorithm) }
        // RFC 7515 §4.1.11: we understand no critical extension, so any `crit` is refused.
        guard header["crit"] == nil else { throw .malformed("critical header extensions are not supported") }
    }

    private func readClaims(_ payload: JSONObject) throws(TokenRejection) -> TokenClaims {
        guard let subject = payload["sub"]?.stringValue, !subject.isEmpty else {
            throw .malformed("'sub' must be a non-empty string")
        }
        guard let roleName = payload["role"]?.stringValue else { throw .malformed("'role' must be a string") }
        guard let role = Role(wireName: roleName) else { throw .unknownRole(roleName) }
        var name = subject
        if let nameValue = payload["name"] {
            guard let text = nameValue.stringValue else { throw .malformed("'name' must be a string") }
            name = text
        }
        guard let expiresAt = payload["exp"]?.integerValue else { throw .malformed("'exp' must be a number") }
        var email: String?
        if let emailValue = payload["email"] {
            guard let text = emailValue.stringValue else { throw .malformed("'email' must be a string") }
            email = text
        }
        return TokenClaims(
            subject: UserId(subject), role: role, name: name, expiresAt: expiresAt,
            notBefore: try optionalTime("nbf", in: payload), issuedAt: try optionalTime("iat", in: payload), email: email)
    }

    private func optionalTime(_ key: String, in payload: JSONObject) throws(TokenRejection) -> Int64? {
        guard let value = payload[key] else { return nil }
        guard let seconds = value.integerValue else { throw .malformed("'\(key)' must be a number") }
        return seconds
    }
}
