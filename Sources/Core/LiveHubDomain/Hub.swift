/// The conversation domain core: configuration plus state, driven by commands.
///
/// Synchronous and confined to one thread. `handle` checks a command against the state and turns it
/// into events; `apply` is the only way state changes, so the journaled events (`HubOutcome.journal`)
/// replay to the same state. Every handler validates completely before emitting its first event: a
/// thrown `HubError` leaves the state untouched.
///
/// Beside `state`, never replayed: the sessions of connections (kept by the app, read through
/// `SessionFacts`), agents' presence and connection (`presences`, `absentAgents`), the index of ready
/// agents built from them, and what was last sent of the coalesced deliveries (`sent`). `apply` keeps
/// all of them too, from the transient events.
public struct Hub: Sendable {
    public let configuration: Configuration
    /// The facts that survive a restart.
    public internal(set) var state: HubState
    /// Each agent's presence; an agent missing here is offline. Not in `state` and not journaled: a
    /// presence belongs to a connected agent (the app tells the hub when their last connection
    /// closes), so after a restart every agent is offline until they say otherwise, and no offer is
    /// made to an agent who is not there.
    var presences: [UserId: Presence] = [:]
    /// Agents whose last connection closed and who have not come back: when, and the presence they
    /// get back if they return within the grace period.
    var absentAgents: [UserId: AgentAbsence] = [:]
    /// Per queue, the agents in a presence its workstream allows, best first (`AgentKey`): the
    /// router's choice is the first one who has not declined the conversation.
    var readyAgents: [QueueId: SortedList<AgentKey>] = [:]
    /// Each configured agent's key as it stands in `readyAgents`.
    var agentKeys: [UserId: AgentKey] = [:]
    /// Per queue, how many of its conversations the ready agents can hold at once (each agent's
    /// capacity over the queue's units): the wait estimate's divisor, kept with `readyAgents`.
    var readySlots: [QueueId: Int] = [:]
    /// What was last delivered of the coalesced, transient deliveries (typing, report rows, queue
    /// positions), so repeats are held back.
    var sent = DeliveryMemory()
    /// How many conversations and agents the router has looked at since this hub was made: its work,
    /// counted so tests can hold routing cost flat as open conversations pile up (a start with 10,000
    /// waiting must look at a handful, as with 10). Not state: a replay does not rebuild it.
    public internal(set) var routingSteps = 0
    let directory: Directory

    public init(configuration: Configuration) {
        self.configuration = configuration
        directory = Directory(configuration)
        state = HubState(settings: configuration.settings, agentIds: configuration.agents.map(\.id))
    }

    /// The agent's presence now: `offline` until they set one in this process.
    public func presence(of agentId: UserId) -> Presence {
        presences[agentId] ?? .offline
    }

