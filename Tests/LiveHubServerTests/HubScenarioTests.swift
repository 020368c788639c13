import LiveHubDomain
import LiveHubProtocol
import LiveHubTestSupport
import Testing

// End to end over real WebSockets: a customer, two agents of queue `general` (alice, bob) and a
// supervisor (sam) go through route → accept → chat → monitor → join → transfer (accepted, then a
// second one rejected) → consult → force close. Every step asserts, per connection, exactly which
// frames arrive in which order, then puts a barrier on every connection to prove nothing else came.

/// An expected member of a frame: a string, an integer, or "left out".
enum Want: ExpressibleByStringInterpolation, ExpressibleByIntegerLiteral, CustomStringConvertible {
    case text(String)
    case number(Int64)
    case absent

    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int64) { self = .number(value) }

    func matches(_ value: JSONValue?) -> Bool {
        switch self {
        case .text(let text): value?.stringValue == text
        case .number(let number): value?.integerValue == number
        case .absent: value == nil
        }
    }

    var description: String {
        switch self {
        case .text(let text): "\"\(text)\""
        case .number(let number): "\(number)"
        case .absent: "left out"
        }
    }
}

/// One connection of the scenario: sends requests with fresh ids and reads frames strictly in order.
final class Party {
    let name: String
    let role: Role
    let client: HubClient
    let sessionId: String
    private var requests = 0

    init(_ server: TestServer, _ role: Role, _ name: String) throws {
        self.name = name
        self.role = role
        client = try HubClient(server, role: role, subject: name)
        sessionId = try #require(client.welcome["sessionId"]?.stringValue)
    }

    /// Customers get the trimmed variant of some events (no `queueId`, no closing `userId`).
    var isCustomer: Bool { role == .customer }

    /// Sends `{"type", "id", …fields}` and returns the fresh id.
    @discardableResult
    func request(_ type: String, _ fields: KeyValuePairs<String, Want> = [:]) throws -> String {
        requests += 1
        let id = "\(name)-\(requests)"
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("type")
        writer.string(type)
        writer.key("id")
        writer.string(id)
        for (key, value) in fields {
            switch value {
            case .text(let text):
                writer.key(key)
                writer.string(text)
            case .number(let number):
                writer.key(key)
                writer.integer(number)
            case .absent:
                break
            }
        }
        writer.endObject()
        try client.send(String(decoding: writer.bytes, as: UTF8.self))
        return id
    }

    /// Closes the WebSocket, waits for the hub to close its side, then sends our FIN, so the hub
    /// forgets the connection at once (stopping a server with a half-closed connection waits out the
    /// close timeout).
    func disconnect() {
        try? client.client.sendClose()
        _ = client.client.socket.waitForClose()
        client.client.socket.shutdownWrite()
    }

    /// The very next frame, parsed, with its text for failure messages.
    func nextFrame() throws -> (object: JSONObject, text: String) {
        guard let frame = try client.client.receiveMessageFrame() else {
            throw TestClientError("\(name): the hub closed the connection")
        }
        guard let object = try JSONParser.parse(frame.text).objectValue else {
            throw TestClientError("\(name): not a JSON object: \(frame.text)")
        }
        return (object, frame.text)
    }

