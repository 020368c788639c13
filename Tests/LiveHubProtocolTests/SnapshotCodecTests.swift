import LiveHubDomain
import LiveHubProtocol
import LiveHubSentiment
import Testing

/// The snapshot codec: lossless for a state built by the real domain in every corner it has (offers of
/// every kind, consults, away customers, declines, settings, counters, queue times, closed and archived
/// conversations), so a field added to the state without being encoded fails here.
@Suite("snapshot codec")
struct SnapshotCodecTests {
    static let configuration = Configuration(
        queues: [
            QueueConfiguration(id: "general", name: "General", workstreamId: "chat"),
            QueueConfiguration(id: "billing", name: "Billing", workstreamId: "messaging"),
        ],
        workstreams: [
            WorkstreamConfiguration(id: "chat", name: "Chat", channels: [.livechat], capacityUnits: 1),
            WorkstreamConfiguration(
                id: "messaging", name: "Messaging", channels: [.livechat, .sms], allowedPresences: [.available, .busy],
                capacityUnits: 2, offerTimeoutMilliseconds: 60_000),
        ],
        agents: [
            AgentProfile(id: "alice", name: "Alice", queues: ["general", "billing"], capacity: 4),
            AgentProfile(id: "bob", name: "Bob", queues: ["general"], capacity: 3),
            AgentProfile(id: "carol", name: "Carol", queues: ["billing", "general"], capacity: 2),
        ],
        supervisors: [SupervisorProfile(id: "sue", name: "Sue")],
        timing: Timing(closedInMemoryMilliseconds: 60_000))

    /// A hub run through the domain's scenarios, with the journal of every fact it produced (archived
    /// notes included) and the state at `snapshotAt` commands, for "snapshot plus the rest" checks.
    struct Rich {
        var hub = Hub(configuration: SnapshotCodecTests.configuration)
        var journal: [JournalRecord] = []
        var seconds: Int64 = 0

        @discardableResult
        mutating func run(_ command: Command, _ role: Role, _ user: UserId, name: String? = nil) throws -> HubOutcome {
            seconds += 7
            let actor = Actor(role: role, userId: user, connectionId: ConnectionId("\(user)-1"), name: name)
            let outcome = try hub.handle(command, from: actor, sessions: .none, at: time(seconds))
            journal += outcome.journal.map(JournalRecord.event)
            return outcome
        }

        mutating func start(_ customer: UserId, queue: QueueId = "general", name: String? = nil) throws -> ConversationId {
            let outcome = try run(.start(subject: "Help \(customer)", channel: .livechat, queueId: queue), .customer, customer, name: name)
            guard case .conversationStarted(let conversationId) = outcome.acknowledgement else {
                throw SnapshotTestError("no conversation for \(customer)")
            }
            return conversationId
        }

        func offer(for conversationId: ConversationId, kind: OfferKind = .route) throws -> Offer {
            guard let offer = hub.state.offers.values.first(where: { $0.conversationId == conversationId && $0.kind == kind })
            else { throw SnapshotTestError("no \(kind) offer for \(conversationId)") }
            return offer
        }

        /// Archives what is due, as the shell does once the archive holds it.
        mutating func archiveDue() throws {
            for timer in hub.pendingTimers() {
                guard case .archive(let conversationId, let at) = timer, at <= time(seconds) else { continue }
                let outcome = try hub.handle(.archive(conversationId), from: .system, sessions: .none, at: time(seconds))
                guard case .archive = outcome.acknowledgement else { continue }
                hub.forgetArchived(conversationId)
                journal.append(.archived(conversationId, at: time(seconds)))
            }
        }
    }