    /// Checks `command` from `actor` at `now`, applies the resulting events and says who receives them.
    /// `sessions` is what the app's session registry knows about the requesting connection.
    public mutating func handle(
        _ command: Command, from actor: Actor, sessions: SessionFacts, at now: Instant
    ) throws(HubError) -> HubOutcome {
        var recorder = OutcomeRecorder(sessions: sessions)
        switch command {
        case .start(let subject, let channel, let queueId):
            try start(subject: subject, channel: channel, queueId: queueId, by: actor, at: now, into: &recorder)
        case .sendMessage(let conversationId, let text, let visibility, let clientMessageId):
            try sendMessage(
                in: conversationId, text: text, visibility: visibility, clientMessageId: clientMessageId, by: actor,
                at: now, into: &recorder)
        case .typing(let conversationId):
            try typing(in: conversationId, by: actor, at: now, into: &recorder)
        case .resume(let conversationId, let afterSeq):
            try resume(conversationId, afterSeq: afterSeq, by: actor, into: &recorder)
        case .setPresence(let presence):
            try setPresence(presence, by: actor, at: now, into: &recorder)
        case .acceptOffer(let offerId):
            try acceptOffer(offerId, kinds: OfferKind.every, by: actor, at: now, into: &recorder)
        case .rejectOffer(let offerId):
            try rejectOffer(offerId, kinds: OfferKind.every, by: actor, at: now, into: &recorder)
        case .consultAccept(let offerId):
            try acceptOffer(offerId, kinds: OfferKind.consultOnly, by: actor, at: now, into: &recorder)
        case .consultReject(let offerId):
            try rejectOffer(offerId, kinds: OfferKind.consultOnly, by: actor, at: now, into: &recorder)
        case .wait(let conversationId):
            try park(conversationId, by: actor, at: now, into: &recorder)
        case .end(let conversationId):
            try end(conversationId, by: actor, at: now, into: &recorder)
        case .close(let conversationId):
            try close(conversationId, by: actor, at: now, into: &recorder)
        case .release(let conversationId):
            try release(conversationId, by: actor, at: now, into: &recorder)
        case .consultInvite(let conversationId, let agentId):
            try consultInvite(conversationId, agentId: agentId, by: actor, at: now, into: &recorder)
        case .transfer(let conversationId, let target):
            try transfer(conversationId, to: target, by: actor, at: now, into: &recorder)
        case .subscribeReport:
            try subscribeReport(by: actor, at: now, into: &recorder)
        case .monitor(let conversationId):
            try monitor(conversationId, by: actor, at: now, into: &recorder)
        case .unmonitor(let conversationId):
            try unmonitor(conversationId, by: actor, at: now, into: &recorder)
        case .join(let conversationId):
            try join(conversationId, by: actor, at: now, into: &recorder)
        case .leave(let conversationId):
            try leave(conversationId, by: actor, at: now, into: &recorder)
        case .assign(let conversationId, let target, let override):
            try assign(conversationId, to: target, override: override, by: actor, at: now, into: &recorder)
        case .forceClose(let conversationId, let reason):
            try forceClose(conversationId, reason: reason, by: actor, at: now, into: &recorder)
        case .escalate(let conversationId, let mode):
            try escalate(conversationId, to: mode, by: actor, at: now, into: &recorder)
        case .updateSettings(let change):
            try updateSettings(change, by: actor, at: now, into: &recorder)
        case .subscribeAgents:
            try subscribeAgents(by: actor, into: &recorder)
        case .readSettings:
            try readSettings(by: actor, into: &recorder)
        case .listOwnConversations:
            try listOwnConversations(by: actor, into: &recorder)
        case .offerTimedOut(let offerId):
            try offerTimedOut(offerId, by: actor, at: now, into: &recorder)
        case .retryRouting(let conversationId):
            try retryRouting(conversationId, by: actor, at: now, into: &recorder)
        case .reconnectWindowEnded(let conversationId):
            try reconnectWindowEnded(conversationId, by: actor, at: now, into: &recorder)
        case .agentGraceEnded(let agentId):
            try agentGraceEnded(agentId, by: actor, at: now, into: &recorder)
        case .publishQueue(let queueId):
            try requireSystem(actor)
            publishQueue(queueId, at: now, into: &recorder)
        case .publishPosition(let conversationId):
            try requireSystem(actor)
            publishPosition(of: conversationId, at: now, into: &recorder)
        case .publishReportRow(let conversationId):
            try requireSystem(actor)
            publishReportRow(conversationId, at: now, into: &recorder)
        case .userConnected(let userId, let role):
            try requireSystem(actor)
            userConnected(userId, role: role, at: now, into: &recorder)
        case .userDisconnected(let userId, let role):
            try requireSystem(actor)
            userDisconnected(userId, role: role, at: now, into: &recorder)
        case .connectionClosed(let connectionId):
            try connectionClosed(connectionId, by: actor, at: now, into: &recorder)
        case .recover:
            try requireSystem(actor)
            recover(at: now, into: &recorder)
        case .archive(let conversationId):
            try requireSystem(actor)
            archiveDue(conversationId, at: now, into: &recorder)
        }
        if recorder.needsRouting {
            route(at: now, into: &recorder)
        }
        finishRows(at: now, into: &recorder)
        return recorder.outcome
    }

    /// The report as of `now`: every conversation not closed that started within the report window,
    /// oldest first.
    public func reportSnapshot(at now: Instant) -> [ReportRow] {
        let windowStart = now.adding(milliseconds: -configuration.limits.reportWindowMilliseconds)
        return state.conversations.values
            .filter { $0.status != .closed && $0.createdAt >= windowStart }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            .map { Self.reportRow(for: $0, at: now) }
    }

    /// One report row, with times measured up to `now`. Static: it reads nothing but the conversation,
    /// so it can be built while the conversation is borrowed from the state.
    static func reportRow(for conversation: borrowing Conversation, at now: Instant) -> ReportRow {
        var waitMilliseconds = conversation.waitMilliseconds
        if let waitStartedAt = conversation.waitStartedAt {
            waitMilliseconds += now.milliseconds(since: waitStartedAt)
        }
        var handleMilliseconds = conversation.handleMilliseconds
        if let handleStartedAt = conversation.handleStartedAt {
            handleMilliseconds += now.milliseconds(since: handleStartedAt)
        }
        return ReportRow(
            conversationId: conversation.id, subject: conversation.subject, customerId: conversation.customerId,
            customerName: conversation.customerName, status: conversation.status,
            agentId: conversation.primaryAgentId, queueId: conversation.queueId, channel: conversation.channel,
            createdAt: conversation.createdAt, waitSeconds: waitMilliseconds / 1_000,
            handleSeconds: handleMilliseconds / 1_000, waitStartedAt: conversation.waitStartedAt,
            handleStartedAt: conversation.handleStartedAt, lastActivityAt: conversation.lastActivityAt,
            participantCount: conversation.participants.count,
            customerAway: conversation.customerAwaySince != nil && conversation.status != .closed,
            sentiment: conversation.customerSentiment.level)
    }

    /// The agents view: every configured agent, in configuration order.
    public func agentsSnapshot() -> [AgentRow] {
        configuration.agents.compactMap { agentRow($0.id) }
    }

    /// One agent's row as of now.
    func agentRow(_ agentId: UserId) -> AgentRow? {
        guard let profile = directory.agents[agentId], let agent = state.agents[agentId] else { return nil }
        var used = 0
        for conversationId in agent.heldConversationIds {
            used += state.conversations[conversationId]?.capacityUnits ?? 0
        }
        return AgentRow(
            agentId: agentId, name: profile.name, presence: presence(of: agentId), capacityUsed: used,
            capacity: profile.capacity, conversationIds: agent.heldConversationIds.sorted(),
            disconnectedAt: absentAgents[agentId]?.since)
    }
}
