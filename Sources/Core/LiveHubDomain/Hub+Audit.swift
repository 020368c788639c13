// Recording supervisors' and admins' actions in the audit. Handlers call `audit` once they have
// validated a command, beside the events the command causes; the entries are journaled facts like any
// other (`EventPayload.audit`), so an acknowledged action is on disk with its entry.

extension Hub {
    /// Records `action` by `actor` when the actor is a supervisor or an admin; other roles' actions are
    /// not audited (an agent's transfer is in the conversation's history).
    mutating func audit(
        _ action: AuditAction, in conversationId: ConversationId?, by actor: Actor, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) {
        guard actor.role == .supervisor || actor.role == .admin else { return }
        let name = directory.names[actor.userId] ?? actor.name ?? actor.userId.rawValue
        recordAudit(
            action, in: conversationId, userId: actor.userId, role: actor.role, name: name, at: now, into: &recorder)
    }

    /// Emits one audit entry, numbered next and timed `auditInstant(now)`.
    mutating func recordAudit(
        _ action: AuditAction, in conversationId: ConversationId?, userId: UserId, role: Role, name: String,
        at now: Instant, into recorder: inout OutcomeRecorder
    ) {
        let at = auditInstant(now)
        let entry = AuditEntry(
            id: state.audit.nextId, at: at, userId: userId, role: role, name: name, conversationId: conversationId,
            action: action)
        emit(.audit(entry), in: nil, at: at, into: &recorder)
    }

    /// The time of a new audit entry: now, or the previous entry's time if the wall clock stepped back
    /// meanwhile. Entries then stay in time order, which the audit query's `since` relies on.
    func auditInstant(_ now: Instant) -> Instant {
        guard let last = state.audit.entries.last?.at else { return now }
        return max(now, last)
    }

    /// Ends, each with an audit entry, the open monitors of one conversation (it closed).
    mutating func endMonitors(
        of conversationId: ConversationId, reason: MonitorStopReason, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) {
        for sessionId in (state.audit.monitorsByConversation[conversationId] ?? []).sorted() {
            endMonitor(sessionId, of: conversationId, reason: reason, at: now, into: &recorder)
        }
    }

    /// Ends, each with an audit entry, the open monitors of one connection.
    mutating func endMonitors(
        on sessionId: ConnectionId, reason: MonitorStopReason, at now: Instant, into recorder: inout OutcomeRecorder
    ) {
        for conversationId in (state.audit.openMonitors[sessionId] ?? [:]).keys.sorted() {
            endMonitor(sessionId, of: conversationId, reason: reason, at: now, into: &recorder)
        }
    }

    private mutating func endMonitor(
        _ sessionId: ConnectionId, of conversationId: ConversationId, reason: MonitorStopReason, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) {
        guard let holder = state.audit.openMonitors[sessionId]?[conversationId] else { return }
        recordAudit(
            .monitorStopped(sessionId: sessionId, reason: reason), in: conversationId, userId: holder.userId,
            role: holder.role, name: holder.name, at: now, into: &recorder)
    }

    /// System: a connection closed. Its monitors end silently for everyone but the audit.
    mutating func connectionClosed(
        _ connectionId: ConnectionId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        try requireSystem(actor)
        endMonitors(on: connectionId, reason: .disconnected, at: now, into: &recorder)
    }

    /// Every monitor still open after a restart ended with the previous process.
    mutating func endEveryMonitor(reason: MonitorStopReason, at now: Instant, into recorder: inout OutcomeRecorder) {
        for sessionId in state.audit.openMonitors.keys.sorted() {
            endMonitors(on: sessionId, reason: reason, at: now, into: &recorder)
        }
    }
}
