extension Hub {
    /// `presence.set`: an agent changes presence; the router runs again afterwards, so an agent
    /// becoming available is considered for waiting work at once. Presence is not journaled (see
    /// `Hub.presence(of:)`).
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
        if !recorder.sessions.isSubscribedToReport {
            recorder.sessionChanges.append(.reportSubscribed(connection: actor.connectionId, user: actor.userId))
        }
        recorder.acknowledgement = .report(reportSnapshot(at: now))
    }

    /// `agents.subscribe`: a supervisor or admin gets the agents view now (in the ack) and
    /// `agents.update` on this connection from then on: each agent's presence, capacity used and
    /// total, and conversations. Subscribing twice just answers with the view again.
    mutating func subscribeAgents(by actor: Actor, into recorder: inout OutcomeRecorder) throws(HubError) {
        if actor.role == .supervisor {
            try requireSupervisor(actor)
        } else if actor.role != .admin {
            throw .forbidden("only supervisors and admins see the agents view")
        }
        if !recorder.sessions.isSubscribedToAgents {
            recorder.sessionChanges.append(.agentsSubscribed(connection: actor.connectionId, user: actor.userId))
        }
        recorder.acknowledgement = .agents(agentsSnapshot())
    }

    /// `settings.get`: a supervisor or admin reads the supervisor settings, so a dashboard shows what
    /// is allowed before anything changes (`settings-updated` reaches only the admin who changed them).
    mutating func readSettings(by actor: Actor, into recorder: inout OutcomeRecorder) throws(HubError) {
        guard actor.role == .admin || actor.role == .supervisor else {
            throw .forbidden("only supervisors and admins read the settings")
        }
        recorder.acknowledgement = .settings(state.settings)
    }

    /// `settings.update`: an admin changes supervisor settings.
    mutating func updateSettings(
        _ change: SettingsChange, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        guard actor.role == .admin else { throw .forbidden("only an admin changes settings") }
        let changes = AdminSetting.allCases.compactMap { setting in
            change[setting].map { SettingChange(setting: setting, from: state.settings[setting], to: $0) }
        }
        let stopsMonitoring = state.settings.supervisorMonitor && change.supervisorMonitor == false
        emit(
            .settingsUpdated(settings: change.applied(to: state.settings), changedBy: actor.userId), in: nil, at: now,
            into: &recorder)
        audit(.settingsChanged(changes), in: nil, by: actor, at: now, into: &recorder)
        if stopsMonitoring { stopEveryMonitor(at: now, into: &recorder) }
    }

    /// Switching `supervisorMonitor` off stops what it allowed: each monitoring connection is told
    /// `monitor-stopped` for each conversation it monitors and receives nothing more from it, and the
    /// audit notes each end with the reason `setting-off`.
    private mutating func stopEveryMonitor(at now: Instant, into recorder: inout OutcomeRecorder) {
        for (sessionId, monitored) in state.audit.openMonitors.sorted(by: { $0.key < $1.key }) {
            for (conversationId, holder) in monitored.sorted(by: { $0.key < $1.key }) {
                emit(
                    .monitorStopped(supervisorId: holder.userId, connectionId: sessionId), in: conversationId, at: now,
                    into: &recorder)
                recorder.sessionChanges.append(.monitorStopped(connection: sessionId, conversation: conversationId))
            }
            endMonitors(on: sessionId, reason: .settingOff, at: now, into: &recorder)
        }
    }
}
