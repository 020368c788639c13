import LiveHubHTTP
import LiveHubProtocol

/// Finds and verifies the bearer token of an upgrade request (`Authorization: Bearer …` or `?token=`).
enum HubAuthentication {
    static func authenticate(
        _ head: HTTPRequestHead, verifier: TokenVerifier, nowSeconds: Int64
    ) -> Result<TokenClaims, TokenRejection> {
        var token: String?
        if let header = head.headers["Authorization"] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2 && parts[0].lowercased() == "bearer" { token = String(parts[1]) }
        }
        if token == nil { token = head.queryValue("token") }
        guard let token, !token.isEmpty else { return .failure(.malformed("no bearer token")) }
        do {
            return .success(try verifier.verify(token, now: nowSeconds))
        } catch {
            return .failure(error)
        }
    }

    /// A short reason safe to embed in JSON (no quotes or backslashes from the token get through).
    static func reason(_ rejection: TokenRejection) -> String {
        let text: String
        switch rejection {
        case .malformed(let detail): text = "malformed token: \(detail)"
        case .unsupportedAlgorithm(let algorithm): text = "unsupported alg \(algorithm): only HS256"
        case .badSignature: text = "bad signature"
        case .expired: text = "token expired"
        case .notYetValid: text = "token not yet valid"
        case .unknownRole(let role): text = "unknown role \(role)"
        }
        return String(text.unicodeScalars.filter { $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }.prefix(200))
    }

    /// RFC 6750 §3: a 401 names the scheme and why the token was refused.
    static func unauthorized(_ rejection: TokenRejection) -> HTTPResponse {
        let body = "{\"type\":\"error\",\"code\":\"unauthorized\",\"message\":\"\(reason(rejection))\"}"
        var response = HTTPResponse.json(.unauthorized, body)
        response.headers.add(name: "WWW-Authenticate", value: "Bearer realm=\"livehub\", error=\"invalid_token\"")
        return response
    }
}
