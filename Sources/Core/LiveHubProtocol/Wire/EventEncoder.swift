import LiveHubDomain
import LiveHubSentiment

/// Writes a `DomainEvent` as its wire object: `type`, then `conversationId` and `seq` when the event
/// has them, then `at`, then the payload's fields in documented order.
///
/// It decides nothing about who sees what: the domain's `EventPayload.variant(for:)` says which
/// optional fields an audience reads, and the encoder writes those. Whether the audience may receive
/// the event at all is for the caller to honour (`EncodedEvent` does). Audit entries have no wire
/// form (no audience receives them; `AuditEncoder` writes them for the audit query): encoded here
/// anyway they come out as an envelope without a `type`.
public enum EventEncoder {
    /// The event as one frame's payload, with the fields `audience`'s variant includes.
    public static func encode(_ event: DomainEvent, for audience: Audience) -> [UInt8] {
        var writer = JSONWriter(capacity: 192)
        write(event, for: audience, into: &writer)
        return writer.finish()
    }

    static func write(_ event: DomainEvent, for audience: Audience, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field(WireKey.type, ServerMessageType(event.kind)?.rawValue)
        writer.field(WireKey.conversationId, event.conversationId?.rawValue)
        if let seq = event.seq { writer.field(WireKey.seq, seq) }
        writer.field(WireKey.at, event.at)
        let variant = event.payload.variant(for: audience)
        switch event.payload {
        case .conversationStarted(let started):
            writer.field(WireKey.reason, startedReason)
            writer.field(WireKey.status, ConversationStatus.open.wireName)
            if variant.includesQueue { writer.field(WireKey.queueId, started.queueId.rawValue) }
            writer.field(WireKey.mode, started.mode.wireName)
            writer.field(WireKey.subject, started.subject)
            writer.field(WireKey.channel, started.channel.rawValue)
            writer.field(WireKey.customerId, started.customerId.rawValue)
            writer.field(WireKey.customerName, started.customerName)
        case .conversationUpdated(let update):
            writer.field(WireKey.reason, update.reason.wireName)
            writer.field(WireKey.status, update.status.wireName)
            if variant.includesQueue { writer.field(WireKey.queueId, update.queueId.rawValue) }
            writer.field(WireKey.agentId, update.primaryAgentId?.rawValue)
            writer.field(WireKey.mode, update.mode.wireName)
        case .message(let message):
            writer.field(WireKey.senderId, message.senderId.rawValue)
            writer.field(WireKey.senderRole, message.senderRole.wireName)
            writer.field(WireKey.text, message.text)
            writer.field(WireKey.visibility, message.visibility.wireName)
            writer.field(WireKey.clientMessageId, message.clientMessageId)
        case .participantJoined(let change), .participantLeft(let change), .participantAway(let change),
            .participantBack(let change):
            writer.field(WireKey.userId, change.userId.rawValue)
            writer.field(WireKey.role, change.role.wireName)
            writer.field(WireKey.name, change.name)
        case .offer(let offer):
            writer.field(WireKey.offerId, offer.offerId.rawValue)
            writer.field(WireKey.kind, offer.kind.wireName)
            writer.field(WireKey.agentId, offer.agentId.rawValue)
            writer.field(WireKey.requesterId, offer.requesterId?.rawValue)
            writer.field(WireKey.subject, offer.subject)
            writer.field(WireKey.customerName, offer.customerName)
            writer.field(WireKey.channel, offer.channel.rawValue)
            writer.field(WireKey.queueId, offer.queueId.rawValue)
            writer.field(WireKey.expiresAt, offer.expiresAt)
        case .conversationClosed(let closed):
            writer.field(WireKey.by, closed.by.wireName)
            writer.field(WireKey.reason, closed.reason)
            if variant.includesClosingUser { writer.field(WireKey.userId, closed.userId.rawValue) }
        case .typing(let userId):
            writer.field(WireKey.userId, userId.rawValue)
        case .reportUpdate(let row):
            writer.key(WireKey.row)
            writeRow(row, into: &writer)
        case .queuePosition(let position):
            writer.field(WireKey.position, position.position)
            if let seconds = position.estimatedWaitSeconds { writer.field(WireKey.estimatedWaitSeconds, seconds) }
        case .agentUpdate(let row):
            writer.key(WireKey.agent)
            writeAgentRow(row, into: &writer)
        case .offerEnded, .notification, .presenceChanged, .monitorStarted, .monitorStopped, .settingsUpdated,
            .agentDisconnected, .agentReconnected:
            writeNotification(event.payload, into: &writer)
        case .audit:
            break
        }
        writer.endObject()
    }

