import LiveHubDomain

/// The journal's own, lossless encoding of the domain's facts (`DomainEvent.isJournaled`): one JSON
/// object per event, versioned (`"v"`), with every field `Hub.apply` needs (capacity units, reserved
/// units, offer expiry, …) that the wire format leaves out. Short keys keep records small; the value
/// vocabularies use the journal's own spellings (`JournalSpelled`), pinned by a test, so renaming a
/// wire name can never make an old journal unreadable.
///
/// JSON rather than a binary layout: records are a few hundred bytes and encode in microseconds, far
/// below a sync's cost, and an operator can read a record with any tool.
public enum JournalEventCodec {
    /// The format version this build writes; it reads this one (and later releases read it too).
    public static let version: Int64 = 1

    /// The record for a journaled event; nil for a transient one (typing, report updates, presence, …).
    public static func encode(_ event: DomainEvent) -> [UInt8]? {
        var writer = JSONWriter(capacity: 192)
        writer.beginObject()
        writer.put("v", version)
        switch event.payload {
        case .conversationStarted(let started):
            writer.put("k", "started")
            writeHeader(event, into: &writer)
            writer.put("subject", started.subject)
            writer.put("channel", started.channel.rawValue)
            writer.put("mode", started.mode.journalName)
            writer.put("queue", started.queueId.rawValue)
            writer.put("customer", started.customerId.rawValue)
            writer.put("units", Int64(started.capacityUnits))
            if let name = started.customerName { writer.put("name", name) }
        case .message(let message):
            writer.put("k", "message")
            writeHeader(event, into: &writer)
            writer.put("ms", Int64(message.seq))
            writer.put("mt", message.at.millisecondsSinceEpoch)
            writer.put("sender", message.senderId.rawValue)
            writer.put("role", message.senderRole.journalName)
            writer.put("text", message.text)
            writer.put("visibility", message.visibility.journalName)
            if let clientMessageId = message.clientMessageId { writer.put("client", clientMessageId) }
        case .participantJoined(let change), .participantLeft(let change), .participantAway(let change),
            .participantBack(let change):
            switch event.payload {
            case .participantLeft: writer.put("k", "left")
            case .participantAway: writer.put("k", "away")
            case .participantBack: writer.put("k", "back")
            default: writer.put("k", "joined")
            }
            writeHeader(event, into: &writer)
            writer.put("user", change.userId.rawValue)
            writer.put("role", change.role.journalName)
            if let name = change.name { writer.put("name", name) }
        case .conversationUpdated(let update):
            writer.put("k", "updated")
            writeHeader(event, into: &writer)
            writer.put("status", update.status.journalName)
            writer.put("queue", update.queueId.rawValue)
            if let agent = update.primaryAgentId { writer.put("agent", agent.rawValue) }
            writer.put("mode", update.mode.journalName)
            writer.put("reason", update.reason.journalName)
        case .offer(let offer):
            writer.put("k", "offer")
            writeHeader(event, into: &writer)
            writer.put("offer", offer.offerId.rawValue)
            writer.put("conversation", offer.conversationId.rawValue)
            writer.put("kind", offer.kind.journalName)
            writer.put("agent", offer.agentId.rawValue)
            if let requester = offer.requesterId { writer.put("requester", requester.rawValue) }
            writer.put("subject", offer.subject)
            if let name = offer.customerName { writer.put("name", name) }
            writer.put("channel", offer.channel.rawValue)
            writer.put("queue", offer.queueId.rawValue)
            writer.put("units", Int64(offer.reservedUnits))
            writer.put("expires", offer.expiresAt.millisecondsSinceEpoch)
        case .offerEnded(let ended):
            writer.put("k", "offerEnded")
            writeHeader(event, into: &writer)
            writer.put("offer", ended.offerId.rawValue)
            writer.put("kind", ended.kind.journalName)
            writer.put("agent", ended.agentId.rawValue)
            if let requester = ended.requesterId { writer.put("requester", requester.rawValue) }
            writer.put("outcome", ended.outcome.journalName)
        case .notification(let notification):
            writer.put("k", "notification")
            writeHeader(event, into: &writer)
            writer.put("kind", notification.kind.journalName)
            writer.put("user", notification.userId.rawValue)
        case .conversationClosed(let closed):
            writer.put("k", "closed")
            writeHeader(event, into: &writer)
            writer.put("by", closed.by.journalName)
            writer.put("user", closed.userId.rawValue)
            writer.put("reason", closed.reason)
        case .settingsUpdated(let settings, let changedBy):
            writer.put("k", "settings")
            writeHeader(event, into: &writer)
            writer.put("monitor", settings.supervisorMonitor)
            writer.put("assign", settings.supervisorAssign)
            writer.put("transfer", settings.supervisorTransfer)
            writer.put("forceClose", settings.supervisorForceClose)
            writer.put("by", changedBy.rawValue)
        case .audit(let entry):
            writer.put("k", "audit")
            writeHeader(event, into: &writer)
            writeAudit(entry, eventAt: event.at, into: &writer)
        case .typing, .reportUpdate, .presenceChanged, .monitorStarted, .monitorStopped, .queuePosition, .agentUpdate,
            .agentDisconnected, .agentReconnected:
            return nil
        }
        writer.endObject()
        return writer.finish()
    }