    static func richState(snapshotAfter: Int? = nil) throws -> (rich: Rich, snapshot: (state: HubState, records: Int)?) {
        var rich = Rich()
        var snapshot: (HubState, Int)?
        try rich.run(.updateSettings(SettingsChange(supervisorMonitor: true, supervisorAssign: true, supervisorTransfer: true, supervisorForceClose: true)), .admin, "ada")
        // Enough finished conversations that each queue's recent times wrap around their ring.
        try rich.run(.setPresence(.available), .agent, "bob")
        for index in 0..<23 {
            let conversationId = try rich.start(UserId("regular-\(index)"))
            try rich.run(.acceptOffer(try rich.offer(for: conversationId).offerId), .agent, "bob")
            try rich.run(.sendMessage(conversationId: conversationId, text: "done \(index)", visibility: .public, clientMessageId: "r\(index)"), .customer, UserId("regular-\(index)"))
            try rich.run(.end(conversationId: conversationId), .agent, "bob")
            try rich.run(.close(conversationId: conversationId), .agent, "bob")
        }
        if snapshotAfter == 0 { snapshot = (rich.hub.state, rich.journal.count) }
        // Some of them leave memory for the archive.
        rich.seconds += 61
        try rich.archiveDue()
        // Active with a consult, a pending transfer, a supervisor who joined, an escalation, messages both ways.
        try rich.run(.setPresence(.available), .agent, "alice")
        let busy = try rich.start("cara", name: "Cara Diaz")
        let busyOffer = try rich.offer(for: busy)
        try rich.run(.acceptOffer(busyOffer.offerId), .agent, busyOffer.agentId)
        let primary = try #require(rich.hub.state.conversations[busy]?.primaryAgentId)
        try rich.run(.sendMessage(conversationId: busy, text: "hello 🙂", visibility: .public, clientMessageId: "m1"), .customer, "cara")
        try rich.run(.sendMessage(conversationId: busy, text: "note", visibility: .internal, clientMessageId: "n1"), .agent, primary)
        try rich.run(.setPresence(.available), .agent, "carol")
        let consultant: UserId = primary == "alice" ? "carol" : "alice"
        try rich.run(.consultInvite(conversationId: busy, agentId: consultant), .agent, primary)
        try rich.run(.consultAccept(try rich.offer(for: busy, kind: .consult).offerId), .agent, consultant)
        try rich.run(.join(conversationId: busy), .supervisor, "sue")
        let third = try #require((["alice", "bob", "carol"] as [UserId]).first { $0 != primary && $0 != consultant })
        try rich.run(.transfer(conversationId: busy, target: .agent(third)), .agent, primary)
        if snapshotAfter == 1 { snapshot = (rich.hub.state, rich.journal.count) }
        // Waiting, with a declined agent; and wrap-up.
        let parked = try rich.start("dan", queue: "billing")
        let parkedOffer = try rich.offer(for: parked)
        try rich.run(.rejectOffer(parkedOffer.offerId), .agent, parkedOffer.agentId)
        let wrapped = try rich.start("erin")
        if let offer = try? rich.offer(for: wrapped) {
            try rich.run(.acceptOffer(offer.offerId), .agent, offer.agentId)
            try rich.run(.escalate(conversationId: wrapped, mode: .voice), .agent, offer.agentId)
            try rich.run(.wait(conversationId: wrapped), .agent, offer.agentId)
            try rich.run(.sendMessage(conversationId: wrapped, text: "still there?", visibility: .public, clientMessageId: nil), .customer, "erin")
            try rich.run(.end(conversationId: wrapped), .customer, "erin")
        }
        let parkedHere = try rich.start("jack")
        let parkedHereOffer = try rich.offer(for: parkedHere)
        try rich.run(.acceptOffer(parkedHereOffer.offerId), .agent, parkedHereOffer.agentId)
        try rich.run(.wait(conversationId: parkedHere), .agent, parkedHereOffer.agentId)
        // Open and waiting in line, one with a pending route offer; an away customer.
        try rich.run(.setPresence(.busy), .agent, "carol")
        for customer in ["finn", "gina", "hugo"] { _ = try rich.start(UserId(customer), queue: "billing") }
        try rich.run(.userDisconnected("gina", .customer), .system, "system")
        // A force close, not yet archived.
        let forced = try rich.start("ivan")
        try rich.run(.forceClose(conversationId: forced, reason: "spam"), .supervisor, "sue")
        return (rich, snapshot.map { (state: $0.0, records: $0.1) })
    }

