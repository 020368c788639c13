import LiveHubDomain
import LiveHubHTTP
import LiveHubProtocol

/// Finds and verifies the bearer token of an upgrade request (`Authorization: Bearer …` or `?token=`),
/// then checks what the signature alone cannot: the hub's own limits on tokens and who may claim
/// which id.
struct HubAuthentication {
    /// Why an upgrade request was refused.
    enum Refusal: Error, Equatable {
        /// 400: the request names its token ambiguously (two headers, two parameters, or both).
        case ambiguous(String)
        /// 401: no valid token for this hub.
        case rejected(TokenRejection)
        /// 401: a valid signature over claims the hub does not accept (lifetime, id length, identity).
        case notAccepted(String)
    }

    let verifier: TokenVerifier
    /// A token may live at most this long from now (`exp - now`), whoever signed it.
    let maxLifetimeSeconds: Int64
    /// Who may claim which id: an agent or supervisor token must name a configured one, and a customer
    /// never a configured agent, supervisor or bot, so a customer id can never collide with a staff id
    /// whatever an external issuer puts in `sub`.
    let staffIds: [Role: Set<UserId>]
    let reservedIds: Set<UserId>
    /// Configured display names by role: agents', supervisors' and bots'.
    let configuredNames: [Role: [UserId: String]]

    /// Ids on the wire are at most 256 bytes (Protocol/README.md).
    static let maxIdBytes = 256

    init(verifier: TokenVerifier, configuration: Configuration, maxLifetimeSeconds: Int64) {
        self.verifier = verifier
        self.maxLifetimeSeconds = maxLifetimeSeconds
        let agents = Set(configuration.agents.map(\.id))
        let supervisors = Set(configuration.supervisors.map(\.id))
        staffIds = [.agent: agents, .supervisor: supervisors]
        reservedIds = agents.union(supervisors).union(configuration.bots.map(\.id))
        func names(_ people: [(UserId, String)]) -> [UserId: String] {
            Dictionary(people, uniquingKeysWith: { first, _ in first })
        }
        configuredNames = [
            .agent: names(configuration.agents.map { ($0.id, $0.name) }),
            .supervisor: names(configuration.supervisors.map { ($0.id, $0.name) }),
            .bot: names(configuration.bots.map { ($0.id, $0.name) }),
        ]
    }

    /// The configured name of the user the claims name, in their role; `nil` for customers and admins.
    func configuredName(of claims: TokenClaims) -> String? {
        configuredNames[claims.role]?[claims.subject]
    }

    func authenticate(_ head: HTTPRequestHead, nowSeconds: Int64) -> Result<TokenClaims, Refusal> {
        let headers = head.headers.values(for: "Authorization")
        let parameters = head.queryValues("token")
        guard headers.count + parameters.count <= 1 else {
            return .failure(
                .ambiguous("a request carries exactly one token: one Authorization header or one token parameter"))
        }
        var token = parameters.first
        if let header = headers.first {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 && parts[0].lowercased() == "bearer" else {
                return .failure(.rejected(.malformed("the Authorization scheme must be Bearer")))
            }
            token = String(parts[1])
        }
        guard let token, !token.isEmpty else { return .failure(.rejected(.malformed("no bearer token"))) }
        let claims: TokenClaims
        do {
            claims = try verifier.verify(token, now: nowSeconds)
        } catch {
            return .failure(.rejected(error))
        }
        if claims.expiresAt - nowSeconds > maxLifetimeSeconds {
            return .failure(.notAccepted("the token lives longer than the hub's maximum of \(maxLifetimeSeconds) s"))
        }
        guard claims.subject.rawValue.utf8.count <= Self.maxIdBytes, claims.name.utf8.count <= Self.maxIdBytes else {
            return .failure(.notAccepted("'sub' and 'name' are at most \(Self.maxIdBytes) bytes"))
        }
        if let configured = staffIds[claims.role], !configured.contains(claims.subject) {
            return .failure(
                .notAccepted("\(claims.role.wireName) '\(claims.subject.rawValue)' is not in the hub's configuration"))
        }
        if claims.role == .customer && reservedIds.contains(claims.subject) {
            return .failure(.notAccepted("a customer cannot use the id of a configured agent, supervisor or bot"))
        }
        return .success(claims)
    }

    /// A short reason safe to embed in JSON (no quotes or backslashes from the token get through).
    static func reason(_ refusal: Refusal) -> String {
        let text: String
        switch refusal {
        case .ambiguous(let detail), .notAccepted(let detail): text = detail
        case .rejected(.malformed(let detail)): text = "malformed token: \(detail)"
        case .rejected(.unsupportedAlgorithm(let algorithm)): text = "unsupported alg \(algorithm): only HS256"
        case .rejected(.badSignature): text = "bad signature"
        case .rejected(.expired): text = "token expired"
        case .rejected(.notYetValid): text = "token not yet valid"
        case .rejected(.unknownRole(let role)): text = "unknown role \(role)"
        }
        return String(text.unicodeScalars.filter { $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }.prefix(200))
    }

    /// 400 for an ambiguous request; otherwise 401 naming the scheme and why (RFC 6750 §3).
    static func response(for refusal: Refusal) -> HTTPResponse {
        if case .ambiguous = refusal {
            return .json(
                .badRequest, "{\"type\":\"error\",\"code\":\"invalid_request\",\"message\":\"\(reason(refusal))\"}")
        }
        let body = "{\"type\":\"error\",\"code\":\"unauthorized\",\"message\":\"\(reason(refusal))\"}"
        var response = HTTPResponse.json(.unauthorized, body)
        response.headers.add(name: "WWW-Authenticate", value: "Bearer realm=\"livehub\", error=\"invalid_token\"")
        return response
    }
}
