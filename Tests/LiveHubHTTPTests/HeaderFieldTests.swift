import Testing

@testable import LiveHubHTTP

@Suite("Header fields (RFC 9112 §5, RFC 9110 §5)")
struct HeaderFieldTests {
    @Test("fields keep their order and spelling; OWS around values is trimmed")
    func orderAndTrimming() {
        let request = parseSingle("GET / HTTP/1.1\r\nHost:  a \r\nX-Thing:\tone\t\r\nx-thing: two\r\nEmpty:\r\n\r\n")
        #expect(request?.headers == ["Host: a", "X-Thing: one", "x-thing: two", "Empty: "])
    }

    @Test("an obs-text byte in a value is accepted and decoded with replacement")
    func obsText() {
        let input: [UInt8] = Array("GET / HTTP/1.1\r\nHost: a\r\nX: caf".utf8) + [0xE9] + Array("\r\n\r\n".utf8)
        let outcome = parseEverySplit(input)
        #expect(outcome.error == nil)
        #expect(outcome.requests.first?.headers.last == "X: caf\u{FFFD}")
    }

    @Test(
        "invalid field names are rejected with 400, including whitespace before the colon",
        arguments: ["Host : a", "Ho st: a", ": a", "NoColon", "X(y): a", "X\u{1}: a"])
    func invalidNames(line: String) {
        let error = parseError("GET / HTTP/1.1\r\nHost: a\r\n\(line)\r\n\r\n")
        #expect(error == .invalidHeaderName)
        #expect(error?.status == .badRequest)
    }

    @Test("obs-fold continuation lines are rejected with 400 (RFC 9112 §5.2)", arguments: [" folded", "\tfolded"])
    func obsoleteFolding(continuation: String) {
        #expect(parseError("GET / HTTP/1.1\r\nHost: a\r\nX: one\r\n\(continuation)\r\n\r\n") == .obsoleteLineFolding)
    }

    @Test("whitespace between the request line and the first field is rejected (RFC 9112 §2.2)")
    func whitespaceBeforeFirstField() {
        #expect(parseError("GET / HTTP/1.1\r\n Host: a\r\n\r\n") == .obsoleteLineFolding)
    }

    @Test("control characters in values are rejected with 400", arguments: [UInt8(0), 0x01, 0x1F, 0x7F])
    func controlInValue(byte: UInt8) {
        let input = Array("GET / HTTP/1.1\r\nHost: a\r\nX: a".utf8) + [byte] + Array("b\r\n\r\n".utf8)
        #expect(parseEverySplit(input).error == .invalidHeaderValue)
    }

    @Test(
        "Host is required on HTTP/1.1, must be single and valid (RFC 9112 §3.2)",
        arguments: [
            "GET / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            "GET / HTTP/1.0\r\nHost: a\r\nhost: a\r\n\r\n", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", "GET / HTTP/1.1\r\nHost: user@a\r\n\r\n",
        ])
    func invalidHost(input: String) {
        let error = parseError(input)
        #expect(error == .invalidHost)
        #expect(error?.status == .badRequest)
    }

    @Test(
        "valid Host values are accepted",
        arguments: ["example.com", "example.com:8080", "127.0.0.1:1", "[::1]:443", ""])
    func validHost(host: String) {
        #expect(parseSingle("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n") != nil)
    }

    @Test("HTTP/1.0 needs no Host")
    func http10WithoutHost() {
        #expect(parseSingle("GET / HTTP/1.0\r\n\r\n") != nil)
    }

    @Test(
        "keep-alive follows RFC 9112 §9.3",
        arguments: [
            ("1.1", nil, true), ("1.1", "close", false), ("1.1", "Keep-Alive, CLOSE", false), ("1.1", "upgrade", true),
            ("1.0", nil, false), ("1.0", "keep-alive", true), ("1.0", "Keep-Alive", true), ("1.0", "close", false),
        ] as [(String, String?, Bool)])
    func keepAlive(version: String, connection: String?, expected: Bool) {
        let field = connection.map { "Connection: \($0)\r\n" } ?? ""
        let request = parseSingle("GET / HTTP/\(version)\r\nHost: a\r\n\(field)\r\n")
        #expect(request?.keepAlive == expected)
        let head = HTTPRequestHead(
            method: "GET", target: "/", isHTTP11OrLater: version == "1.1",
            headers: HTTPHeaders(connection.map { [(name: "Connection", value: $0)] } ?? []))
        #expect(head.keepAlive == expected)
    }
}