    /// An audit entry's members. Its time is the event's (`t`), written again as `at` only if it differs.
    /// A settings change is flat like every record: `from.<setting>` and `to.<setting>` for each
    /// setting named, read back in `AdminSetting` order (the order the domain writes them in).
    private static func writeAudit(_ entry: AuditEntry, eventAt: Instant, into writer: inout JSONWriter) {
        writer.put("id", Int64(entry.id))
        if entry.at != eventAt { writer.put("at", entry.at.millisecondsSinceEpoch) }
        writer.put("user", entry.userId.rawValue)
        writer.put("role", entry.role.journalName)
        writer.put("name", entry.name)
        if let conversationId = entry.conversationId { writer.put("conversation", conversationId.rawValue) }
        writer.put("action", entry.action.kind.journalName)
        switch entry.action {
        case .monitorStarted(let sessionId):
            writer.put("session", sessionId.rawValue)
        case .monitorStopped(let sessionId, let reason):
            writer.put("session", sessionId.rawValue)
            writer.put("reason", reason.journalName)
        case .joined:
            break
        case .left(let reason):
            writer.put("reason", reason.journalName)
        case .assigned(let target, let override, let excess):
            switch target {
            case .agent(let agentId): writer.put("agent", agentId.rawValue)
            case .queue(let queueId): writer.put("queue", queueId.rawValue)
            }
            writer.put("override", override)
            writer.put("excess", Int64(excess))
        case .transferred(let target, let offerId):
            switch target {
            case .agent(let agentId): writer.put("agent", agentId.rawValue)
            case .queue(let queueId): writer.put("queue", queueId.rawValue)
            }
            if let offerId { writer.put("offer", offerId.rawValue) }
        case .forceClosed(let reason):
            writer.put("reason", reason)
        case .settingsChanged(let changes):
            for change in changes {
                writer.put(named: settingKeys[change.setting]?.from ?? "from", change.from)
                writer.put(named: settingKeys[change.setting]?.to ?? "to", change.to)
            }
        case .escalated(let mode):
            writer.put("mode", mode.journalName)
        }
    }

    /// The keys of a setting's old and new value in a settings-change audit record.
    private static let settingKeys: [AdminSetting: (from: String, to: String)] = Dictionary(
        uniqueKeysWithValues: AdminSetting.allCases.map { ($0, ("from.\($0.journalName)", "to.\($0.journalName)")) })

