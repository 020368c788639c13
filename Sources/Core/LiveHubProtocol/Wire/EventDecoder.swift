import LiveHubDomain
import LiveHubSentiment

/// Reads an event's wire object back into a `DomainEvent` (what a Swift client or a test needs).
///
/// Fields the wire never carries come back as neutral values: `capacityUnits` and `reservedUnits`
/// as 0, and, for the customer variant, a missing `queueId` or closing `userId` as an empty id.
/// Re-encoding for the same audience therefore reproduces the frame byte for byte.
enum EventDecoder {
    static func decode(_ type: ServerMessageType, from reader: inout FieldReader) throws(HubError) -> DomainEvent {
        let conversationId = try reader.optionalIdentifier(WireKey.conversationId).map { ConversationId($0) }
        let seq = try reader.optionalInteger(WireKey.seq).map { Int(truncatingIfNeeded: $0) }
        let at = try reader.instant(WireKey.at)
        let payload: EventPayload
        switch type {
        case .conversationUpdated:
            payload = try conversationUpdate(from: &reader)
        case .message:
            guard let seq else { throw reader.failure("field 'seq' is missing") }
            payload = .message(
                Message(
                    seq: seq, senderId: UserId(try reader.identifier(WireKey.senderId)),
                    senderRole: try reader.enumeration(WireKey.senderRole, as: ParticipantRole.self),
                    text: try reader.string(WireKey.text),
                    visibility: try reader.enumeration(WireKey.visibility, as: Visibility.self),
                    clientMessageId: try reader.optionalIdentifier(WireKey.clientMessageId), at: at))
        case .participantJoined:
            payload = .participantJoined(try participantChange(from: &reader))
        case .participantLeft:
            payload = .participantLeft(try participantChange(from: &reader))
        case .participantAway:
            payload = .participantAway(try participantChange(from: &reader))
        case .participantBack:
            payload = .participantBack(try participantChange(from: &reader))
        case .queuePosition:
            payload = .queuePosition(
                QueuePosition(
                    position: try reader.count(WireKey.position, minimum: 1),
                    estimatedWaitSeconds: try reader.optionalInteger(WireKey.estimatedWaitSeconds)))
        case .agentsUpdate:
            var rowReader = FieldReader(try reader.object(WireKey.agent), context: "\(reader.context).agent")
            payload = .agentUpdate(try agentRow(from: &rowReader))
        case .offer:
            guard let conversationId else { throw reader.failure("field 'conversationId' is missing") }
            payload = .offer(
                Offer(
                    offerId: OfferId(try reader.identifier(WireKey.offerId)), conversationId: conversationId,
                    kind: try reader.enumeration(WireKey.kind, as: OfferKind.self),
                    agentId: UserId(try reader.identifier(WireKey.agentId)),
                    requesterId: try reader.optionalIdentifier(WireKey.requesterId).map { UserId($0) },
                    subject: try reader.string(WireKey.subject),
                    customerName: try reader.optionalString(WireKey.customerName),
                    channel: Channel(try reader.identifier(WireKey.channel)),
                    queueId: QueueId(try reader.identifier(WireKey.queueId)), reservedUnits: 0,
                    expiresAt: try reader.instant(WireKey.expiresAt)))
        case .conversationClosed:
            payload = .conversationClosed(
                ConversationClosed(
                    by: try reader.role(WireKey.by),
                    userId: UserId(try reader.optionalIdentifier(WireKey.userId) ?? ""),
                    reason: try reader.string(WireKey.reason)))
        case .typing:
            payload = .typing(userId: UserId(try reader.identifier(WireKey.userId)))
        case .reportUpdate:
            var rowReader = FieldReader(try reader.object(WireKey.row), context: "\(reader.context).row")
            payload = .reportUpdate(try reportRow(from: &rowReader))
        case .notification:
            payload = try notification(from: &reader)
        case .welcome, .ack, .error, .reportSnapshot, .agentsSnapshot:
            throw reader.failure("not an event")
        }
        return DomainEvent(conversationId: conversationId, seq: seq, at: at, payload: payload)
    }

    private static func conversationUpdate(from reader: inout FieldReader) throws(HubError) -> EventPayload {
        let reasonText = try reader.string(WireKey.reason)
        let status = try reader.enumeration(WireKey.status, as: ConversationStatus.self)
        let queueId = QueueId(try reader.optionalIdentifier(WireKey.queueId) ?? "")
        if reasonText == startedReason {
            // A started conversation is always open; anything else would not re-encode faithfully.
            guard status == .open else { throw reader.failure("a started conversation has status 'open'") }
            return .conversationStarted(
                ConversationStarted(
                    subject: try reader.string(WireKey.subject),
                    channel: Channel(try reader.identifier(WireKey.channel)),
                    mode: try reader.enumeration(WireKey.mode, as: Mode.self), queueId: queueId,
                    customerId: UserId(try reader.identifier(WireKey.customerId)), capacityUnits: 0,
                    customerName: try reader.optionalString(WireKey.customerName)))
        }
        guard let reason = UpdateReason(wireName: reasonText) else {
            let choices = ([startedReason] + UpdateReason.allCases.map(\.wireName)).joined(separator: ", ")
            throw reader.failure("field 'reason' must be one of \(choices)")
        }
        return .conversationUpdated(
            ConversationUpdate(
                status: status, queueId: queueId,
                primaryAgentId: try reader.optionalIdentifier(WireKey.agentId).map { UserId($0) },
                mode: try reader.enumeration(WireKey.mode, as: Mode.self), reason: reason))
    }