    /// The next frame must be of `type` with exactly these values for `fields`.
    @discardableResult
    func expect(
        _ type: String, _ fields: KeyValuePairs<String, Want> = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> JSONObject {
        let (frame, text) = try nextFrame()
        #expect(
            frame["type"]?.stringValue == type, "\(name) expected \(type) but got \(text)",
            sourceLocation: sourceLocation)
        for (key, want) in fields {
            #expect(
                want.matches(frame[key]), "\(name): \(type).\(key) should be \(want) in \(text)",
                sourceLocation: sourceLocation)
        }
        return frame
    }

    /// The next frame must be the ack of `id`, with only `result` (if any) besides `type` and `id`.
    @discardableResult
    func expectAck(
        _ id: String, _ result: (key: String, value: Want)? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> JSONObject {
        let frame = try expect("ack", ["id": .text(id)], sourceLocation: sourceLocation)
        var keys = ["type", "id"]
        if let result {
            keys.append(result.key)
            #expect(
                result.value.matches(frame[result.key]), "\(name): ack.\(result.key) should be \(result.value)",
                sourceLocation: sourceLocation)
        }
        #expect(frame.keys == keys, "\(name): ack \(id) has members \(frame.keys)", sourceLocation: sourceLocation)
        return frame
    }

    /// The next frame must be the error of `id` with `code`.
    func expectError(_ id: String, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expect("error", ["id": .text(id), "code": .text(code)], sourceLocation: sourceLocation)
    }

    /// Barrier: proves no other frame is pending on this connection. Sends a request every role may
    /// send and the hub refuses harmlessly (`conversation.unmonitor` of a conversation that does not
    /// exist); it goes through the hub like any request, so its answer comes after every frame the hub
    /// already sent here. Anything before that answer is an unexpected frame.
    func expectNothingElse(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let id = try request("conversation.unmonitor", ["conversationId": "no-such-conversation"])
        while true {
            let (frame, text) = try nextFrame()
            if frame["type"]?.stringValue == "error" && frame["id"]?.stringValue == id {
                #expect(frame["code"]?.stringValue == "not_found", sourceLocation: sourceLocation)
                return
            }
            Issue.record("\(name) received an unexpected frame: \(text)", sourceLocation: sourceLocation)
        }
    }
}

/// The four parties and the conversation they share. Each step asserts what every party receives.
final class Scenario {
    let server: TestServer
    let customer: Party
    let alice: Party
    let bob: Party
    let sam: Party
    private(set) var conversation = ""

    var everyone: [Party] { [customer, alice, bob, sam] }

    init() throws {
        // The scenario sends many requests (barriers included) back to back; lift the flood limit.
        server = try TestServer {
            $0.hubLimits.requestBurst = 10_000
            $0.hubLimits.requestsPerSecond = 10_000
        }
        customer = try Party(server, .customer, "cust-1")
        alice = try Party(server, .agent, "alice")
        bob = try Party(server, .agent, "bob")
        sam = try Party(server, .supervisor, "sam")
    }

    // Clients leave first: a server stopped under open WebSockets waits out its drain timeout.
    deinit {
        for party in everyone { party.disconnect() }
        server.stop()
    }

    func expectNothingElse(_ parties: [Party]? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for party in parties ?? everyone { try party.expectNothingElse(sourceLocation: sourceLocation) }
    }

    /// `conversation.updated` as `party` sees it: staff get `queueId`, customers do not.
    func expectUpdate(
        on parties: [Party], seq: Int64, reason: String, status: String, agentId: Want,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for party in parties {
            try party.expect(
                "conversation.updated",
                [
                    "conversationId": .text(conversation), "seq": .number(seq), "reason": .text(reason),
                    "status": .text(status), "queueId": party.isCustomer ? .absent : "general", "agentId": agentId,
                    "mode": "text",
                ], sourceLocation: sourceLocation)
        }
    }

    func expectMessage(
        on parties: [Party], seq: Int64, from sender: Party, senderRole: String, text: String, visibility: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for party in parties {
            try party.expect(
                "message",
                [
                    "conversationId": .text(conversation), "seq": .number(seq), "senderId": .text(sender.name),
                    "senderRole": .text(senderRole), "text": .text(text), "visibility": .text(visibility),
                ], sourceLocation: sourceLocation)
        }
    }

    func expectParticipant(
        _ type: String, on parties: [Party], seq: Int64, userId: String, role: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for party in parties {
            try party.expect(
                type,
                [
                    "conversationId": .text(conversation), "seq": .number(seq), "userId": .text(userId),
                    "role": .text(role),
                ], sourceLocation: sourceLocation)
        }
    }

