import LiveHubTestSupport
import Testing

@Suite("HTTP over real sockets")
struct HTTPEndpointTests {
    @Test("GET /healthz answers 200 with JSON status")
    func health() throws {
        let server = try TestServer()
        let response = try server.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(response.hasPrefix("HTTP/1.1 200 "))
        #expect(response.contains("\"status\":\"ok\""))
        #expect(response.contains("Connection: close"))
    }

    @Test("keep-alive serves two requests on one connection")
    func keepAlive() throws {
        let server = try TestServer()
        let socket = try server.connect()
        try socket.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        var text = ""
        while true {
            let chunk = try socket.receive()
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        #expect(text.ranges(of: "HTTP/1.1 200 ").count == 2)
    }

    @Test("unknown path answers 404")
    func notFound() throws {
        let server = try TestServer()
        #expect(try server.exchange("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n").hasPrefix("HTTP/1.1 404 "))
    }

    @Test("wrong method answers 405 with Allow")
    func methodNotAllowed() throws {
        let server = try TestServer()
        let response = try server.exchange("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        #expect(response.hasPrefix("HTTP/1.1 405 "))
        #expect(response.contains("Allow: GET"))
    }

    @Test("garbage request line answers 400 and closes")
    func badRequest() throws {
        let server = try TestServer()
        #expect(try server.exchange("HELLO\r\n\r\n").hasPrefix("HTTP/1.1 400 "))
    }

    @Test("oversized header block answers 431")
    func headersTooLarge() throws {
        let server = try TestServer { $0.http.maxHeaderBytes = 1024 }
        let filler = String(repeating: "a", count: 2000)
        #expect(try server.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Filler: \(filler)\r\n\r\n").hasPrefix("HTTP/1.1 431 "))
    }

    @Test("body over the limit answers 413 before it is read")
    func bodyTooLarge() throws {
        let server = try TestServer { $0.http.maxBodyBytes = 100 }
        #expect(try server.exchange("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n").hasPrefix("HTTP/1.1 413 "))
    }

    /// Wiring only: the handshake and keep-alive deadlines are tested on a fake clock in
    /// LiveHubTransportTests (ConnectionTimerPolicyTests).
    @Test("handshake wiring: a connection that sends nothing is closed after the handshake timeout")
    func handshakeTimeout() throws {
        let server = try TestServer { $0.handshakeTimeoutSeconds = 0.3 }
        let socket = try server.connect(timeoutSeconds: 15)
        #expect(socket.waitForClose())
    }

    @Test("beyond max connections a new client gets 503 and old ones keep working")
    func connectionLimit() throws {
        let server = try TestServer { $0.maxConnections = 2 }
        let first = try server.webSocket()
        let second = try server.webSocket()
        let refused = try server.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(refused.hasPrefix("HTTP/1.1 503 "))
        try first.sendText("still here")
        #expect(try first.receiveMessageFrame()?.text == "still here")
        try second.sendText("me too")
        #expect(try second.receiveMessageFrame()?.text == "me too")
    }

    @Test("after clients leave, a refused slot is available again")
    func connectionLimitRecovers() throws {
        let server = try TestServer { $0.maxConnections = 1 }
        do {
            let only = try server.webSocket()
            try only.sendClose()
            _ = try only.receiveFrame()
            #expect(only.socket.waitForClose())
        }
        // The server forgets the first connection when it sees EOF; retry briefly until it has.
        var status = 0
        for _ in 0..<50 {
            let client = TestWebSocketClient(socket: try server.connect())
            status = try client.handshake(path: "/echo")
            if status == 101 { break }
        }
        #expect(status == 101)
    }
}

@Suite("HTTP expectations")
struct HTTPExpectationTests {
    @Test("Expect: 100-continue gets an interim 100 before the body is sent")
    func expectContinue() throws {
        let server = try TestServer()
        let socket = try server.connect()
        try socket.send("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
        let interim = String(decoding: try socket.receive(), as: UTF8.self)
        #expect(interim.hasPrefix("HTTP/1.1 100 Continue"))
        try socket.send("body")
        #expect(String(decoding: try socket.receive(), as: UTF8.self).hasPrefix("HTTP/1.1 405 "))
    }
}
