import Testing

@testable import LiveHubHTTP

@Suite("Response serialization")
struct HTTPResponseTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("a text response is serialized byte-exactly with length, connection and server")
    func textResponse() {
        let bytes = HTTPResponse.text(.ok, "hi").serialized(keepAlive: true)
        #expect(
            text(bytes)
                == "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\n"
                + "Connection: keep-alive\r\nServer: livehub\r\n\r\nhi")
    }

    @Test("keepAlive false writes Connection: close; JSON has its content type")
    func closeAndJSON() {
        let bytes = HTTPResponse.json(.notFound, "{}").serialized(keepAlive: false)
        #expect(
            text(bytes)
                == "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + "Connection: close\r\nServer: livehub\r\n\r\n{}")
    }

    @Test("a HEAD response keeps Content-Length but has no body (RFC 9110 §9.3.2)")
    func headResponse() {
        let bytes = HTTPResponse.text(.ok, "hello").serialized(keepAlive: true, isHeadRequest: true)
        #expect(text(bytes).hasSuffix("Content-Length: 5\r\nConnection: keep-alive\r\nServer: livehub\r\n\r\n"))
    }

    @Test("204 has neither Content-Length nor body (RFC 9110 §8.6)")
    func noContent() {
        let bytes = HTTPResponse(status: .noContent, body: Array("ignored".utf8)).serialized(keepAlive: true)
        #expect(text(bytes) == "HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\nServer: livehub\r\n\r\n")
    }

    @Test("304 has neither Content-Length nor body (RFC 9110 §8.6, §15.4.5)")
    func notModified() {
        let response = HTTPResponse(status: HTTPStatus(code: 304, reasonPhrase: "Not Modified"), headers: ["ETag": "\"a\""])
        #expect(
            text(response.serialized(keepAlive: true))
                == "HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\nConnection: keep-alive\r\nServer: livehub\r\n\r\n")
    }

    @Test("101 keeps the caller's Connection: Upgrade and adds no length or keep-alive")
    func switchingProtocols() {
        let response = HTTPResponse.switchingProtocols(headers: [
            "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Accept": "abc=",
        ])
        #expect(
            text(response.serialized(keepAlive: true))
                == "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: abc=\r\nServer: livehub\r\n\r\n")
    }

    @Test("caller-set Content-Length and Connection are replaced; a caller's Server is kept")
    func ownedHeaders() {
        let response = HTTPResponse(
            status: .ok, headers: ["Content-Length": "99", "Connection": "keep-alive", "Server": "custom"], body: [1])
        #expect(
            response.serialized(keepAlive: false)
                == Array("HTTP/1.1 200 OK\r\nServer: custom\r\nContent-Length: 1\r\nConnection: close\r\n\r\n".utf8) + [
                    1
                ])
    }

    @Test("CR, LF and NUL in header values cannot inject lines")
    func injection() {
        let response = HTTPResponse(status: .ok, headers: ["X-Echo": "a\r\nSet-Cookie: evil\u{0}"])
        #expect(text(response.serialized(keepAlive: true)).contains("X-Echo: a  Set-Cookie: evil \r\n"))
    }

    @Test(
        "every named status has its code",
        arguments: [
            (HTTPStatus.ok, 200), (.created, 201), (.noContent, 204), (.switchingProtocols, 101), (.badRequest, 400),
            (.unauthorized, 401), (.forbidden, 403), (.notFound, 404), (.methodNotAllowed, 405),
            (.payloadTooLarge, 413),
            (.uriTooLong, 414), (.upgradeRequired, 426), (.tooManyRequests, 429), (.requestHeaderFieldsTooLarge, 431),
            (.internalServerError, 500), (.notImplemented, 501), (.serviceUnavailable, 503),
            (.httpVersionNotSupported, 505),
        ])
    func statusCodes(status: HTTPStatus, code: Int) {
        #expect(status.code == code)
        #expect(!status.reasonPhrase.isEmpty)
    }
}