    /// Sends a message and checks its ack carries `seq`; the caller checks the deliveries.
    func send(
        _ text: String, from sender: Party, visibility: String, seq: Int64, to recipients: [Party],
        senderRole: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let id = try sender.request(
            "message.send",
            ["conversationId": .text(conversation), "text": .text(text), "visibility": .text(visibility)])
        try expectMessage(
            on: recipients, seq: seq, from: sender, senderRole: senderRole, text: text, visibility: visibility,
            sourceLocation: sourceLocation)
        try sender.expectAck(id, ("seq", .number(seq)), sourceLocation: sourceLocation)
        try expectNothingElse(sourceLocation: sourceLocation)
    }

    // MARK: Steps

    /// Both agents go available; the customer starts; only alice (most free capacity) is offered it
    /// and accepts. seq 1 started, 2 offer, 3 offer-accepted, 4 joined, 5 accepted.
    func routeAndAccept() throws {
        for agent in [alice, bob] {
            let id = try agent.request("presence.set", ["presence": "available"])
            try agent.expect(
                "notification",
                [
                    "kind": "presence-changed", "userId": .text(agent.name), "presence": "available",
                    "conversationId": .absent, "seq": .absent,
                ])
            try agent.expectAck(id)
        }
        try expectNothingElse()

        let start = try customer.request(
            "conversation.start", ["subject": "Refund for order 1042", "channel": "livechat", "queueId": "general"])
        try customer.expect(
            "conversation.updated",
            [
                "seq": 1, "reason": "started", "status": "open", "queueId": .absent, "agentId": .absent,
                "mode": "text", "subject": "Refund for order 1042", "channel": "livechat", "customerId": "cust-1",
            ])
        let started = try customer.expectAck(start, ("conversationId", .text("c1")))
        conversation = try #require(started["conversationId"]?.stringValue)
        let offer = try alice.expect(
            "offer",
            [
                "conversationId": .text(conversation), "seq": 2, "kind": "route", "agentId": "alice",
                "requesterId": .absent, "subject": "Refund for order 1042", "channel": "livechat",
                "queueId": "general",
            ])
        let offerId = try #require(offer["offerId"]?.stringValue)
        // Bob serves the queue too but is not offered; sam is not told anything.
        try expectNothingElse()

        let accept = try alice.request("offer.accept", ["offerId": .text(offerId)])
        try alice.expect(
            "notification",
            [
                "conversationId": .text(conversation), "seq": 3, "kind": "offer-accepted", "offerId": .text(offerId),
                "offerKind": "route", "agentId": "alice", "requesterId": .absent,
            ])
        try expectParticipant("participant.joined", on: [alice, customer], seq: 4, userId: "alice", role: "agent")
        try expectUpdate(on: [alice, customer], seq: 5, reason: "accepted", status: "active", agentId: "alice")
        try alice.expectAck(accept)
        try expectNothingElse()
    }

    /// Customer and alice chat; alice's internal note (seq 7) never reaches the customer.
    func chat() throws {
        try send(
            "Hello, my order arrived broken.", from: customer, visibility: "public", seq: 6, to: [alice, customer],
            senderRole: "customer")
        try send(
            "Repeat buyer, check the order history.", from: alice, visibility: "internal", seq: 7, to: [alice],
            senderRole: "agent")
        try send(
            "Sorry to hear that! Let me check.", from: alice, visibility: "public", seq: 8, to: [alice, customer],
            senderRole: "agent")
    }

