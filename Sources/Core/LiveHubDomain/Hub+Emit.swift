extension Hub {
    /// The seq the next history event of `conversationId` gets.
    mutating func nextSeq(of conversationId: ConversationId) -> Int {
        (state.reading(conversationId) { $0.lastSeq } ?? 0) + 1
    }

    /// Builds an event, applies it, and records it with its recipients, any timer it implies and
    /// what it changes for the router, the report, the agents view and the queue lines. The one path
    /// by which handlers change state.
    mutating func emit(
        _ payload: EventPayload, in conversationId: ConversationId?, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) {
        var seq: Int? = nil
        if payload.isSequenced, let conversationId {
            seq = nextSeq(of: conversationId)
        }
        emit(payload, in: conversationId, seq: seq, at: now, into: &recorder)
    }

    /// `emit` for a caller that has just read the conversation and knows the seq the event gets
    /// (`nextSeq(of:)`, or `nil` when it is not sequenced): one look-up of the conversation fewer.
    mutating func emit(
        _ payload: EventPayload, in conversationId: ConversationId?, seq: Int?, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) {
        let event = DomainEvent(conversationId: conversationId, seq: seq, at: now, payload: payload)
        let before =
            payload.changesHeadline ? conversationId.flatMap { id in state.reading(id) { Glance($0) } } : nil
        let sentimentBefore =
            payload.isMessage && recorder.sessions.reportHasSubscribers
            ? conversationId.flatMap { settledSentiment(of: $0) } : nil

        // Someone who leaves must still hear about it: for that event the audience is taken before the
        // state forgets them.
        let earlyRecipients = payload.audienceTakenBeforeApply ? recipients(for: event) : []
        apply(event)
        let recipients = payload.audienceTakenBeforeApply ? earlyRecipients : recipients(for: event)

        recorder.deliveries.append(Delivery(event: event, recipients: recipients))
        if case .offer(let offer) = payload {
            recorder.schedule(.offerTimeout(offer.offerId, at: offer.expiresAt))
        }
        if case .conversationClosed = payload, let conversationId {
            recorder.sessionChanges.append(.monitorsEnded(conversation: conversationId))
            endMonitors(of: conversationId, reason: .conversationClosed, at: now, into: &recorder)
            recorder.schedule(.archive(conversationId, at: archiveDeadline(closedAt: now)))
        }
        switch payload {
        case .presenceChanged(let userId, _), .agentDisconnected(let userId, _), .agentReconnected(let userId, _):
            if case .presenceChanged = payload {
                recorder.routingAgents.insert(userId)
                scheduleQueueUpdates(servedBy: userId, at: now, into: &recorder)
            }
            if recorder.sessions.agentsViewHasSubscribers { recorder.noteAgentRow(userId) }
        default:
            break
        }
        guard let conversationId, payload.isJournaled else { return }
        noteRouting(payload, of: conversationId, into: &recorder)
        // Report rows are built only when some connection reads them. Joins, leaves and activity
        // refresh a row at most once a second, at the end of the command (`finishRows`); a change of
        // status, agent, queue or sentiment label (below) goes out at once, so one command sends one row
        // (two when a customer's message revives a waiting conversation and changes the label).
        if recorder.sessions.reportHasSubscribers && payload.isReportActivity
            && !recorder.activityRows.contains(conversationId)
        {
            recorder.activityRows.append(conversationId)
        }
        // A message that moves the customer's sentiment to another label sends the row at once, like
        // a change of status: a supervisor should see a conversation turn sour without waiting.
        // Messages that leave the label as it was are activity like any other (held back above). A
        // row already sent by this command (a customer's message reviving a waiting conversation)
        // showed the old label, so this one goes out as well.
        if let sentimentBefore, settledSentiment(of: conversationId) != sentimentBefore,
            let row = settledReportRow(of: conversationId, at: now)
        {
            emit(.reportUpdate(row), in: conversationId, at: now, into: &recorder)
            recorder.sentRows.insert(conversationId)
        }
        // The rest concerns only the events that change a conversation's headline.
        guard payload.changesHeadline, let after = state.reading(conversationId, { Glance($0) }) else { return }
        if let holder = before?.holder, holder != after.holder { recorder.routingAgents.insert(holder) }
        noteQueueLine(of: conversationId, before: before, after: after, at: now, into: &recorder)
        if case .conversationClosed = payload { scheduleQueueUpdate(after.queueId, at: now, into: &recorder) }
        if recorder.sessions.agentsViewHasSubscribers && before?.holder != after.holder {
            if let holder = before?.holder { recorder.noteAgentRow(holder) }
            if let holder = after.holder { recorder.noteAgentRow(holder) }
        }
        if recorder.sessions.reportHasSubscribers && before?.reportKey != after.reportKey,
            let row = settledReportRow(of: conversationId, at: now)
        {
            emit(.reportUpdate(row), in: conversationId, at: now, into: &recorder)
            recorder.sentRows.insert(conversationId)
        }
    }

    /// What an event made the router look at: a conversation that may now await an offer, and an agent
    /// whose reserved capacity it freed (capacity freed by a conversation is the headline's holder).
    private func noteRouting(
        _ payload: EventPayload, of conversationId: ConversationId, into recorder: inout OutcomeRecorder
    ) {
        switch payload {
        case .conversationStarted, .conversationUpdated, .participantLeft:
            recorder.routingConversations.insert(conversationId)
        case .offerEnded(let ended) where ended.kind == .route:
            recorder.routingConversations.insert(conversationId)
            recorder.routingAgents.insert(ended.agentId)
        default:
            break
        }
    }

    /// A conversation leaving its queue's line (or joining it anywhere but at the end) moves everyone
    /// behind it, and an agent taking one or a conversation closing changes the queue's times: its
    /// waiting customers are told at the next update tick.
    private func noteQueueLine(
        of conversationId: ConversationId, before: Glance?, after: Glance, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) {
        guard before?.waitKey != after.waitKey || before?.queueId != after.queueId else { return }
        if let before, before.waitKey != nil { scheduleQueueUpdate(before.queueId, at: now, into: &recorder) }
        if let key = after.waitKey, state.queues[after.queueId]?.open.last != key {
            scheduleQueueUpdate(after.queueId, at: now, into: &recorder)
        }
    }

    /// Asks for the queue's next update tick, when someone waits in it. Ticks fall on multiples of
    /// the update interval, so every change within one interval asks for the same tick.
    func scheduleQueueUpdate(_ queueId: QueueId, at now: Instant, into recorder: inout OutcomeRecorder) {
        guard state.queues[queueId]?.open.isEmpty == false else { return }
        let interval = max(1, configuration.timing.queueUpdateMilliseconds)
        let tick = (now.millisecondsSinceEpoch / interval + 1) * interval
        recorder.schedule(.queueUpdate(queueId, at: Instant(millisecondsSinceEpoch: tick)))
    }

    /// An agent's presence changes how soon the waiting customers of their queues are served.
    private func scheduleQueueUpdates(servedBy agentId: UserId, at now: Instant, into recorder: inout OutcomeRecorder) {
        for queueId in directory.agents[agentId]?.queues ?? [] {
            scheduleQueueUpdate(queueId, at: now, into: &recorder)
        }
    }

    /// At the end of a command: one report row for each conversation with held-back activity, one
    /// agents-view row for each agent whose row changed.
    mutating func finishRows(at now: Instant, into recorder: inout OutcomeRecorder) {
        let activity = recorder.activityRows
        recorder.activityRows = []
        for conversationId in activity where !recorder.sentRows.contains(conversationId) {
            publishReportRow(conversationId, at: now, into: &recorder)
        }
        let agents = recorder.agentRows
        recorder.agentRows = []
        if recorder.sessions.agentsViewHasSubscribers {
            for agentId in agents {
                if let row = agentRow(agentId) { emit(.agentUpdate(row), in: nil, at: now, into: &recorder) }
            }
        }
    }

    /// Sends the conversation's report row unless it went out less than the row interval ago (then a
    /// timer sends it when the interval is over) or nothing a dashboard shows changed since.
    mutating func publishReportRow(
        _ conversationId: ConversationId, at now: Instant, into recorder: inout OutcomeRecorder
    ) {
        guard recorder.sessions.reportHasSubscribers,
            state.reading(conversationId, { $0.status != .closed }) == true,
            let row = settledReportRow(of: conversationId, at: now)
        else { return }
        if let last = sent.reportRows[conversationId] {
            guard !last.row.showsSame(as: row) else { return }
            let due = last.at.adding(milliseconds: configuration.timing.reportRowIntervalMilliseconds)
            if now < due {
                recorder.schedule(.reportRow(conversationId, at: due))
                return
            }
        }
        emit(.reportUpdate(row), in: conversationId, at: now, into: &recorder)
        recorder.sentRows.insert(conversationId)
    }
}

