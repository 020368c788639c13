import LiveHubDomain

/// What a livehub token says about its bearer. Times are seconds since the Unix epoch (RFC 7519 NumericDate).
public struct TokenClaims: Hashable, Sendable {
    /// `sub`: the user id.
    public var subject: UserId
    /// `role`: customer, agent, supervisor, admin or bot.
    public var role: Role
    /// `name`: the display name; the subject when the token has none.
    public var name: String
    /// `exp`: the token is refused at and after this second.
    public var expiresAt: Int64
    /// `nbf`: the token is refused before this second.
    public var notBefore: Int64?
    /// `iat`: when it was issued (informational).
    public var issuedAt: Int64?
    /// `email`: a customer's address, when they gave one at the start of the chat.
    public var email: String?

    public init(
        subject: UserId, role: Role, name: String, expiresAt: Int64, notBefore: Int64? = nil, issuedAt: Int64? = nil,
        email: String? = nil
    ) {
        self.subject = subject
        self.role = role
        self.name = name
        self.expiresAt = expiresAt
        self.notBefore = notBefore
        self.issuedAt = issuedAt
        self.email = email
    }
}

/// Why a token was refused. Every case means HTTP 401 before the upgrade; the case is for logs
/// and tests, not for the client.
public enum TokenRejection: Error, Hashable, Sendable {
    /// Not three base64url parts, a part that is not JSON, or a missing or mistyped claim.
    case malformed(String)
    /// `alg` is not `HS256` (RFC 8725 §3.1: `none` and every other algorithm are refused).
    case unsupportedAlgorithm(String)
    /// The HMAC does not match.
    case badSignature
    /// `now` is at or after `exp`.
    case expired
    /// `now` is before `nbf`.
    case notYetValid
    /// `role` is not one of customer, agent, supervisor, admin, bot.
    case unknownRole(String)
}
