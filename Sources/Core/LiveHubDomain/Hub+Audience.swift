/// Who is looking at a conversation's history: a participant, or a supervisor's monitoring connection.
enum Viewer {
    case participant(UserId, ParticipantRole)
    case monitor(UserId)

    var userId: UserId {
        switch self {
        case .participant(let userId, _), .monitor(let userId): userId
        }
    }

    /// A monitor is a supervisor: staff.
    var audience: Audience {
        switch self {
        case .monitor: .staff
        case .participant(_, let role): Audience(role)
        }
    }
}

extension Hub {
    /// Exactly who receives `event` now. Which audience may see what is `EventPayload.variant(for:)`;
    /// this names the users: a conversation's events go to its participants whose audience receives
    /// them (so internal messages reach staff and monitors only); offers go only to the offered agent
    /// (and the requester); the rest to the one user concerned or to a group the app expands.
    mutating func recipients(for event: DomainEvent) -> [Recipient] {
        switch event.payload {
        case .conversationStarted, .participantJoined, .participantLeft, .participantAway, .participantBack,
            .conversationUpdated, .notification, .conversationClosed, .message:
            return conversationAudience(of: event, excluding: nil)
        case .typing(let userId):
            return conversationAudience(of: event, excluding: userId)
        case .offer(let offer):
            return users(offer.agentId, offer.requesterId)
        case .offerEnded(let ended):
            return users(ended.agentId, ended.requesterId)
        case .reportUpdate:
            return [.reportSubscribers]
        case .presenceChanged(let userId, _):
            return [.user(userId)]
        case .monitorStarted(_, let connectionId), .monitorStopped(_, let connectionId):
            return [.connection(connectionId)]
        case .settingsUpdated(_, let changedBy):
            // The admin who changed them, and every supervisor: a dashboard that is open shows at once
            // what is allowed now (users without a connection are simply not reached).
            return [.user(changedBy)] + directory.supervisorIds.sorted().filter { $0 != changedBy }.map { .user($0) }
        case .queuePosition:
            // The waiting customer only: staff see the line in the report.
            guard let conversationId = event.conversationId,
                let customerId = state.reading(conversationId, { $0.customerId })
            else { return [] }
            return [.user(customerId)]
        case .agentUpdate, .agentDisconnected, .agentReconnected:
            return [.agentsViewers]
        case .audit:
            // A fact for the audit only: read through the admin's audit query, never delivered.
            return []
        }
    }

    /// The offered agent and the requester, if any: sorted, de-duplicated user recipients.
    private func users(_ agentId: UserId, _ requesterId: UserId?) -> [Recipient] {
        guard let requesterId, requesterId != agentId else { return [.user(agentId)] }
        return agentId < requesterId ? [.user(agentId), .user(requesterId)] : [.user(requesterId), .user(agentId)]
    }

    /// The participants whose audience receives the event, plus the conversation's monitors, which
    /// the app expands (`Delivery.reachesMonitor(heldBy:)` leaves out a monitor whose supervisor
    /// takes part). Monitors are supervisors, so staff: they receive every conversation event.
    private mutating func conversationAudience(of event: DomainEvent, excluding excludedId: UserId?) -> [Recipient] {
        guard let conversationId = event.conversationId,
            let participants = state.reading(conversationId, { $0.participants })
        else {
            return []
        }
        // A conversation has a handful of participants: each is put in its place in user order in the
        // one array returned (no set, no second array). Each audience's variant is decided once.
        let staffReceive = event.payload.variant(for: .staff).isReceived
        let customersReceive = event.payload.variant(for: .customer).isReceived
        var recipients: [Recipient] = []
        recipients.reserveCapacity(participants.count + 1)
        for participant in participants where participant.userId != excludedId {
            guard Audience(participant.role) == .staff ? staffReceive : customersReceive else { continue }
            recipients.insertUser(participant.userId)
        }
        recipients.append(.monitors(of: conversationId, excludingUser: excludedId))
        return recipients
    }

    /// Whether `viewer` may see a history event of the conversation (for resume and monitor
    /// transcripts): what their audience receives, and of offers only their own.
    func isVisible(_ event: DomainEvent, to viewer: Viewer) -> Bool {
        guard event.payload.variant(for: viewer.audience).isReceived else { return false }
        switch event.payload {
        case .offer(let offer):
            return viewer.userId == offer.agentId || viewer.userId == offer.requesterId
        case .offerEnded(let ended):
            return viewer.userId == ended.agentId || viewer.userId == ended.requesterId
        case .conversationStarted, .message, .participantJoined, .participantLeft, .participantAway, .participantBack,
            .conversationUpdated, .notification, .conversationClosed:
            return true
        case .typing, .reportUpdate, .presenceChanged, .monitorStarted, .monitorStopped, .settingsUpdated,
            .queuePosition, .agentUpdate, .agentDisconnected, .agentReconnected, .audit:
            return false
        }
    }
}

extension [Recipient] {
    /// Inserts `.user(userId)` in user order among the users already here, unless it is here already.
    fileprivate mutating func insertUser(_ userId: UserId) {
        for index in indices {
            guard case .user(let other) = self[index] else { continue }
            if other == userId { return }
            if userId < other {
                insert(.user(userId), at: index)
                return
            }
        }
        append(.user(userId))
    }
}
