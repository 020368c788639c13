import LiveHubDeflate
import LiveHubServer
import LiveHubTestSupport
import LiveHubWebSocket
import Testing

@Suite("wss and permessage-deflate over real sockets")
struct TLSAndCompressionTests {
    /// A test server with TLS on, serving `certificate`.
    private func tlsServer(
        _ certificate: TestCertificate, _ configure: (inout ServerConfiguration) -> Void = { _ in }
    ) throws -> TestServer {
        try TestServer {
            $0.tlsCertificatePath = certificate.certificatePath
            $0.tlsPrivateKeyPath = certificate.privateKeyPath
            configure(&$0)
        }
    }

    /// A wss client that completed its handshake to /echo.
    private func wssEchoClient(_ server: TestServer, trusting certificate: TestCertificate) throws -> TestWebSocketClient {
        let socket = try server.connect()
        try socket.startTLS(trusting: certificate.certificatePEM)
        let client = TestWebSocketClient(socket: socket)
        #expect(try client.handshake(path: "/echo") == 101)
        return client
    }

    @Test("TLS: handshake, WebSocket upgrade and echo over wss")
    func tlsEcho() throws {
        let certificate = try TestCertificate()
        let server = try tlsServer(certificate)
        let client = try wssEchoClient(server, trusting: certificate)
        let big = String(repeating: "secret ", count: 20_000)
        try client.sendText("over tls")
        try client.sendText(big)
        #expect(try client.receiveMessageFrame()?.text == "over tls")
        #expect(try client.receiveMessageFrame()?.text == big)
        try client.sendClose()
        #expect(try client.receiveFrame()?.closeCode == 1000)
    }

    @Test("TLS: a wss connection keeps working after the heartbeat released its idle buffers")
    func tlsIdleRelease() throws {
        let certificate = try TestCertificate()
        let server = try tlsServer(certificate) { $0.heartbeatIntervalSeconds = 0.2 }
        let client = try wssEchoClient(server, trusting: certificate)
        // A large message first, so the TLS buffers have grown before they are released.
        let big = String(repeating: "secret ", count: 20_000)
        try client.sendText(big)
        #expect(try client.receiveMessageFrame()?.text == big)
        // Silent past the heartbeat: the server releases the buffers, then pings through fresh ones.
        let ping = try client.receiveFrame()
        #expect(ping?.opcode == 9)
        try client.sendFrame(opcode: 10, payload: ping?.payload ?? [])
        try client.sendText("after release")
        try client.sendText(big)
        #expect(try client.receiveMessageFrame()?.text == "after release")
        #expect(try client.receiveMessageFrame()?.text == big)
        try client.sendClose()
        // Past one more 0.2 s heartbeat on a loaded machine a ping may come first: it is answered and skipped.
        #expect(try client.receiveMessageFrame()?.closeCode == 1000)
    }

    @Test("TLS: plain HTTP to the TLS port is dropped without harming a TLS client")
    func plaintextToTLSPort() throws {
        let certificate = try TestCertificate()
        let server = try tlsServer(certificate)
        let good = try server.connect()
        try good.startTLS(trusting: certificate.certificatePEM)
        let bad = try server.connect()
        try bad.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(bad.waitForClose())
        try good.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(String(decoding: try good.receive(), as: UTF8.self).hasPrefix("HTTP/1.1 200 "))
    }