    /// The `kind` and fields of a `notification`.
    private static func writeNotification(_ payload: EventPayload, into writer: inout JSONWriter) {
        writer.field(WireKey.kind, NotificationWireKind(payload)?.rawValue)
        switch payload {
        case .offerEnded(let ended):
            writer.field(WireKey.offerId, ended.offerId.rawValue)
            writer.field(WireKey.offerKind, ended.kind.wireName)
            writer.field(WireKey.agentId, ended.agentId.rawValue)
            writer.field(WireKey.requesterId, ended.requesterId?.rawValue)
        case .notification(let notification):
            writer.field(WireKey.userId, notification.userId.rawValue)
        case .presenceChanged(let userId, let presence), .agentDisconnected(let userId, let presence),
            .agentReconnected(let userId, let presence):
            writer.field(WireKey.userId, userId.rawValue)
            writer.field(WireKey.presence, presence.wireName)
        case .monitorStarted(let userId, let connectionId), .monitorStopped(let userId, let connectionId):
            writer.field(WireKey.userId, userId.rawValue)
            writer.field(WireKey.sessionId, connectionId.rawValue)
        case .settingsUpdated(let settings, let changedBy):
            writer.field(WireKey.userId, changedBy.rawValue)
            writer.settings(settings)
        default:
            break
        }
    }

    /// One report row object.
    static func writeRow(_ row: ReportRow, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field(WireKey.conversationId, row.conversationId.rawValue)
        writer.field(WireKey.subject, row.subject)
        writer.field(WireKey.customerId, row.customerId.rawValue)
        writer.field(WireKey.customerName, row.customerName)
        writer.field(WireKey.status, row.status.wireName)
        writer.field(WireKey.agentId, row.agentId?.rawValue)
        writer.field(WireKey.queueId, row.queueId.rawValue)
        writer.field(WireKey.channel, row.channel.rawValue)
        writer.field(WireKey.createdAt, row.createdAt)
        writer.field(WireKey.waitSeconds, row.waitSeconds)
        writer.field(WireKey.handleSeconds, row.handleSeconds)
        if let at = row.waitStartedAt { writer.field(WireKey.waitStartedAt, at) }
        if let at = row.handleStartedAt { writer.field(WireKey.handleStartedAt, at) }
        if let at = row.lastActivityAt { writer.field(WireKey.lastActivityAt, at) }
        writer.field(WireKey.participantCount, row.participantCount)
        if row.customerAway { writer.field(WireKey.customerAway, true) }
        writer.field(WireKey.sentiment, row.sentiment.wireName)
        writer.endObject()
    }

    /// One agents-view row object.
    static func writeAgentRow(_ row: AgentRow, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field(WireKey.agentId, row.agentId.rawValue)
        writer.field(WireKey.name, row.name)
        writer.field(WireKey.presence, row.presence.wireName)
        writer.field(WireKey.capacityUsed, row.capacityUsed)
        writer.field(WireKey.capacity, row.capacity)
        writer.key(WireKey.conversationIds)
        writer.beginArray()
        for conversationId in row.conversationIds { writer.string(conversationId.rawValue) }
        writer.endArray()
        if let at = row.disconnectedAt { writer.field(WireKey.disconnectedAt, at) }
        writer.endObject()
    }
}
