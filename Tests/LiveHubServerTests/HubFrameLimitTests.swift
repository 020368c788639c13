import LiveHubDeflate
import LiveHubDomain
import LiveHubProtocol
import LiveHubTestSupport
import LiveHubWebSocket
import Testing

/// The hub route reads at most `HubLimits.maxFrameBytes` for one message, however it arrives: a plain
/// frame is refused from its header, a compressed one while it inflates, even when its message never
/// finishes. (The transport's `--max-message-bytes`, 16 MiB, is for echo and rooms.)
@Suite("hub frame limit over real sockets")
struct HubFrameLimitTests {
    static func hubClient(_ server: TestServer, offerDeflate: Bool) throws -> TestWebSocketClient {
        let token = TokenIssuer(secret: TestServer.hubSecret).issue(
            TokenClaims(subject: UserId("bob"), role: .agent, name: "Bob", expiresAt: Int64(WallClockForTests.seconds() + 600)))
        let client = TestWebSocketClient(socket: try server.connect())
        var headers = ["Authorization: Bearer \(token)", "Sec-WebSocket-Protocol: livehub.v1"]
        if offerDeflate { headers.append("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits") }
        #expect(try client.handshake(path: "/v1/ws", extraHeaders: headers) == 101)
        _ = try client.receiveMessageFrame()  // welcome
        return client
    }

    /// Reads until the server's close frame; nil if the connection ended without one.
    static func closeCode(_ client: TestWebSocketClient) throws -> UInt16? {
        while let frame = try client.receiveFrame() {
            if frame.opcode == 8 { return frame.closeCode }
        }
        return nil
    }

    @Test("a hub frame larger than the route's limit closes the connection with 1009, decided from its header")
    func plainFrameOverLimit() throws {
        let server = try TestServer()
        let client = try Self.hubClient(server, offerDeflate: false)
        try client.sendFrame(opcode: 1, payload: Array(repeating: UInt8(ascii: "x"), count: 100 * 1024))
        #expect(try Self.closeCode(client) == 1009)
    }

    @Test("an unfinished compressed fragment that inflates beyond the hub's limit closes with 1009")
    func compressedFragmentOverLimit() throws {
        let server = try TestServer()
        let client = try Self.hubClient(server, offerDeflate: true)
        let parameters = PerMessageDeflateParameters(
            serverNoContextTakeover: true, clientNoContextTakeover: true, serverMaxWindowBits: 15, clientMaxWindowBits: 15)
        let deflater = PerMessageDeflater(
            parameters: parameters, role: .client, configuration: PerMessageDeflateConfiguration(minimumMessageSizeToCompress: 0))
        var compressed: [UInt8] = []
        let bomb = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        #expect(bomb.withUnsafeBytes { deflater.compress($0, into: &compressed) })
        #expect(compressed.count < 4096)
        // The first fragment of a message that never finishes: a server that inflates it whole holds 1 MiB.
        try client.sendFrame(opcode: 1, payload: compressed, fin: false, rsv1: true)
        #expect(try Self.closeCode(client) == 1009)
    }

    @Test("a request between the request limit and the frame limit still answers too_large and keeps the connection")
    func tooLargeStillAnswered() throws {
        let server = try TestServer()
        let client = try Self.hubClient(server, offerDeflate: false)
        try client.sendText(#"{"type":"presence.set","presence":"available","padding":""# + String(repeating: "x", count: 20_000) + "\"}")
        let frame = try #require(try client.receiveMessageFrame())
        #expect(frame.text.contains("\"too_large\""))
        try client.sendText(#"{"type":"presence.set","id":"ok","presence":"available"}"#)
        var frames: [String] = []
        while frames.count < 5, let next = try client.receiveMessageFrame() {
            frames.append(next.text)
            if next.text.hasPrefix(#"{"type":"ack""#) { break }
        }
        #expect(frames.last?.contains(#""id":"ok""#) == true)
    }

    @Test("a message left incomplete past the message timeout is closed with 1008, although the client answers pings")
    func incompleteMessageClosed() throws {
        let server = try TestServer {
            $0.messageTimeoutSeconds = 0.5
            $0.heartbeatIntervalSeconds = 0.2
        }
        let client = try server.webSocket("/echo")
        // The first fragment of a message that never finishes.
        try client.sendFrame(opcode: 1, payload: Array("the start of a message".utf8), fin: false)
        var code: UInt16?
        while let frame = try client.receiveFrame() {
            if frame.opcode == 9 { try client.sendFrame(opcode: 10, payload: frame.payload) }  // Answer pings.
            if frame.opcode == 8 {
                code = frame.closeCode
                break
            }
        }
        #expect(code == 1008)
    }
}
