import LiveHubDomain

/// Writes the audit for `GET /v1/audit` (`Protocol/schemas/http/audit.json`): a page is
/// `{"entries":[…],"next":ms-or-null}`, an entry is its id, time, who (`userId`, `role`, `name`),
/// `action`, the conversation when there is one, and `details` (which fields, per action, is
/// documented in `Protocol/README.md`).
public enum AuditEncoder {
    public static func encode(_ page: AuditPage) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + page.entries.count * 200)
        writer.beginObject()
        writer.key(WireKey.entries)
        writer.beginArray()
        for entry in page.entries { write(entry, into: &writer) }
        writer.endArray()
        writer.key(WireKey.next)
        if let next = page.next { writer.integer(next.millisecondsSinceEpoch) } else { writer.null() }
        writer.endObject()
        return writer.finish()
    }

    /// One entry object.
    static func write(_ entry: AuditEntry, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field(WireKey.id, entry.id)
        writer.field(WireKey.at, entry.at)
        writer.field(WireKey.userId, entry.userId.rawValue)
        writer.field(WireKey.role, entry.role.wireName)
        writer.field(WireKey.name, entry.name)
        writer.field(WireKey.action, entry.action.kind.wireName)
        writer.field(WireKey.conversationId, entry.conversationId?.rawValue)
        writer.key(WireKey.details)
        writer.beginObject()
        switch entry.action {
        case .monitorStarted(let sessionId):
            writer.field(WireKey.sessionId, sessionId.rawValue)
        case .monitorStopped(let sessionId, let reason):
            writer.field(WireKey.sessionId, sessionId.rawValue)
            writer.field(WireKey.reason, reason.wireName)
        case .joined:
            break
        case .left(let reason):
            writer.field(WireKey.reason, reason.wireName)
        case .assigned(let target, let override, let excess):
            switch target {
            case .agent(let agentId): writer.field(WireKey.agentId, agentId.rawValue)
            case .queue(let queueId): writer.field(WireKey.queueId, queueId.rawValue)
            }
            writer.field(WireKey.override, override)
            writer.field(WireKey.capacityExceededBy, excess)
        case .transferred(let target, let offerId):
            switch target {
            case .agent(let agentId): writer.field(WireKey.agentId, agentId.rawValue)
            case .queue(let queueId): writer.field(WireKey.queueId, queueId.rawValue)
            }
            writer.field(WireKey.offerId, offerId?.rawValue)
        case .forceClosed(let reason):
            writer.field(WireKey.reason, reason)
        case .settingsChanged(let changes):
            writer.key(WireKey.changes)
            writer.beginArray()
            for change in changes {
                writer.beginObject()
                writer.field(WireKey.setting, change.setting.wireName)
                writer.field(WireKey.from, change.from)
                writer.field(WireKey.to, change.to)
                writer.endObject()
            }
            writer.endArray()
        case .escalated(let mode):
            writer.field(WireKey.mode, mode.wireName)
        }
        writer.endObject()
        writer.endObject()
    }
}
