/// An agent's place in the router's choice: most free capacity first, then whoever was offered work
/// longest ago (never counts as longest), then the smaller id, so ties never depend on dictionary order.
struct AgentKey: Hashable, Comparable, Sendable {
    var free: Int
    var lastOfferedAt: Instant?
    var agentId: UserId

    static func < (left: AgentKey, right: AgentKey) -> Bool {
        if left.free != right.free { return left.free > right.free }
        switch (left.lastOfferedAt, right.lastOfferedAt) {
        case (nil, .some): return true
        case (.some, nil): return false
        case (.some(let first), .some(let second)) where first != second: return first < second
        default: return left.agentId < right.agentId
        }
    }
}

/// An agent whose last connection closed.
struct AgentAbsence: Hashable, Sendable {
    /// When their last connection closed.
    var since: Instant
    /// The presence they had, given back if they return within the grace period.
    var presence: Presence
}

/// What was last delivered of the deliveries the hub coalesces. Kept by `apply` from the transient
/// events themselves (a delivery remembers itself), cleared when the conversation no longer needs it.
struct DeliveryMemory: Hashable, Sendable {
    /// When each participant's last `typing` went out, per conversation.
    var typing: [ConversationId: [UserId: Instant]] = [:]
    /// The last report row sent per conversation, and when.
    var reportRows: [ConversationId: SentRow] = [:]
    /// The last position told to each waiting customer.
    var positions: [ConversationId: QueuePosition] = [:]

    struct SentRow: Hashable, Sendable {
        var at: Instant
        var row: ReportRow
    }

    /// Forgets a conversation that no longer waits, types or reports.
    mutating func forget(_ conversationId: ConversationId) {
        typing[conversationId] = nil
        reportRows[conversationId] = nil
        positions[conversationId] = nil
    }
}
