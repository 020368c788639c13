import Testing

@testable import LiveHubHTTP

@Suite("Request line (RFC 9112 §3)")
struct RequestLineTests {
    @Test("a simple GET is parsed into method, target, path, query and version")
    func simpleGet() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("GET /room/42?name=a%20b HTTP/1.1\r\nHost: example\r\n\r\n".utf8))
        let request = try #require(try parser.nextRequest())
        #expect(request.head.method == "GET")
        #expect(request.head.target == "/room/42?name=a%20b")
        #expect(request.head.path == "/room/42")
        #expect(request.head.query == "name=a%20b")
        #expect(request.head.isHTTP11OrLater)
        #expect(request.head.keepAlive)
        #expect(request.body.isEmpty)
        #expect(try parser.nextRequest() == nil)
        #expect(parser.bufferedByteCount == 0)
    }

    @Test("the request is the same whether fed whole, byte by byte or split anywhere")
    func everySplitAgrees() {
        let request = parseSingle("POST /submit HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc")
        #expect(request?.method == "POST")
        #expect(request?.body == Array("abc".utf8))
    }

    @Test(
        "malformed request lines are rejected with 400",
        arguments: [
            "GET  / HTTP/1.1", "GET /HTTP/1.1", " GET / HTTP/1.1", "GET / HTTP/1.1 ", "G(T / HTTP/1.1",
            "GET /\u{7F} HTTP/1.1", "GET / http/1.1", "GET / HTTP/1.x", "GET / HTTP/1.1.1", "GET / HTTP/",
            "GET\t/ HTTP/1.1", "GET", "GET / HTTP/1.1 extra", "GET /é HTTP/1.1",
        ])
    func malformedRequestLine(line: String) {
        let error = parseError(line + "\r\nHost: a\r\n\r\n")
        #expect(error == .malformedRequestLine)
        #expect(error?.status == .badRequest)
    }

    @Test(
        "versions other than HTTP/1.x are answered with 505",
        arguments: ["HTTP/2.0", "HTTP/0.9", "HTTP/3", "HTTP/2", "HTTP/10.0"])
    func unsupportedVersion(version: String) {
        let error = parseError("GET / \(version)\r\nHost: a\r\n\r\n")
        #expect(error == .unsupportedVersion)
        #expect(error?.status == .httpVersionNotSupported)
    }

    @Test("the HTTP/2 connection preface is answered with 505")
    func http2Preface() {
        #expect(parseError("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") == .unsupportedVersion)
    }

    @Test("HTTP/1.0 is not 1.1; a higher 1.x minor version is treated as 1.1 (RFC 9110 §2.5)")
    func minorVersions() {
        #expect(parseSingle("GET / HTTP/1.0\r\n\r\n")?.isHTTP11OrLater == false)
        #expect(parseSingle("GET / HTTP/1.2\r\nHost: a\r\n\r\n")?.isHTTP11OrLater == true)
    }

    @Test("empty lines before the request line are ignored (RFC 9112 §2.2)")
    func leadingEmptyLine() {
        #expect(parseSingle("\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")?.target == "/")
        #expect(parseSingle("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")?.target == "/")
    }

    @Test(
        "bare LF and bare CR are rejected with 400",
        arguments: [
            "GET / HTTP/1.1\nHost: a\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\n\n",
            "\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", "GET /\r HTTP/1.1\r\n\r\n",
        ])
    func bareLineEndings(input: String) {
        let error = parseError(input)
        #expect(error == .invalidLineEnding)
        #expect(error?.status == .badRequest)
    }

    @Test(
        "path and query are taken from every request-target form (RFC 9112 §3.2)",
        arguments: [
            ("/a/b?x=1", "/a/b", "x=1"), ("/a/b", "/a/b", nil), ("/?", "/", ""), ("http://h:80/p?q", "/p", "q"),
            ("http://h", "/", nil), ("http://h?q", "/", "q"), ("*", "*", nil), ("host:443", "host:443", nil),
        ] as [(String, String, String?)])
    func targetForms(target: String, path: String, query: String?) {
        let head = HTTPRequestHead(method: "GET", target: target, isHTTP11OrLater: true, headers: ["Host": "h"])
        #expect(head.path == path)
        #expect(head.query == query)
    }
}
