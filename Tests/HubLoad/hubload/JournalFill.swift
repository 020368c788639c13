import LiveHubDomain
import LiveHubJournalStore
import LiveHubLoad
import LiveHubPosix
import LiveHubProtocol

/// `hubload journal`: writes a hub data directory whose journal holds `events` facts made by the real
/// domain, for measuring how long `livehub serve` takes to start on it. `conversations` agent and
/// customer pairs chat in turns; each conversation closes after `messagesPerConversation` messages and
/// the pair starts a new one, so the journal holds many closed conversations and `conversations` open
/// ones. The configuration goes to `DIR/config.json` (the same as `hubload config`).
enum JournalFill {
    struct Result {
        var records = 0
        var conversationsStarted = 0
        var seconds = 0.0
    }

    static func run(
        directory: String, conversations: Int, events target: Int, messagesPerConversation: Int, supervisors: Int
    ) throws -> Result {
        let started = MonotonicClock.now()
        try FileSystem.makeDirectory(directory)
        let json = BenchHubConfiguration.json(conversations: conversations, supervisors: supervisors)
        try FileSystem.createExclusive(directory + "/config.json", bytes: Array(json.utf8), mode: 0o640)
        var hub = Hub(configuration: try ConfigurationFile.decode(Array(json.utf8)))

        let recovery = try JournalRecovery.open(directory: directory + "/journal", log: { _ in }, record: { _, _ in })
        guard recovery.nextLSN == 1 else { throw FillError("\(directory)/journal is not empty") }
        let writer = try JournalWriter.start(
            after: recovery, options: JournalOptions(sync: .off), log: { StandardStreams.writeError($0 + "\n") })
        var nextLSN: UInt64 = 1
        var pending: [[UInt8]] = []
        var result = Result()
        func flush() {
            guard !pending.isEmpty else { return }
            writer.append(JournalBatch(firstLSN: nextLSN, records: pending)) { outcome in
                if case .failure(let failure) = outcome { StandardStreams.writeError("hubload: \(failure)\n") }
            }
            nextLSN += UInt64(pending.count)
            result.records += pending.count
            pending.removeAll(keepingCapacity: true)
        }

        var now = Instant(millisecondsSinceEpoch: WallClock.millisecondsSinceEpoch() - Int64(target))
        let connection = ConnectionId("fill")
        @discardableResult
        func run(_ command: Command, _ role: Role, _ user: String) throws -> HubOutcome {
            now = now.adding(milliseconds: 1)
            let outcome = try hub.handle(
                command, from: Actor(role: role, userId: UserId(user), connectionId: connection), sessions: .none,
                at: now)
            for event in outcome.events where event.isJournaled {
                if let bytes = JournalEventCodec.encode(event) { pending.append(bytes) }
            }
            if pending.count >= 4096 { flush() }
            return outcome
        }

        var current: [ConversationId] = []
        var sent: [Int] = []
        func open(_ index: Int) throws -> ConversationId {
            let agent = BenchHubConfiguration.agentId(index)
            let outcome = try run(
                .start(subject: "Order \(result.conversationsStarted + 1)", channel: Channel("livechat"),
                    queueId: QueueId(BenchHubConfiguration.queueId)), .customer, BenchHubConfiguration.customerId(index))
            guard case .conversationStarted(let conversationId) = outcome.acknowledgement,
                let offer = outcome.events.lazy.compactMap({ event -> Offer? in
                    if case .offer(let offer) = event.payload { offer } else { nil }
                }).first
            else { throw FillError("conversation \(index) was not offered to \(agent)") }
            try run(.acceptOffer(offer.offerId), .agent, offer.agentId.rawValue)
            result.conversationsStarted += 1
            return conversationId
        }
        for index in 0..<conversations {
            try run(.setPresence(.available), .agent, BenchHubConfiguration.agentId(index))
            current.append(try open(index))
            sent.append(0)
        }
        var turn = 0
        while result.records + pending.count < target {
            let index = turn % conversations
            let customerTurn = (turn / conversations) % 2 == 0
            turn += 1
            let user = customerTurn ? BenchHubConfiguration.customerId(index) : BenchHubConfiguration.agentId(index)
            try run(
                .sendMessage(
                    conversationId: current[index], text: "Message \(sent[index] + 1) of this conversation, about an order",
                    visibility: .public, clientMessageId: customerTurn ? "m\(turn)" : nil),
                customerTurn ? .customer : .agent, user)
            sent[index] += 1
            if sent[index] >= messagesPerConversation {
                let agent = BenchHubConfiguration.agentId(index)
                try run(.end(conversationId: current[index]), .agent, agent)
                try run(.close(conversationId: current[index]), .agent, agent)
                current[index] = try open(index)
                sent[index] = 0
            }
        }
        flush()
        writer.close()
        result.seconds = Double(MonotonicClock.now() - started) / 1e9
        return result
    }
}

struct FillError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
