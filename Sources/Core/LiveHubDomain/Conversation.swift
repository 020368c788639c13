/// A conversation as the hub knows it. Changed only by `Hub.apply`.
public struct Conversation: Hashable, Sendable {
    public let id: ConversationId
    public let subject: String
    public let channel: Channel
    public internal(set) var mode: Mode
    public internal(set) var queueId: QueueId
    public let customerId: UserId
    public internal(set) var primaryAgentId: UserId?
    /// Participants in join order.
    public internal(set) var participants: [Participant]
    public let createdAt: Instant
    /// When an agent first took it (accept or assign).
    public internal(set) var acceptedAt: Instant?
    public internal(set) var closedAt: Instant?
    public internal(set) var status: ConversationStatus
    /// Public and internal messages in seq order: read from the history, which holds each message once.
    public var transcript: [Message] {
        history.compactMap { event in
            if case .message(let message) = event.payload { message } else { nil }
        }
    }
    /// Capacity units the primary agent spends on it.
    public let capacityUnits: Int

    /// Every sequenced event, for `conversation.resume` and the monitor transcript.
    var history: [DomainEvent]
    /// The last seq handed out.
    var lastSeq: Int
    /// Pending offers about this conversation, oldest first.
    var pendingOfferIds: [OfferId]
    /// Agents the router must not offer it to again: they rejected it, let an offer time out, or released it.
    var declinedAgentIds: Set<UserId>
    /// Seq of each message by (sender, clientMessageId), so a resend is answered, not repeated.
    var seqByClientMessage: [ClientMessageKey: Int]
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
        primaryAgentId = nil
        participants = [Participant(userId: started.customerId, role: .customer)]
        createdAt = at
        acceptedAt = nil
        closedAt = nil
        status = .open
        capacityUnits = started.capacityUnits
        history = []
        lastSeq = 0
        pendingOfferIds = []
        declinedAgentIds = []
        seqByClientMessage = [:]
        waitMilliseconds = 0
        waitStartedAt = at
        handleMilliseconds = 0
        handleStartedAt = nil
    }

    /// The role `userId` currently holds here, if they take part.
    public func role(of userId: UserId) -> ParticipantRole? {
        participants.first { $0.userId == userId }?.role
    }

    /// Whether the primary agent's capacity is spent on it: from accept until closed.
    var holdsCapacity: Bool {
        primaryAgentId != nil && (status == .active || status == .waiting || status == .wrapUp)
    }
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

/// Identifies a message for idempotent resend: the same client id from another sender is a different message.
struct ClientMessageKey: Hashable, Sendable {
    var senderId: UserId
    var clientMessageId: String
}