    @Test("Snapshots: decode(encode(state)) == state for a state built by running every domain scenario")
    func roundTrip() throws {
        let state = try Self.richState().rich.hub.state
        #expect(Set(state.conversations.values.map(\.status)) == Set(ConversationStatus.allCases))
        #expect(state.conversations.values.contains { $0.customerAwaySince != nil })
        #expect(state.conversations.values.contains { $0.participants.contains { $0.role == .consult } })
        #expect(state.conversations.values.contains { !$0.transcript.isEmpty })
        #expect(state.offers.values.contains { $0.kind == .transfer })
        #expect(state.offers.values.contains { $0.customerName == "Cara Diaz" })
        #expect(state.parts.conversationCount > state.conversations.count)  // some were archived
        // The audit and the customers' sentiment are state too: both must be in the snapshot.
        #expect(state.audit.entries.count >= 3)
        #expect(state.conversations.values.contains { !$0.customerSentiment.recentScores.isEmpty })
        let payload = try SnapshotCodec.encode(state)
        let decoded = try payload.withUnsafeBytes { try SnapshotCodec.decode($0) }
        #expect(decoded == state)
        #expect(try SnapshotCodec.encode(decoded) == payload)  // one state, one encoding
        #expect(decoded.audit.entries == state.audit.entries)
    }

    @Test("Snapshots: a snapshot plus the journal records after it rebuilds the same hub as the whole journal")
    func snapshotPlusTail() throws {
        for point in [0, 1] {
            let (rich, taken) = try Self.richState(snapshotAfter: point)
            let snapshot = try #require(taken)
            let payload = try SnapshotCodec.encode(snapshot.state)
            var restored = Hub(
                configuration: Self.configuration, restoring: try payload.withUnsafeBytes { try SnapshotCodec.decode($0) })
            for record in rich.journal[snapshot.records...] { restored.replay(record) }
            var replayed = Hub(configuration: Self.configuration)
            for record in rich.journal { replayed.replay(record) }
            #expect(replayed.state == rich.hub.state)
            #expect(restored.state == rich.hub.state)
            #expect(restored.pendingTimers() == replayed.pendingTimers())
        }
    }

    @Test("Snapshots: a restored hub gives every configured agent an entry, and none to an agent no longer configured")
    func restoreFollowsConfiguration() throws {
        let state = try Self.richState().rich.hub.state
        var configuration = Self.configuration
        configuration.agents.removeAll { $0.id == "carol" }
        configuration.agents.append(AgentProfile(id: "dora", name: "Dora", queues: ["general"], capacity: 1))
        let restored = Hub(configuration: configuration, restoring: state)
        #expect(Set(restored.state.agents.keys) == ["alice", "bob", "dora"])
        #expect(restored.state.agents["alice"] == state.agents["alice"])
    }

