import LiveHubDomain
import LiveHubHTTP
import LiveHubPosix
import LiveHubProtocol
import LiveHubTransport

/// `POST /v1/customer-sessions` (a customer token for a chat widget, optionally with the customer's
/// name and email) and `POST /v1/customer-sessions/refresh` (a fresh token for the same customer
/// before the old one expires, so a long chat outlives its token). Both answer CORS preflights, since
/// a widget is usually embedded on the company's own site, another origin; both are limited per
/// source address (429 with `Retry-After`), since each answer costs a signature.
final class CustomerSessionsEndpoint: HTTPEndpoint {
    /// What this endpoint needs from the server's configuration.
    struct Settings {
        var issuer: TokenIssuer?
        var verifier: TokenVerifier?
        var allowAnonymous: Bool
        var tokenSeconds: Int64
        /// nil: any origin may call (answered with `*`).
        var allowedOrigins: [String]?
        var limiter: KeyedRateLimiter
    }

    enum Action {
        case mint
        case refresh
    }

    private let settings: Settings
    private let action: Action

    init(_ action: Action, settings: Settings) {
        self.action = action
        self.settings = settings
    }

    static let maxNameBytes = 80
    static let maxEmailBytes = 254

    func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        let origin = request.head.headers["Origin"]
        if request.head.method == "OPTIONS" { return .response(preflight(origin: origin)) }
        var response = answer(request, context: context)
        addCORS(to: &response, origin: origin)
        return .response(response)
    }

    private func answer(_ request: HTTPRequest, context: HTTPRequestContext) -> HTTPResponse {
        guard settings.allowAnonymous, let issuer = settings.issuer, let verifier = settings.verifier else {
            return Self.error(.forbidden, "forbidden", "anonymous chat is off")
        }
        if let address = context.peerHost, let wait = settings.limiter.admit(address, now: context.loop.loop.now) {
            var response = Self.error(
                HTTPStatus(code: 429, reasonPhrase: "Too Many Requests"), "rate_limited",
                "too many customer sessions from this address; retry in \(wait) s")
            response.headers.add(name: "Retry-After", value: String(wait))
            context.loop.logger.debug("event=hub.customer_session_limited address=\(address)")
            return response
        }
        let nowSeconds = WallClock.millisecondsSinceEpoch() / 1000
        let claims: TokenClaims
        switch action {
        case .mint:
            switch Self.customerDetails(request.body) {
            case .failure(let failure): return Self.error(.badRequest, "invalid_request", failure.message)
            case .success(let details):
                var random = SystemRandomNumberGenerator()
                let userId = UserId("customer-" + String(random.next(), radix: 16) + String(random.next(), radix: 16))
                claims = TokenClaims(
                    subject: userId, role: .customer, name: details.name ?? "Customer",
                    expiresAt: nowSeconds + settings.tokenSeconds, issuedAt: nowSeconds, email: details.email)
            }
        case .refresh:
            guard let header = request.head.headers["Authorization"], header.lowercased().hasPrefix("bearer "),
                let old = try? verifier.verify(String(header.dropFirst(7)), now: nowSeconds), old.role == .customer
            else {
                var response = Self.error(.unauthorized, "unauthorized", "refresh needs the customer's current, unexpired token")
                response.headers.add(name: "WWW-Authenticate", value: "Bearer realm=\"livehub\", error=\"invalid_token\"")
                return response
            }
            claims = TokenClaims(
                subject: old.subject, role: .customer, name: old.name, expiresAt: nowSeconds + settings.tokenSeconds,
                issuedAt: nowSeconds, email: old.email)
        }
        let token = issuer.issue(claims)
        context.loop.logger.debug("event=hub.customer_session action=\(action) user=\(claims.subject)")
        var body = JSONWriter(capacity: 256 + token.utf8.count)
        body.beginObject()
        body.key("token")
        body.string(token)
        body.key("userId")
        body.string(claims.subject.rawValue)
        body.key("name")
        body.string(claims.name)
        body.key("expiresAt")
        body.integer(claims.expiresAt * 1000)  // Milliseconds, like every time on the wire.
        body.endObject()
        return HTTPResponse(
            status: .created, headers: HTTPHeaders([("Content-Type", "application/json")]), body: body.bytes)
    }

    /// A customer's optional name and email from a JSON body; an empty body gives neither.
    static func customerDetails(_ body: [UInt8]) -> Result<(name: String?, email: String?), ValidationFailure> {
        guard body.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            return .success((nil, nil))
        }
        guard let object = (try? JSONParser.parse(body))?.objectValue else {
            return .failure(ValidationFailure("the body must be a JSON object: {\"name\"?, \"email\"?}"))
        }
        for key in object.keys where key != "name" && key != "email" {
            return .failure(ValidationFailure("unknown field '\(String(key.prefix(40)))': only name and email"))
        }
        var name: String?
        if let value = object["name"] {
            guard let text = value.stringValue?.trimmingSpaces, !text.isEmpty, text.utf8.count <= maxNameBytes,
                !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else { return .failure(ValidationFailure("name must be 1 to \(maxNameBytes) bytes of text without control characters")) }
            name = text
        }
        var email: String?
        if let value = object["email"] {
            guard let text = value.stringValue, isPlausibleEmail(text) else {
                return .failure(ValidationFailure("email must look like name@example.com (at most \(maxEmailBytes) bytes)"))
            }
            email = text
        }
        return .success((name, email))
    }

    /// One `@`, a non-empty local part, a dotted domain, no spaces or control characters: enough to
    /// catch typos; deliverability is the mail system's question.
    static func isPlausibleEmail(_ text: String) -> Bool {
        guard text.utf8.count <= maxEmailBytes,
            !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
        else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    // MARK: CORS

    private func allowedOrigin(_ origin: String?) -> String? {
        guard let origin else { return nil }
        guard let allowed = settings.allowedOrigins else { return "*" }
        return allowed.contains(origin) ? origin : nil
    }

    /// A preflight (Fetch standard, CORS protocol): 204 with what may be sent, or 403 for an origin
    /// that may not call.
    private func preflight(origin: String?) -> HTTPResponse {
        guard let allowed = allowedOrigin(origin) else {
            return Self.error(.forbidden, "forbidden", "this origin may not call the hub")
        }
        var response = HTTPResponse(status: HTTPStatus(code: 204, reasonPhrase: "No Content"))
        response.headers.add(name: "Access-Control-Allow-Origin", value: allowed)
        response.headers.add(name: "Access-Control-Allow-Methods", value: "POST, OPTIONS")
        response.headers.add(name: "Access-Control-Allow-Headers", value: "Content-Type, Authorization")
        response.headers.add(name: "Access-Control-Max-Age", value: "600")
        response.headers.add(name: "Vary", value: "Origin")
        return response
    }

    private func addCORS(to response: inout HTTPResponse, origin: String?) {
        guard let allowed = allowedOrigin(origin) else { return }
        response.headers.add(name: "Access-Control-Allow-Origin", value: allowed)
        response.headers.add(name: "Vary", value: "Origin")
    }

    private static func error(_ status: HTTPStatus, _ code: String, _ message: String) -> HTTPResponse {
        var body = JSONWriter(capacity: 96 + message.utf8.count)
        body.beginObject()
        body.key("type")
        body.string("error")
        body.key("code")
        body.string(code)
        body.key("message")
        body.string(message)
        body.endObject()
        return HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json")]), body: body.bytes)
    }
}

/// Why a customer's details were refused (the message goes back in the 400).
struct ValidationFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
