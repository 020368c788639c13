import LiveHubDomain

/// Writes hub-to-client frames.
public enum ServerMessageEncoder {
    /// Any server message as one frame's payload. `audience` matters only for events.
    public static func encode(_ message: ServerMessage, for audience: Audience = .staff) -> [UInt8] {
        switch message {
        case .welcome(let welcome): return encode(welcome)
        case .ack(let id, let result): return encodeAck(id: id, result: result)
        case .error(let id, let error): return encodeError(error, id: id)
        case .event(let event): return EventEncoder.encode(event, for: audience)
        case .reportSnapshot(let rows): return encodeReportSnapshot(rows)
        case .agentsSnapshot(let rows): return encodeAgentsSnapshot(rows)
        }
    }

    /// `{"type":"welcome","sessionId":…,"user":{"id":…,"role":…,"name":…},"heartbeatSeconds":…}`
    public static func encode(_ welcome: Welcome) -> [UInt8] {
        var writer = JSONWriter(capacity: 128)
        writer.beginObject()
        writer.field(WireKey.type, ServerMessageType.welcome.rawValue)
        writer.field(WireKey.sessionId, welcome.sessionId.rawValue)
        writer.key(WireKey.user)
        writer.beginObject()
        writer.field(WireKey.id, welcome.user.id.rawValue)
        writer.field(WireKey.role, welcome.user.role.wireName)
        writer.field(WireKey.name, welcome.user.name)
        writer.endObject()
        writer.field(WireKey.heartbeatSeconds, welcome.heartbeatSeconds)
        writer.endObject()
        return writer.finish()
    }

    /// `{"type":"ack","id":…}` plus the result's fields.
    public static func encodeAck(id: RequestId?, result: AcknowledgementResult) -> [UInt8] {
        var writer = JSONWriter(capacity: 64)
        writer.beginObject()
        writer.field(WireKey.type, ServerMessageType.ack.rawValue)
        if let id {
            writer.key(WireKey.id)
            writer.requestId(id)
        }
        switch result {
        case .done: break
        case .conversationStarted(let conversationId): writer.field(WireKey.conversationId, conversationId.rawValue)
        case .messageAccepted(let seq): writer.field(WireKey.seq, seq)
        case .offerMade(let offerId): writer.field(WireKey.offerId, offerId.rawValue)
        case .assigned(let units): writer.field(WireKey.capacityExceededBy, units)
        case .replayed(let count): writer.field(WireKey.replayed, count)
        case .settings(let settings):
            writer.settings(settings)
        case .conversations(let conversations):
            writer.key(WireKey.conversations)
            writer.beginArray()
            for conversation in conversations {
                writer.beginObject()
                writer.field(WireKey.conversationId, conversation.conversationId.rawValue)
                writer.field(WireKey.status, conversation.status.wireName)
                writer.field(WireKey.subject, conversation.subject)
                writer.field(WireKey.channel, conversation.channel.rawValue)
                writer.field(WireKey.role, conversation.role.wireName)
                writer.field(WireKey.lastSeq, conversation.lastSeq)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
        return writer.finish()
    }

    /// `{"type":"error","id":…,"code":…,"message":…}`; `id` is left out when unknown.
    public static func encodeError(_ error: HubError, id: RequestId?) -> [UInt8] {
        var writer = JSONWriter(capacity: 96)
        writer.beginObject()
        writer.field(WireKey.type, ServerMessageType.error.rawValue)
        if let id {
            writer.key(WireKey.id)
            writer.requestId(id)
        }
        writer.field(WireKey.code, error.code)
        writer.field(WireKey.message, error.message)
        writer.field(WireKey.conversationId, error.conversationId?.rawValue)
        writer.endObject()
        return writer.finish()
    }

    /// `{"type":"agents.snapshot","agents":[…]}`
    public static func encodeAgentsSnapshot(_ rows: [AgentRow]) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + rows.count * 128)
        writer.beginObject()
        writer.field(WireKey.type, ServerMessageType.agentsSnapshot.rawValue)
        writer.key(WireKey.agents)
        writer.beginArray()
        for row in rows { EventEncoder.writeAgentRow(row, into: &writer) }
        writer.endArray()
        writer.endObject()
        return writer.finish()
    }

