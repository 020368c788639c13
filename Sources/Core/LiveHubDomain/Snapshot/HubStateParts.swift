import LiveHubSentiment

// Every stored field of the hub's state, laid out for the snapshot codec (`SnapshotCodec` in
// LiveHubProtocol), which cannot see the domain's internal fields. `parts` reads them all;
// `init(parts:)` rebuilds exactly the value they were read from, so `HubState(parts: state.parts) ==
// state` for any state.
//
// Adding a stored field to `HubState`, `Conversation`, `AgentState`, `QueueLine` or `RecentDurations`:
// add it to the matching parts type, to both conversions below, and to `SnapshotCodec`. The codec's
// round-trip test (a rich state built by running domain scenarios) fails until all of them carry it.
// `package` access: visible to this package's modules only, never part of the domain's public API.

/// `HubState`, field by field.
package struct HubStateParts: Sendable {
    package var settings: AdminSettings
    package var conversations: [ConversationId: Conversation]
    package var agents: [UserId: AgentStateParts]
    package var offers: [OfferId: Offer]
    package var queues: [QueueId: QueueLineParts]
    package var openConversationsByCustomer: [UserId: Set<ConversationId>]
    package var staffConversations: [UserId: Set<ConversationId>]
    package var awayConversationIds: Set<ConversationId>
    package var conversationCount: Int
    package var offerCount: Int
    /// The audit's entries, oldest first (`AuditLog(entries:)` rebuilds its indexes and open monitors).
    package var audit: [AuditEntry] = []

    package init(
        settings: AdminSettings, conversations: [ConversationId: Conversation], agents: [UserId: AgentStateParts],
        offers: [OfferId: Offer], queues: [QueueId: QueueLineParts],
        openConversationsByCustomer: [UserId: Set<ConversationId>], staffConversations: [UserId: Set<ConversationId>],
        awayConversationIds: Set<ConversationId>, conversationCount: Int, offerCount: Int, audit: [AuditEntry] = []
    ) {
        self.settings = settings
        self.conversations = conversations
        self.agents = agents
        self.offers = offers
        self.queues = queues
        self.openConversationsByCustomer = openConversationsByCustomer
        self.staffConversations = staffConversations
        self.awayConversationIds = awayConversationIds
        self.conversationCount = conversationCount
        self.offerCount = offerCount
        self.audit = audit
    }
}

/// `AgentState`, field by field.
package struct AgentStateParts: Sendable {
    package var heldConversationIds: Set<ConversationId>
    package var reservingOfferIds: Set<OfferId>
    package var offerIds: Set<OfferId>
    package var lastOfferedAt: Instant?

    package init(
        heldConversationIds: Set<ConversationId>, reservingOfferIds: Set<OfferId>, offerIds: Set<OfferId>,
        lastOfferedAt: Instant?
    ) {
        self.heldConversationIds = heldConversationIds
        self.reservingOfferIds = reservingOfferIds
        self.offerIds = offerIds
        self.lastOfferedAt = lastOfferedAt
    }
}

/// A conversation's place in its queue's line (`WaitKey`).
package struct LinePlace: Sendable {
    package var since: Instant
    package var conversationId: ConversationId

    package init(since: Instant, conversationId: ConversationId) {
        self.since = since
        self.conversationId = conversationId
    }
}

/// `QueueLine`, field by field; the lines in order.
package struct QueueLineParts: Sendable {
    package var open: [LinePlace]
    package var unoffered: [Int: [LinePlace]]
    package var recentWaits: RecentDurationsParts
    package var recentHandles: RecentDurationsParts

    package init(
        open: [LinePlace], unoffered: [Int: [LinePlace]], recentWaits: RecentDurationsParts,
        recentHandles: RecentDurationsParts
    ) {
        self.open = open
        self.unoffered = unoffered
        self.recentWaits = recentWaits
        self.recentHandles = recentHandles
    }
}

/// `RecentDurations`: the ring of durations and where the next one goes.
package struct RecentDurationsParts: Sendable {
    package var milliseconds: [Int64]
    package var next: Int

    package init(milliseconds: [Int64], next: Int) {
        self.milliseconds = milliseconds
        self.next = next
    }
}