    /// Sam monitors silently: monitor-started, the transcript (internal included, offers excluded),
    /// ack {replayed: 6}, then live events; nobody is told; a monitor cannot write. seq 9, 10 live.
    func monitor() throws {
        let id = try sam.request("conversation.monitor", ["conversationId": .text(conversation)])
        try sam.expect(
            "notification",
            [
                "conversationId": .text(conversation), "seq": .absent, "kind": "monitor-started", "userId": "sam",
                "sessionId": .text(sam.sessionId),
            ])
        try sam.expect(
            "conversation.updated",
            [
                "conversationId": .text(conversation), "seq": 1, "reason": "started", "status": "open",
                "queueId": "general", "customerId": "cust-1",
            ])
        try expectParticipant("participant.joined", on: [sam], seq: 4, userId: "alice", role: "agent")
        try expectUpdate(on: [sam], seq: 5, reason: "accepted", status: "active", agentId: "alice")
        try expectMessage(
            on: [sam], seq: 6, from: customer, senderRole: "customer", text: "Hello, my order arrived broken.",
            visibility: "public")
        try expectMessage(
            on: [sam], seq: 7, from: alice, senderRole: "agent", text: "Repeat buyer, check the order history.",
            visibility: "internal")
        try expectMessage(
            on: [sam], seq: 8, from: alice, senderRole: "agent", text: "Sorry to hear that! Let me check.",
            visibility: "public")
        try sam.expectAck(id, ("replayed", 6))
        // Monitoring is silent: no participant hears of it.
        try expectNothingElse()

        let write = try sam.request(
            "message.send",
            ["conversationId": .text(conversation), "text": "Offer a full refund.", "visibility": "internal"])
        try sam.expectError(write, "forbidden")
        try expectNothingElse()

        // Live events reach the monitoring connection: typing, public and internal messages.
        let typing = try customer.request("typing", ["conversationId": .text(conversation)])
        for party in [alice, sam] {
            try party.expect("typing", ["conversationId": .text(conversation), "userId": "cust-1", "seq": .absent])
        }
        try customer.expectAck(typing)
        try expectNothingElse()
        try send(
            "Are you still there?", from: customer, visibility: "public", seq: 9, to: [alice, customer, sam],
            senderRole: "customer")
        try send(
            "Checking with the warehouse.", from: alice, visibility: "internal", seq: 10, to: [alice, sam],
            senderRole: "agent")
    }

    /// Sam joins: everyone in the conversation (sam once, not twice through the monitor) gets
    /// participant.joined (11) and supervisor-joined (12); sam then writes internal (13) and public (14).
    func join() throws {
        let id = try sam.request("conversation.join", ["conversationId": .text(conversation)])
        for party in [alice, customer, sam] {
            try expectParticipant("participant.joined", on: [party], seq: 11, userId: "sam", role: "supervisor")
            try party.expect(
                "notification",
                ["conversationId": .text(conversation), "seq": 12, "kind": "supervisor-joined", "userId": "sam"])
        }
        try sam.expectAck(id)
        try expectNothingElse()
        try send(
            "Repeat buyer: offer a full refund.", from: sam, visibility: "internal", seq: 13, to: [alice, sam],
            senderRole: "supervisor")
        try send(
            "Hi, I am Sam, the team lead. We will sort this out.", from: sam, visibility: "public", seq: 14,
            to: [alice, customer, sam], senderRole: "supervisor")
    }

