extension Hub {
    /// `conversation.wait`: the primary agent parks an active conversation (active → waiting).
    mutating func park(
        _ conversationId: ConversationId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        let conversation = try existingConversation(conversationId)
        try requirePrimaryAgent(actor, of: conversation)
        try requireStatus(conversation.status, in: [.active], for: "park")
        emitUpdate(of: conversation, status: .waiting, reason: .parked, at: now, into: &recorder)
    }

    /// `conversation.end`: the primary agent or the customer ends it (active or waiting → wrap-up).
    /// The customer may also end an open one (still waiting for an agent): it closes at once, reason
    /// `withdrawn`, and its pending offer is withdrawn.
    /// Pending transfer and consult offers are withdrawn: there is nothing left to hand over.
    mutating func end(
        _ conversationId: ConversationId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        let conversation = try existingConversation(conversationId)
        let isItsCustomer = actor.role == .customer && conversation.customerId == actor.userId
        if !isItsCustomer {
            try requirePrimaryAgent(actor, of: conversation)
        }
        if isItsCustomer && conversation.status == .open {
            // A customer who gives up waiting withdraws: nobody worked on it, so there is nothing to
            // wrap up. It leaves the queue at once instead of being offered to an agent for nobody.
            withdrawOffers(of: conversationId, at: now, into: &recorder)
            let closed = ConversationClosed(by: .customer, userId: actor.userId, reason: "withdrawn")
            emit(.conversationClosed(closed), in: conversationId, at: now, into: &recorder)
            return
        }
        try requireStatus(conversation.status, in: [.active, .waiting], for: "end")
        withdrawOffers(of: conversationId, at: now, into: &recorder)
        emitUpdate(of: conversation, status: .wrapUp, reason: .ended, at: now, into: &recorder)
    }

    /// `conversation.close`: the primary agent closes after wrap-up (wrap-up → closed).
    mutating func close(
        _ conversationId: ConversationId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        let conversation = try existingConversation(conversationId)
        try requirePrimaryAgent(actor, of: conversation)
        try requireStatus(conversation.status, in: [.wrapUp], for: "close")
        let closed = ConversationClosed(by: .agent, userId: actor.userId, reason: "completed")
        emit(.conversationClosed(closed), in: conversationId, at: now, into: &recorder)
    }

    /// `conversation.release`: the primary agent hands it back to its queue (active → open).
    /// Agents and consults leave; the router will not offer it to the releasing agent again.
    mutating func release(
        _ conversationId: ConversationId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        let conversation = try existingConversation(conversationId)
        try requirePrimaryAgent(actor, of: conversation)
        try requireStatus(conversation.status, in: [.active], for: "release")
        withdrawOffers(of: conversationId, at: now, into: &recorder)
        removeAgents(of: conversation, at: now, into: &recorder)
        emitUpdate(
            of: conversation, status: .open, primaryAgentId: .some(nil), reason: .released, at: now, into: &recorder)
    }

    /// `conversation.escalate`: the primary agent records a move to voice or video.
    mutating func escalate(
        _ conversationId: ConversationId, to mode: Mode, by actor: Actor, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        let conversation = try existingConversation(conversationId)
        try requirePrimaryAgent(actor, of: conversation)
        guard mode != .text else { throw .invalidMessage("escalation is to voice or video") }
        try requireStatus(conversation.status, in: [.active], for: "escalate")
        guard conversation.mode != mode else { throw .invalidState("\(conversationId) is already \(mode)") }
        emitUpdate(of: conversation, mode: mode, reason: .escalated, at: now, into: &recorder)
        // Audited when a supervisor does it (serving as the conversation's agent).
        audit(.escalated(mode: mode), in: conversationId, by: actor, at: now, into: &recorder)
    }
}
