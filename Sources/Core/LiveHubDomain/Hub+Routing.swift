extension Hub {
    /// Offers every open conversation without a pending route offer to the best eligible agent.
    ///
    /// Conversations go first-in, first-out by the start of their current wait. An agent is eligible
    /// when they serve the queue, their presence is one the workstream allows, they have not declined
    /// or released this conversation, and their free capacity covers it. Among eligible agents the
    /// choice is deterministic: most free capacity, then longest since their last offer, then id.
    /// A pending route offer reserves capacity, so one pass never over-offers an agent.
    mutating func route(at now: Instant, into recorder: inout OutcomeRecorder) {
        let waiting = state.openConversationIds
            .compactMap { state.conversations[$0] }
            .filter { conversation in
                !conversation.pendingOfferIds.contains { state.offers[$0]?.kind == .route }
            }
            .sorted { first, second in
                let firstStart = first.waitStartedAt ?? first.createdAt
                let secondStart = second.waitStartedAt ?? second.createdAt
                return (firstStart, first.id) < (secondStart, second.id)
            }
        for conversation in waiting {
            guard let agentId = bestAgent(for: conversation) else { continue }
            let offer = Offer(
                offerId: OfferId("o\(state.offerCount + 1)"), conversationId: conversation.id, kind: .route,
                agentId: agentId, requesterId: nil, subject: conversation.subject, channel: conversation.channel,
                queueId: conversation.queueId, reservedUnits: conversation.capacityUnits,
                expiresAt: now.adding(milliseconds: offerTimeout(for: conversation)))
            emit(.offer(offer), in: conversation.id, at: now, into: &recorder)
        }
    }

    /// The agent the router offers `conversation` to, or `nil` when nobody is eligible.
    func bestAgent(for conversation: Conversation) -> UserId? {
        var best: (agentId: UserId, free: Int, lastOfferedAt: Instant?)? = nil
        for profile in configuration.agents {
            guard profile.queues.contains(conversation.queueId),
                !conversation.declinedAgentIds.contains(profile.id),
                conversation.role(of: profile.id) == nil,
                isPresenceAllowed(of: profile.id, in: conversation)
            else { continue }
            let free = profile.capacity - load(of: profile.id)
            guard free >= conversation.capacityUnits else { continue }
            let candidate = (agentId: profile.id, free: free, lastOfferedAt: state.agents[profile.id]?.lastOfferedAt)
            if let current = best, !isBetter(candidate, than: current) { continue }
            best = candidate
        }
        return best?.agentId
    }

    /// Most free capacity wins; then whoever was offered work longest ago (never counts as longest);
    /// then the smaller id, so ties never depend on dictionary order.
    private func isBetter(
        _ candidate: (agentId: UserId, free: Int, lastOfferedAt: Instant?),
        than current: (agentId: UserId, free: Int, lastOfferedAt: Instant?)
    ) -> Bool {
        if candidate.free != current.free { return candidate.free > current.free }
        switch (candidate.lastOfferedAt, current.lastOfferedAt) {
        case (nil, .some): return true
        case (.some, nil): return false
        case (.some(let first), .some(let second)) where first != second: return first < second
        default: return candidate.agentId < current.agentId
        }
    }
}
