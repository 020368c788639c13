extension Hub {
    /// `conversation.assign`: a supervisor with `supervisorAssign` places an open conversation.
    ///
    /// To an agent: their presence must be one the workstream allows and their free capacity must
    /// cover it, unless `override`; an override may exceed capacity and the ack says by how many
    /// units. To a queue: any queue but the current one; it stays open there.
    mutating func assign(
        _ conversationId: ConversationId, to target: AssignTarget, override: Bool, by actor: Actor, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        try requireSupervisor(actor)
        try requireSetting(state.settings.supervisorAssign, "supervisorAssign")
        let conversation = try existingConversation(conversationId)
        // Open means queued without an agent; every other status already has one.
        try requireStatus(conversation.status, in: [.open], for: "assign")
        switch target {
        case .agent(let agentId):
            let profile = try targetAgent(agentId)
            guard override || isPresenceAllowed(of: agentId, in: conversation) else {
                throw .presenceNotAllowed("\(agentId) is not in a presence the workstream allows")
            }
            // A route offer pending to the same agent is withdrawn below, so its reservation does not count.
            let ownReservation = conversation.pendingOfferIds
                .compactMap { state.offers[$0] }
                .filter { $0.agentId == agentId && $0.kind == .route }
                .reduce(0) { $0 + $1.reservedUnits }
            let excess = load(of: agentId) - ownReservation + conversation.capacityUnits - profile.capacity
            guard override || excess <= 0 else {
                throw .capacityExceeded("\(agentId) would exceed capacity by \(excess) units")
            }
            withdrawOffers(of: conversationId, at: now, into: &recorder)
            emit(
                .participantJoined(participant(agentId, .agent, in: conversation)), in: conversationId, at: now,
                into: &recorder)
            emitUpdate(
                of: conversation, status: .active, primaryAgentId: agentId, reason: .assigned, at: now,
                into: &recorder)
            recorder.acknowledgement = .assigned(capacityExceededBy: max(0, excess))
            audit(
                .assigned(target: target, override: override, capacityExceededBy: max(0, excess)), in: conversationId,
                by: actor, at: now, into: &recorder)
        case .queue(let queueId):
            guard directory.queues[queueId] != nil else { throw .notFound("no queue \(queueId)") }
            guard queueId != conversation.queueId else {
                throw .invalidMessage("\(conversationId) is already in queue \(queueId)")
            }
            withdrawOffers(of: conversationId, at: now, into: &recorder)
            emitUpdate(of: conversation, queueId: queueId, reason: .requeued, at: now, into: &recorder)
            recorder.acknowledgement = .assigned(capacityExceededBy: 0)
            audit(
                .assigned(target: target, override: override, capacityExceededBy: 0), in: conversationId, by: actor,
                at: now, into: &recorder)
        }
    }

    /// `conversation.forceClose`: a supervisor with `supervisorForceClose` closes a conversation in
    /// any status but closed. Every participant and monitor gets `conversation.closed` {by: supervisor}.
    mutating func forceClose(
        _ conversationId: ConversationId, reason: String, by actor: Actor, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        try requireSupervisor(actor)
        try requireSetting(state.settings.supervisorForceClose, "supervisorForceClose")
        guard let status = state.reading(conversationId, { $0.status }) else {
            throw .notFound("no conversation \(conversationId)")
        }
        guard status != .closed else { throw .invalidState("\(conversationId) is already closed") }
        withdrawOffers(of: conversationId, at: now, into: &recorder)
        // Before the close, so the audit reads cause, then effect (the monitors the close ends).
        audit(.forceClosed(reason: reason), in: conversationId, by: actor, at: now, into: &recorder)
        let closed = ConversationClosed(by: .supervisor, userId: actor.userId, reason: reason)
        emit(.conversationClosed(closed), in: conversationId, at: now, into: &recorder)
    }
}
