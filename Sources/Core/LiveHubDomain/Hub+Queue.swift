// Waiting customers are told their place in line and an estimated wait: right after they enter the
// line without being offered at once (or come back), and at the queue's next update tick whenever
// someone ahead of them left or the queue's times changed. Only the customer receives it, and it
// carries nothing but the position and the estimate.

extension Hub {
    /// The customer's place and estimate, as of now, for an open conversation.
    func queuePosition(of conversation: Conversation) -> QueuePosition? {
        guard let key = conversation.waitKey, let line = state.queues[conversation.queueId] else { return nil }
        let position = line.open.rank(of: key) + 1
        return QueuePosition(
            position: position,
            estimatedWaitSeconds: WaitEstimator(self, queue: conversation.queueId).seconds(for: position))
    }

    /// System: tells one waiting customer their place (after they entered the line or came back).
    mutating func publishPosition(
        of conversationId: ConversationId, at now: Instant, into recorder: inout OutcomeRecorder
    ) {
        guard let conversation = state.conversations[conversationId], conversation.customerAwaySince == nil,
            let position = queuePosition(of: conversation)
        else { return }
        emit(.queuePosition(position), in: conversationId, at: now, into: &recorder)
    }

    /// System: the queue's update tick. Walks its line once and tells each connected customer whose
    /// place or estimate changed since they were last told. Ticks are at most one per queue per
    /// update interval, whatever happened in it.
    mutating func publishQueue(_ queueId: QueueId, at now: Instant, into recorder: inout OutcomeRecorder) {
        guard let line = state.queues[queueId], !line.open.isEmpty else { return }
        let estimator = WaitEstimator(self, queue: queueId)
        var position = 0
        for key in line.open {
            position += 1
            guard let conversation = state.conversations[key.conversationId], conversation.customerAwaySince == nil
            else { continue }
            let notice = QueuePosition(position: position, estimatedWaitSeconds: estimator.seconds(for: position))
            if sent.positions[key.conversationId] != notice {
                emit(.queuePosition(notice), in: key.conversationId, at: now, into: &recorder)
            }
        }
    }
}

/// The estimated wait in a queue, from its recent handle and wait times and how many conversations its
/// ready agents can hold at once.
///
/// With recent handle times and some ready agent: the customer at position p waits about
/// p × (average handle time) / (conversations the ready agents hold at once). Without a ready agent
/// or handle times yet: the average recent wait. With neither: no estimate.
struct WaitEstimator {
    let averageHandleMilliseconds: Int64?
    let averageWaitMilliseconds: Int64?
    /// Conversations of this queue the agents in an allowed presence can hold at once.
    let slots: Int

    init(_ hub: Hub, queue queueId: QueueId) {
        let line = hub.state.queues[queueId]
        averageHandleMilliseconds = line?.recentHandles.average
        averageWaitMilliseconds = line?.recentWaits.average
        slots = hub.readySlots[queueId] ?? 0
    }

    func seconds(for position: Int) -> Int64? {
        if let handle = averageHandleMilliseconds, slots > 0 {
            return (Int64(position) * handle / Int64(slots) + 999) / 1_000
        }
        if let wait = averageWaitMilliseconds { return (wait + 999) / 1_000 }
        return nil
    }
}
