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
            return [.reportSubscribers]
        case .presenceChanged(let userId, _):
            return [.user(userId)]
        case .monitorStarted(_, let connectionId), .monitorStopped(_, let connectionId):
            return [.connection(connectionId)]
        case .settingsUpdated(_, let changedBy):
            return [.user(changedBy)]
        }
    }

    /// Sorted, de-duplicated user recipients.
    private func users(_ userIds: [UserId?]) -> [Recipient] {
        Set(userIds.compactMap { $0 }).sorted().map(Recipient.user)
    }

    /// Participants (staff only, if asked) plus the conversation's monitors, which the app expands
    /// (`Delivery.reachesMonitor(heldBy:)` leaves out a monitor whose supervisor takes part).
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
        recipients.append(.monitors(of: conversationId, excludingUser: excludedId))
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
        case .typing, .reportUpdate, .presenceChanged, .monitorStarted, .monitorStopped, .settingsUpdated:
            return false
        }
    }
}