    private static func readAudit(_ record: RecordReader, eventAt: Instant) throws(JournalDecodeError) -> AuditEntry {
        let kind: AuditActionKind = try record.spelled("action")
        let action: AuditAction
        switch kind {
        case .monitorStarted:
            action = .monitorStarted(sessionId: ConnectionId(try record.string("session")))
        case .monitorStopped:
            action = .monitorStopped(
                sessionId: ConnectionId(try record.string("session")), reason: try record.spelled("reason"))
        case .joined:
            action = .joined
        case .left:
            action = .left(reason: try record.spelled("reason"))
        case .assigned:
            let target: AssignTarget =
                if let agent = try record.optionalString("agent") { .agent(UserId(agent)) } else {
                    .queue(QueueId(try record.string("queue")))
                }
            action = .assigned(
                target: target, override: try record.bool("override"),
                capacityExceededBy: Int(try record.integer("excess")))
        case .transferred:
            let target: TransferTarget =
                if let agent = try record.optionalString("agent") { .agent(UserId(agent)) } else {
                    .queue(QueueId(try record.string("queue")))
                }
            action = .transferred(target: target, offerId: try record.optionalString("offer").map { OfferId($0) })
        case .forceClosed:
            action = .forceClosed(reason: try record.string("reason"))
        case .settingsChanged:
            var changes: [SettingChange] = []
            for setting in AdminSetting.allCases {
                guard let keys = settingKeys[setting], let from = try record.optionalBool(keys.from) else { continue }
                changes.append(SettingChange(setting: setting, from: from, to: try record.bool(keys.to)))
            }
            action = .settingsChanged(changes)
        case .escalated:
            action = .escalated(mode: try record.spelled("mode"))
        }
        return AuditEntry(
            id: Int(try record.integer("id")),
            at: try record.optionalInteger("at").map { Instant(millisecondsSinceEpoch: $0) } ?? eventAt,
            userId: UserId(try record.string("user")), role: try record.spelled("role"),
            name: try record.string("name"),
            conversationId: try record.optionalString("conversation").map { ConversationId($0) }, action: action)
    }

    private static func writeHeader(_ event: DomainEvent, into writer: inout JSONWriter) {
        if let conversationId = event.conversationId { writer.put("c", conversationId.rawValue) }
        if let seq = event.seq { writer.put("s", Int64(seq)) }
        writer.put("t", event.at.millisecondsSinceEpoch)
    }

