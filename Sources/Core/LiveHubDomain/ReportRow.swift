/// One line of the supervisor report: a conversation that is not closed and started in the window.
public struct ReportRow: Hashable, Sendable {
    public var conversationId: ConversationId
    public var subject: String
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

    public init(
        conversationId: ConversationId, subject: String, status: ConversationStatus, agentId: UserId?,
        queueId: QueueId, channel: Channel, createdAt: Instant, waitSeconds: Int64, handleSeconds: Int64
    ) {
        self.conversationId = conversationId
        self.subject = subject
        self.status = status
        self.agentId = agentId
        self.queueId = queueId
        self.channel = channel
        self.createdAt = createdAt
        self.waitSeconds = waitSeconds
        self.handleSeconds = handleSeconds
    }
}
