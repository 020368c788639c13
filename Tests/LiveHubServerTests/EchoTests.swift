import LiveHubTestSupport
import Testing

@Suite("WebSocket echo over real sockets")
struct EchoTests {
    @Test("text and binary messages of every length class come back unchanged", arguments: [0, 125, 126, 65_535, 65_536])
    func echoesLengths(length: Int) throws {
        let server = try TestServer()
        let client = try server.webSocket()
        let text = String(repeating: "é", count: length / 2) + String(repeating: "a", count: length % 2)
        try client.sendText(text)
        let textFrame = try #require(try client.receiveMessageFrame())
        #expect(textFrame.opcode == 1 && textFrame.fin && textFrame.text == text)
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try client.sendBinary(bytes)
        let binaryFrame = try #require(try client.receiveMessageFrame())
        #expect(binaryFrame.opcode == 2 && binaryFrame.payload == bytes)
    }

    @Test("a fragmented message with a ping in the middle is echoed whole, and the ping answered")
    func fragmented() throws {
        let server = try TestServer()
        let client = try server.webSocket()
        try client.sendFrame(opcode: 1, payload: Array("Hel".utf8), fin: false)
        try client.sendFrame(opcode: 9, payload: Array("ping!".utf8))
        try client.sendFrame(opcode: 0, payload: Array("lo, ".utf8), fin: false)
        try client.sendFrame(opcode: 0, payload: Array("world".utf8), fin: true)
        let pong = try #require(try client.receiveFrame())
        #expect(pong.opcode == 10 && pong.text == "ping!")
        let message = try #require(try client.receiveFrame())
        #expect(message.opcode == 1 && message.text == "Hello, world")
    }

    @Test("many messages in one write are echoed in order")
    func batch() throws {
        let server = try TestServer()
        let client = try server.webSocket()
        var batch: [UInt8] = []
        for index in 0..<500 { batch += TestWebSocketClient.encodeFrame(opcode: 1, payload: Array("m\(index)".utf8)) }
        try client.socket.send(batch)
        for index in 0..<500 { #expect(try client.receiveMessageFrame()?.text == "m\(index)") }
    }

    @Test("a message split byte by byte across writes is reassembled")
    func splitAcrossWrites() throws {
        let server = try TestServer()
        let client = try server.webSocket()
        let frame = TestWebSocketClient.encodeFrame(opcode: 1, payload: Array("slowly".utf8))
        for byte in frame { try client.socket.send([byte]) }
        #expect(try client.receiveMessageFrame()?.text == "slowly")
    }

    @Test("two clients do not see each other's echoes")
    func isolation() throws {
        let server = try TestServer()
        let alice = try server.webSocket()
        let bob = try server.webSocket()
        try alice.sendText("from alice")
        try bob.sendText("from bob")
        #expect(try alice.receiveMessageFrame()?.text == "from alice")
        #expect(try bob.receiveMessageFrame()?.text == "from bob")
    }
}

@Suite("WebSocket closing and limits over real sockets")
struct CloseAndLimitTests {
    @Test("close handshake: the server echoes 1000 and closes TCP")
    func closeHandshake() throws {
        let server = try TestServer()
        let client = try server.webSocket()
        try client.sendClose(code: 1000, reason: "bye")
        let close = try #require(try client.receiveFrame())
        #expect(close.opcode == 8 && close.closeCode == 1000)
        #expect(client.socket.waitForClose())
    }

    @Test("an unmasked client frame closes with 1002")
    func unmasked() throws {
        let server = try TestServer()
        let client = try server.webSocket()
        try client.socket.send([0x81, 0x02, 0x68, 0x69])
        #expect(try client.receiveFrame()?.closeCode == 1002)
        #expect(client.socket.waitForClose())
    }

    @Test("invalid UTF-8 in a text message closes with 1007")
    func invalidUTF8() throws {
        let server = try TestServer()
        let client = try server.webSocket()
        try client.sendFrame(opcode: 1, payload: [0x68, 0xC0, 0xAF])
        #expect(try client.receiveFrame()?.closeCode == 1007)
    }

    @Test("a frame over the size limit closes with 1009 without reading its payload")
    func tooBig() throws {
        let server = try TestServer {
            $0.webSocket.maxFramePayload = 1024
            $0.webSocket.maxMessageSize = 1024
        }
        let client = try server.webSocket()
        // Only the header is sent: the server must decide from the declared length.
        try client.socket.send([0x82, 0xFE, 0x10, 0x00, 1, 2, 3, 4])
        #expect(try client.receiveFrame()?.closeCode == 1009)
    }

