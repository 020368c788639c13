/// Counts for operators (`/metrics`): how much work is where. Computed on demand from the state, so
/// it costs nothing per message; a scrape walks the conversations not closed once.
public struct HubStatistics: Hashable, Sendable {
    /// Conversations not closed, by status.
    public var conversationsByStatus: [ConversationStatus: Int] = [:]
    /// Conversations ever started (closed ones included).
    public var conversationsStarted = 0
    /// Per queue: conversations waiting for an agent (status open) and how long the oldest has waited.
    public var queues: [QueueStatistics] = []
    /// Configured agents by presence.
    public var agentsByPresence: [Presence: Int] = [:]
}

/// One queue's waiting work.
public struct QueueStatistics: Hashable, Sendable {
    public var queueId: QueueId
    public var waiting: Int
    /// 0 when nobody waits.
    public var oldestWaitMilliseconds: Int64
}

extension Hub {
    /// The statistics as of `now`.
    public func statistics(at now: Instant) -> HubStatistics {
        var statistics = HubStatistics()
        statistics.conversationsStarted = state.conversationCount
        var waiting: [QueueId: (count: Int, oldest: Int64)] = [:]
        for queue in configuration.queues { waiting[queue.id] = (0, 0) }
        for conversation in state.conversations.values where conversation.status != .closed {
            statistics.conversationsByStatus[conversation.status, default: 0] += 1
            guard conversation.status == .open else { continue }
            let waited = conversation.waitStartedAt.map { now.milliseconds(since: $0) } ?? 0
            let current = waiting[conversation.queueId] ?? (0, 0)
            waiting[conversation.queueId] = (current.count + 1, max(current.oldest, waited))
        }
        statistics.queues = waiting.keys.sorted().map {
            QueueStatistics(queueId: $0, waiting: waiting[$0]?.count ?? 0, oldestWaitMilliseconds: waiting[$0]?.oldest ?? 0)
        }
        for agent in configuration.agents { statistics.agentsByPresence[presence(of: agent.id), default: 0] += 1 }
        return statistics
    }
}
