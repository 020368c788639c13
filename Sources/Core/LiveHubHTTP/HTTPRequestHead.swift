/// The request line and header fields of one request.
public struct HTTPRequestHead: Sendable {
    /// The method token, case-sensitive as sent (RFC 9110 §9.1).
    public var method: String
    /// The request target exactly as sent (RFC 9112 §3.2).
    public var target: String
    /// The path of the target, still percent-encoded: for origin-form `/a/b?x` it is `/a/b`; for
    /// absolute-form `http://h/a?x` it is `/a` (or `/` when empty); asterisk- and authority-form
    /// targets (`*`, `host:443`) are returned whole.
    public var path: String
    /// The query of the target without its `?`, still encoded; nil when the target has no `?`.
    public var query: String?
    /// True for HTTP/1.1 and later minor versions (RFC 9110 §2.5: treat 1.x, x > 1, as 1.1).
    public var isHTTP11OrLater: Bool
    /// The header fields in received order.
    public var headers: HTTPHeaders
    /// Whether the connection may carry another request after this one (RFC 9112 §9.3):
    /// HTTP/1.1 persists unless `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`.
    public var keepAlive: Bool

    /// Creates a head, deriving `path`, `query` and `keepAlive` from the other fields.
    public init(method: String, target: String, isHTTP11OrLater: Bool, headers: HTTPHeaders) {
        let connectionTokens = headers.tokens(for: "Connection")
        self.init(
            method: method, target: target, isHTTP11OrLater: isHTTP11OrLater, headers: headers,
            keepAlive: HTTPRequestHead.persists(
                isHTTP11OrLater: isHTTP11OrLater, hasClose: connectionTokens.contains("close"),
                hasKeepAlive: connectionTokens.contains("keep-alive")))
    }

    /// Used by the parser, which has already read the Connection field while scanning.
    init(method: String, target: String, isHTTP11OrLater: Bool, headers: HTTPHeaders, keepAlive: Bool) {
        self.method = method
        self.target = target
        self.isHTTP11OrLater = isHTTP11OrLater
        self.headers = headers
        self.keepAlive = keepAlive
        (path, query) = HTTPRequestHead.split(target: target)
    }

    /// RFC 9112 §9.3: `close` always wins; otherwise 1.1 persists and 1.0 needs `keep-alive`.
    static func persists(isHTTP11OrLater: Bool, hasClose: Bool, hasKeepAlive: Bool) -> Bool {
        if hasClose { return false }
        return isHTTP11OrLater || hasKeepAlive
    }

    /// The first query parameter named `name` (compared after decoding), percent-decoded with `+`
    /// read as a space; a parameter without `=` has the empty value. Nil when absent.
    public func queryValue(_ name: String) -> String? {
        queryValues(name).first
    }

    /// Every query parameter named `name`, in order, decoded as `queryValue` decodes them.
    public func queryValues(_ name: String) -> [String] {
        var values: [String] = []
        guard let query else { return values }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parameterName: Substring
            let parameterValue: Substring
            if let equals = pair.firstIndex(of: "=") {
                parameterName = pair[..<equals]
                parameterValue = pair[pair.index(after: equals)...]
            } else {
                parameterName = pair
                parameterValue = ""
            }
            if HTTPPercentEncoding.decode(parameterName, plusAsSpace: true) == name {
                values.append(HTTPPercentEncoding.decode(parameterValue, plusAsSpace: true))
            }
        }
        return values
    }

    /// Splits a request target into path and query (RFC 9112 §3.2 forms).
    static func split(target: String) -> (path: String, query: String?) {
        let utf8 = target.utf8
        var pathStart = utf8.startIndex
        if utf8.first != ASCII.slash {
            // absolute-form: skip "scheme://authority"; asterisk- and authority-form have no path.
            guard let schemeEnd = target.firstRange(of: "://")?.upperBound else { return (target, nil) }
            pathStart = utf8[schemeEnd...].firstIndex { $0 == ASCII.slash || $0 == ASCII.questionMark } ?? utf8.endIndex
        }
        let queryMark = utf8[pathStart...].firstIndex(of: ASCII.questionMark)
        let pathEnd = queryMark ?? utf8.endIndex
        let path = pathStart == pathEnd ? "/" : String(target[pathStart..<pathEnd])
        let query = queryMark.map { String(target[target.index(after: $0)...]) }
        return (path, query)
    }
}