    @Test("a fragmented message over the size limit closes with 1009")
    func fragmentedTooBig() throws {
        let server = try TestServer { $0.webSocket.maxMessageSize = 1000 }
        let client = try server.webSocket()
        try client.sendFrame(opcode: 2, payload: [UInt8](repeating: 1, count: 600), fin: false)
        try client.sendFrame(opcode: 0, payload: [UInt8](repeating: 1, count: 600), fin: true)
        #expect(try client.receiveFrame()?.closeCode == 1009)
    }

    // The heartbeat, idle and close-wait rules (cadence, pongs counting as traffic, exact deadlines) are
    // tested on a fake clock in LiveHubTransportTests (ConnectionTimerPolicyTests). These two only prove
    // the wiring over a real socket, with margins a loaded machine cannot break.

    @Test("heartbeat wiring: a silent client is pinged, then closed with 1001 after the idle timeout")
    func idleTimeout() throws {
        let server = try TestServer {
            $0.heartbeatIntervalSeconds = 0.2
            $0.idleTimeoutSeconds = 2
        }
        let client = try server.webSocket()
        var pings = 0
        var frame = try #require(try client.receiveFrame())
        while frame.opcode == 9 {
            pings += 1
            frame = try #require(try client.receiveFrame())
        }
        #expect(pings >= 1, "no ping before the close")
        #expect(frame.opcode == 8 && frame.closeCode == 1001)
    }

    @Test("close-wait wiring: a client that never answers the server's close frame is cut after the close timeout")
    func closeWaitTimeout() throws {
        let server = try TestServer {
            $0.heartbeatIntervalSeconds = 0.2
            $0.idleTimeoutSeconds = 0.5
            $0.closeTimeoutSeconds = 0.5
        }
        let client = TestWebSocketClient(socket: try server.connect(timeoutSeconds: 10))
        #expect(try client.handshake(path: "/echo") == 101)
        var frame = try #require(try client.receiveFrame())
        while frame.opcode == 9 { frame = try #require(try client.receiveFrame()) }
        #expect(frame.closeCode == 1001)
        // No close reply: the server gives up on the handshake and resets the connection.
        #expect(client.socket.waitForClose())
    }

    @Test("a consumer that stops reading is closed with 1008, not buffered without limit")
    func slowConsumer() throws {
        let server = try TestServer {
            $0.maxOutboundBytes = 64 * 1024
            // The client reads only after sending everything; under a loaded machine that can take a
            // while, and this test is about the 1008, not about the close timeout.
            $0.closeTimeoutSeconds = 60
        }
        let client = try server.webSocket()
        client.socket.setReceiveBufferSize(4096)
        let payload = [UInt8](repeating: 0x61, count: 16 * 1024)
        let frame = TestWebSocketClient.encodeFrame(opcode: 2, payload: payload)
        // Sent without reading: kernel buffers fill, then the server's queue passes its limit.
        var sentBytes = 0
        while sentBytes < 4 * 1024 * 1024 {
            do { try client.socket.send(frame) } catch { break }  // the server may already have reset us
            sentBytes += frame.count
        }
        var closeCode: UInt16?
        var echoedBytes = 0
        while let received = try? client.receiveFrame() {
            if received.opcode == 8 {
                closeCode = received.closeCode
                break
            }
            echoedBytes += received.payload.count
        }
        #expect(closeCode == 1008)
        #expect(echoedBytes < sentBytes / 2)
    }

    @Test("shutdown closes every WebSocket with 1001 and stops the server")
    func drain() throws {
        let server = try TestServer()
        do {
            let first = try server.webSocket()
            let second = try server.webSocket("/room/lobby")
            server.server.shutdown()
            #expect(try first.receiveFrame()?.closeCode == 1001)
            #expect(try second.receiveFrame()?.closeCode == 1001)
            try first.sendClose(code: 1001)
            try second.sendClose(code: 1001)
            // The server ends TCP once the close handshake completes (RFC 6455 §7.1.1).
            #expect(first.socket.waitForClose())
            #expect(second.socket.waitForClose())
        }  // The clients close their sockets here, as a browser does on EOF; the drain then ends.
        server.stop()
    }
}
