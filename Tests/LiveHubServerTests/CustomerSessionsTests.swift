import LiveHubDomain
import LiveHubProtocol
import LiveHubTestSupport
import Testing

/// `POST /v1/customer-sessions` and `/refresh` over real sockets: what a chat widget on another site
/// needs (CORS), what protects the hub (per-address limit), and what a long chat needs (refresh).
@Suite("customer sessions over real sockets")
struct CustomerSessionsTests {
    static func post(_ server: TestServer, _ path: String = "/v1/customer-sessions", body: String = "", headers: [String] = [])
        throws -> (status: Int, head: String, json: JSONObject?)
    {
        let extra = headers.map { $0 + "\r\n" }.joined()
        let response = try server.exchange(
            "POST \(path) HTTP/1.1\r\nHost: x\r\n\(extra)Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
                + "Connection: close\r\n\r\n\(body)")
        let split = response.firstRange(of: "\r\n\r\n")
        let head = split.map { String(response[..<$0.lowerBound]) } ?? response
        let body = split.map { String(response[$0.upperBound...]) } ?? ""
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        let json = (try? JSONParser.parse(body))?.objectValue
        return (status, head, json)
    }

    @Test("a customer session answers expiresAt in milliseconds and carries the given name into the welcome")
    func mintWithName() throws {
        let server = try TestServer()
        let before = Int64(WallClockForTests.seconds()) * 1000
        let minted = try Self.post(server, body: #"{"name":"  Jordan Lee ","email":"jordan@example.com"}"#)
        #expect(minted.status == 201)
        let expiresAt = try #require(minted.json?["expiresAt"]?.integerValue)
        #expect(expiresAt >= before + 3_600_000 - 2_000 && expiresAt <= before + 3_600_000 + 5_000)
        #expect(minted.json?["name"]?.stringValue == "Jordan Lee")
        let token = try #require(minted.json?["token"]?.stringValue)
        let client = TestWebSocketClient(socket: try server.connect())
        #expect(try client.handshake(path: "/v1/ws?token=\(token)") == 101)
        let welcome = try #require(try client.receiveMessageFrame())
        #expect(welcome.text.contains(#""name":"Jordan Lee""#))
        #expect(welcome.text.contains(#""id":"\#(minted.json?["userId"]?.stringValue ?? "?")""#))
    }

    static let badBodies: [String] = [
        #"{"email":"not-an-address"}"#, #"{"email":"a b@example.com"}"#, #"{"name":""}"#,
        "{\"name\":\"" + String(repeating: "x", count: 81) + "\"}", #"{"name":"tab\tinside"}"#, #"{"nickname":"x"}"#,
        "[1,2]", "not json",
    ]

    @Test("a customer's details are validated and length-limited: a bad one gets 400", arguments: badBodies)
    func badDetails(body: String) throws {
        let server = try TestServer()
        let answer = try Self.post(server, body: body)
        #expect(answer.status == 400)
        #expect(answer.json?["code"]?.stringValue == "invalid_request")
    }

    @Test("minting is limited per source address: beyond the burst, 429 with Retry-After")
    func perAddressLimit() throws {
        let server = try TestServer {
            $0.customerSessionsBurst = 5
            $0.customerSessionsPerMinute = 6
        }
        var statuses: [Int] = []
        var retryAfter: String?
        for _ in 0..<8 {
            let answer = try Self.post(server)
            statuses.append(answer.status)
            if answer.status == 429 {
                retryAfter = answer.head.split(separator: "\r\n").first { $0.hasPrefix("Retry-After: ") }.map(String.init)
            }
        }
        #expect(statuses == [201, 201, 201, 201, 201, 429, 429, 429])
        #expect(retryAfter.map { Int($0.dropFirst("Retry-After: ".count)) ?? 0 } ?? 0 >= 1)
    }

    @Test("a customer refreshes a token before it expires and keeps the same user id; other tokens are refused")
    func refresh() throws {
        let server = try TestServer()
        let minted = try Self.post(server, body: #"{"name":"Jordan"}"#)
        let token = try #require(minted.json?["token"]?.stringValue)
        let refreshed = try Self.post(server, "/v1/customer-sessions/refresh", headers: ["Authorization: Bearer \(token)"])
        #expect(refreshed.status == 201)
        #expect(refreshed.json?["userId"] == minted.json?["userId"])
        #expect(refreshed.json?["name"]?.stringValue == "Jordan")
        #expect(try Self.post(server, "/v1/customer-sessions/refresh").status == 401)
        let agent = TokenIssuer(secret: TestServer.hubSecret).issue(
            TokenClaims(subject: "alice", role: .agent, name: "Alice", expiresAt: Int64(WallClockForTests.seconds() + 600)))
        #expect(try Self.post(server, "/v1/customer-sessions/refresh", headers: ["Authorization: Bearer \(agent)"]).status == 401)
    }

    @Test("CORS: an allowed origin's preflight gets 204 and its POST the Allow-Origin header; another origin gets none")
    func cors() throws {
        let server = try TestServer { $0.allowedOrigins = ["https://shop.example"] }
        let preflight = try server.exchange(
            "OPTIONS /v1/customer-sessions HTTP/1.1\r\nHost: x\r\nOrigin: https://shop.example\r\n"
                + "Access-Control-Request-Method: POST\r\nConnection: close\r\n\r\n")
        #expect(preflight.hasPrefix("HTTP/1.1 204 "))
        #expect(preflight.contains("Access-Control-Allow-Origin: https://shop.example\r\n"))
        #expect(preflight.contains("Access-Control-Allow-Methods: POST, OPTIONS\r\n"))
        let refused = try server.exchange(
            "OPTIONS /v1/customer-sessions HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\nConnection: close\r\n\r\n")
        #expect(refused.hasPrefix("HTTP/1.1 403 ") && !refused.contains("Access-Control-Allow-Origin"))
        let allowed = try Self.post(server, headers: ["Origin: https://shop.example"])
        #expect(allowed.status == 201 && allowed.head.contains("Access-Control-Allow-Origin: https://shop.example"))
        let other = try Self.post(server, headers: ["Origin: https://evil.example"])
        #expect(!other.head.contains("Access-Control-Allow-Origin"))
    }

    @Test("a client pipelining thousands of session requests gets at most the burst of tokens, then 429 and the close")
    func pipelinedMinting() throws {
        let server = try TestServer()
        let socket = try server.connect(timeoutSeconds: 20)
        let request = "POST /v1/customer-sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
        let count = 2_000
        let last = "POST /v1/customer-sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        try socket.send(String(repeating: request, count: count - 1) + last)
        var received: [UInt8] = []
        while case let chunk = try socket.receive(), !chunk.isEmpty { received += chunk }
        let text = String(decoding: received, as: UTF8.self)
        let created = text.ranges(of: "HTTP/1.1 201 ").count
        let limited = text.ranges(of: "HTTP/1.1 429 ").count
        #expect(created <= 21, "minted \(created) tokens")
        // An error answer ends the connection (the requests behind it are never read or minted).
        #expect(limited == 1 && text.hasSuffix("\"}") && text.contains("Connection: close\r\n"))
    }

    @Test("anonymous chat is a configuration switch: a file with customerSessions.anonymous false gets 403")
    func anonymousSwitch() throws {
        let file = try ConfigurationFile.decodeFile(Array("""
            {"queues": [{"id": "general", "name": "General", "workstream": "chat"}],
             "workstreams": [{"id": "chat", "name": "Chat", "channels": ["livechat"]}],
             "agents": [{"id": "alice", "name": "Alice", "queues": ["general"], "capacity": 2}],
             "customerSessions": {"anonymous": false}}
            """.utf8))
        let server = try TestServer { $0.apply(file) }
        let answer = try Self.post(server)
        #expect(answer.status == 403 && answer.json?["code"]?.stringValue == "forbidden")
    }
}
