import LiveHubDomain
import LiveHubHTTP
import LiveHubProtocol
import LiveHubTransport

/// `GET /v1/audit?since=MS&conversationId=ID&userId=ID&limit=N`, for admins: what supervisors and
/// admins did, oldest first, as `{"entries":[…],"next":ms-or-null}` (`AuditEncoder`). 401 without a
/// valid bearer token, 403 for any other role, 400 naming the parameter for a malformed query.
///
/// The page is taken on the hub thread through its mailbox (like `/metrics`), answered once the
/// journal holds the entries it shows, and encoded on the connection's loop.
final class AuditEndpoint: HTTPEndpoint {
    private let authentication: HubAuthentication?
    private let hub: HubMailbox

    init(hub: HubMailbox, authentication: HubAuthentication?) {
        self.hub = hub
        self.authentication = authentication
    }

    func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        let claims: TokenClaims
        switch RecordRequest.authenticate(request.head, with: authentication) {
        case .refused(let response): return .response(response)
        case .authenticated(let authenticated): claims = authenticated
        }
        guard claims.role == .admin else {
            return .response(RecordRequest.error(.forbidden, "forbidden", "only an admin reads the audit"))
        }
        let query: AuditQuery
        switch AuditRequest.query(from: request.head.query) {
        case .failure(let problem):
            return .response(RecordRequest.error(.badRequest, "invalid_request", problem.message))
        case .success(let parsed): query = parsed
        }
        let responder = context.responder
        hub.post { service in
            service.auditPage(query) { page in
                responder.reply { RecordRequest.ok(AuditEncoder.encode(page), contentType: "application/json") }
            }
        }
        return .later
    }
}

/// Reads the audit query's parameters strictly: each at most once, no unknown name, every value in
/// range; the first problem is named.
enum AuditRequest {
    struct Problem: Error, Equatable {
        let message: String
    }

    static let parameterNames = ["since", "conversationId", "userId", "limit"]

    static func query(from queryString: String?) -> Result<AuditQuery, Problem> {
        var query = AuditQuery()
        var seen: Set<String> = []
        for (name, value) in RecordRequest.parameters(of: queryString) {
            guard parameterNames.contains(name) else {
                let hint =
                    name == "token"
                    ? "the token goes in the Authorization header (Bearer), not in the URL"
                    : "known: " + parameterNames.joined(separator: ", ")
                return .failure(Problem(message: "unknown parameter '\(RecordRequest.quoted(name))' (\(hint))"))
            }
            guard seen.insert(name).inserted else { return .failure(Problem(message: "'\(name)' is given twice")) }
            switch name {
            case "since":
                guard let milliseconds = wholeNumber(value) else {
                    return .failure(
                        Problem(
                            message: "'since' must be milliseconds since 1970 (a whole number, 0 or more), not '"
                                + RecordRequest.quoted(value) + "'"))
                }
                query.since = Instant(millisecondsSinceEpoch: milliseconds)
            case "limit":
                guard let limit = wholeNumber(value), limit >= 1, limit <= Int64(AuditQuery.maximumLimit) else {
                    return .failure(
                        Problem(
                            message: "'limit' must be a whole number from 1 to \(AuditQuery.maximumLimit), not '"
                                + RecordRequest.quoted(value) + "'"))
                }
                query.limit = Int(limit)
            case "conversationId":
                guard let problem = idProblem(name, value) else {
                    query.conversationId = ConversationId(value)
                    continue
                }
                return .failure(problem)
            default:
                guard let problem = idProblem(name, value) else {
                    query.userId = UserId(value)
                    continue
                }
                return .failure(problem)
            }
        }
        return .success(query)
    }

    /// Decimal digits only (no sign, no fraction), at most 15 of them: milliseconds up to the year
    /// 33,658, far beyond any audit entry, and no overflow.
    private static func wholeNumber(_ text: String) -> Int64? {
        guard !text.isEmpty, text.utf8.count <= 15, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        return Int64(text)
    }

    /// Ids are 1 to 256 bytes (Protocol/README.md).
    private static func idProblem(_ name: String, _ value: String) -> Problem? {
        guard value.isEmpty || value.utf8.count > HubAuthentication.maxIdBytes else { return nil }
        return Problem(message: "'\(name)' must be 1 to \(HubAuthentication.maxIdBytes) bytes")
    }
}
