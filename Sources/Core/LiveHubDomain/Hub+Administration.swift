extension Hub {
    /// `presence.set`: an agent changes presence; the router runs again afterwards.
    mutating func setPresence(
        _ presence: Presence, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        guard actor.role == .agent || actor.role == .supervisor else {
            throw .forbidden("only agents have a presence")
        }
        guard directory.agents[actor.userId] != nil else {
            throw .unauthorized("\(actor.userId) is not a configured agent")
        }
        emit(.presenceChanged(userId: actor.userId, presence: presence), in: nil, at: now, into: &recorder)
    }

    /// `report.subscribe`: a supervisor or admin gets the report now (in the ack) and `report.update`
    /// on this connection from then on. Subscribing twice just answers with the report again.
    mutating func subscribeReport(by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder)
        throws(HubError)
    {
        if actor.role == .supervisor {
            try requireSupervisor(actor)
        } else if actor.role != .admin {
            throw .forbidden("only supervisors and admins read the report")
        }
        if state.reportSubscribers[actor.connectionId] == nil {
            emit(
                .reportSubscribed(userId: actor.userId, connectionId: actor.connectionId), in: nil, at: now,
                into: &recorder)
        }
        recorder.acknowledgement = .report(reportSnapshot(at: now))
    }

    /// `settings.update`: an admin changes supervisor settings.
    mutating func updateSettings(
        _ change: SettingsChange, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        guard actor.role == .admin else { throw .forbidden("only an admin changes settings") }
        emit(
            .settingsUpdated(settings: change.applied(to: state.settings), changedBy: actor.userId), in: nil, at: now,
            into: &recorder)
    }

    /// System: a connection closed; its monitors and report subscription end silently.
    mutating func connectionClosed(
        _ connectionId: ConnectionId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        guard actor.role == .system else { throw .forbidden("only the system reports closed connections") }
        guard state.monitoredByConnection[connectionId] != nil || state.reportSubscribers[connectionId] != nil else {
            return
        }
        emit(.connectionClosed(connectionId), in: nil, at: now, into: &recorder)
    }
}
