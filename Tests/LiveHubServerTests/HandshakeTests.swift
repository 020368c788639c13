import LiveHubTestSupport
import Testing

@Suite("WebSocket handshake over real sockets")
struct HandshakeTests {
    @Test("a valid upgrade gets 101 with the RFC 6455 accept value")
    func accepts() throws {
        let server = try TestServer()
        let client = TestWebSocketClient(socket: try server.connect())
        #expect(try client.handshake(path: "/echo") == 101)
        #expect(client.responseHeader("Sec-WebSocket-Accept") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(client.responseHeader("Upgrade")?.lowercased() == "websocket")
    }

    static let rejections: [(String, String, Int)] = [
        ("wrong version", "GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n", 426),
        ("missing key", "GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n", 400),
        ("key not 16 bytes", "GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: c2hvcnQ=\r\nSec-WebSocket-Version: 13\r\n\r\n", 400),
        ("no upgrade header", "GET /echo HTTP/1.1\r\nHost: x\r\n\r\n", 426),
        ("unknown route", "GET /nowhere HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", 404),
        ("HTTP/1.0", "GET /echo HTTP/1.0\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", 400),
    ]

    @Test("each invalid upgrade is rejected with its status", arguments: rejections)
    func rejects(name: String, request: String, status: Int) throws {
        let server = try TestServer()
        let response = try server.exchange(request)
        #expect(response.hasPrefix("HTTP/1.1 \(status) "), "\(name): \(response)")
        if status == 426 && name == "wrong version" {
            #expect(response.contains("Sec-WebSocket-Version: 13"))
        }
    }

    @Test("an Origin outside the allow-list gets 403; a listed one is accepted")
    func originAllowList() throws {
        let server = try TestServer { $0.allowedOrigins = ["https://chat.example"] }
        let refused = TestWebSocketClient(socket: try server.connect())
        #expect(try refused.handshake(path: "/echo", extraHeaders: ["Origin: https://evil.example"]) == 403)
        let allowed = TestWebSocketClient(socket: try server.connect())
        #expect(try allowed.handshake(path: "/echo", extraHeaders: ["Origin: https://chat.example"]) == 101)
    }

    @Test("frames pipelined right behind the handshake are processed")
    func pipelinedFrames() throws {
        let server = try TestServer()
        let socket = try server.connect()
        let request = "GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        try socket.send(Array(request.utf8) + TestWebSocketClient.encodeFrame(opcode: 1, payload: Array("early".utf8)))
        let client = TestWebSocketClient(socket: socket)
        #expect(try client.readResponseHead() == 101)
        #expect(try client.receiveMessageFrame()?.text == "early")
    }
}
