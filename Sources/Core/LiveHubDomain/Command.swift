/// A request to the hub. Its wire spelling (e.g. `conversation.forceClose`) is `LiveHubProtocol`'s
/// `RequestType`; the system commands have none.
///
/// Each command is checked against the current state by `Hub.handle`; a refused command throws a
/// `HubError` and changes nothing.
public enum Command: Hashable, Sendable {
    /// A customer opens a conversation in a queue.
    case start(subject: String, channel: Channel, queueId: QueueId)
    /// A participant writes. `clientMessageId` makes a resend idempotent.
    case sendMessage(conversationId: ConversationId, text: String, visibility: Visibility, clientMessageId: String?)
    /// A participant is typing; transient, never journaled.
    case typing(conversationId: ConversationId)
    /// Returns the events after `afterSeq` that the requester may see.
    case resume(conversationId: ConversationId, afterSeq: Int)
    /// An agent changes presence.
    case setPresence(Presence)
    /// The offered agent accepts a route or transfer offer (or a consult offer).
    case acceptOffer(OfferId)
    /// The offered agent declines a route or transfer offer (or a consult offer).
    case rejectOffer(OfferId)
    /// The primary agent parks the conversation (active → waiting).
    case wait(conversationId: ConversationId)
    /// The primary agent or the customer ends the conversation (active or waiting → wrap-up).
    case end(conversationId: ConversationId)
    /// The primary agent closes a wrapped-up conversation (wrap-up → closed).
    case close(conversationId: ConversationId)
    /// The primary agent hands the conversation back to its queue (active → open).
    case release(conversationId: ConversationId)
    /// The primary agent invites another agent to help.
    case consultInvite(conversationId: ConversationId, agentId: UserId)
    /// The invited agent joins as consult.
    case consultAccept(OfferId)
    /// The invited agent declines.
    case consultReject(OfferId)
    /// The primary agent or a supervisor moves the conversation to another agent (by offer) or queue.
    case transfer(conversationId: ConversationId, target: TransferTarget)
    /// A supervisor or admin starts receiving `report.update` on this connection.
    case subscribeReport
    /// A supervisor silently watches a conversation on this connection.
    case monitor(conversationId: ConversationId)
    /// Stops monitoring on this connection.
    case unmonitor(conversationId: ConversationId)
    /// A supervisor joins a conversation visibly.
    case join(conversationId: ConversationId)
    /// A supervisor or consult leaves a conversation.
    case leave(conversationId: ConversationId)
    /// A supervisor assigns an open conversation to an agent or another queue.
    case assign(conversationId: ConversationId, target: AssignTarget, override: Bool)
    /// A supervisor closes a conversation whatever its status.
    case forceClose(conversationId: ConversationId, reason: String)
    /// The primary agent records a move to voice or video.
    case escalate(conversationId: ConversationId, mode: Mode)
    /// An admin changes supervisor settings; `nil` fields stay as they are.
    case updateSettings(SettingsChange)
    /// A supervisor or admin starts receiving `agents.update` on this connection (the agents view).
    case subscribeAgents
    /// A supervisor or admin reads the supervisor settings (what may be done now).
    case readSettings
    /// Anyone lists the conversations they take part in that are not closed: what a console that
    /// signs in (after a restart, on another device, after being assigned while offline) resumes.
    case listOwnConversations

    // System commands: the shell sends them from `Actor.system`; none has a wire form.

    /// An offer's timer fired.
    case offerTimedOut(OfferId)
    /// The pause after every eligible agent declined the conversation is over: try them all again.
    case retryRouting(ConversationId)
    /// The away customer's reconnection window is over.
    case reconnectWindowEnded(ConversationId)
    /// The disconnected agent's grace period is over.
    case agentGraceEnded(UserId)
    /// Tell the waiting customers of a queue whose place or estimate changed.
    case publishQueue(QueueId)
    /// Tell one waiting customer their place and estimate.
    case publishPosition(ConversationId)
    /// Send a report row held back by the once-a-second limit.
    case publishReportRow(ConversationId)
    /// A user's first connection opened (the app counts them).
    case userConnected(UserId, Role)
    /// A user's last connection closed.
    case userDisconnected(UserId, Role)
    /// One connection closed (any of a user's, before `userDisconnected` for the last): the monitors
    /// it held end, silently for participants and audited (reason `disconnected`).
    case connectionClosed(ConnectionId)
    /// After a restart (the journal replayed): nobody is connected any more. Starts every customer's
    /// reconnection window and every agent's grace period as of now, and answers with every timer the
    /// state implies (`HubOutcome.timers`).
    case recover
    /// A closed conversation's time in memory is over: answers `Acknowledgement.archive` with the
    /// conversation for the shell to write to the archive (nothing when it is not closed, is unknown, or
    /// its time is not over). Changes nothing: the conversation leaves memory only through
    /// `Hub.forgetArchived`, once the archive holds it.
    case archive(ConversationId)
}

/// Where `conversation.transfer` sends a conversation.
public enum TransferTarget: Hashable, Sendable {
    /// Offer it to an agent in the same queue; on accept they become primary.
    case agent(UserId)
    /// Put it back in the open state in another queue.
    case queue(QueueId)
}

/// Where `conversation.assign` sends an open conversation.
public enum AssignTarget: Hashable, Sendable {
    case agent(UserId)
    case queue(QueueId)
}

/// A partial update of `AdminSettings`; `nil` leaves a setting unchanged.
public struct SettingsChange: Hashable, Sendable {
    public var supervisorMonitor: Bool?
    public var supervisorAssign: Bool?
    public var supervisorTransfer: Bool?
    public var supervisorForceClose: Bool?

    public init(
        supervisorMonitor: Bool? = nil, supervisorAssign: Bool? = nil, supervisorTransfer: Bool? = nil,
        supervisorForceClose: Bool? = nil
    ) {
        self.supervisorMonitor = supervisorMonitor
        self.supervisorAssign = supervisorAssign
        self.supervisorTransfer = supervisorTransfer
        self.supervisorForceClose = supervisorForceClose
    }

    /// `settings` with this change laid over it.
    public func applied(to settings: AdminSettings) -> AdminSettings {
        var result = settings
        if let supervisorMonitor { result.supervisorMonitor = supervisorMonitor }
        if let supervisorAssign { result.supervisorAssign = supervisorAssign }
        if let supervisorTransfer { result.supervisorTransfer = supervisorTransfer }
        if let supervisorForceClose { result.supervisorForceClose = supervisorForceClose }
        return result
    }
}
