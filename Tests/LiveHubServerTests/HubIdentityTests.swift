import LiveHubDomain
import LiveHubProtocol
import LiveHubTestSupport
import Testing

/// What the hub checks about a token beyond its signature: one token per request, a bounded lifetime,
/// id lengths, and who may claim which id.
@Suite("hub token rules over real sockets")
struct HubIdentityTests {
    static func token(_ subject: String, _ role: Role, lifetime: Int = 600, name: String? = nil) -> String {
        TokenIssuer(secret: TestServer.hubSecret).issue(
            TokenClaims(
                subject: UserId(subject), role: role, name: name ?? subject,
                expiresAt: Int64(WallClockForTests.seconds() + lifetime)))
    }

    static func upgrade(_ server: TestServer, path: String = "/v1/ws", headers: [String]) throws -> (Int, TestWebSocketClient) {
        let client = TestWebSocketClient(socket: try server.connect())
        return (try client.handshake(path: path, extraHeaders: headers), client)
    }

    @Test("a request with two Authorization headers, two token parameters, or both, is refused with 400")
    func ambiguousTokens() throws {
        let server = try TestServer()
        let alice = Self.token("alice", .agent)
        let cases: [(String, [String])] = [
            ("/v1/ws", ["Authorization: Bearer \(alice)", "Authorization: Bearer \(alice)"]),
            ("/v1/ws?token=\(alice)&token=\(alice)", []),
            ("/v1/ws?token=\(alice)", ["Authorization: Bearer \(alice)"]),
        ]
        for (path, headers) in cases {
            let (status, _) = try Self.upgrade(server, path: path, headers: headers)
            #expect(status == 400, "\(path) \(headers.count) headers")
        }
        // One token, either way, is fine.
        #expect(try Self.upgrade(server, path: "/v1/ws?token=\(alice)", headers: []).0 == 101)
        #expect(try Self.upgrade(server, headers: ["Authorization: Bearer \(alice)"]).0 == 101)
    }

    @Test(
        "a user opening hub connections faster than the per-user rate gets 429 with Retry-After before any WebSocket; other users are unaffected, and the connections already open keep working"
    )
    func userConnectionRate() throws {
        let server = try TestServer { $0.hubLimits.userConnectionsPerMinute = 2 }
        let alice = ["Authorization: Bearer \(Self.token("alice", .agent))"]
        let (first, open) = try Self.upgrade(server, headers: alice)
        #expect(first == 101)
        #expect(try Self.upgrade(server, headers: alice).0 == 101)
        let (refused, client) = try Self.upgrade(server, headers: alice)
        #expect(refused == 429)
        #expect(Int(client.responseHeader("Retry-After") ?? "") ?? 0 >= 1)
        #expect(try Self.upgrade(server, headers: ["Authorization: Bearer \(Self.token("bob", .agent))"]).0 == 101)
        #expect(try Self.upgrade(server, headers: ["Authorization: Bearer \(Self.token("cust-9", .customer))"]).0 == 101)
        // The first connection is still served.
        _ = try open.receiveMessageFrame()  // welcome
        try open.sendText(#"{"type":"presence.set","id":"p","presence":"available"}"#)
        var acked = false
        for _ in 0..<5 where !acked {
            acked = try #require(try open.receiveMessageFrame()).text.contains(#""type":"ack""#)
        }
        #expect(acked)
    }

    @Test("a token that lives longer than the hub's maximum lifetime is refused with 401")
    func maximumLifetime() throws {
        let server = try TestServer { $0.maxTokenLifetimeSeconds = 3600 }
        let (longLived, client) = try Self.upgrade(
            server, headers: ["Authorization: Bearer \(Self.token("alice", .agent, lifetime: 30 * 86_400))"])
        #expect(longLived == 401)
        #expect(client.responseHeader("WWW-Authenticate")?.hasPrefix("Bearer") == true)
        #expect(try Self.upgrade(server, headers: ["Authorization: Bearer \(Self.token("alice", .agent, lifetime: 3000))"]).0 == 101)
    }

    @Test("ids and names longer than 256 bytes are refused with 401")
    func longIds() throws {
        let server = try TestServer()
        let long = String(repeating: "c", count: 257)
        #expect(try Self.upgrade(server, headers: ["Authorization: Bearer \(Self.token(long, .customer))"]).0 == 401)
        #expect(try Self.upgrade(server, headers: ["Authorization: Bearer \(Self.token("cust-1", .customer, name: long))"]).0 == 401)
        #expect(try Self.upgrade(server, headers: ["Authorization: Bearer \(Self.token(String(long.dropLast()), .customer))"]).0 == 101)
    }

    @Test("users are identified by role and id together: a customer token can never be a configured agent")
    func customerCannotBeStaff() throws {
        let server = try TestServer()
        for staffId in ["alice", "sam", "helpbot"] {
            #expect(try Self.upgrade(server, headers: ["Authorization: Bearer \(Self.token(staffId, .customer))"]).0 == 401)
        }
        // And a staff role must name someone the configuration knows in that role.
        #expect(try Self.upgrade(server, headers: ["Authorization: Bearer \(Self.token("mallory", .agent))"]).0 == 401)
        #expect(try Self.upgrade(server, headers: ["Authorization: Bearer \(Self.token("alice", .supervisor))"]).0 == 401)
        #expect(try Self.upgrade(server, headers: ["Authorization: Bearer \(Self.token("sam", .supervisor))"]).0 == 101)
    }
}