    /// alice → bob transfer, accepted (15 offer, 16 accepted, 17 joined, 18 transferred, 19 alice
    /// joined as consult); then bob → alice, rejected (20 offer, 21 rejected) changes nothing. Offers
    /// and their outcomes reach only the offered agent and the requester.
    func transfer() throws {
        let transfer = try alice.request(
            "conversation.transfer", ["conversationId": .text(conversation), "agentId": "bob"])
        var offerId = ""
        for party in [alice, bob] {
            let offer = try party.expect(
                "offer",
                [
                    "conversationId": .text(conversation), "seq": 15, "kind": "transfer", "agentId": "bob",
                    "requesterId": "alice", "queueId": "general",
                ])
            offerId = try #require(offer["offerId"]?.stringValue)
        }
        try alice.expectAck(transfer, ("offerId", .text(offerId)))
        try expectNothingElse()

        let accept = try bob.request("offer.accept", ["offerId": .text(offerId)])
        for party in [alice, bob] {
            try party.expect(
                "notification",
                [
                    "conversationId": .text(conversation), "seq": 16, "kind": "offer-accepted",
                    "offerId": .text(offerId), "offerKind": "transfer", "agentId": "bob", "requesterId": "alice",
                ])
        }
        try expectParticipant("participant.joined", on: everyone, seq: 17, userId: "bob", role: "agent")
        try expectUpdate(on: everyone, seq: 18, reason: "transferred", status: "active", agentId: "bob")
        try expectParticipant("participant.joined", on: everyone, seq: 19, userId: "alice", role: "consult")
        try bob.expectAck(accept)
        try expectNothingElse()

        // Alice is no longer the primary agent.
        let notPrimary = try alice.request(
            "conversation.transfer", ["conversationId": .text(conversation), "agentId": "bob"])
        try alice.expectError(notPrimary, "forbidden")
        try expectNothingElse()

        let second = try bob.request(
            "conversation.transfer", ["conversationId": .text(conversation), "agentId": "alice"])
        for party in [alice, bob] {
            let offer = try party.expect(
                "offer",
                [
                    "conversationId": .text(conversation), "seq": 20, "kind": "transfer", "agentId": "alice",
                    "requesterId": "bob",
                ])
            offerId = try #require(offer["offerId"]?.stringValue)
        }
        try bob.expectAck(second, ("offerId", .text(offerId)))
        try expectNothingElse()

        let reject = try alice.request("offer.reject", ["offerId": .text(offerId)])
        for party in [alice, bob] {
            try party.expect(
                "notification",
                [
                    "conversationId": .text(conversation), "seq": 21, "kind": "offer-rejected",
                    "offerId": .text(offerId), "offerKind": "transfer", "agentId": "alice", "requesterId": "bob",
                ])
        }
        try alice.expectAck(reject)
        // A rejected transfer changes nothing and tells no one else.
        try expectNothingElse()
        try send(
            "Hi, Bob here, I will take it from now.", from: bob, visibility: "public", seq: 22, to: everyone,
            senderRole: "agent")
    }

    /// Alice (consult since the transfer) leaves (23); bob invites her as consult (24 offer,
    /// 25 accepted, 26 joined as consult); her internal note (27) reaches staff only.
    func consult() throws {
        let leave = try alice.request("conversation.leave", ["conversationId": .text(conversation)])
        try expectParticipant("participant.left", on: everyone, seq: 23, userId: "alice", role: "consult")
        try alice.expectAck(leave)
        try expectNothingElse()

        let invite = try bob.request("consult.invite", ["conversationId": .text(conversation), "agentId": "alice"])
        var offerId = ""
        for party in [alice, bob] {
            let offer = try party.expect(
                "offer",
                [
                    "conversationId": .text(conversation), "seq": 24, "kind": "consult", "agentId": "alice",
                    "requesterId": "bob",
                ])
            offerId = try #require(offer["offerId"]?.stringValue)
        }
        try bob.expectAck(invite, ("offerId", .text(offerId)))
        try expectNothingElse()

        let accept = try alice.request("consult.accept", ["offerId": .text(offerId)])
        for party in [alice, bob] {
            try party.expect(
                "notification",
                [
                    "conversationId": .text(conversation), "seq": 25, "kind": "offer-accepted",
                    "offerId": .text(offerId), "offerKind": "consult", "agentId": "alice", "requesterId": "bob",
                ])
        }
        try expectParticipant("participant.joined", on: everyone, seq: 26, userId: "alice", role: "consult")
        try alice.expectAck(accept)
        try expectNothingElse()
        try send(
            "Warehouse confirms: refund approved.", from: alice, visibility: "internal", seq: 27, to: [alice, bob, sam],
            senderRole: "consult")
    }

    /// Sam force-closes: `recipients` all get conversation.closed by supervisor (staff with userId,
    /// the customer without); afterwards every `writers`' message.send answers invalid_state.
    func forceClose(seq: Int64, recipients: [Party], writers: [Party]) throws {
        let id = try sam.request(
            "conversation.forceClose", ["conversationId": .text(conversation), "reason": "Resolved by supervisor"])
        for party in recipients {
            try party.expect(
                "conversation.closed",
                [
                    "conversationId": .text(conversation), "seq": .number(seq), "by": "supervisor",
                    "reason": "Resolved by supervisor", "userId": party.isCustomer ? .absent : "sam",
                ])
        }
        try sam.expectAck(id)
        try expectNothingElse()

        for writer in writers {
            let write = try writer.request(
                "message.send", ["conversationId": .text(conversation), "text": "Thanks!", "visibility": "public"])
            try writer.expectError(write, "invalid_state")
        }
        try expectNothingElse()
    }
}

