import LiveHubDomain
import LiveHubPosix
import LiveHubProtocol
import LiveHubTestSupport
import Testing

/// `GET /v1/report/ongoing` and the report's sentiment over real sockets: a customer writes an angry
/// message to an agent; a supervisor subscribed to the report sees the row's label change, and a tool
/// reading the endpoint gets the same row.
@Suite("ongoing report over real sockets")
struct OngoingReportTests {
    static func token(_ role: Role, _ subject: String, secret: [UInt8] = TestServer.hubSecret) -> String {
        let now = WallClock.millisecondsSinceEpoch() / 1000
        return TokenIssuer(secret: secret).issue(
            TokenClaims(subject: UserId(subject), role: role, name: subject, expiresAt: now + 600, issuedAt: now))
    }

    static func getReport(_ server: TestServer, headers: [String], query: String = "") throws -> RawResponse {
        try StaticFilesTests.get(server, "/v1/report/ongoing" + query, headers: headers)
    }

    @Test(
        "GET /v1/report/ongoing: supervisors and admins get the report rows with the customer's sentiment; 401 without a valid token, 403 for agents and customers"
    )
    func ongoingReport() throws {
        let server = try TestServer()
        let alice = try HubClient(server, role: .agent, subject: "alice")
        let customer = try HubClient(server, role: .customer, subject: "cust-1")
        let sam = try HubClient(server, role: .supervisor, subject: "sam")
        try sam.send(#"{"type":"report.subscribe","id":"r"}"#)
        _ = try sam.next("ack")
        try alice.send(#"{"type":"presence.set","id":"p","presence":"available"}"#)
        _ = try alice.next("ack")
        try customer.send(
            #"{"type":"conversation.start","id":"s","subject":"Broken parcel","channel":"livechat","queueId":"general"}"#
        )
        let conversationId = try #require(try customer.next("ack")["conversationId"]?.stringValue)
        let offerId = try #require(try alice.next("offer")["offerId"]?.stringValue)
        try alice.send(#"{"type":"offer.accept","id":"a","offerId":"\#(offerId)"}"#)
        _ = try alice.next("ack")

        // Before any message: neutral, in the endpoint's rows as on the wire.
        let before = try Self.getReport(server, headers: ["Authorization: Bearer \(Self.token(.supervisor, "sam"))"])
        #expect(before.status == 200)
        #expect(before.header("Content-Type") == "application/json")
        let beforeRows = try Self.rows(before)
        #expect(beforeRows.map { $0["sentiment"]?.stringValue } == ["neutral"])

        // A clearly angry message: the supervisor's report row changes label at once.
        try customer.send(
            #"{"type":"message.send","id":"m","conversationId":"\#(conversationId)","text":"This is terrible, the parcel arrived broken and I am furious!","visibility":"public"}"#
        )
        _ = try customer.next("ack")
        let update = try Self.reportUpdate(of: sam) { $0["sentiment"]?.stringValue != "neutral" }
        let label = try #require(update["row"]?.objectValue?["sentiment"]?.stringValue)
        #expect(["very-negative", "negative"].contains(label))

        for role in [Role.supervisor, .admin] {
            let response = try Self.getReport(
                server, headers: ["Authorization: Bearer \(Self.token(role, role == .admin ? "ada" : "sam"))"])
            #expect(response.status == 200, "\(role)")
            #expect(response.header("Cache-Control") == "no-store")
            let document = try #require(try JSONParser.parse(response.body).objectValue)
            #expect(document.keys == ["rows", "at"])
            let at = try #require(document["at"]?.integerValue)
            #expect(abs(at - WallClock.millisecondsSinceEpoch()) < 60_000)
            let row = try #require(try Self.rows(response).first)
            #expect(row["conversationId"]?.stringValue == conversationId)
            #expect(row["status"]?.stringValue == "active" && row["agentId"]?.stringValue == "alice")
            #expect(row["sentiment"]?.stringValue == label)
            // The same members, in the same order, as the report rows on the WebSocket.
            #expect(row.keys == update["row"]?.objectValue?.keys)
        }

        let foreign = Self.token(.supervisor, "sam", secret: Array("another-secret-another-secret-xx".utf8))
        let refusals: [(String, [String], Int)] = [
            ("no token", [], 401),
            ("another hub's token", ["Authorization: Bearer \(foreign)"], 401),
            ("not a bearer token", ["Authorization: Basic c2FtOnNhbQ=="], 401),
            ("an agent", ["Authorization: Bearer \(Self.token(.agent, "alice"))"], 403),
            ("a customer", ["Authorization: Bearer \(Self.token(.customer, "cust-1"))"], 403),
        ]
        for (name, headers, status) in refusals {
            let response = try Self.getReport(server, headers: headers)
            #expect(response.status == status, "\(name)")
            #expect(!String(decoding: response.body, as: UTF8.self).contains("rows"), "\(name)")
        }
        // A token in the query is not read: tokens in URLs end up in logs.
        #expect(
            try Self.getReport(server, headers: [], query: "?token=\(Self.token(.supervisor, "sam"))").status == 401)
    }

    static func rows(_ response: RawResponse) throws -> [JSONObject] {
        let document = try #require(try JSONParser.parse(response.body).objectValue)
        return try #require(document["rows"]?.arrayValue).compactMap(\.objectValue)
    }

    /// The first `report.update` whose row satisfies `wanted`, skipping the frames before it.
    static func reportUpdate(of client: HubClient, where wanted: (JSONObject) -> Bool) throws -> JSONObject {
        for _ in 0..<20 {
            let frame = try client.next("report.update")
            if let row = frame["row"]?.objectValue, wanted(row) { return frame }
        }
        throw TestClientError("no such report.update")
    }
}