    @Test("TLS half-close: a client that pipelines over TLS and then shuts down its write side still gets every response")
    func tlsHalfCloseGetsEveryResponse() throws {
        let certificate = try TestCertificate()
        let server = try tlsServer(certificate)
        // A wide receive timeout: the server reads up to 512 KiB (about 14,000 of these requests) before
        // its first flush, which on a loaded machine running the debug build took over 5 s.
        let socket = try server.connect(timeoutSeconds: 30)
        try socket.startTLS(trusting: certificate.certificatePEM)
        // TCP FIN without a close_notify, as a client that is done sending does; ~2.9 MB of responses,
        // under the outbound limit, so the server never pauses reading.
        let requests = 20_000
        let request = Array("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        try socket.send(Array([[UInt8]](repeating: request, count: requests).joined()))
        socket.shutdownWrite()
        var received: [UInt8] = []
        while case let chunk = try socket.receive(), !chunk.isEmpty {
            received += chunk
        }
        #expect(String(decoding: received, as: UTF8.self).ranges(of: "HTTP/1.1 200 ").count == requests)
    }

    @Test("deflate: negotiated on request, compressed messages echo back compressed")
    func compressedEcho() throws {
        let server = try TestServer()
        let client = TestWebSocketClient(socket: try server.connect())
        #expect(try client.handshake(path: "/echo", extraHeaders: ["Sec-WebSocket-Extensions: permessage-deflate"]) == 101)
        let header = try #require(client.responseHeader("Sec-WebSocket-Extensions"))
        #expect(header.hasPrefix("permessage-deflate"))
        // By default the server takes over no context in either direction (idle connections then hold no
        // zlib memory), and a client must honour that (RFC 7692 §7.1.1.2).
        #expect(header.contains("server_no_context_takeover") && header.contains("client_no_context_takeover"))
        let parameters = PerMessageDeflateParameters(
            serverNoContextTakeover: true, clientNoContextTakeover: true, serverMaxWindowBits: 15, clientMaxWindowBits: 15)
        let deflater = PerMessageDeflater(parameters: parameters, role: .client, configuration: PerMessageDeflateConfiguration())
        let inflater = PerMessageInflater(parameters: parameters, role: .client)
        for round in 0..<3 {
            let text = "round \(round): " + String(repeating: "compress me please ", count: 200)
            var compressed: [UInt8] = []
            let ok = Array(text.utf8).withUnsafeBytes { deflater.compress($0, into: &compressed) }
            #expect(ok)
            try client.sendFrame(opcode: 1, payload: compressed, rsv1: true)
            let frame = try #require(try client.receiveMessageFrame())
            #expect(frame.rsv1, "the echo should be compressed")
            #expect(frame.payload.count < text.utf8.count / 4)
            var inflated: [UInt8] = []
            let outcome = frame.payload.withUnsafeBytes {
                inflater.inflate($0, isFinal: true, into: &inflated, limit: 1 << 20)
            }
            #expect(outcome == .ok)
            #expect(String(decoding: inflated, as: UTF8.self) == text)
        }
    }

    @Test("deflate: not negotiated when the server disables it, and RSV1 is then a protocol error (1002)")
    func compressionDisabled() throws {
        let server = try TestServer { $0.deflate.enabled = false }
        let client = TestWebSocketClient(socket: try server.connect())
        #expect(try client.handshake(path: "/echo", extraHeaders: ["Sec-WebSocket-Extensions: permessage-deflate"]) == 101)
        #expect(client.responseHeader("Sec-WebSocket-Extensions") == nil)
        try client.sendFrame(opcode: 1, payload: [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00], rsv1: true)
        #expect(try client.receiveFrame()?.closeCode == 1002)
    }

    @Test("deflate: a compression bomb is refused with 1009 once it inflates past the message limit")
    func bomb() throws {
        let server = try TestServer { $0.webSocket.maxMessageSize = 64 * 1024 }
        let client = TestWebSocketClient(socket: try server.connect())
        #expect(try client.handshake(path: "/echo", extraHeaders: ["Sec-WebSocket-Extensions: permessage-deflate"]) == 101)
        let parameters = PerMessageDeflateParameters(
            serverNoContextTakeover: false, clientNoContextTakeover: false, serverMaxWindowBits: 15, clientMaxWindowBits: 15)
        let deflater = PerMessageDeflater(parameters: parameters, role: .client, configuration: PerMessageDeflateConfiguration())
        var compressed: [UInt8] = []
        let zeros = [UInt8](repeating: 0x61, count: 8 * 1024 * 1024)
        _ = zeros.withUnsafeBytes { deflater.compress($0, into: &compressed) }
        #expect(compressed.count < 64 * 1024)
        try client.sendFrame(opcode: 1, payload: compressed, rsv1: true)
        #expect(try client.receiveFrame()?.closeCode == 1009)
    }
}