    private static func participantChange(from reader: inout FieldReader) throws(HubError) -> ParticipantChange {
        ParticipantChange(
            userId: UserId(try reader.identifier(WireKey.userId)),
            role: try reader.enumeration(WireKey.role, as: ParticipantRole.self),
            name: try reader.optionalString(WireKey.name))
    }

    private static func notification(from reader: inout FieldReader) throws(HubError) -> EventPayload {
        let kind = try reader.enumeration(WireKey.kind, as: NotificationWireKind.self)
        switch kind {
        case .offerAccepted, .offerRejected, .offerTimedOut, .offerWithdrawn:
            let outcome: OfferOutcome =
                switch kind {
                case .offerAccepted: .accepted
                case .offerRejected: .rejected
                case .offerTimedOut: .timedOut
                default: .withdrawn
                }
            return .offerEnded(
                OfferEnded(
                    offerId: OfferId(try reader.identifier(WireKey.offerId)),
                    kind: try reader.enumeration(WireKey.offerKind, as: OfferKind.self),
                    agentId: UserId(try reader.identifier(WireKey.agentId)),
                    requesterId: try reader.optionalIdentifier(WireKey.requesterId).map { UserId($0) }, outcome: outcome
                ))
        case .supervisorJoined:
            return .notification(
                Notification(kind: .supervisorJoined, userId: UserId(try reader.identifier(WireKey.userId))))
        case .presenceChanged, .agentDisconnected, .agentReconnected:
            let userId = UserId(try reader.identifier(WireKey.userId))
            let presence = try reader.enumeration(WireKey.presence, as: Presence.self)
            switch kind {
            case .agentDisconnected: return .agentDisconnected(userId: userId, presence: presence)
            case .agentReconnected: return .agentReconnected(userId: userId, presence: presence)
            default: return .presenceChanged(userId: userId, presence: presence)
            }
        case .monitorStarted, .monitorStopped:
            let userId = UserId(try reader.identifier(WireKey.userId))
            let connectionId = ConnectionId(try reader.identifier(WireKey.sessionId))
            return kind == .monitorStarted
                ? .monitorStarted(supervisorId: userId, connectionId: connectionId)
                : .monitorStopped(supervisorId: userId, connectionId: connectionId)
        case .settingsUpdated:
            let changedBy = UserId(try reader.identifier(WireKey.userId))
            var settingsReader = FieldReader(try reader.object(WireKey.settings), context: "\(reader.context).settings")
            let settings = AdminSettings(
                supervisorMonitor: try settingsReader.bool(WireKey.supervisorMonitor),
                supervisorAssign: try settingsReader.bool(WireKey.supervisorAssign),
                supervisorTransfer: try settingsReader.bool(WireKey.supervisorTransfer),
                supervisorForceClose: try settingsReader.bool(WireKey.supervisorForceClose))
            try settingsReader.finish()
            return .settingsUpdated(settings: settings, changedBy: changedBy)
        }
    }

    static func reportRow(from reader: inout FieldReader) throws(HubError) -> ReportRow {
        let row = ReportRow(
            conversationId: ConversationId(try reader.identifier(WireKey.conversationId)),
            subject: try reader.string(WireKey.subject),
            customerId: UserId(try reader.identifier(WireKey.customerId)),
            customerName: try reader.optionalString(WireKey.customerName),
            status: try reader.enumeration(WireKey.status, as: ConversationStatus.self),
            agentId: try reader.optionalIdentifier(WireKey.agentId).map { UserId($0) },
            queueId: QueueId(try reader.identifier(WireKey.queueId)),
            channel: Channel(try reader.identifier(WireKey.channel)), createdAt: try reader.instant(WireKey.createdAt),
            waitSeconds: try reader.integer(WireKey.waitSeconds),
            handleSeconds: try reader.integer(WireKey.handleSeconds),
            waitStartedAt: try reader.optionalInstant(WireKey.waitStartedAt),
            handleStartedAt: try reader.optionalInstant(WireKey.handleStartedAt),
            lastActivityAt: try reader.optionalInstant(WireKey.lastActivityAt),
            participantCount: try reader.optionalInteger(WireKey.participantCount).map { Int(truncatingIfNeeded: $0) }
                ?? 1,
            customerAway: try reader.optionalBool(WireKey.customerAway) ?? false,
            sentiment: try reader.enumeration(WireKey.sentiment, as: SentimentLevel.self))
        try reader.finish()
        return row
    }

    static func agentRow(from reader: inout FieldReader) throws(HubError) -> AgentRow {
        let row = AgentRow(
            agentId: UserId(try reader.identifier(WireKey.agentId)), name: try reader.string(WireKey.name),
            presence: try reader.enumeration(WireKey.presence, as: Presence.self),
            capacityUsed: try reader.count(WireKey.capacityUsed), capacity: try reader.count(WireKey.capacity),
            conversationIds: try reader.identifiers(WireKey.conversationIds).map { ConversationId($0) },
            disconnectedAt: try reader.optionalInstant(WireKey.disconnectedAt))
        try reader.finish()
        return row
    }
}
