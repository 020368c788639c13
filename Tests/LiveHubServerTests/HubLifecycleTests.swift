import LiveHubDomain
import LiveHubProtocol
import LiveHubTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

// End to end over real WebSockets: customers and agents dropping and coming back, offers nobody takes,
// and a waiting customer's place in line. The hub's windows are shortened to fractions of a second;
// each test waits for the frames the hub sends when a window passes (the test socket gives up after
// 5 s, a generous margin on a loaded machine) and sleeps only to prove something did not happen early.

/// A hub whose windows and pauses are short enough for a test, and without the flood limit.
private func lifecycleServer(_ adjust: (inout Timing) -> Void = { _ in }) throws -> TestServer {
    try TestServer { configuration in
        configuration.hubLimits.requestBurst = 10_000
        configuration.hubLimits.requestsPerSecond = 10_000
        var timing = Timing(
            offerRetryPauseMilliseconds: 60_000, customerReconnectMilliseconds: 60_000, agentGraceMilliseconds: 60_000,
            queueUpdateMilliseconds: 200)
        adjust(&timing)
        configuration.hub.timing = timing
    }
}

extension Party {
    /// Frames until the first of `type` for which `matches` holds; the ones before it come back too.
    @discardableResult
    func waitFor(
        _ type: String, _ fields: KeyValuePairs<String, Want> = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (frame: JSONObject, skipped: [JSONObject]) {
        var skipped: [JSONObject] = []
        for _ in 0..<50 {
            let (frame, _) = try nextFrame()
            if frame["type"]?.stringValue == type && fields.allSatisfy({ $0.value.matches(frame[$0.key]) }) {
                return (frame, skipped)
            }
            skipped.append(frame)
        }
        throw TestClientError("\(name): no \(type) \(fields) within 50 frames")
    }

    /// Sends a request and returns its ack (frames before it are skipped).
    @discardableResult
    func call(_ type: String, _ fields: KeyValuePairs<String, Want> = [:]) throws -> JSONObject {
        try callCollecting(type, fields).ack
    }

    /// Sends a request and returns its ack with the frames that came before it.
    func callCollecting(_ type: String, _ fields: KeyValuePairs<String, Want> = [:]) throws -> (
        ack: JSONObject, before: [JSONObject]
    ) {
        let id = try request(type, fields)
        let (ack, before) = try waitFor("ack", ["id": .text(id)])
        return (ack, before)
    }
}

/// Milliseconds of sleep, only where a test must show that something did not happen yet.
private func pause(milliseconds: Int) {
    usleep(useconds_t(milliseconds * 1_000))
}

/// A customer and an agent in an active conversation: presence, start, offer, accept.
private func activeConversation(agent: Party, customer: Party) throws -> String {
    try agent.call("presence.set", ["presence": "available"])
    let started = try customer.call(
        "conversation.start", ["subject": "Broken parcel", "channel": "livechat", "queueId": "general"])
    let conversation = try #require(started["conversationId"]?.stringValue)
    let offer = try agent.waitFor("offer", ["conversationId": .text(conversation)]).frame
    try agent.call("offer.accept", ["offerId": .text(try #require(offer["offerId"]?.stringValue))])
    try customer.waitFor("conversation.updated", ["reason": "accepted"])
    return conversation
}

@Suite("hub lifecycle over real sockets", .serialized)
struct HubLifecycleTests {
    @Test("Reconnection: a customer who drops and returns within the window resumes with nothing lost or doubled")
    func customerReturnsWithinWindow() throws {
        let server = try lifecycleServer { $0.customerReconnectMilliseconds = 1_000 }
        defer { server.stop() }
        let alice = try Party(server, .agent, "alice")
        defer { alice.disconnect() }
        var customer = try Party(server, .customer, "cust-1")
        let conversation = try activeConversation(agent: alice, customer: customer)
        let first = try customer.call(
            "message.send", ["conversationId": .text(conversation), "text": "Hello?", "clientMsgId": "m1"])
        let firstSeq = try #require(first["seq"]?.integerValue)
        try alice.waitFor("message", ["text": "Hello?"])

        customer.disconnect()
        try alice.expect(
            "participant.away", ["conversationId": .text(conversation), "userId": "cust-1", "role": "customer"])
        let whileAway = try alice.call(
            "message.send", ["conversationId": .text(conversation), "text": "Are you still there?"])
        let awaySeq = try #require(whileAway["seq"]?.integerValue)

        customer = try Party(server, .customer, "cust-1")
        defer { customer.disconnect() }
        try alice.expect("participant.back", ["conversationId": .text(conversation), "userId": "cust-1"])
        // The customer's new connection hears of their return like every participant.
        try customer.expect("participant.back", ["conversationId": .text(conversation), "userId": "cust-1"])
        // Resume after the last seq the customer had: the away, the agent's message and the back, once each.
        let resume = try customer.request(
            "conversation.resume", ["conversationId": .text(conversation), "afterSeq": .number(firstSeq)])
        var replayed: [JSONObject] = []
        while true {
            let (frame, _) = try customer.nextFrame()
            if frame["type"]?.stringValue == "ack" && frame["id"]?.stringValue == resume {
                #expect(frame["replayed"]?.integerValue == Int64(replayed.count))
                break
            }
            replayed.append(frame)
        }
        #expect(replayed.map { $0["type"]?.stringValue ?? "" } == ["participant.away", "message", "participant.back"])
        #expect(replayed.compactMap { $0["seq"]?.integerValue } == [firstSeq + 1, awaySeq, awaySeq + 1])
        #expect(replayed[1]["text"]?.stringValue == "Are you still there?")
        // A resend of the message from before the drop answers the original seq and adds nothing.
        let resent = try customer.call(
            "message.send", ["conversationId": .text(conversation), "text": "Hello?", "clientMsgId": "m1"])
        #expect(resent["seq"]?.integerValue == firstSeq)
        try alice.expectNothingElse()
        // The window passes with the customer back: the conversation goes on.
        pause(milliseconds: 1_500)
        try customer.call("message.send", ["conversationId": .text(conversation), "text": "Yes, here."])
        try alice.expect("message", ["text": "Yes, here.", "senderRole": "customer"])
        try alice.expectNothingElse()
    }

    @Test(
        "Reconnection: a customer who does not return within the window leaves an active conversation in wrap-up, with a transcript entry"
    )
    func customerDoesNotReturn() throws {
        let server = try lifecycleServer { $0.customerReconnectMilliseconds = 300 }
        defer { server.stop() }
        let alice = try Party(server, .agent, "alice")
        defer { alice.disconnect() }
        let customer = try Party(server, .customer, "cust-2")
        let conversation = try activeConversation(agent: alice, customer: customer)
        customer.disconnect()
        try alice.expect("participant.away", ["conversationId": .text(conversation), "userId": "cust-2"])
        let entry = try alice.expect(
            "message", ["conversationId": .text(conversation), "senderId": "system", "senderRole": "system"])
        #expect(entry["text"]?.stringValue?.contains("did not reconnect") == true)
        try alice.expect(
            "conversation.updated",
            [
                "conversationId": .text(conversation), "reason": "customer-disconnected", "status": "wrap-up",
                "agentId": "alice",
            ])
        try alice.call("conversation.close", ["conversationId": .text(conversation)])

        // The entry is in the transcript the customer reads when they come back.
        let back = try Party(server, .customer, "cust-2")
        defer { back.disconnect() }
        let resume = try back.request("conversation.resume", ["conversationId": .text(conversation), "afterSeq": 0])
        let (_, history) = try back.waitFor("ack", ["id": .text(resume)])
        #expect(
            history.contains { $0["senderRole"]?.stringValue == "system" && $0["visibility"]?.stringValue == "public" })
    }

    @Test(
        "Agent drop: an agent who does not return is replaced: the conversation is re-queued, offered to another agent, and the customer told"
    )
    func agentDoesNotReturn() throws {
        let server = try lifecycleServer { $0.agentGraceMilliseconds = 300 }
        defer { server.stop() }
        let alice = try Party(server, .agent, "alice")  // capacity 4: chosen before bob (3)
        let bob = try Party(server, .agent, "bob")
        defer { bob.disconnect() }
        let customer = try Party(server, .customer, "cust-3")
        defer { customer.disconnect() }
        try bob.call("presence.set", ["presence": "available"])
        let conversation = try activeConversation(agent: alice, customer: customer)
        alice.disconnect()
        // Within the grace period nothing changes for the customer; after it they are told.
        let entry = try customer.expect(
            "message", ["conversationId": .text(conversation), "senderId": "system", "senderRole": "system"])
        #expect(entry["text"]?.stringValue == "Your agent was disconnected. We are connecting you to someone else.")
        try customer.expect("participant.left", ["userId": "alice", "role": "agent", "name": "Alice Archer"])
        try customer.expect(
            "conversation.updated",
            ["reason": "agent-disconnected", "status": "open", "agentId": .absent, "queueId": .absent])
        let offer = try bob.waitFor("offer", ["conversationId": .text(conversation), "kind": "route"]).frame
        try bob.call("offer.accept", ["offerId": .text(try #require(offer["offerId"]?.stringValue))])
        try customer.expect("participant.joined", ["userId": "bob", "role": "agent", "name": "Bob Baker"])
        try customer.expect("conversation.updated", ["reason": "accepted", "status": "active", "agentId": "bob"])
        try customer.expectNothingElse()
    }

    @Test(
        "Agent drop: back within the grace period an agent's presence returns and waiting work reaches them; after it they stay offline"
    )
    func agentPresenceReturns() throws {
        let server = try lifecycleServer { $0.agentGraceMilliseconds = 1_500 }
        defer { server.stop() }
        var alice = try Party(server, .agent, "alice")
        try alice.call("presence.set", ["presence": "available"])
        alice.disconnect()
        // Offline for routing at once: the customer is told their place instead of being offered.
        let customer = try Party(server, .customer, "cust-4")
        defer { customer.disconnect() }
        try customer.call("conversation.start", ["subject": "Help", "channel": "livechat", "queueId": "general"])
        try customer.expect("queue.position", ["position": 1])
        alice = try Party(server, .agent, "alice")
        try alice.waitFor("offer", ["kind": "route"])
        alice.disconnect()

        // Back after the grace period: offline until they say otherwise.
        pause(milliseconds: 2_000)
        let late = try Party(server, .agent, "alice")
        defer { late.disconnect() }
        try late.expectNothingElse()
        let available = try late.callCollecting("presence.set", ["presence": "available"])
        #expect(available.before.contains { $0["type"]?.stringValue == "offer" })
    }

    @Test("Routing: when every agent declines, the conversation is offered again after the pause")
    func everyAgentDeclines() throws {
        let server = try lifecycleServer { $0.offerRetryPauseMilliseconds = 400 }
        defer { server.stop() }
        let alice = try Party(server, .agent, "alice")
        let bob = try Party(server, .agent, "bob")
        let customer = try Party(server, .customer, "cust-5")
        defer { for party in [alice, bob, customer] { party.disconnect() } }
        try alice.call("presence.set", ["presence": "available"])
        try bob.call("presence.set", ["presence": "available"])
        let started = try customer.call(
            "conversation.start", ["subject": "Help", "channel": "livechat", "queueId": "general"])
        let conversation = try #require(started["conversationId"]?.stringValue)
        for agent in [alice, bob] {
            let offer = try agent.waitFor("offer", ["conversationId": .text(conversation)]).frame
            try agent.call("offer.reject", ["offerId": .text(try #require(offer["offerId"]?.stringValue))])
        }
        // Nobody is left: the customer learns their place and, after the pause, the hub tries again.
        try customer.expect("queue.position", ["conversationId": .text(conversation), "position": 1])
        try customer.expect("conversation.updated", ["reason": "retried", "status": "open"])
        let again = try alice.waitFor("offer", ["conversationId": .text(conversation), "kind": "route"]).frame
        try alice.call("offer.accept", ["offerId": .text(try #require(again["offerId"]?.stringValue))])
        try customer.waitFor("conversation.updated", ["reason": "accepted", "agentId": "alice"])
    }

    @Test(
        "Queue: a waiting customer's position counts down as those ahead are taken, with an estimate once the queue has times"
    )
    func positionCountsDown() throws {
        let server = try lifecycleServer()
        defer { server.stop() }
        let customers = try (1...3).map { try Party(server, .customer, "wait-\($0)") }
        let dave = try Party(server, .agent, "dave")  // capacity 2
        defer { for party in customers + [dave] { party.disconnect() } }
        var conversations: [String] = []
        for (index, customer) in customers.enumerated() {
            let started = try customer.call(
                "conversation.start", ["subject": "Help", "channel": "livechat", "queueId": "general"])
            conversations.append(try #require(started["conversationId"]?.stringValue))
            try customer.expect(
                "queue.position", ["position": .number(Int64(index + 1)), "estimatedWaitSeconds": .absent])
        }
        let last = customers[2]
        let offers = try dave.callCollecting("presence.set", ["presence": "available"]).before
            .filter { $0["type"]?.stringValue == "offer" }
        #expect(offers.compactMap { $0["conversationId"]?.stringValue } == Array(conversations.prefix(2)))
        for taken in 0..<2 {
            let offer = try #require(offers.count > taken ? offers[taken] : nil)
            try dave.call("offer.accept", ["offerId": .text(try #require(offer["offerId"]?.stringValue))])
            let notice = try last.expect("queue.position", ["conversationId": .text(conversations[2])])
            #expect(notice["position"]?.integerValue == Int64(2 - taken))
            #expect(notice["estimatedWaitSeconds"]?.integerValue != nil)
            #expect(notice.keys.sorted() == ["at", "conversationId", "estimatedWaitSeconds", "position", "type"])
        }
        try last.expectNothingElse()
    }

    @Test("Typing: a burst of typing is acknowledged, forwarded once, and never uses up the request budget")
    func typingIsCoalesced() throws {
        let server = try TestServer()  // the default limits: 20 requests per second, burst 40
        defer { server.stop() }
        let alice = try Party(server, .agent, "alice")
        let customer = try Party(server, .customer, "cust-7")
        defer { for party in [alice, customer] { party.disconnect() } }
        let conversation = try activeConversation(agent: alice, customer: customer)
        var ids: [String] = []
        for _ in 0..<60 { ids.append(try customer.request("typing", ["conversationId": .text(conversation)])) }
        // Each gets its ack (those beyond the typing budget are answered on the connection's own loop,
        // so they may overtake the ones the hub answers, as local refusals do).
        var acked: Set<String> = []
        for _ in ids {
            let (frame, _) = try customer.nextFrame()
            #expect(frame["type"]?.stringValue == "ack")
            if let id = frame["id"]?.stringValue { acked.insert(id) }
        }
        #expect(acked == Set(ids))
        try alice.expect("typing", ["conversationId": .text(conversation), "userId": "cust-7"])
        try alice.expectNothingElse()
        // The request budget is untouched: a message right after goes through.
        try customer.call("message.send", ["conversationId": .text(conversation), "text": "Here is my order number"])
        try alice.expect("message", ["text": "Here is my order number"])
    }

    @Test("welcome carries the configured display name of staff and the token's name of customers")
    func welcomeNames() throws {
        let server = try lifecycleServer()
        defer { server.stop() }
        let alice = try Party(server, .agent, "alice")
        let customer = try Party(server, .customer, "cust-6")
        defer { for party in [alice, customer] { party.disconnect() } }
        #expect(alice.client.welcome["user"]?.objectValue?["name"]?.stringValue == "Alice Archer")
        #expect(customer.client.welcome["user"]?.objectValue?["name"]?.stringValue == "cust-6")
    }
}