/// What `emit` compares before and after an event: the fields that move a conversation in the router,
/// the queue line, the report and the agents view. Small and copied, so the conversation (and its
/// history) is never held across the change.
private struct Glance {
    var queueId: QueueId
    var waitKey: WaitKey?
    var reportKey: ReportKey
    /// The agent whose capacity it spends.
    var holder: UserId?

    init(_ conversation: borrowing Conversation) {
        queueId = conversation.queueId
        waitKey = conversation.waitKey
        reportKey = ReportKey(conversation)
        holder = conversation.holder
    }
}

/// The fields whose change sends `report.update` at once: status, agent and queue.
struct ReportKey: Hashable {
    var status: ConversationStatus
    var agentId: UserId?
    var queueId: QueueId

    init(_ conversation: borrowing Conversation) {
        status = conversation.status
        agentId = conversation.primaryAgentId
        queueId = conversation.queueId
    }
}

extension OutcomeRecorder {
    mutating func noteAgentRow(_ agentId: UserId) {
        if !agentRows.contains(agentId) { agentRows.append(agentId) }
    }
}

extension EventPayload {
    /// Whether the event joins its conversation's history (gets a seq and is resumable).
    var isSequenced: Bool {
        switch self {
        case .conversationStarted, .message, .participantJoined, .participantLeft, .participantAway, .participantBack,
            .conversationUpdated, .offer, .offerEnded, .notification, .conversationClosed:
            true
        case .typing, .reportUpdate, .presenceChanged, .monitorStarted, .monitorStopped, .settingsUpdated,
            .queuePosition, .agentUpdate, .agentDisconnected, .agentReconnected, .audit:
            false
        }
    }

    /// Whether the event is a message (the only event that can change the customer's sentiment).
    var isMessage: Bool {
        if case .message = self { true } else { false }
    }

    /// Whether the event can change a conversation's status, queue, line place or primary agent.
    var changesHeadline: Bool {
        switch self {
        case .conversationStarted, .conversationUpdated, .conversationClosed: true
        default: false
        }
    }

    /// Whether the event is a join, a leave or activity: it refreshes the report row at most once a
    /// second.
    var isReportActivity: Bool {
        switch self {
        case .message, .participantJoined, .participantLeft, .participantAway, .participantBack: true
        default: false
        }
    }

    /// Whether recipients are computed from the state before the event is applied.
    var audienceTakenBeforeApply: Bool {
        switch self {
        case .participantLeft: true
        default: false
        }
    }
}