    /// `{"type":"report.snapshot","rows":[…]}`
    public static func encodeReportSnapshot(_ rows: [ReportRow]) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + rows.count * 200)
        writer.beginObject()
        writer.field(WireKey.type, ServerMessageType.reportSnapshot.rawValue)
        writer.key(WireKey.rows)
        writer.beginArray()
        for row in rows { EventEncoder.writeRow(row, into: &writer) }
        writer.endArray()
        writer.endObject()
        return writer.finish()
    }

    /// The frames that answer a successful request, in sending order: replayed history events or the
    /// report snapshot first, then the `ack`.
    public static func encodeAnswer(
        _ acknowledgement: Acknowledgement, to id: RequestId?, for audience: Audience
    ) -> [[UInt8]] {
        switch acknowledgement {
        case .done:
            return [encodeAck(id: id, result: .done)]
        case .conversationStarted(let conversationId):
            return [encodeAck(id: id, result: .conversationStarted(conversationId))]
        case .messageAccepted(let seq):
            return [encodeAck(id: id, result: .messageAccepted(seq: seq))]
        case .offerMade(let offerId):
            return [encodeAck(id: id, result: .offerMade(offerId))]
        case .assigned(let units):
            return [encodeAck(id: id, result: .assigned(capacityExceededBy: units))]
        case .history(let events):
            var frames = events.map { EventEncoder.encode($0, for: audience) }
            frames.append(encodeAck(id: id, result: .replayed(count: events.count)))
            return frames
        case .report(let rows):
            return [encodeReportSnapshot(rows), encodeAck(id: id, result: .done)]
        case .agents(let rows):
            return [encodeAgentsSnapshot(rows), encodeAck(id: id, result: .done)]
        case .settings(let settings):
            return [encodeAck(id: id, result: .settings(settings))]
        case .conversations(let conversations):
            return [encodeAck(id: id, result: .conversations(conversations))]
        case .archive:
            // The shell's own answer (a system command); no wire request gets it.
            return [encodeAck(id: id, result: .done)]
        }
    }
}

/// One event's frames, encoded lazily and at most once per audience variant, so a delivery to many
/// recipients costs one or two encodings whatever the number of connections.
public struct EncodedEvent: Sendable {
    public let event: DomainEvent
    /// Per audience: `nil` until asked, then the frame, or empty when the audience may not receive it.
    private var staffBytes: [UInt8]?
    private var customerBytes: [UInt8]?

    public init(_ event: DomainEvent) {
        self.event = event
    }

    /// The frame payload for `audience`, encoding it on first use; `nil` when the domain withholds the
    /// event from that audience (a customer connection of a user the domain addressed as staff never
    /// gets an internal message). When both audiences read the same variant (a public message, a
    /// participant joining) the second one shares the first one's frame instead of encoding it again.
    public mutating func bytes(for audience: Audience) -> [UInt8]? {
        switch audience {
        case .staff:
            if staffBytes == nil {
                staffBytes = sharedFrame(from: customerBytes, with: .customer) ?? frame(for: .staff)
            }
            return staffBytes.flatMap { $0.isEmpty ? nil : $0 }
        case .customer:
            if customerBytes == nil {
                customerBytes = sharedFrame(from: staffBytes, with: .staff) ?? frame(for: .customer)
            }
            return customerBytes.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// The frame already encoded for `other` when it reads the same variant as the other audience.
    private func sharedFrame(from encoded: [UInt8]?, with other: Audience) -> [UInt8]? {
        guard let encoded else { return nil }
        let variant = event.payload.variant(for: other)
        return variant == event.payload.variant(for: other == .staff ? .customer : .staff) ? encoded : nil
    }

    private func frame(for audience: Audience) -> [UInt8] {
        event.payload.variant(for: audience).isReceived ? EventEncoder.encode(event, for: audience) : []
    }
}

extension JSONWriter {
    /// `"settings":{…}` with all four supervisor settings: `settings-updated` and `settings.get`'s ack.
    mutating func settings(_ settings: AdminSettings) {
        key(WireKey.settings)
        beginObject()
        field(WireKey.supervisorMonitor, settings.supervisorMonitor)
        field(WireKey.supervisorAssign, settings.supervisorAssign)
        field(WireKey.supervisorTransfer, settings.supervisorTransfer)
        field(WireKey.supervisorForceClose, settings.supervisorForceClose)
        endObject()
    }
}