@Suite("conversation hub scenario over real sockets: route → … → force close")
struct HubScenarioTests {
    @Test("Visibility: a route offer reaches only the offered agent; internal notes never reach the customer")
    func visibility() throws {
        let scenario = try Scenario()
        try scenario.routeAndAccept()
        try scenario.chat()
    }

    @Test("Monitor: monitor-started, the transcript (internal included), replayed, then live events; silent and read-only")
    func monitor() throws {
        let scenario = try Scenario()
        try scenario.routeAndAccept()
        try scenario.chat()
        try scenario.monitor()
    }

    @Test("Settings: turning supervisorMonitor off stops what it allowed: the monitor is told monitor-stopped and gets no internal message after")
    func monitoringSwitchedOff() throws {
        let scenario = try Scenario()
        try scenario.routeAndAccept()
        try scenario.chat()
        try scenario.monitor()
        let admin = try Party(scenario.server, .admin, "root")
        defer { admin.disconnect() }
        try admin.client.send(#"{"type":"settings.update","id":"off","supervisorMonitor":false}"#)
        // Sam may first hear of the settings change; then the monitor ends.
        var stopped: JSONObject?
        for _ in 0..<4 {
            let (frame, _) = try scenario.sam.nextFrame()
            if frame["kind"]?.stringValue == "monitor-stopped" {
                stopped = frame
                break
            }
        }
        let stop = try #require(stopped, "sam was not told monitor-stopped")
        #expect(stop["conversationId"]?.stringValue == scenario.conversation)
        #expect(stop["sessionId"]?.stringValue == scenario.sam.sessionId)
        // Internal notes no longer reach sam's connection.
        _ = try scenario.alice.request(
            "message.send",
            ["conversationId": .text(scenario.conversation), "text": "Internal after the switch.", "visibility": "internal"])
        try scenario.alice.expect("message", ["text": "Internal after the switch."])
        try scenario.sam.expectNothingElse()
    }

    @Test("Join: participant.joined and supervisor-joined reach every participant; the supervisor then writes")
    func join() throws {
        let scenario = try Scenario()
        try scenario.routeAndAccept()
        try scenario.chat()
        try scenario.monitor()
        try scenario.join()
    }

    @Test("Transfer: an accepted transfer moves the conversation, a rejected one changes nothing; offers stay private")
    func transfer() throws {
        let scenario = try Scenario()
        try scenario.routeAndAccept()
        try scenario.chat()
        try scenario.monitor()
        try scenario.join()
        try scenario.transfer()
    }

    @Test("Force close: after route → accept → chat → monitor → join → transfer → consult, everyone gets closed by supervisor")
    func fullScenarioForceClose() throws {
        let scenario = try Scenario()
        try scenario.routeAndAccept()
        try scenario.chat()
        try scenario.monitor()
        try scenario.join()
        try scenario.transfer()
        try scenario.consult()
        try scenario.forceClose(seq: 28, recipients: scenario.everyone, writers: scenario.everyone)
    }

    @Test("Force close: a monitor that never joined gets conversation.closed too, and its monitor ends")
    func forceCloseReachesSilentMonitor() throws {
        let scenario = try Scenario()
        try scenario.routeAndAccept()
        try scenario.chat()
        try scenario.monitor()
        try scenario.forceClose(
            seq: 11, recipients: [scenario.alice, scenario.customer, scenario.sam],
            writers: [scenario.customer, scenario.alice])
        let unmonitor = try scenario.sam.request(
            "conversation.unmonitor", ["conversationId": .text(scenario.conversation)])
        try scenario.sam.expectError(unmonitor, "invalid_state")
        try scenario.expectNothingElse()
    }
}
