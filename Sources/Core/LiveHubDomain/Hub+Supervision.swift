extension Hub {
    /// `conversation.monitor`: a supervisor silently watches on the requesting connection.
    ///
    /// Rules: `supervisorMonitor` on; status active, waiting or wrap-up; never a conversation the
    /// supervisor works as agent or consult. Nobody else is told. The connection gets a
    /// `monitor-started` notification, the transcript so far (internal included) in the ack, and then
    /// live events. Other connections of the same supervisor are unaffected.
    mutating func monitor(
        _ conversationId: ConversationId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        try requireSupervisor(actor)
        try requireSetting(state.settings.supervisorMonitor, "supervisorMonitor")
        let conversation = try existingConversation(conversationId)
        try requireStatus(conversation.status, in: [.active, .waiting, .wrapUp], for: "monitor")
        let ownRole = conversation.role(of: actor.userId)
        guard conversation.primaryAgentId != actor.userId && ownRole != .agent && ownRole != .consult else {
            throw .forbidden("a supervisor cannot monitor a conversation assigned to them")
        }
        guard !recorder.sessions.monitoredConversations.contains(conversationId) else {
            throw .invalidState("this connection already monitors \(conversationId)")
        }
        emit(
            .monitorStarted(supervisorId: actor.userId, connectionId: actor.connectionId), in: conversationId,
            at: now, into: &recorder)
        recorder.sessionChanges.append(
            .monitorStarted(connection: actor.connectionId, supervisor: actor.userId, conversation: conversationId))
        audit(.monitorStarted(sessionId: actor.connectionId), in: conversationId, by: actor, at: now, into: &recorder)
        recorder.acknowledgement = .history(visibleHistory(of: conversation, after: 0, to: .monitor(actor.userId)))
    }

    /// `conversation.unmonitor`: stops monitoring on this connection.
    mutating func unmonitor(
        _ conversationId: ConversationId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        _ = try existingConversation(conversationId)
        guard recorder.sessions.monitoredConversations.contains(conversationId) else {
            throw .invalidState("this connection does not monitor \(conversationId)")
        }
        emit(
            .monitorStopped(supervisorId: actor.userId, connectionId: actor.connectionId), in: conversationId,
            at: now, into: &recorder)
        recorder.sessionChanges.append(.monitorStopped(connection: actor.connectionId, conversation: conversationId))
        audit(
            .monitorStopped(sessionId: actor.connectionId, reason: .unmonitored), in: conversationId, by: actor,
            at: now, into: &recorder)
    }

    /// `conversation.join`: a supervisor takes part visibly. The agent and customer get
    /// `participant.joined` (role supervisor) and a `supervisor-joined` notification; from then on
    /// the supervisor writes public or internal messages.
    mutating func join(
        _ conversationId: ConversationId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        try requireSupervisor(actor)
        let conversation = try existingConversation(conversationId)
        try requireStatus(conversation.status, in: [.active, .waiting, .wrapUp], for: "join")
        guard conversation.role(of: actor.userId) == nil else {
            throw .invalidState("\(actor.userId) already takes part in \(conversationId)")
        }
        emit(
            .participantJoined(participant(actor.userId, .supervisor, in: conversation)), in: conversationId,
            at: now, into: &recorder)
        emit(
            .notification(Notification(kind: .supervisorJoined, userId: actor.userId)), in: conversationId, at: now,
            into: &recorder)
        audit(.joined, in: conversationId, by: actor, at: now, into: &recorder)
    }

    /// `conversation.leave`: a supervisor or consult leaves. The customer ends and the primary agent
    /// releases or ends instead, so for them it is `invalid_state`.
    mutating func leave(
        _ conversationId: ConversationId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        let conversation = try existingConversation(conversationId)
        guard let role = conversation.role(of: actor.userId), actor.role != .system else {
            throw .forbidden("\(actor.userId) does not take part in \(conversationId)")
        }
        guard role == .supervisor || role == .consult else {
            throw .invalidState("a \(role) ends or releases the conversation instead of leaving")
        }
        try requireStatus(conversation.status, in: [.active, .waiting, .wrapUp], for: "leave")
        emit(
            .participantLeft(participant(actor.userId, role, in: conversation)), in: conversationId, at: now,
            into: &recorder)
        audit(.left(reason: .requested), in: conversationId, by: actor, at: now, into: &recorder)
    }
}
