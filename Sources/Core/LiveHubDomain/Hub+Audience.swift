/// Who is looking at a conversation's history: a participant, or a supervisor's monitoring connection.
enum Viewer {
    case participant(UserId, ParticipantRole)
    case monitor(UserId)

    var userId: UserId {
        switch self {
        case .participant(let userId, _), .monitor(let userId): userId
        }
    }

    /// Staff see internal messages; customers and bots never do.
    var isStaff: Bool {
        switch self {
        case .monitor: true
        case .participant(_, let role): role.isStaff
        }
    }
}

extension ParticipantRole {
    /// Agents, consults and supervisors: the roles that see internal messages.
    var isStaff: Bool {
        switch self {
        case .agent, .consult, .supervisor: true
        case .customer, .bot: false
        }
    }
}

extension Hub {
    /// Exactly who receives `event` now. This is where visibility is enforced: customers get only
    /// their own conversation's public events; internal messages go to staff and monitors only;
    /// offers go only to the offered agent (and the requester).
    func recipients(for event: DomainEvent) -> [Recipient] {
        switch event.payload {
        case .conversationStarted, .participantJoined, .participantLeft, .conversationUpdated, .notification,
            .conversationClosed:
            return conversationAudience(event.conversationId, staffOnly: false, excluding: nil)
        case .message(let message):
            return conversationAudience(
                event.conversationId, staffOnly: message.visibility == .internal, excluding: nil)
        case .typing(let userId):
            return conversationAudience(event.conversationId, staffOnly: false, excluding: userId)
        case .offer(let offer):
            return users([offer.agentId, offer.requesterId])
        case .offerEnded(let ended):
            return users([ended.agentId, ended.requesterId])
        case .reportUpdate:
            return state.reportSubscribers.keys.sorted().map(Recipient.connection)
        case .presenceChanged(let userId, _):
            return [.user(userId)]
        case .monitorStarted(_, let connectionId), .monitorStopped(_, let connectionId):
            return [.connection(connectionId)]
        case .settingsUpdated(_, let changedBy):
            return [.user(changedBy)]
        case .reportSubscribed, .connectionClosed:
            return []
        }
    }

    /// Sorted, de-duplicated user recipients.
    private func users(_ userIds: [UserId?]) -> [Recipient] {
        Set(userIds.compactMap { $0 }).sorted().map(Recipient.user)
    }

    /// Participants (staff only, if asked) plus monitoring connections. A monitor whose supervisor
    /// already receives the event as a participant is left out: the user recipient covers every
    /// one of their connections.
    private func conversationAudience(
        _ conversationId: ConversationId?, staffOnly: Bool, excluding excludedId: UserId?
    ) -> [Recipient] {
        guard let conversationId, let conversation = state.conversations[conversationId] else { return [] }
        var userIds: Set<UserId> = []
        for participant in conversation.participants where !staffOnly || participant.role.isStaff {
            userIds.insert(participant.userId)
        }
        if let excludedId { userIds.remove(excludedId) }
        var recipients = userIds.sorted().map(Recipient.user)
        let monitorConnections = conversation.monitors
            .filter { _, supervisorId in
                conversation.role(of: supervisorId) == nil && supervisorId != excludedId
            }
            .keys.sorted()
        recipients.append(contentsOf: monitorConnections.map(Recipient.connection))
        return recipients
    }

    /// Whether `viewer` may see a history event of the conversation (for resume and monitor transcripts).
    func isVisible(_ event: DomainEvent, to viewer: Viewer) -> Bool {
        switch event.payload {
        case .message(let message):
            return message.visibility == .public || viewer.isStaff
        case .offer(let offer):
            return viewer.userId == offer.agentId || viewer.userId == offer.requesterId
        case .offerEnded(let ended):
            return viewer.userId == ended.agentId || viewer.userId == ended.requesterId
        case .conversationStarted, .participantJoined, .participantLeft, .conversationUpdated, .notification,
            .conversationClosed:
            return true
        case .typing, .reportUpdate, .presenceChanged, .monitorStarted, .monitorStopped, .reportSubscribed,
            .settingsUpdated, .connectionClosed:
            return false
        }
    }
}