/// `Conversation`, field by field.
package struct ConversationParts: Sendable {
    package var id: ConversationId
    package var subject: String
    package var channel: Channel
    package var mode: Mode
    package var queueId: QueueId
    package var customerId: UserId
    package var customerName: String?
    package var primaryAgentId: UserId?
    package var participants: [Participant]
    package var createdAt: Instant
    package var acceptedAt: Instant?
    package var closedAt: Instant?
    package var status: ConversationStatus
    package var customerAwaySince: Instant?
    package var lastActivityAt: Instant?
    package var capacityUnits: Int
    package var history: EventHistory
    package var lastSeq: Int
    package var pendingOfferIds: [OfferId]
    package var pendingRouteOffers: Int
    package var declinedAgentIds: Set<UserId>
    package var lastDeclinedAt: Instant?
    package var waitMilliseconds: Int64
    package var waitStartedAt: Instant?
    package var handleMilliseconds: Int64
    package var handleStartedAt: Instant?
    /// The scores of the customer's last messages (`ConversationSentiment.recentScores`).
    package var sentimentScores: [Double] = []
    /// How many of the customer's latest messages after those scores are kept but not scored yet
    /// (`ConversationSentiment.unscoredCount`): their texts are the history's, so a snapshot carries
    /// only the count, and writing one scores nothing.
    package var unscoredSentimentMessages = 0

    /// A conversation's parts with every field a fresh one has; the codec sets the rest.
    package init(id: ConversationId, subject: String, channel: Channel, queueId: QueueId, customerId: UserId) {
        self.id = id
        self.subject = subject
        self.channel = channel
        mode = .text
        self.queueId = queueId
        self.customerId = customerId
        customerName = nil
        primaryAgentId = nil
        participants = []
        createdAt = Instant(millisecondsSinceEpoch: 0)
        acceptedAt = nil
        closedAt = nil
        status = .open
        customerAwaySince = nil
        lastActivityAt = nil
        capacityUnits = 1
        history = EventHistory()
        lastSeq = 0
        pendingOfferIds = []
        pendingRouteOffers = 0
        declinedAgentIds = []
        lastDeclinedAt = nil
        waitMilliseconds = 0
        waitStartedAt = nil
        handleMilliseconds = 0
        handleStartedAt = nil
    }
}

extension HubState {
    /// Every stored field.
    package var parts: HubStateParts {
        HubStateParts(
            settings: settings, conversations: conversations, agents: agents.mapValues(\.parts), offers: offers,
            queues: queues.mapValues(\.parts), openConversationsByCustomer: openConversationsByCustomer,
            staffConversations: staffConversations, awayConversationIds: awayConversationIds,
            conversationCount: conversationCount, offerCount: offerCount, audit: audit.entries)
    }

    /// The state `parts` was read from.
    package init(parts: HubStateParts) {
        settings = parts.settings
        conversations = parts.conversations
        agents = parts.agents.mapValues(AgentState.init(parts:))
        offers = parts.offers
        queues = parts.queues.mapValues(QueueLine.init(parts:))
        openConversationsByCustomer = parts.openConversationsByCustomer
        staffConversations = parts.staffConversations
        awayConversationIds = parts.awayConversationIds
        conversationCount = parts.conversationCount
        offerCount = parts.offerCount
        audit = AuditLog(entries: parts.audit)
    }
}

extension AgentState {
    package var parts: AgentStateParts {
        AgentStateParts(
            heldConversationIds: heldConversationIds, reservingOfferIds: reservingOfferIds, offerIds: offerIds,
            lastOfferedAt: lastOfferedAt)
    }

    package init(parts: AgentStateParts) {
        heldConversationIds = parts.heldConversationIds
        reservingOfferIds = parts.reservingOfferIds
        offerIds = parts.offerIds
        lastOfferedAt = parts.lastOfferedAt
    }
}

extension QueueLine {
    var parts: QueueLineParts {
        QueueLineParts(
            open: open.map(LinePlace.init), unoffered: unoffered.mapValues { $0.map(LinePlace.init) },
            recentWaits: recentWaits.parts, recentHandles: recentHandles.parts)
    }

    init(parts: QueueLineParts) {
        for place in parts.open { open.insert(WaitKey(place)) }
        for (units, places) in parts.unoffered {
            var line = SortedList<WaitKey>()
            for place in places { line.insert(WaitKey(place)) }
            unoffered[units] = line
        }
        recentWaits = RecentDurations(parts: parts.recentWaits)
        recentHandles = RecentDurations(parts: parts.recentHandles)
    }
}

extension LinePlace {
    init(_ key: WaitKey) { self.init(since: key.since, conversationId: key.conversationId) }
}

extension WaitKey {
    init(_ place: LinePlace) { self.init(since: place.since, conversationId: place.conversationId) }
}

extension RecentDurations {
    var parts: RecentDurationsParts { RecentDurationsParts(milliseconds: milliseconds, next: next) }

    init(parts: RecentDurationsParts) {
        self.init()
        for duration in parts.milliseconds { add(duration) }
        next = parts.next
    }
}

