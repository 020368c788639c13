import LiveHubDomain
import LiveHubPosix
import LiveHubProtocol
import LiveHubServer
import LiveHubTestSupport
import Testing

/// HTTP reads of the hub's records over real sockets: `GET /v1/audit` and
/// `GET /v1/conversations/{id}/transcript`.
@Suite("records over real sockets: audit and transcripts")
struct RecordsTests {
    static func token(_ role: Role, _ subject: String, name: String? = nil) -> String {
        let now = WallClock.millisecondsSinceEpoch() / 1000
        return TokenIssuer(secret: TestServer.hubSecret).issue(
            TokenClaims(
                subject: UserId(subject), role: role, name: name ?? subject, expiresAt: now + 600, issuedAt: now))
    }

    /// `GET target` with the role's bearer token (none when `role` is nil).
    static func get(
        _ server: TestServer, _ target: String, as role: Role? = nil, _ subject: String = "", headers: [String] = []
    ) throws -> RawResponse {
        var all = headers
        if let role { all.append("Authorization: Bearer \(token(role, subject))") }
        return try StaticFilesTests.get(server, target, headers: all)
    }

    static func json(_ response: RawResponse) throws -> JSONObject {
        try #require(
            try JSONParser.parse(response.body).objectValue, "\(String(decoding: response.body, as: UTF8.self))")
    }

    static func entries(_ response: RawResponse) throws -> [JSONObject] {
        try #require(try json(response)["entries"]?.arrayValue).compactMap(\.objectValue)
    }

    /// cara's conversation c1 with alice: a question, an internal note, an answer.
    static func chat(_ server: TestServer) throws -> (alice: JournalClient, cara: JournalClient) {
        let alice = try JournalClient(server, .agent, "alice")
        let cara = try JournalClient(server, .customer, "cara")
        try alice.ack("presence.set", #""presence":"available""#)
        try cara.ack("conversation.start", #""subject":"Broken order","channel":"livechat","queueId":"general""#)
        try alice.ack("offer.accept", #""offerId":"\#(try alice.next("offer")["offerId"]?.stringValue ?? "")""#)
        try cara.ack("message.send", #""conversationId":"c1","text":"Where is my order?""#)
        try alice.ack("message.send", #""conversationId":"c1","text":"Check the warehouse","visibility":"internal""#)
        try alice.ack("message.send", #""conversationId":"c1","text":"It ships today.\nTracking follows.""#)
        return (alice, cara)
    }

    // MARK: Audit

    @Test(
        "GET /v1/audit: admins only (401 without or with a bad token, 403 for every other role); 400 names a malformed parameter"
    )
    func auditRefusals() throws {
        let server = try TestServer()
        #expect(try Self.get(server, "/v1/audit").status == 401)
        #expect(try StaticFilesTests.get(server, "/v1/audit", headers: ["Authorization: Bearer nope"]).status == 401)
        // Like /v1/directory, the token is read from the header only.
        #expect(try Self.get(server, "/v1/audit?token=\(Self.token(.admin, "root"))").status == 401)
        for (role, subject) in [(Role.supervisor, "sam"), (.agent, "alice"), (.customer, "cara")] {
            let refused = try Self.get(server, "/v1/audit", as: role, subject)
            #expect(refused.status == 403, "\(role)")
            #expect(try Self.json(refused)["code"]?.stringValue == "forbidden")
        }
        let empty = try Self.get(server, "/v1/audit", as: .admin, "root")
        #expect(empty.status == 200)
        #expect(empty.header("Content-Type") == "application/json")
        #expect(empty.header("Cache-Control") == "no-store")
        #expect(String(decoding: empty.body, as: UTF8.self) == #"{"entries":[],"next":null}"#)
        let malformed: [(String, String)] = [
            ("since=abc", "'since' must be milliseconds"), ("since=-5", "'since' must be milliseconds"),
            ("since=1.5", "'since' must be milliseconds"), ("limit=0", "'limit' must be a whole number from 1 to 5000"),
            ("limit=5001", "from 1 to 5000"), ("limit=ten", "'limit'"), ("since=1&since=2", "'since' is given twice"),
            ("colour=red", "unknown parameter 'colour' (known: since, conversationId, userId, limit)"),
            ("token=abc", "the token goes in the Authorization header"), ("userId=", "'userId' must be 1 to 256 bytes"),
            ("conversationId=" + String(repeating: "c", count: 257), "'conversationId' must be 1 to 256 bytes"),
        ]
        for (query, message) in malformed {
            let response = try Self.get(server, "/v1/audit?" + query, as: .admin, "root")
            #expect(response.status == 400, "\(query)")
            let body = try Self.json(response)
            #expect(body["code"]?.stringValue == "invalid_request")
            #expect(body["message"]?.stringValue?.contains(message) == true, "\(query): \(body)")
        }
        // Authentication comes first: a malformed query without a token is a 401.
        #expect(try Self.get(server, "/v1/audit?since=abc").status == 401)
    }

    @Test(
        "GET /v1/audit: each supervisor and admin action over the wire is there with who, when, what, which conversation and why, oldest first, filtered by since, conversationId and userId; monitoring stays silent to participants"
    )
    func auditOverTheWire() throws {
        let server = try TestServer()
        let (alice, cara) = try Self.chat(server)
        let dan = try JournalClient(server, .customer, "dan")
        let sam = try JournalClient(server, .supervisor, "sam")
        let root = try JournalClient(server, .admin, "root")
        try dan.ack("conversation.start", #""subject":"Invoice","channel":"livechat","queueId":"general""#)
        _ = try alice.next("offer")  // c2 is offered to alice and left unanswered.
        try alice.drain()
        try cara.drain()
        let session = try #require(sam.hub.welcome["sessionId"]?.stringValue)

        try sam.ack("conversation.monitor", #""conversationId":"c1""#)
        try sam.ack("conversation.unmonitor", #""conversationId":"c1""#)
        #expect(alice.staysSilent(milliseconds: 100) && cara.staysSilent(milliseconds: 0))
        try sam.ack("conversation.join", #""conversationId":"c1""#)
        try sam.ack("conversation.leave", #""conversationId":"c1""#)
        try sam.ack("conversation.assign", #""conversationId":"c2","agentId":"bob","override":true"#)
        try root.ack("settings.update", #""supervisorAssign":false"#)
        try sam.ack("conversation.forceClose", #""conversationId":"c1","reason":"Abusive language""#)

        let all = try Self.entries(Self.get(server, "/v1/audit", as: .admin, "root"))
        #expect(
            all.map { $0["action"]?.stringValue } == [
                "monitor-started", "monitor-stopped", "joined", "left", "assigned", "settings-changed", "force-closed",
            ])
        #expect(all.map { $0["id"]?.integerValue } == [1, 2, 3, 4, 5, 6, 7])
        let times = all.compactMap { $0["at"]?.integerValue }
        #expect(times == times.sorted() && times.count == 7)
        let now = WallClock.millisecondsSinceEpoch()
        #expect(times.allSatisfy { now - $0 < 60_000 && $0 <= now })
        let monitor = all[0]
        #expect(monitor["userId"]?.stringValue == "sam" && monitor["role"]?.stringValue == "supervisor")
        #expect(monitor["name"]?.stringValue == "Sam Singh" && monitor["conversationId"]?.stringValue == "c1")
        #expect(monitor["details"]?.objectValue?["sessionId"]?.stringValue == session)
        #expect(all[1]["details"]?.objectValue?["reason"]?.stringValue == "unmonitored")
        #expect(all[3]["details"]?.objectValue?["reason"]?.stringValue == "requested")
        let assigned = try #require(all[4]["details"]?.objectValue)
        #expect(assigned["agentId"]?.stringValue == "bob" && assigned["override"] == .bool(true))
        #expect(assigned["capacityExceededBy"]?.integerValue == 0)
        let settings = try #require(all[5]["details"]?.objectValue?["changes"]?.arrayValue?.first?.objectValue)
        #expect(all[5]["userId"]?.stringValue == "root" && all[5]["role"]?.stringValue == "admin")
        #expect(all[5]["conversationId"] == nil)
        #expect(settings["setting"]?.stringValue == "supervisorAssign")
        #expect(settings["from"] == .bool(true) && settings["to"] == .bool(false))
        #expect(all[6]["details"]?.objectValue?["reason"]?.stringValue == "Abusive language")

        let ofC2 = try Self.entries(Self.get(server, "/v1/audit?conversationId=c2", as: .admin, "root"))
        #expect(ofC2.map { $0["id"]?.integerValue } == [5])
        let ofRoot = try Self.entries(Self.get(server, "/v1/audit?userId=root", as: .admin, "root"))
        #expect(ofRoot.map { $0["id"]?.integerValue } == [6])
        let samOnC1 = try Self.entries(Self.get(server, "/v1/audit?userId=sam&conversationId=c1", as: .admin, "root"))
        #expect(samOnC1.map { $0["id"]?.integerValue } == [1, 2, 3, 4, 7])
        let since = try #require(all[4]["at"]?.integerValue)
        let recent = try Self.entries(Self.get(server, "/v1/audit?since=\(since)", as: .admin, "root"))
        #expect(recent.first.map { $0["at"]?.integerValue ?? 0 } == since)
        #expect(recent.map { $0["id"]?.integerValue }.suffix(3) == [5, 6, 7])
        // Pages of one: `next` leads through every entry exactly once.
        var ids: [Int64] = []
        var next: Int64? = 0
        while let from = next, ids.count < 20 {
            let page = try Self.json(Self.get(server, "/v1/audit?limit=1&since=\(from)", as: .admin, "root"))
            ids += (page["entries"]?.arrayValue ?? []).compactMap { $0.objectValue?["id"]?.integerValue }
            next = page["next"]?.integerValue
        }
        #expect(ids == [1, 2, 3, 4, 5, 6, 7])
    }

    // MARK: Transcripts

    @Test(
        "GET /v1/conversations/{id}/transcript: supervisors, admins and an agent who took part read everything; the customer reads public messages and events; another agent gets 403; another customer gets 404, as for an unknown id"
    )
    func transcriptVisibility() throws {
        let server = try TestServer()
        let (alice, _) = try Self.chat(server)
        let bob = try JournalClient(server, .agent, "bob")
        try bob.ack("presence.set", #""presence":"available""#)
        try alice.ack("consult.invite", #""conversationId":"c1","agentId":"bob""#)
        try bob.ack("consult.accept", #""offerId":"\#(try bob.next("offer")["offerId"]?.stringValue ?? "")""#)
        try bob.ack("conversation.leave", #""conversationId":"c1""#)
        let path = "/v1/conversations/c1/transcript"

        func texts(_ response: RawResponse) throws -> [String] {
            try Self.entries(response).filter { $0["type"]?.stringValue == "message" }.compactMap {
                $0["text"]?.stringValue
            }
        }
        let everything = ["Where is my order?", "Check the warehouse", "It ships today.\nTracking follows."]
        for (role, subject) in [(Role.supervisor, "sam"), (.admin, "root"), (.agent, "alice"), (.agent, "bob")] {
            let response = try Self.get(server, path, as: role, subject)
            #expect(response.status == 200, "\(role) \(subject)")
            #expect(try texts(response) == everything, "\(role) \(subject)")
            let body = try Self.json(response)
            #expect(body["conversationId"]?.stringValue == "c1" && body["subject"]?.stringValue == "Broken order")
            #expect(body["queueId"]?.stringValue == "general" && body["status"]?.stringValue == "active")
            let entries = try Self.entries(response)
            #expect(entries.compactMap { $0["seq"]?.integerValue } == Array(1...Int64(entries.count)))
            #expect(entries.contains { $0["type"]?.stringValue == "offer" })
        }
        let customer = try Self.get(server, path, as: .customer, "cara")
        #expect(customer.status == 200)
        #expect(try texts(customer) == ["Where is my order?", "It ships today.\nTracking follows."])
        let customerBody = try Self.json(customer)
        #expect(customerBody["queueId"] == nil)
        let customerEntries = try Self.entries(customer)
        #expect(
            !customerEntries.contains {
                $0["type"]?.stringValue == "offer" || $0["visibility"]?.stringValue == "internal"
            })
        #expect(!customerEntries.contains { $0["queueId"] != nil })
        #expect(customerEntries.contains { $0["type"]?.stringValue == "participant.joined" })

        let otherAgent = try Self.get(server, path, as: .agent, "dave")
        #expect(otherAgent.status == 403)
        #expect(try Self.json(otherAgent)["code"]?.stringValue == "forbidden")
        let otherCustomer = try Self.get(server, path, as: .customer, "dan")
        #expect(otherCustomer.status == 404)
        #expect(try Self.json(otherCustomer)["code"]?.stringValue == "not_found")
        #expect(try Self.get(server, "/v1/conversations/c99/transcript", as: .customer, "cara").status == 404)
        #expect(try Self.get(server, "/v1/conversations/c99/transcript", as: .supervisor, "sam").status == 404)
        #expect(try Self.get(server, path).status == 401)
        #expect(try Self.get(server, path + "?token=\(Self.token(.supervisor, "sam"))").status == 401)
        #expect(try Self.get(server, path + "?format=txt", as: .supervisor, "sam").status == 400)
        #expect(try Self.get(server, "/v1/conversations/c1/other", as: .supervisor, "sam").status == 404)
        #expect(try Self.get(server, "/v1/conversations/c1", as: .supervisor, "sam").status == 404)
    }

    @Test(
        "the text export (Accept: text/plain): a header with subject, queue (staff only) and dates, then one line per entry with the UTC time, name, role and text; internal notes marked; system entries; the customer's without the internal"
    )
    func textExport() throws {
        let server = try TestServer()
        let (alice, cara) = try Self.chat(server)
        try alice.ack("conversation.end", #""conversationId":"c1""#)
        try alice.ack("conversation.close", #""conversationId":"c1""#)
        _ = cara

        let staff = try Self.get(
            server, "/v1/conversations/c1/transcript", as: .supervisor, "sam", headers: ["Accept: text/plain"])
        #expect(staff.status == 200)
        #expect(staff.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(staff.header("Content-Disposition") == #"inline; filename="conversation-c1.txt""#)
        let text = String(decoding: staff.body, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(3)) == ["Conversation c1", "Subject: Broken order", "Queue: general"])
        #expect(lines.contains("Customer: cara (cara)"))
        #expect(lines.contains { $0.wholeMatch(of: #/Started: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/#) != nil })
        #expect(lines.contains { $0.wholeMatch(of: #/Closed: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/#) != nil })
        #expect(lines.contains("Status: closed"))
        let time = #/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  /#
        func entry(_ suffix: String) -> Bool {
            lines.contains { line in
                guard let match = line.prefixMatch(of: time) else { return false }
                return line[match.range.upperBound...] == suffix
            }
        }
        #expect(entry("cara (customer): Where is my order?"))
        #expect(entry("Alice Archer (agent) [internal note]: Check the warehouse"))
        #expect(entry("Alice Archer (agent): It ships today."))
        #expect(lines.contains("    Tracking follows."))
        #expect(entry("[system] Alice Archer joined as agent"))
        #expect(entry("[system] Closed by Alice Archer (agent): completed"))

        let customer = try Self.get(
            server, "/v1/conversations/c1/transcript", as: .customer, "cara", headers: ["Accept: text/plain"])
        let customerText = String(decoding: customer.body, as: UTF8.self)
        #expect(customerText.contains("cara (customer): Where is my order?"))
        #expect(!customerText.contains("Check the warehouse") && !customerText.contains("[internal note]"))
        #expect(!customerText.contains("Queue:") && !customerText.contains("offer"))
        // JSON stays the default, and wins when preferred.
        let preferred = try Self.get(
            server, "/v1/conversations/c1/transcript", as: .customer, "cara",
            headers: ["Accept: text/plain;q=0.5, application/json"])
        #expect(preferred.header("Content-Type") == "application/json")
    }

    @Test("a transcript larger than 64 KiB is streamed whole, with its length announced")
    func largeTranscriptStreams() throws {
        let server = try TestServer()
        let (alice, _) = try Self.chat(server)
        let line = String(repeating: "0123456789", count: 300)
        for number in 0..<30 {
            try alice.ack("message.send", #""conversationId":"c1","text":"\#(number) \#(line)""#)
        }
        let response = try Self.get(server, "/v1/conversations/c1/transcript", as: .supervisor, "sam")
        #expect(response.status == 200)
        #expect(response.body.count > 64 * 1024)
        #expect(response.header("Content-Length") == String(response.body.count))
        let texts = try Self.entries(response).compactMap { $0["text"]?.stringValue }.filter { $0.hasSuffix(line) }
        #expect(texts.count == 30 && texts.last == "29 \(line)")
    }
}
