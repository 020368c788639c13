/// A response to serialize: status, header fields and body.
public struct HTTPResponse: Sendable {
    /// The status line's code and reason.
    public var status: HTTPStatus
    /// Header fields written in order. `Content-Length` is always computed by `serialized`, and
    /// `Connection` too except on a 101 (whose `Connection: Upgrade` the caller provides).
    public var headers: HTTPHeaders
    /// The content; not written for HEAD requests or for statuses that forbid content.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A `text/plain; charset=utf-8` response.
    public static func text(_ status: HTTPStatus, _ body: String) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(body.utf8))
    }

    /// An `application/json` response; `body` must already be JSON.
    public static func json(_ status: HTTPStatus, _ body: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: Array(body.utf8))
    }

    /// The interim response to an `Expect: 100-continue` request (RFC 9110 §15.2.1); it carries no
    /// fields, and the final response follows later on the same connection.
    public static let continueBytes: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// A 101 response carrying `headers` (e.g. Upgrade, Connection, Sec-WebSocket-Accept).
    public static func switchingProtocols(headers: HTTPHeaders) -> HTTPResponse {
        HTTPResponse(status: .switchingProtocols, headers: headers)
    }

    /// The bytes to send: status line, fields, blank line, body.
    ///
    /// Adds `Content-Length` (RFC 9110 §8.6: never on 1xx or 204, and not on 304, where it would have to
    /// be the length of the 200 the client already has), `Connection: keep-alive` or
    /// `close` (not on 101), and `Server: livehub` unless the caller set a Server field; no Date.
    /// For HEAD, Content-Length is the GET length but no body is written (RFC 9110 §9.3.2).
    /// CR, LF and NUL in caller-supplied names or values are replaced by spaces, so a value that
    /// echoes client input can never inject a header line or split the response.
    /// `streamedLength`: the head alone, announcing a body of that many bytes that the caller sends
    /// after it (a streamed response); `body` is then not written.
    public func serialized(keepAlive: Bool, isHeadRequest: Bool = false, streamedLength: Int? = nil) -> [UInt8] {
        let isUpgrade = status.code == HTTPStatus.switchingProtocols.code
        let sendsLength = !(100...199).contains(status.code) && status.code != 204 && status.code != 304
        var output: [UInt8] = []
        output.reserveCapacity(128 + body.count)
        output.append(contentsOf: "HTTP/1.1 ".utf8)
        output.append(contentsOf: String(status.code).utf8)
        output.append(ASCII.space)
        HTTPResponse.appendSanitized(status.reasonPhrase, to: &output)
        output.append(contentsOf: "\r\n".utf8)
        var hasServer = false
        for field in headers {
            if ASCII.equalsIgnoringCase(field.name, "Content-Length") { continue }
            if !isUpgrade, ASCII.equalsIgnoringCase(field.name, "Connection") { continue }
            hasServer = hasServer || ASCII.equalsIgnoringCase(field.name, "Server")
            HTTPResponse.appendSanitized(field.name, to: &output)
            output.append(contentsOf: ": ".utf8)
            HTTPResponse.appendSanitized(field.value, to: &output)
            output.append(contentsOf: "\r\n".utf8)
        }
        if sendsLength {
            output.append(contentsOf: "Content-Length: ".utf8)
            output.append(contentsOf: String(streamedLength ?? body.count).utf8)
            output.append(contentsOf: "\r\n".utf8)
        }
        if !isUpgrade {
            output.append(contentsOf: (keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n").utf8)
        }
        if !hasServer {
            output.append(contentsOf: "Server: livehub\r\n".utf8)
        }
        output.append(contentsOf: "\r\n".utf8)
        if !isHeadRequest, !status.forbidsContent, streamedLength == nil {
            output.append(contentsOf: body)
        }
        return output
    }

    private static func appendSanitized(_ text: String, to output: inout [UInt8]) {
        for byte in text.utf8 {
            output.append(byte == ASCII.carriageReturn || byte == ASCII.lineFeed || byte == 0 ? ASCII.space : byte)
        }
    }
}
