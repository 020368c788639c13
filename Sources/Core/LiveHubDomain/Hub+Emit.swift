extension Hub {
    /// The seq the next history event of `conversationId` gets.
    func nextSeq(of conversationId: ConversationId) -> Int {
        (state.conversations[conversationId]?.lastSeq ?? 0) + 1
    }

    /// Builds an event, applies it, and records it with its recipients, any timer it implies and
    /// the report update it causes. The one path by which handlers change state.
    mutating func emit(
        _ payload: EventPayload, in conversationId: ConversationId?, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) {
        var seq: Int? = nil
        if payload.isSequenced, let conversationId {
            seq = nextSeq(of: conversationId)
        }
        let event = DomainEvent(conversationId: conversationId, seq: seq, at: now, payload: payload)
        let reportKeyBefore = conversationId.flatMap { state.conversations[$0] }.map(ReportKey.init)

        // Someone who leaves must still hear about it: for that event the audience is taken before the
        // state forgets them.
        let earlyRecipients = payload.audienceTakenBeforeApply ? recipients(for: event) : []
        apply(event)
        let recipients = payload.audienceTakenBeforeApply ? earlyRecipients : recipients(for: event)

        recorder.events.append(event)
        recorder.deliveries.append(Delivery(event: event, recipients: recipients))
        if case .offer(let offer) = payload {
            recorder.timers.append(.offerTimeout(offer.offerId, at: offer.expiresAt))
        }
        if payload.affectsRouting {
            recorder.needsRouting = true
        }
        if case .conversationClosed = payload, let conversationId {
            recorder.sessionChanges.append(.monitorsEnded(conversation: conversationId))
        }
        // Report rows are built only when some connection reads them.
        if let conversationId, recorder.sessions.reportHasSubscribers,
            let conversation = state.conversations[conversationId],
            ReportKey(conversation) != reportKeyBefore
        {
            emit(.reportUpdate(reportRow(for: conversation, at: now)), in: conversationId, at: now, into: &recorder)
        }
    }
}

/// The fields whose change triggers `report.update`: status, agent and queue.
struct ReportKey: Hashable {
    var status: ConversationStatus
    var agentId: UserId?
    var queueId: QueueId

    init(_ conversation: Conversation) {
        status = conversation.status
        agentId = conversation.primaryAgentId
        queueId = conversation.queueId
    }
}

extension EventPayload {
    /// Whether the event joins its conversation's history (gets a seq and is resumable).
    var isSequenced: Bool {
        switch self {
        case .conversationStarted, .message, .participantJoined, .participantLeft, .conversationUpdated, .offer,
            .offerEnded, .notification, .conversationClosed:
            true
        case .typing, .reportUpdate, .presenceChanged, .monitorStarted, .monitorStopped, .settingsUpdated:
            false
        }
    }

    /// Whether the event can change who may be offered what, so the router must run afterwards.
    var affectsRouting: Bool {
        switch self {
        case .conversationStarted, .conversationUpdated, .offerEnded, .conversationClosed, .presenceChanged:
            true
        default:
            false
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
