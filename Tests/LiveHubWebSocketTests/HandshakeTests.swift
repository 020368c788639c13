import Testing

@testable import LiveHubWebSocket

/// A request's headers, looked up case-insensitively like the server's HTTP parser does.
private struct Headers {
    var fields: [(String, String)]

    func values(_ name: String) -> [String] {
        fields.filter { $0.0.lowercased() == name.lowercased() }.map(\.1)
    }

    static let valid = Headers(fields: [
        ("Host", "server.example.com"), ("Upgrade", "websocket"), ("Connection", "Upgrade"),
        ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="), ("Origin", "http://example.com"),
        ("Sec-WebSocket-Version", "13"),
    ])

    func replacing(_ name: String, with value: String?) -> Headers {
        var copy = fields.filter { $0.0.lowercased() != name.lowercased() }
        if let value { copy.append((name, value)) }
        return Headers(fields: copy)
    }

    func adding(_ name: String, _ value: String) -> Headers { Headers(fields: fields + [(name, value)]) }
}

private func evaluate(
    _ headers: Headers = .valid, method: String = "GET", http11: Bool = true,
    configuration: HandshakeConfiguration = HandshakeConfiguration()
) -> HandshakeDecision {
    WebSocketHandshake.evaluate(
        method: method, isHTTP11OrLater: http11, headerValues: headers.values, configuration: configuration)
}

private func rejection(_ decision: HandshakeDecision) -> HandshakeRejection? {
    if case .reject(let rejection) = decision { return rejection }
    return nil
}

private func acceptance(_ decision: HandshakeDecision) -> HandshakeAcceptance? {
    if case .accept(let acceptance) = decision { return acceptance }
    return nil
}

private func header(_ name: String, in list: [(name: String, value: String)]) -> String? {
    list.first { $0.name == name }?.value
}

@Suite("Opening handshake")
struct HandshakeTests {
    /// RFC 6455 §1.3 and §4.2.2 print "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" for this key (SHA-1
    /// b37a4f2c c0624f16 90f64606 cf385945 b2bec4ea); "s3pPLMBiTxaQ9kK+C8oK4xbO+xo=", sometimes quoted, is wrong.
    @Test("the RFC 6455 §1.3 sample key gives the sample accept value")
    func sampleKey() {
        #expect(WebSocketHandshake.acceptValue(forKey: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test("a valid request is accepted with Upgrade, Connection and Sec-WebSocket-Accept")
    func accepted() {
        guard let accepted = acceptance(evaluate()) else {
            Issue.record("expected acceptance")
            return
        }
        #expect(header("Upgrade", in: accepted.responseHeaders) == "websocket")
        #expect(header("Connection", in: accepted.responseHeaders) == "Upgrade")
        #expect(header("Sec-WebSocket-Accept", in: accepted.responseHeaders) == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(header("Sec-WebSocket-Protocol", in: accepted.responseHeaders) == nil)
        #expect(header("Sec-WebSocket-Extensions", in: accepted.responseHeaders) == nil)
        #expect(accepted.subprotocol == nil)
        #expect(accepted.deflate == nil)
    }

    @Test("tokens are matched in comma lists, ignoring case")
    func tokenLists() {
        let headers = Headers.valid.replacing("Upgrade", with: "foo/1, WebSocket").replacing(
            "Connection", with: "keep-alive, UPGRADE")
        #expect(acceptance(evaluate(headers)) != nil)
    }

    @Test("a method other than GET → 405 with Allow: GET")
    func methodNotGET() {
        let rejected = rejection(evaluate(method: "POST"))
        #expect(rejected?.status == 405)
        #expect(rejected.flatMap { header("Allow", in: $0.headers) } == "GET")
    }

    @Test("HTTP/1.0 → 400")
    func oldHTTP() { #expect(rejection(evaluate(http11: false))?.status == 400) }

    @Test(
        "a missing Upgrade or Connection token → 426 with Upgrade: websocket",
        arguments: [
            ("Upgrade", nil), ("Upgrade", "h2c"), ("Connection", nil), ("Connection", "keep-alive"),
        ] as [(String, String?)])
    func upgradeRequired(name: String, value: String?) {
        let rejected = rejection(evaluate(Headers.valid.replacing(name, with: value)))
        #expect(rejected?.status == 426)
        #expect(rejected.flatMap { header("Upgrade", in: $0.headers) } == "websocket")
    }

    @Test(
        "a version other than 13 → 426 with Sec-WebSocket-Version: 13",
        arguments: [nil, "8", "14", "13, 8"] as [String?])
    func wrongVersion(version: String?) {
        let rejected = rejection(evaluate(Headers.valid.replacing("Sec-WebSocket-Version", with: version)))
        #expect(rejected?.status == 426)
        #expect(rejected.flatMap { header("Sec-WebSocket-Version", in: $0.headers) } == "13")
    }

    @Test(
        "a missing or malformed key → 400",
        arguments: [nil, "", "not base64!", "dGhlIHNhbXBsZSBub25jZQ", "c2hvcnQ="] as [String?])
    func badKey(key: String?) {
        #expect(rejection(evaluate(Headers.valid.replacing("Sec-WebSocket-Key", with: key)))?.status == 400)
    }

    @Test("two keys → 400")
    func twoKeys() {
        #expect(
            rejection(evaluate(Headers.valid.adding("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAA==")))?.status == 400)
    }

    @Test("an origin outside the allow-list → 403; a listed one or none at all is accepted")
    func origins() {
        let configuration = HandshakeConfiguration(allowedOrigins: ["https://app.example.com"])
        let foreign = Headers.valid.replacing("Origin", with: "https://evil.example")
        #expect(rejection(evaluate(foreign, configuration: configuration))?.status == 403)
        let listed = Headers.valid.replacing("Origin", with: "https://APP.example.com")
        #expect(acceptance(evaluate(listed, configuration: configuration)) != nil)
        #expect(acceptance(evaluate(Headers.valid.replacing("Origin", with: nil), configuration: configuration)) != nil)
    }

    @Test("the first subprotocol in the client's order that we support is chosen")
    func subprotocol() {
        let configuration = HandshakeConfiguration(supportedSubprotocols: ["chat.v2", "chat.v1"])
        let headers = Headers.valid.adding("Sec-WebSocket-Protocol", "mqtt, chat.v1").adding(
            "Sec-WebSocket-Protocol", "chat.v2")
        let accepted = acceptance(evaluate(headers, configuration: configuration))
        #expect(accepted?.subprotocol == "chat.v1")
        #expect(accepted.flatMap { header("Sec-WebSocket-Protocol", in: $0.responseHeaders) } == "chat.v1")
        let none = acceptance(
            evaluate(Headers.valid.adding("Sec-WebSocket-Protocol", "mqtt"), configuration: configuration))
        #expect(none != nil && none?.subprotocol == nil)
    }

    @Test("a permessage-deflate offer is answered in Sec-WebSocket-Extensions")
    func deflateAccepted() {
        let headers = Headers.valid.adding("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits")
        let accepted = acceptance(evaluate(headers))
        #expect(accepted?.deflate == PerMessageDeflateParameters())
        #expect(accepted.flatMap { header("Sec-WebSocket-Extensions", in: $0.responseHeaders) } == "permessage-deflate")
        var disabled = HandshakeConfiguration()
        disabled.deflate.enabled = false
        #expect(acceptance(evaluate(headers, configuration: disabled))?.deflate == nil)
    }
}
