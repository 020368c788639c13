extension Hub {
    /// `conversation.transfer`: the primary agent, or a supervisor with `supervisorTransfer`, moves an
    /// active or waiting text conversation.
    ///
    /// To an agent: the target must be a human agent of the same queue whose presence the workstream
    /// allows; they get a transfer offer and nothing changes until they accept. To a queue: agents
    /// leave and the conversation waits open in the new queue.
    mutating func transfer(
        _ conversationId: ConversationId, to target: TransferTarget, by actor: Actor, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        let conversation = try existingConversation(conversationId)
        if actor.role == .supervisor && conversation.primaryAgentId != actor.userId {
            try requireSupervisor(actor)
            try requireSetting(state.settings.supervisorTransfer, "supervisorTransfer")
        } else {
            try requirePrimaryAgent(actor, of: conversation)
        }
        try requireStatus(conversation.status, in: [.active, .waiting], for: "transfer")
        guard conversation.mode == .text else {
            throw .invalidState("\(conversationId) is in \(conversation.mode); only text is transferred")
        }
        switch target {
        case .agent(let agentId):
            let profile = try targetAgent(agentId)
            guard agentId != conversation.primaryAgentId else {
                throw .invalidMessage("\(agentId) already handles \(conversationId)")
            }
            guard profile.queues.contains(conversation.queueId) else {
                throw .forbidden("\(agentId) does not serve queue \(conversation.queueId)")
            }
            guard isPresenceAllowed(of: agentId, in: conversation) else {
                throw .presenceNotAllowed("\(agentId) is not in a presence the workstream allows")
            }
            guard !conversation.pendingOfferIds.contains(where: { state.offers[$0]?.kind == .transfer }) else {
                throw .invalidState("\(conversationId) already has a pending transfer")
            }
            let offerId = emitOffer(of: conversation, kind: .transfer, to: agentId, by: actor, at: now, into: &recorder)
            recorder.acknowledgement = .offerMade(offerId)
            audit(
                .transferred(target: target, offerId: offerId), in: conversationId, by: actor, at: now, into: &recorder)
        case .queue(let queueId):
            guard directory.queues[queueId] != nil else { throw .notFound("no queue \(queueId)") }
            guard queueId != conversation.queueId else {
                throw .invalidMessage("\(conversationId) is already in queue \(queueId)")
            }
            withdrawOffers(of: conversationId, at: now, into: &recorder)
            removeAgents(of: conversation, at: now, into: &recorder)
            emitUpdate(
                of: conversation, status: .open, queueId: queueId, primaryAgentId: .some(nil), reason: .requeued,
                at: now, into: &recorder)
            audit(.transferred(target: target, offerId: nil), in: conversationId, by: actor, at: now, into: &recorder)
        }
    }

    /// `consult.invite`: the primary agent asks another agent to help; they get a consult offer.
    mutating func consultInvite(
        _ conversationId: ConversationId, agentId: UserId, by actor: Actor, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        let conversation = try existingConversation(conversationId)
        try requirePrimaryAgent(actor, of: conversation)
        try requireStatus(conversation.status, in: [.active, .waiting], for: "invite a consult to")
        _ = try targetAgent(agentId)
        guard conversation.role(of: agentId) == nil else {
            throw .invalidMessage("\(agentId) already takes part in \(conversationId)")
        }
        guard isPresenceAllowed(of: agentId, in: conversation) else {
            throw .presenceNotAllowed("\(agentId) is not in a presence the workstream allows")
        }
        let alreadyInvited = conversation.pendingOfferIds.contains { offerId in
            state.offers[offerId]?.kind == .consult && state.offers[offerId]?.agentId == agentId
        }
        guard !alreadyInvited else { throw .invalidState("\(agentId) already has a consult offer") }
        let offerId = emitOffer(of: conversation, kind: .consult, to: agentId, by: actor, at: now, into: &recorder)
        recorder.acknowledgement = .offerMade(offerId)
    }

    /// Emits a transfer or consult offer; these reserve no capacity (the requester chose the agent).
    private mutating func emitOffer(
        of conversation: Conversation, kind: OfferKind, to agentId: UserId, by actor: Actor, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) -> OfferId {
        let offerId = OfferId("o\(state.offerCount + 1)")
        let offer = Offer(
            offerId: offerId, conversationId: conversation.id, kind: kind, agentId: agentId,
            requesterId: actor.userId, subject: conversation.subject, customerName: conversation.customerName,
            channel: conversation.channel,
            queueId: conversation.queueId, reservedUnits: 0,
            expiresAt: now.adding(milliseconds: offerTimeout(for: conversation)))
        emit(.offer(offer), in: conversation.id, at: now, into: &recorder)
        return offerId
    }
}
