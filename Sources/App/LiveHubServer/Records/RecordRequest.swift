import LiveHubDomain
import LiveHubHTTP
import LiveHubPosix
import LiveHubProtocol
import LiveHubTransport

/// What the record endpoints (`GET /v1/audit`, `GET /v1/conversations/{id}/transcript`) share: the
/// token only in `Authorization: Bearer`, like `/v1/directory` (a token in a URL ends up in logs and
/// browser histories; `/v1/ws` takes `?token=` only because browsers cannot set headers on a
/// WebSocket), query parameters read strictly (a `token` parameter is refused, with that hint), JSON
/// error bodies, and large bodies streamed.
enum RecordRequest {
    /// Who calls, or the response refusing them.
    enum Caller {
        case authenticated(TokenClaims)
        case refused(HTTPResponse)
    }

    /// Bodies larger than this are streamed (`HTTPReply.stream`), so a slow reader holds back the
    /// body instead of the connection's output buffer holding all of it.
    static let streamThreshold = 64 * 1024

    /// The caller's claims from the `Authorization` header (the query is not looked at), or the
    /// response refusing them: 400 for two headers, 401 for a missing or bad token.
    static func authenticate(_ head: HTTPRequestHead, with authentication: HubAuthentication?) -> Caller {
        guard let authentication else {
            return .refused(HubAuthentication.response(for: .rejected(.malformed("the hub has no token secret"))))
        }
        var headOnly = head
        headOnly.query = nil
        switch authentication.authenticate(headOnly, nowSeconds: WallClock.millisecondsSinceEpoch() / 1000) {
        case .failure(let refusal): return .refused(HubAuthentication.response(for: refusal))
        case .success(let claims): return .authenticated(claims)
        }
    }

    /// The query's parameters in order, names and values percent-decoded (`+` as a space).
    static func parameters(of query: String?) -> [(name: String, value: String)] {
        guard let query else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            guard let equals = pair.firstIndex(of: "=") else {
                return (HTTPPercentEncoding.decode(pair, plusAsSpace: true), "")
            }
            return (
                HTTPPercentEncoding.decode(pair[..<equals], plusAsSpace: true),
                HTTPPercentEncoding.decode(pair[pair.index(after: equals)...], plusAsSpace: true)
            )
        }
    }

    /// `{"type":"error","code":…,"message":…}` with `status`; the message is escaped, so it may quote
    /// what the client sent.
    static func error(_ status: HTTPStatus, _ code: String, _ message: String) -> HTTPResponse {
        var writer = JSONWriter(capacity: 96 + message.utf8.count)
        writer.beginObject()
        writer.key("type")
        writer.string("error")
        writer.key("code")
        writer.string(code)
        writer.key("message")
        writer.string(message)
        writer.endObject()
        var response = HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: writer.bytes)
        response.headers.add(name: "Cache-Control", value: "no-store")
        return response
    }

    /// A 200 with `body`, streamed when it is large. Records are private: never stored by a cache.
    static func ok(_ body: [UInt8], contentType: String, extraHeaders: [(String, String)] = []) -> HTTPReply {
        var headers: HTTPHeaders = ["Content-Type": contentType]
        headers.add(name: "Cache-Control", value: "no-store")
        for (name, value) in extraHeaders { headers.add(name: name, value: value) }
        if body.count > streamThreshold {
            return .stream(HTTPResponse(status: .ok, headers: headers), length: body.count, body: BytesBodySource(body))
        }
        return .response(HTTPResponse(status: .ok, headers: headers, body: body))
    }

    /// The 400 for a query parameter the endpoint does not take.
    static func unknownParameter(_ name: String, known: String) -> HTTPResponse {
        let hint =
            name == "token" ? "the token goes in the Authorization header (Bearer), not in the URL" : known
        return error(.badRequest, "invalid_request", "unknown parameter '\(quoted(name))' (\(hint))")
    }

    /// A value as an error message quotes it: at most 40 characters.
    static func quoted(_ value: String) -> String {
        value.count > 40 ? String(value.prefix(40)) + "…" : value
    }
}
