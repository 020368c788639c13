import LiveHubDomain

/// Writes requests in canonical form: `type`, `id`, then the fields in the order the protocol
/// documents, optional fields with defaults (`visibility`, `override`) always present.
/// Used by clients (tests, load generators) and by the example round-trip test.
public enum RequestEncoder {
    /// The request as JSON text, or `nil` for a system command that has no wire form.
    public static func encode(_ request: RequestEnvelope) -> [UInt8]? {
        var writer = JSONWriter(capacity: 128)
        writer.beginObject()
        guard let type = RequestType(request.command) else { return nil }
        writer.key(WireKey.type)
        writer.string(type.rawValue)
        if let id = request.id {
            writer.key(WireKey.id)
            writer.requestId(id)
        }
        guard writeFields(of: request.command, into: &writer) else { return nil }
        writer.endObject()
        return writer.finish()
    }

    private static func writeFields(of command: Command, into writer: inout JSONWriter) -> Bool {
        switch command {
        case .start(let subject, let channel, let queueId):
            writer.field(WireKey.subject, subject)
            writer.field(WireKey.channel, channel.rawValue)
            writer.field(WireKey.queueId, queueId.rawValue)
        case .sendMessage(let conversationId, let text, let visibility, let clientMessageId):
            writer.field(WireKey.conversationId, conversationId.rawValue)
            writer.field(WireKey.text, text)
            writer.field(WireKey.visibility, visibility.wireName)
            writer.field(WireKey.clientMessageId, clientMessageId)
        case .resume(let conversationId, let afterSeq):
            writer.field(WireKey.conversationId, conversationId.rawValue)
            writer.field(WireKey.afterSeq, afterSeq)
        case .setPresence(let presence):
            writer.field(WireKey.presence, presence.wireName)
        case .acceptOffer(let offerId), .rejectOffer(let offerId), .consultAccept(let offerId),
            .consultReject(let offerId):
            writer.field(WireKey.offerId, offerId.rawValue)
        case .typing(let conversationId), .wait(let conversationId), .end(let conversationId),
            .close(let conversationId), .release(let conversationId), .monitor(let conversationId),
            .unmonitor(let conversationId), .join(let conversationId), .leave(let conversationId):
            writer.field(WireKey.conversationId, conversationId.rawValue)
        case .consultInvite(let conversationId, let agentId):
            writer.field(WireKey.conversationId, conversationId.rawValue)
            writer.field(WireKey.agentId, agentId.rawValue)
        case .transfer(let conversationId, let target):
            writer.field(WireKey.conversationId, conversationId.rawValue)
            switch target {
            case .agent(let agentId): writer.field(WireKey.agentId, agentId.rawValue)
            case .queue(let queueId): writer.field(WireKey.queueId, queueId.rawValue)
            }
        case .subscribeReport, .subscribeAgents, .readSettings, .listOwnConversations:
            break
        case .assign(let conversationId, let target, let override):
            writer.field(WireKey.conversationId, conversationId.rawValue)
            switch target {
            case .agent(let agentId): writer.field(WireKey.agentId, agentId.rawValue)
            case .queue(let queueId): writer.field(WireKey.queueId, queueId.rawValue)
            }
            writer.field(WireKey.override, override)
        case .forceClose(let conversationId, let reason):
            writer.field(WireKey.conversationId, conversationId.rawValue)
            writer.field(WireKey.reason, reason)
        case .escalate(let conversationId, let mode):
            writer.field(WireKey.conversationId, conversationId.rawValue)
            writer.field(WireKey.mode, mode.wireName)
        case .updateSettings(let change):
            writer.field(WireKey.supervisorMonitor, change.supervisorMonitor)
            writer.field(WireKey.supervisorAssign, change.supervisorAssign)
            writer.field(WireKey.supervisorTransfer, change.supervisorTransfer)
            writer.field(WireKey.supervisorForceClose, change.supervisorForceClose)
        case .offerTimedOut, .retryRouting, .reconnectWindowEnded, .agentGraceEnded, .publishQueue, .publishPosition,
            .publishReportRow, .userConnected, .userDisconnected, .connectionClosed, .recover, .archive:
            return false
        }
        return true
    }
}

extension JSONWriter {
    /// A string member.
    mutating func field(_ key: StaticString, _ text: String) {
        member(key, text)
    }

    /// A string member, left out when `nil`.
    mutating func field(_ key: StaticString, _ text: String?) {
        guard let text else { return }
        field(key, text)
    }

    /// An integer member.
    mutating func field(_ key: StaticString, _ number: Int) {
        member(key, Int64(number))
    }

    /// An integer member.
    mutating func field(_ key: StaticString, _ number: Int64) {
        member(key, number)
    }

    /// A boolean member.
    mutating func field(_ key: StaticString, _ flag: Bool) {
        member(key, flag)
    }

    /// A boolean member, left out when `nil`.
    mutating func field(_ key: StaticString, _ flag: Bool?) {
        guard let flag else { return }
        field(key, flag)
    }

    /// An instant member, as milliseconds since the epoch.
    mutating func field(_ key: StaticString, _ instant: Instant) {
        member(key, instant.millisecondsSinceEpoch)
    }

    /// A request id value.
    mutating func requestId(_ id: RequestId) {
        switch id {
        case .string(let text): string(text)
        case .integer(let number): integer(number)
        }
    }
}
