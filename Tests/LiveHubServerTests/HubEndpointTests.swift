import LiveHubDomain
import LiveHubProtocol
import LiveHubTestSupport
import Testing

/// A `/v1/ws` client that reads JSON frames.
struct HubClient {
    let client: TestWebSocketClient
    let welcome: JSONObject

    init(_ server: TestServer, role: Role, subject: String) throws {
        let now = Int64(WallClockForTests.seconds())
        let token = TokenIssuer(secret: TestServer.hubSecret).issue(
            TokenClaims(subject: UserId(subject), role: role, name: subject, expiresAt: now + 600))
        client = TestWebSocketClient(socket: try server.connect())
        let status = try client.handshake(
            path: "/v1/ws", extraHeaders: ["Authorization: Bearer \(token)", "Sec-WebSocket-Protocol: livehub.v1"])
        guard status == 101 else { throw TestClientError("hub upgrade answered \(status)") }
        guard let first = try client.receiveMessageFrame(), let object = try JSONParser.parse(first.text).objectValue
        else { throw TestClientError("no welcome frame") }
        welcome = object
    }

    func send(_ json: String) throws { try client.sendText(json) }

    /// The next JSON frame from the hub.
    func next() throws -> JSONObject {
        guard let frame = try client.receiveMessageFrame() else { throw TestClientError("hub closed the connection") }
        guard let object = try JSONParser.parse(frame.text).objectValue else { throw TestClientError("not an object") }
        return object
    }

    /// Frames until (and including) the first of `type`; fails the test if it does not come.
    func next(_ type: String) throws -> JSONObject {
        for _ in 0..<20 {
            let frame = try next()
            if frame["type"]?.stringValue == type { return frame }
        }
        throw TestClientError("no \(type) frame within 20 frames")
    }
}

enum WallClockForTests {
    static func seconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now.tv_sec
    }
}

#if canImport(Glibc)
    import Glibc
#endif

@Suite("conversation hub over real sockets (/v1/ws)")
struct HubEndpointTests {
    static let refusals: [(String, String)] = [
        ("no token", ""),
        (
            "bad signature",
            "Authorization: Bearer "
                + TokenIssuer(secret: Array("another-secret-another-secret-xx".utf8))
                .issue(TokenClaims(subject: "x", role: .agent, name: "x", expiresAt: 4_000_000_000))
        ),
        (
            "expired",
            "Authorization: Bearer "
                + TokenIssuer(secret: TestServer.hubSecret)
                .issue(TokenClaims(subject: "x", role: .agent, name: "x", expiresAt: 1_000_000))
        ),
        (
            "alg none",
            "Authorization: Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFnZW50IiwibmFtZSI6IngiLCJleHAiOjQwMDAwMDAwMDB9."
        ),
    ]

    @Test("Tokens: missing, forged, expired or alg=none tokens get HTTP 401 before the upgrade", arguments: refusals)
    func refusesBadTokens(name: String, header: String) throws {
        let server = try TestServer()
        let client = TestWebSocketClient(socket: try server.connect())
        let status = try client.handshake(path: "/v1/ws", extraHeaders: header.isEmpty ? [] : [header])
        #expect(status == 401, "\(name)")
        #expect(client.responseHeader("WWW-Authenticate")?.hasPrefix("Bearer") == true)
    }

    @Test("a valid token gets the livehub.v1 subprotocol and a welcome with the user")
    func welcome() throws {
        let server = try TestServer()
        let agent = try HubClient(server, role: .agent, subject: "alice")
        #expect(agent.client.responseHeader("Sec-WebSocket-Protocol") == "livehub.v1")
        #expect(agent.welcome["type"]?.stringValue == "welcome")
        #expect(agent.welcome["user"]?.objectValue?["id"]?.stringValue == "alice")
    }

