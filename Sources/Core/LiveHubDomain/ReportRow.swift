import LiveHubSentiment

/// One line of the supervisor report: a conversation that is not closed and started in the window.
public struct ReportRow: Hashable, Sendable {
    public var conversationId: ConversationId
    public var subject: String
    /// The conversation's customer, and their name when their token carried one: whom a supervisor
    /// looks for when a customer calls about a chat, or whose sentiment turned negative.
    public var customerId: UserId
    public var customerName: String?
    public var status: ConversationStatus
    public var agentId: UserId?
    public var queueId: QueueId
    public var channel: Channel
    public var createdAt: Instant
    /// Seconds spent open (from creation or each re-queue until an agent took it); still counting while open.
    public var waitSeconds: Int64
    /// Seconds with a primary agent (accept until close, summed over agents, wrap-up included,
    /// consult time not counted separately).
    public var handleSeconds: Int64
    /// Start of the current wait, while open: a dashboard adds the time since to `waitSeconds` minus
    /// what it already counted, without asking again.
    public var waitStartedAt: Instant?
    /// Start of the current handle period, while an agent holds it.
    public var handleStartedAt: Instant?
    /// When the last message was written.
    public var lastActivityAt: Instant?
    /// How many take part (the customer included).
    public var participantCount: Int
    /// Whether the customer is disconnected, within their reconnection window.
    public var customerAway: Bool
    /// The customer's sentiment over their last six public messages; neutral until one carries any.
    public var sentiment: SentimentLevel

    public init(
        conversationId: ConversationId, subject: String, customerId: UserId, customerName: String? = nil,
        status: ConversationStatus, agentId: UserId?,
        queueId: QueueId, channel: Channel, createdAt: Instant, waitSeconds: Int64, handleSeconds: Int64,
        waitStartedAt: Instant? = nil, handleStartedAt: Instant? = nil, lastActivityAt: Instant? = nil,
        participantCount: Int = 1, customerAway: Bool = false, sentiment: SentimentLevel = .neutral
    ) {
        self.conversationId = conversationId
        self.subject = subject
        self.customerId = customerId
        self.customerName = customerName
        self.status = status
        self.agentId = agentId
        self.queueId = queueId
        self.channel = channel
        self.createdAt = createdAt
        self.waitSeconds = waitSeconds
        self.handleSeconds = handleSeconds
        self.waitStartedAt = waitStartedAt
        self.handleStartedAt = handleStartedAt
        self.lastActivityAt = lastActivityAt
        self.participantCount = participantCount
        self.customerAway = customerAway
        self.sentiment = sentiment
    }

    /// Whether a dashboard showing `other` would show the same as for this row: everything but the
    /// running counters, which it advances itself from `waitStartedAt` and `handleStartedAt`.
    func showsSame(as other: ReportRow) -> Bool {
        var mine = self
        mine.waitSeconds = other.waitSeconds
        mine.handleSeconds = other.handleSeconds
        return mine == other
    }
}