extension Conversation {
    /// Every stored field.
    package var parts: ConversationParts {
        var parts = ConversationParts(
            id: id, subject: subject, channel: channel, queueId: queueId, customerId: customerId)
        parts.mode = mode
        parts.customerName = customerName
        parts.primaryAgentId = primaryAgentId
        parts.participants = participants
        parts.createdAt = createdAt
        parts.acceptedAt = acceptedAt
        parts.closedAt = closedAt
        parts.status = status
        parts.customerAwaySince = customerAwaySince
        parts.lastActivityAt = lastActivityAt
        parts.capacityUnits = capacityUnits
        parts.history = history
        parts.lastSeq = lastSeq
        parts.pendingOfferIds = pendingOfferIds
        parts.pendingRouteOffers = pendingRouteOffers
        parts.declinedAgentIds = declinedAgentIds
        parts.lastDeclinedAt = lastDeclinedAt
        parts.waitMilliseconds = waitMilliseconds
        parts.waitStartedAt = waitStartedAt
        parts.handleMilliseconds = handleMilliseconds
        parts.handleStartedAt = handleStartedAt
        parts.sentimentScores = customerSentiment.scoredScores
        parts.unscoredSentimentMessages = customerSentiment.unscoredCount
        return parts
    }

    /// The conversation `parts` were read from.
    package init(parts: ConversationParts) {
        id = parts.id
        subject = parts.subject
        channel = parts.channel
        mode = parts.mode
        queueId = parts.queueId
        customerId = parts.customerId
        customerName = parts.customerName
        primaryAgentId = parts.primaryAgentId
        participants = parts.participants
        createdAt = parts.createdAt
        acceptedAt = parts.acceptedAt
        closedAt = parts.closedAt
        status = parts.status
        customerAwaySince = parts.customerAwaySince
        lastActivityAt = parts.lastActivityAt
        capacityUnits = parts.capacityUnits
        history = parts.history
        lastSeq = parts.lastSeq
        // Not in the snapshot: counted from the history, which holds every message.
        var messageCount = 0
        var messageTextBytes = 0
        parts.history.forEachEvent { event in
            if case .message(let message) = event.payload {
                messageCount += 1
                messageTextBytes += message.text.utf8.count
            }
        }
        self.messageCount = messageCount
        self.messageTextBytes = messageTextBytes
        pendingOfferIds = parts.pendingOfferIds
        pendingRouteOffers = parts.pendingRouteOffers
        declinedAgentIds = parts.declinedAgentIds
        lastDeclinedAt = parts.lastDeclinedAt
        // Not in the snapshot either: the history holds every message with its client id.
        clientMessages = ClientMessageIndex(history: parts.history)
        waitMilliseconds = parts.waitMilliseconds
        waitStartedAt = parts.waitStartedAt
        handleMilliseconds = parts.handleMilliseconds
        handleStartedAt = parts.handleStartedAt
        customerSentiment = ConversationSentiment(
            scoredScores: parts.sentimentScores,
            unscored: Self.latestCustomerTexts(
                parts.unscoredSentimentMessages, in: parts.history, customerId: parts.customerId))
    }

    /// Every sequenced event of the conversation, in seq order: what an archive keeps of it beside its
    /// headline fields.
    package var historyEvents: [DomainEvent] { Array(history) }

    /// The texts of the last `count` messages in `history` that count for the customer's sentiment,
    /// oldest first: what `note` kept and nobody scored yet.
    private static func latestCustomerTexts(_ count: Int, in history: EventHistory, customerId: UserId) -> [String] {
        guard count > 0 else { return [] }
        var texts: [String] = []
        for index in history.indices.reversed() {
            guard case .message(let message) = history[index].payload,
                Conversation.countsForSentiment(message, customerId: customerId)
            else { continue }
            texts.append(message.text)
            if texts.count == count { break }
        }
        return texts.reversed()
    }
}

extension Hub {
    /// A hub of `configuration` holding `state` (a snapshot's), as a replay of the journal up to the
    /// snapshot would: everything beside the state starts empty (no presence: every agent is offline),
    /// and every configured agent has an entry (one added to the configuration since gets an empty one;
    /// one removed keeps none, as a replay from the start would).
    package init(configuration: Configuration, restoring state: HubState) {
        self.init(configuration: configuration)
        var restored = state
        var agents: [UserId: AgentState] = [:]
        for agent in configuration.agents { agents[agent.id] = state.agents[agent.id] ?? AgentState() }
        restored.agents = agents
        self.state = restored
    }
}