    @Test("route → accept → chat; Visibility: an internal message never reaches the customer")
    func routeAcceptChat() throws {
        let server = try TestServer()
        let alice = try HubClient(server, role: .agent, subject: "alice")
        let customer = try HubClient(server, role: .customer, subject: "cust-1")
        try alice.send(#"{"type":"presence.set","id":"p","presence":"available"}"#)
        #expect(try alice.next("ack")["id"]?.stringValue == "p")
        try customer.send(
            #"{"type":"conversation.start","id":"s","subject":"Refund","channel":"livechat","queueId":"general"}"#)
        let started = try customer.next("ack")
        let conversation = try #require(started["conversationId"]?.stringValue)
        let offer = try alice.next("offer")
        #expect(offer["kind"]?.stringValue == "route" && offer["conversationId"]?.stringValue == conversation)
        let offerId = try #require(offer["offerId"]?.stringValue)
        try alice.send(#"{"type":"offer.accept","id":"a","offerId":"\#(offerId)"}"#)
        _ = try alice.next("ack")
        try customer.send(
            #"{"type":"message.send","id":"m1","conversationId":"\#(conversation)","text":"hello","visibility":"public","clientMsgId":"c1"}"#
        )
        let atAgent = try alice.next("message")
        #expect(atAgent["text"]?.stringValue == "hello")
        try alice.send(
            #"{"type":"message.send","id":"m2","conversationId":"\#(conversation)","text":"note to self","visibility":"internal","clientMsgId":"i1"}"#
        )
        _ = try alice.next("ack")
        try alice.send(
            #"{"type":"message.send","id":"m3","conversationId":"\#(conversation)","text":"hi there","visibility":"public","clientMsgId":"p1"}"#
        )
        // The customer sees its own message, then the agent's public one: the internal note never came.
        #expect(try customer.next("message")["text"]?.stringValue == "hello")
        #expect(try customer.next("message")["text"]?.stringValue == "hi there")
    }

    @Test("Limits: a full conversation answers message.send with too_large saying so, and the agent can still end it")
    func fullConversation() throws {
        let server = try TestServer { $0.hub.limits.maximumConversationMessages = 2 }
        let alice = try HubClient(server, role: .agent, subject: "alice")
        let customer = try HubClient(server, role: .customer, subject: "cust-1")
        try alice.send(#"{"type":"presence.set","id":"p","presence":"available"}"#)
        _ = try alice.next("ack")
        try customer.send(
            #"{"type":"conversation.start","id":"s","subject":"Refund","channel":"livechat","queueId":"general"}"#)
        let conversation = try #require(try customer.next("ack")["conversationId"]?.stringValue)
        let offerId = try #require(try alice.next("offer")["offerId"]?.stringValue)
        try alice.send(#"{"type":"offer.accept","id":"a","offerId":"\#(offerId)"}"#)
        _ = try alice.next("ack")
        func send(_ id: String) throws {
            try customer.send(
                #"{"type":"message.send","id":"\#(id)","conversationId":"\#(conversation)","text":"hello","visibility":"public","clientMsgId":"\#(id)"}"#
            )
        }
        try send("m1")
        try send("m2")
        #expect(try customer.next("ack")["id"]?.stringValue == "m1")
        #expect(try customer.next("ack")["id"]?.stringValue == "m2")
        try send("m3")
        let refused = try customer.next("error")
        #expect(refused["id"]?.stringValue == "m3" && refused["code"]?.stringValue == "too_large")
        #expect(refused["message"]?.stringValue?.contains("is full") == true)
        try alice.send(#"{"type":"conversation.end","id":"e","conversationId":"\#(conversation)"}"#)
        #expect(try alice.next("ack")["id"]?.stringValue == "e")
    }

    @Test("Limits: an oversized request answers too_large and a burst answers rate_limited; the connection stays")
    func limits() throws {
        let server = try TestServer {
            $0.hubLimits.maxRequestBytes = 200
            $0.hubLimits.requestBurst = 3
            $0.hubLimits.requestsPerSecond = 0.001
        }
        let agent = try HubClient(server, role: .agent, subject: "bob")
        try agent.send(
            #"{"type":"presence.set","presence":"available","padding":""# + String(repeating: "x", count: 300) + "\"}")
        #expect(try agent.next("error")["code"]?.stringValue == "too_large")
        for index in 0..<3 { try agent.send(#"{"type":"presence.set","id":"r\#(index)","presence":"available"}"#) }
        try agent.send(#"{"type":"presence.set","id":"over","presence":"available"}"#)
        #expect(try agent.next("error")["code"]?.stringValue == "rate_limited")
    }

    @Test("a malformed request answers invalid_message with its id and keeps the connection")
    func invalidMessage() throws {
        let server = try TestServer()
        let agent = try HubClient(server, role: .agent, subject: "carol")
        try agent.send(#"{"type":"message.send","id":"x1"}"#)
        let error = try agent.next("error")
        #expect(error["code"]?.stringValue == "invalid_message" && error["id"]?.stringValue == "x1")
        try agent.send(#"{"type":"presence.set","id":"ok","presence":"available"}"#)
        #expect(try agent.next("ack")["id"]?.stringValue == "ok")
    }

    @Test("POST /v1/customer-sessions mints a customer token that opens /v1/ws")
    func customerSessions() throws {
        let server = try TestServer()
        let response = try server.exchange(
            "POST /v1/customer-sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        #expect(response.hasPrefix("HTTP/1.1 201 "))
        let body = String(response.split(separator: "\r\n\r\n", maxSplits: 1).last ?? "")
        let token = try #require(try JSONParser.parse(body).objectValue?["token"]?.stringValue)
        let client = TestWebSocketClient(socket: try server.connect())
        #expect(try client.handshake(path: "/v1/ws?token=\(token)") == 101)
    }
}
