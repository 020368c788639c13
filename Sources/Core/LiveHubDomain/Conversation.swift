import LiveHubSentiment

/// A conversation as the hub knows it. Changed only by `Hub.apply`.
public struct Conversation: Hashable, Sendable {
    public let id: ConversationId
    public let subject: String
    public let channel: Channel
    public internal(set) var mode: Mode
    public internal(set) var queueId: QueueId
    public let customerId: UserId
    /// The customer's display name, as their token gave it at start (`nil`: their id).
    public let customerName: String?
    public internal(set) var primaryAgentId: UserId?
    /// Participants in join order.
    public internal(set) var participants: [Participant]
    public let createdAt: Instant
    /// When an agent first took it (accept or assign).
    public internal(set) var acceptedAt: Instant?
    public internal(set) var closedAt: Instant?
    public internal(set) var status: ConversationStatus
    /// Since when the customer has been away (their last connection closed); `nil` while connected.
    public internal(set) var customerAwaySince: Instant?
    /// When the last message was written.
    public internal(set) var lastActivityAt: Instant?
    /// The customer's sentiment: the scores of their last six public messages, neutral at the start.
    /// Scored in `apply`, so a replayed journal rebuilds it exactly; staff, system and internal
    /// messages never count.
    public internal(set) var customerSentiment: ConversationSentiment
    /// Public and internal messages in seq order: read from the history, which holds each message once.
    public var transcript: [Message] {
        history.compactMap { event in
            if case .message(let message) = event.payload { message } else { nil }
        }
    }
    /// Capacity units the primary agent spends on it.
    public let capacityUnits: Int

    /// Every sequenced event, for `conversation.resume` and the monitor transcript.
    var history: EventHistory
    /// The last seq handed out.
    var lastSeq: Int
    /// How many messages the history holds, and their text's UTF-8 bytes: what the conversation's
    /// limits (`Limits.maximumConversationMessages`, `maximumConversationTextBytes`) are checked against.
    var messageCount: Int
    var messageTextBytes: Int
    /// Pending offers about this conversation, oldest first.
    var pendingOfferIds: [OfferId]
    /// How many of them are route offers (0 or 1): an open conversation without one is the router's work.
    var pendingRouteOffers: Int
    /// Agents the router must not offer it to again: they rejected it, let an offer time out, or released it.
    /// Cleared when it returns to a queue and when the router tries again after a pause (`retried`).
    var declinedAgentIds: Set<UserId>
    /// When an agent last declined it (reject, time-out, release): the pause before the router tries
    /// everyone again runs from here.
    var lastDeclinedAt: Instant?
    /// Seq of each message by (sender, clientMessageId), so a resend is answered, not repeated.
    var clientMessages: ClientMessageIndex
    /// Wait time accumulated before the current open period.
    var waitMilliseconds: Int64
    /// Start of the current open period, while open.
    var waitStartedAt: Instant?
    /// Handle time accumulated before the current agent period.
    var handleMilliseconds: Int64
    /// Start of the current period with a primary agent.
    var handleStartedAt: Instant?

    init(id: ConversationId, started: ConversationStarted, at: Instant) {
        self.id = id
        subject = started.subject
        channel = started.channel
        mode = started.mode
        queueId = started.queueId
        customerId = started.customerId
        customerName = started.customerName
        primaryAgentId = nil
        participants = [Participant(userId: started.customerId, role: .customer)]
        createdAt = at
        acceptedAt = nil
        closedAt = nil
        status = .open
        customerAwaySince = nil
        lastActivityAt = nil
        customerSentiment = ConversationSentiment()
        capacityUnits = started.capacityUnits
        history = EventHistory()
        lastSeq = 0
        messageCount = 0
        messageTextBytes = 0
        pendingOfferIds = []
        pendingRouteOffers = 0
        declinedAgentIds = []
        lastDeclinedAt = nil
        clientMessages = ClientMessageIndex()
        waitMilliseconds = 0
        waitStartedAt = at
        handleMilliseconds = 0
        handleStartedAt = nil
    }

    /// The role `userId` currently holds here, if they take part.
    public func role(of userId: UserId) -> ParticipantRole? {
        participants.first { $0.userId == userId }?.role
    }

    /// The customer's display name: the one they gave, or their id.
    public var customerDisplayName: String { customerName ?? customerId.rawValue }

    /// Whether `message` is one the customer sentiment counts: the customer's own, and public.
    func countsForSentiment(_ message: Message) -> Bool {
        Self.countsForSentiment(message, customerId: customerId)
    }

    static func countsForSentiment(_ message: Message, customerId: UserId) -> Bool {
        message.senderId == customerId && message.senderRole == .customer && message.visibility == .public
    }

    /// Its place in its queue's line while open.
    var waitKey: WaitKey? {
        guard status == .open else { return nil }
        return WaitKey(since: waitStartedAt ?? createdAt, conversationId: id)
    }

    /// Whether the router should look for an agent for it: open, and no route offer pending.
    var awaitsOffer: Bool { status == .open && pendingRouteOffers == 0 }

    /// Whether the primary agent's capacity is spent on it: from accept until closed.
    var holdsCapacity: Bool {
        primaryAgentId != nil && (status == .active || status == .waiting || status == .wrapUp)
    }

    /// The agent whose capacity it spends, if any.
    var holder: UserId? { holdsCapacity ? primaryAgentId : nil }
}

/// A user taking part in a conversation.
public struct Participant: Hashable, Sendable {
    public var userId: UserId
    public var role: ParticipantRole

    public init(userId: UserId, role: ParticipantRole) {
        self.userId = userId
        self.role = role
    }
}