    /// The event a record holds. Refuses, with the reason, a record that is not this codec's, that
    /// comes from a later format version, or that misses a field.
    public static func decode(_ bytes: [UInt8]) throws(JournalDecodeError) -> DomainEvent {
        let result = bytes.withUnsafeBytes { raw -> Result<DomainEvent, JournalDecodeError> in
            do throws(JournalDecodeError) {
                return .success(try decode(raw))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The event a record holds, read from the record's bytes in place (recovery hands them out of the
    /// segment without a copy). An `archived` note is refused: it is not an event (see `decodeRecord`).
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(JournalDecodeError) -> DomainEvent {
        switch try decodeRecord(bytes) {
        case .event(let event): return event
        case .archived(let conversationId, _):
            throw JournalDecodeError("the record notes that \(conversationId) was archived; it is not an event")
        }
    }

    /// The record `Hub.forgetArchived(conversationId)` is journaled as: the archive holds the closed
    /// conversation, so it leaves memory here and in every replay.
    public static func encodeArchived(_ conversationId: ConversationId, at: Instant) -> [UInt8] {
        var writer = JSONWriter(capacity: 48)
        writer.beginObject()
        writer.put("v", version)
        writer.put("k", archivedKind)
        writer.put("c", conversationId.rawValue)
        writer.put("t", at.millisecondsSinceEpoch)
        writer.endObject()
        return writer.finish()
    }

    private static let archivedKind = "archived"

    /// What a record holds: a journaled event (`encode`), or an archived note (`encodeArchived`).
    public static func decodeRecord(_ bytes: UnsafeRawBufferPointer) throws(JournalDecodeError) -> JournalRecord {
        let record = try RecordReader(bytes)
        let recordVersion = try record.integer("v")
        guard recordVersion <= version else {
            throw JournalDecodeError("format version \(recordVersion) is newer than this release reads (\(version))")
        }
        let kind = try record.string("k")
        let conversationId = try record.optionalString("c").map { ConversationId($0) }
        let seq = try record.optionalInteger("s").map { Int($0) }
        let at = Instant(millisecondsSinceEpoch: try record.integer("t"))
        if kind == archivedKind {
            guard let conversationId else { throw JournalDecodeError("'c' must be a string") }
            return .archived(conversationId, at: at)
        }
        let payload: EventPayload
        switch kind {
        case "started":
            payload = .conversationStarted(
                ConversationStarted(
                    subject: try record.string("subject"), channel: Channel(try record.string("channel")),
                    mode: try record.spelled("mode"), queueId: QueueId(try record.string("queue")),
                    customerId: UserId(try record.string("customer")), capacityUnits: Int(try record.integer("units")),
                    customerName: try record.optionalString("name")))
        case "message":
            payload = .message(
                Message(
                    seq: Int(try record.integer("ms")), senderId: UserId(try record.string("sender")),
                    senderRole: try record.spelled("role"), text: try record.string("text"),
                    visibility: try record.spelled("visibility"), clientMessageId: try record.optionalString("client"),
                    at: Instant(millisecondsSinceEpoch: try record.integer("mt"))))
        case "joined", "left", "away", "back":
            let change = ParticipantChange(
                userId: UserId(try record.string("user")), role: try record.spelled("role"),
                name: try record.optionalString("name"))
            switch kind {
            case "joined": payload = .participantJoined(change)
            case "left": payload = .participantLeft(change)
            case "away": payload = .participantAway(change)
            default: payload = .participantBack(change)
            }
        case "updated":
            payload = .conversationUpdated(
                ConversationUpdate(
                    status: try record.spelled("status"), queueId: QueueId(try record.string("queue")),
                    primaryAgentId: try record.optionalString("agent").map { UserId($0) },
                    mode: try record.spelled("mode"),
                    reason: try record.spelled("reason")))
        case "offer":
            payload = .offer(
                Offer(
                    offerId: OfferId(try record.string("offer")),
                    conversationId: ConversationId(try record.string("conversation")), kind: try record.spelled("kind"),
                    agentId: UserId(try record.string("agent")),
                    requesterId: try record.optionalString("requester").map { UserId($0) },
                    subject: try record.string("subject"), customerName: try record.optionalString("name"),
                    channel: Channel(try record.string("channel")),
                    queueId: QueueId(try record.string("queue")), reservedUnits: Int(try record.integer("units")),
                    expiresAt: Instant(millisecondsSinceEpoch: try record.integer("expires"))))
        case "offerEnded":
            payload = .offerEnded(
                OfferEnded(
                    offerId: OfferId(try record.string("offer")), kind: try record.spelled("kind"),
                    agentId: UserId(try record.string("agent")),
                    requesterId: try record.optionalString("requester").map { UserId($0) },
                    outcome: try record.spelled("outcome")))
        case "notification":
            payload = .notification(
                Notification(kind: try record.spelled("kind"), userId: UserId(try record.string("user"))))
        case "closed":
            payload = .conversationClosed(
                ConversationClosed(
                    by: try record.spelled("by"), userId: UserId(try record.string("user")),
                    reason: try record.string("reason")))
        case "settings":
            payload = .settingsUpdated(
                settings: AdminSettings(
                    supervisorMonitor: try record.bool("monitor"), supervisorAssign: try record.bool("assign"),
                    supervisorTransfer: try record.bool("transfer"), supervisorForceClose: try record.bool("forceClose")
                ),
                changedBy: UserId(try record.string("by")))
        case "audit":
            payload = .audit(try readAudit(record, eventAt: at))
        default:
            throw JournalDecodeError("unknown record kind '\(kind.prefix(40))'")
        }
        return .event(DomainEvent(conversationId: conversationId, seq: seq, at: at, payload: payload))
    }
}

/// What one journal record holds.
public enum JournalRecord: Hashable, Sendable {
    /// A domain fact, replayed with `Hub.apply`.
    case event(DomainEvent)
    /// The archive holds this closed conversation: replayed with `Hub.forgetArchived`.
    case archived(ConversationId, at: Instant)
}

/// One member of a journal record.
struct JournalField {
    let key: String
    let value: JournalFieldValue
}

/// One member's value in a journal record.
enum JournalFieldValue {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    /// null, a fraction, an array or an object: not a value any field of this version takes.
    case other
}

/// Why a journal record could not be read back.
public struct JournalDecodeError: Error, Equatable, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// A value vocabulary as the journal spells it: the Swift case name, pinned by
/// `JournalCodecTests` so that renaming a case cannot silently change the format.
public protocol JournalSpelled: CaseIterable, Hashable, Sendable {
    /// Both directions of the spelling, built once per type (`String(describing:)` reflects, which is far
    /// too slow for every record written and replayed).
    static var journalSpellings: JournalSpellings<Self> { get }
}

/// A vocabulary's spellings: the Swift case names, both ways.
public struct JournalSpellings<Value: JournalSpelled>: Sendable {
    /// Every case and its name at the same index: a vocabulary has a handful of cases, and comparing
    /// a few of them costs less than hashing one (this runs for every record written).
    let cases: [Value]
    let names: [String]

    init() {
        cases = Array(Value.allCases)
        names = cases.map { String(describing: $0) }
    }

    /// The case spelled by the UTF-8 `bytes`, found by comparing them with each name: no `String` is
    /// made and none is hashed (a snapshot reads a role and a visibility per message).
    func value(spelledBy bytes: UnsafeRawBufferPointer) -> Value? {
        for index in names.indices where names[index].utf8.elementsEqual(bytes) { return cases[index] }
        return nil
    }

    /// The name of `value`.
    func name(of value: Value) -> String {
        for index in cases.indices where cases[index] == value { return names[index] }
        return String(describing: value)
    }
}

extension JournalSpelled {
    public var journalName: String { Self.journalSpellings.name(of: self) }

    init?(journalName: String) {
        // Compared with each name, not hashed: a handful of short names, compared by their bits.
        let spellings = Self.journalSpellings
        guard let index = spellings.names.firstIndex(of: journalName) else { return nil }
        self = spellings.cases[index]
    }
}

extension Mode: JournalSpelled { public static let journalSpellings = JournalSpellings<Self>() }
extension ConversationStatus: JournalSpelled { public static let journalSpellings = JournalSpellings<Self>() }
extension ParticipantRole: JournalSpelled { public static let journalSpellings = JournalSpellings<Self>() }
extension Visibility: JournalSpelled { public static let journalSpellings = JournalSpellings<Self>() }
extension OfferKind: JournalSpelled { public static let journalSpellings = JournalSpellings<Self>() }
extension OfferOutcome: JournalSpelled { public static let journalSpellings = JournalSpellings<Self>() }
extension UpdateReason: JournalSpelled { public static let journalSpellings = JournalSpellings<Self>() }
extension NotificationKind: JournalSpelled { public static let journalSpellings = JournalSpellings<Self>() }
extension Role: JournalSpelled { public static let journalSpellings = JournalSpellings<Self>() }
extension AuditActionKind: JournalSpelled { public static let journalSpellings = JournalSpellings<Self>() }
extension MonitorStopReason: JournalSpelled { public static let journalSpellings = JournalSpellings<Self>() }
extension LeaveReason: JournalSpelled { public static let journalSpellings = JournalSpellings<Self>() }
extension AdminSetting: JournalSpelled { public static let journalSpellings = JournalSpellings<Self>() }

/// Typed reads of one record's fields, each failure naming the field.
///
/// A record is a flat object (strings, integers, booleans), so its fields are read straight from the
/// bytes into a short list, without building a JSON tree: replaying a million records at start is
/// dominated by this. Anything else (nesting, fractions, a later release's shapes) goes through the
/// general `JSONParser`, so both paths accept the same records.
private struct RecordReader {
    typealias Value = JournalFieldValue

    private var fields: [JournalField] = []

    init(_ bytes: UnsafeRawBufferPointer) throws(JournalDecodeError) {
        if let fields = FlatObjectScanner.fields(of: bytes) {
            self.fields = fields
            return
        }
        guard let value = try? JSONParser.parse(bytes), let object = value.objectValue else {
            throw JournalDecodeError("not a JSON object")
        }
        fields.reserveCapacity(object.count)
        for (key, value) in zip(object.keys, object.values) {
            if let text = value.stringValue {
                fields.append(JournalField(key: key, value: .string(text)))
            } else if let number = value.integerValue {
                fields.append(JournalField(key: key, value: .integer(number)))
            } else if let flag = value.boolValue {
                fields.append(JournalField(key: key, value: .bool(flag)))
            } else {
                fields.append(JournalField(key: key, value: .other))
            }
        }
    }

    private func value(_ key: String) -> Value? {
        for field in fields where field.key == key { return field.value }
        return nil
    }

    func string(_ key: String) throws(JournalDecodeError) -> String {
        guard case .string(let text) = value(key) else { throw JournalDecodeError("'\(key)' must be a string") }
        return text
    }

    func optionalString(_ key: String) throws(JournalDecodeError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw JournalDecodeError("'\(key)' must be a string") }
        return text
    }

    func integer(_ key: String) throws(JournalDecodeError) -> Int64 {
        guard case .integer(let number) = value(key) else { throw JournalDecodeError("'\(key)' must be an integer") }
        return number
    }

    func optionalInteger(_ key: String) throws(JournalDecodeError) -> Int64? {
        guard let value = value(key) else { return nil }
        guard case .integer(let number) = value else { throw JournalDecodeError("'\(key)' must be an integer") }
        return number
    }

    func bool(_ key: String) throws(JournalDecodeError) -> Bool {
        guard case .bool(let flag) = value(key) else { throw JournalDecodeError("'\(key)' must be true or false") }
        return flag
    }

    func optionalBool(_ key: String) throws(JournalDecodeError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw JournalDecodeError("'\(key)' must be true or false") }
        return flag
    }

    func spelled<Value: JournalSpelled>(_ key: String) throws(JournalDecodeError) -> Value {
        let name = try string(key)
        guard let value = Value(journalName: name) else {
            throw JournalDecodeError("'\(key)' has an unknown value '\(name.prefix(40))'")
        }
        return value
    }
}

extension JSONWriter {
    fileprivate mutating func put(_ name: StaticString, _ text: String) {
        member(name, text)
    }

    fileprivate mutating func put(_ name: StaticString, _ number: Int64) {
        member(name, number)
    }

    fileprivate mutating func put(_ name: StaticString, _ flag: Bool) {
        member(name, flag)
    }

    /// A member whose name is built at run time (a setting's), so it is escaped like any string.
    fileprivate mutating func put(named name: String, _ flag: Bool) {
        key(name)
        bool(flag)
    }
}

extension Hub {
    /// Replays one journal record: an event through `apply`, an archived note through `forgetArchived`.
    public mutating func replay(_ record: JournalRecord) {
        switch record {
        case .event(let event): apply(event)
        case .archived(let conversationId, _): forgetArchived(conversationId)
        }
    }
}