    @Test("Snapshots: a damaged payload is refused with a reason, never a crash, at every cut and flipped byte")
    func damagedPayload() throws {
        let payload = try SnapshotCodec.encode(try Self.richState().rich.hub.state)
        for length in stride(from: 0, to: payload.count, by: max(1, payload.count / 300)) {
            #expect(throws: SnapshotDecodeError.self) {
                try Array(payload.prefix(length)).withUnsafeBytes { try SnapshotCodec.decode($0) }
            }
        }
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<300 {
            var damaged = payload
            damaged[Int.random(in: 0..<damaged.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            _ = try? damaged.withUnsafeBytes { try SnapshotCodec.decode($0) }  // refused or decoded: never a trap
        }
        var later = payload
        later[0] = UInt8(SnapshotCodec.version + 1)
        #expect(throws: SnapshotDecodeError.self) { try later.withUnsafeBytes { try SnapshotCodec.decode($0) } }
    }

    @Test("Archive records: one closed conversation round-trips whole, history included")
    func conversationRoundTrip() throws {
        let state = try Self.richState().rich.hub.state
        for conversation in state.conversations.values {
            let bytes = try SnapshotCodec.encode(conversation: conversation)
            #expect(try bytes.withUnsafeBytes { try SnapshotCodec.decodeConversation($0) } == conversation)
        }
    }

    @Test("Snapshots: every journaled event kind in a history round-trips, messages (binary) and the rest (journal records)")
    func everyEventKindInAHistory() throws {
        var parts = ConversationParts(id: "c7", subject: "s", channel: .livechat, queueId: "general", customerId: "cara")
        let later = JournalCodecTests.at.adding(milliseconds: 5)
        parts.history = EventHistory(
            JournalCodecTests.journaled + [
                DomainEvent(
                    conversationId: "c7", seq: 40, at: later,
                    payload: .message(
                        Message(
                            seq: 40, senderId: "cara", senderRole: .customer, text: "", visibility: .public,
                            clientMessageId: "", at: JournalCodecTests.at)))
            ])
        let conversation = Conversation(parts: parts)
        let bytes = try SnapshotCodec.encode(conversation: conversation)
        let decoded = try bytes.withUnsafeBytes { try SnapshotCodec.decodeConversation($0) }
        #expect(decoded.historyEvents == conversation.historyEvents)
        #expect(decoded == conversation)
    }

    @Test(
        "Snapshots: an earlier release's record, which listed each (sender, clientMsgId, seq), still reads, and the resend index comes from the history"
    )
    func earlierClientMessageList() throws {
        var parts = ConversationParts(
            id: "c7", subject: "s", channel: .livechat, queueId: "general", customerId: "cara")
        parts.history = EventHistory([
            DomainEvent(
                conversationId: "c7", seq: 1, at: JournalCodecTests.at,
                payload: .message(
                    Message(
                        seq: 1, senderId: "cara", senderRole: .customer, text: "hi", visibility: .public,
                        clientMessageId: "k1", at: JournalCodecTests.at)))
        ])
        parts.lastSeq = 1
        // A value whose varint is easy to find: the list sits just before it, after the absent
        // `lastDeclinedAt` (0) and the empty list this release writes (0).
        parts.waitMilliseconds = 987_654_321
        let conversation = Conversation(parts: parts)
        let current = try SnapshotCodec.encode(conversation: conversation)
        let marker: [UInt8] = [0, 0] + Self.varint(UInt64(987_654_321) << 1)
        let at = try #require(current.indices.first { current[$0...].starts(with: marker) })
        // The earlier release's list: one entry, ("cara", "k1", seq 1).
        let list: [UInt8] = [1, 4] + Array("cara".utf8) + [2] + Array("k1".utf8) + Self.varint(1 << 1)
        let earlier = Array(current[...at]) + list + Array(current[(at + 2)...])
        let decoded = try earlier.withUnsafeBytes { try SnapshotCodec.decodeConversation($0) }
        #expect(decoded == conversation)
        let again = try current.withUnsafeBytes { try SnapshotCodec.decodeConversation($0) }
        #expect(again == conversation)
    }

    /// A conversation whose customer wrote `texts` (public), then an agent replied; sentiment as `apply`
    /// left it: every text noted, none scored.
    private static func conversation(customerTexts texts: [String]) -> Conversation {
        var parts = ConversationParts(id: "c7", subject: "s", channel: .livechat, queueId: "general", customerId: "cara")
        var events: [DomainEvent] = []
        for (offset, text) in (texts + ["Let me check that for you"]).enumerated() {
            let fromCustomer = offset < texts.count
            events.append(
                DomainEvent(
                    conversationId: "c7", seq: offset + 1, at: JournalCodecTests.at,
                    payload: .message(
                        Message(
                            seq: offset + 1, senderId: fromCustomer ? "cara" : "alice",
                            senderRole: fromCustomer ? .customer : .agent, text: text, visibility: .public,
                            clientMessageId: nil, at: JournalCodecTests.at))))
        }
        parts.history = EventHistory(events)
        parts.lastSeq = events.count
        parts.unscoredSentimentMessages = min(texts.count, ConversationSentiment.window)
        return Conversation(parts: parts)
    }

    @Test(
        "Snapshots: the customer's unscored messages stay unscored through a snapshot (writing one scores nothing), and the level read afterwards is the same"
    )
    func unscoredSentimentStaysUnscored() throws {
        let texts = ["hello", "this is awful", "I am very angry", "terrible service", "ok", "thanks, great", "fine"]
        let conversation = Self.conversation(customerTexts: texts)
        #expect(conversation.customerSentiment.unscoredCount == 6)
        let bytes = try SnapshotCodec.encode(conversation: conversation)
        let decoded = try bytes.withUnsafeBytes { try SnapshotCodec.decodeConversation($0) }
        #expect(decoded.customerSentiment.unscoredCount == 6)
        #expect(decoded == conversation)
        var fresh = ConversationSentiment()
        for text in texts { fresh.note(customerMessage: text) }
        #expect(decoded.customerSentiment.recentScores == fresh.recentScores)
        #expect(decoded.customerSentiment.level == fresh.level)
    }

    @Test("Snapshots: a version-1 record, whose sentiment scores were all computed and which has no unscored count, still reads")
    func versionOneSentiment() throws {
        var parts = ConversationParts(id: "c7", subject: "s", channel: .livechat, queueId: "general", customerId: "cara")
        parts.sentimentScores = [-0.5, 0.25]
        let conversation = Conversation(parts: parts)
        let current = try SnapshotCodec.encode(conversation: conversation)
        #expect(current.first == UInt8(SnapshotCodec.version))
        #expect(current.last == 0)
        // Version 1 wrote the same fields without the trailing count.
        let earlier = [1] + Array(current.dropFirst().dropLast())
        let decoded = try earlier.withUnsafeBytes { try SnapshotCodec.decodeConversation($0) }
        #expect(decoded == conversation)
        #expect(decoded.customerSentiment.recentScores == [-0.5, 0.25])
        #expect(decoded.customerSentiment.unscoredCount == 0)
    }

    @Test("Snapshots: a version-2 payload, whose pending offers end before the customer's name, still reads")
    func versionTwoOffers() throws {
        var rich = Rich()
        try rich.run(.setPresence(.available), .agent, "alice")
        let conversationId = try rich.start("dan")
        let offer = try rich.offer(for: conversationId)
        #expect(offer.customerName == nil)
        let current = try SnapshotCodec.encode(rich.hub.state)
        #expect(current.first == 3)
        // The offer ends with its expiry, then the absent name (0), which version 2 did not write.
        let expiry = offer.expiresAt.millisecondsSinceEpoch
        let marker = Self.varint(UInt64(bitPattern: (expiry << 1) ^ (expiry >> 63))) + [0]
        let at = try #require(current.indices.first { current[$0...].starts(with: marker) })
        let earlier = [2] + Array(current[1..<(at + marker.count - 1)]) + Array(current[(at + marker.count)...])
        let decoded = try earlier.withUnsafeBytes { try SnapshotCodec.decode($0) }
        #expect(decoded == rich.hub.state)
    }

    private static func varint(_ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
        return bytes
    }

    @Test("Snapshots: a full conversation is still full after a snapshot: the restored hub refuses its next message as too_large")
    func fullConversationStaysFull() throws {
        var configuration = Self.configuration
        configuration.limits.maximumConversationMessages = 2
        var rich = Rich()
        rich.hub = Hub(configuration: configuration)
        let conversationId = try rich.start("cara")
        let send = { (key: String) in
            Command.sendMessage(
                conversationId: conversationId, text: "hello", visibility: .public, clientMessageId: key)
        }
        for key in ["k1", "k2"] { try rich.run(send(key), .customer, "cara") }
        let payload = try SnapshotCodec.encode(rich.hub.state)
        let restored = try payload.withUnsafeBytes { try SnapshotCodec.decode($0) }
        rich.hub = Hub(configuration: configuration, restoring: restored)
        do {
            try rich.run(send("k3"), .customer, "cara")
            Issue.record("a third message was accepted")
        } catch let error as HubError {
            #expect(error.code == "too_large")
        }
    }

    @Test("Journal: an archived note round-trips, and is not taken for an event")
    func archivedNote() throws {
        let bytes = JournalEventCodec.encodeArchived("c42", at: time(3))
        #expect(try bytes.withUnsafeBytes { try JournalEventCodec.decodeRecord($0) } == .archived("c42", at: time(3)))
        #expect(throws: JournalDecodeError.self) { try JournalEventCodec.decode(bytes) }
    }
}

struct SnapshotTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
