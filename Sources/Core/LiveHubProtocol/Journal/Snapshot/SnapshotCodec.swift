import LiveHubDomain
import LiveHubSentiment

/// The hub's state as a snapshot payload, and back: every stored field of `HubState` (through
/// `HubStateParts`), losslessly, so `decode(encode(state)) == state` for any state. Binary
/// (`SnapshotWriter`): a snapshot can hold every open conversation's whole history. A conversation's
/// history events are journal records (`JournalEventCodec`), so there is one lossless encoding of events,
/// with one exception for speed: messages, nearly all of a history, are written in a compact binary
/// form (`writeMessage`), about five times quicker to read back than their JSON.
/// Dictionaries are written in key order, so one state always gives the same bytes.
///
/// **Extending.** Each domain type has one `write…`/`read…` pair below; a field added to a type is
/// written at the end of its pair and read back there. Bump `version` and read the new field only from
/// snapshots of that version (older ones get the field's default), so a later release still reads
/// today's snapshots. The round-trip test builds a rich state by running domain scenarios and compares
/// with `==`: a field left out fails it.
public enum SnapshotCodec {
    /// The payload version this build writes, and the highest it reads. 2: a conversation ends with how
    /// many of the customer's latest messages are not scored yet (version 1 scored them all to write).
    /// 3: a pending offer ends with the customer's name.
    public static let version: UInt64 = 3

    /// The payload for `state`. Throws only for an event the journal codec cannot write (a history
    /// event that is not a journaled fact), which would otherwise be lost.
    public static func encode(_ state: HubState) throws(SnapshotEncodeError) -> [UInt8] {
        let parts = state.parts
        var writer = SnapshotWriter(capacity: 1 << 16)
        writer.unsigned(version)
        writeSettings(parts.settings, into: &writer)
        writer.int(parts.conversationCount)
        writer.int(parts.offerCount)
        writer.count(parts.agents.count)
        for agentId in parts.agents.keys.sorted() {
            guard let agent = parts.agents[agentId] else { continue }
            writer.string(agentId.rawValue)
            writeIds(agent.heldConversationIds, into: &writer)
            writeIds(agent.reservingOfferIds, into: &writer)
            writeIds(agent.offerIds, into: &writer)
            writer.optional(agent.lastOfferedAt) { $0.instant($1) }
        }
        writer.count(parts.offers.count)
        for offerId in parts.offers.keys.sorted() {
            guard let offer = parts.offers[offerId] else { continue }
            writeOffer(offer, into: &writer)
        }
        writer.count(parts.queues.count)
        for queueId in parts.queues.keys.sorted() {
            guard let line = parts.queues[queueId] else { continue }
            writer.string(queueId.rawValue)
            writeQueueLine(line, into: &writer)
        }
        writeIndex(parts.openConversationsByCustomer, into: &writer)
        writeIndex(parts.staffConversations, into: &writer)
        writeIds(parts.awayConversationIds, into: &writer)
        writer.count(parts.conversations.count)
        for conversationId in parts.conversations.keys.sorted() {
            guard let conversation = parts.conversations[conversationId] else { continue }
            try writeConversation(conversation, into: &writer)
        }
        // The audit, each entry as its journal record (the audit's own lossless encoding).
        writer.count(parts.audit.count)
        for entry in parts.audit {
            let event = DomainEvent(conversationId: entry.conversationId, seq: nil, at: entry.at, payload: .audit(entry))
            guard let record = JournalEventCodec.encode(event) else {
                throw SnapshotEncodeError("audit entry \(entry.id) has no journal encoding")
            }
            writer.blob(record)
        }
        return writer.bytes
    }

    /// The state a payload holds.
    public static func decode(_ payload: UnsafeRawBufferPointer) throws(SnapshotDecodeError) -> HubState {
        var reader = SnapshotReader(payload)
        let payloadVersion = try reader.unsigned()
        guard payloadVersion >= 1, payloadVersion <= version else {
            throw SnapshotDecodeError("snapshot payload version \(payloadVersion) (this release reads 1 to \(version))")
        }
        let settings = try readSettings(&reader)
        let conversationCount = try reader.int()
        let offerCount = try reader.int()
        var agents: [UserId: AgentStateParts] = [:]
        for _ in 0..<(try reader.count()) {
            let agentId = UserId(try reader.string())
            agents[agentId] = AgentStateParts(
                heldConversationIds: try readIds(&reader), reservingOfferIds: try readIds(&reader),
                offerIds: try readIds(&reader), lastOfferedAt: try reader.optional { r throws(SnapshotDecodeError) in
                    try r.instant()
                })
        }
        var offers: [OfferId: Offer] = [:]
        for _ in 0..<(try reader.count()) {
            let offer = try readOffer(&reader, version: payloadVersion)
            offers[offer.offerId] = offer
        }
        var queues: [QueueId: QueueLineParts] = [:]
        for _ in 0..<(try reader.count()) {
            let queueId = QueueId(try reader.string())
            queues[queueId] = try readQueueLine(&reader)
        }
        let openByCustomer: [UserId: Set<ConversationId>] = try readIndex(&reader)
        let staff: [UserId: Set<ConversationId>] = try readIndex(&reader)
        let away: Set<ConversationId> = try readIds(&reader)
        let total = try reader.count()
        var conversations: [ConversationId: Conversation] = [:]
        conversations.reserveCapacity(total)
        for _ in 0..<total {
            let conversation = try readConversation(&reader, version: payloadVersion)
            conversations[conversation.id] = conversation
        }
        var audit: [AuditEntry] = []
        for _ in 0..<(try reader.count()) {
            let record = try reader.rawBlob()
            let event: DomainEvent
            do {
                event = try JournalEventCodec.decode(record)
            } catch {
                throw SnapshotDecodeError("an audit entry does not decode: \(error)")
            }
            guard case .audit(let entry) = event.payload else {
                throw SnapshotDecodeError("a \(event.kind) record where an audit entry belongs")
            }
            audit.append(entry)
        }
        guard reader.isAtEnd else { throw SnapshotDecodeError("bytes left after the audit") }
        return HubState(
            parts: HubStateParts(
                settings: settings, conversations: conversations, agents: agents, offers: offers, queues: queues,
                openConversationsByCustomer: openByCustomer, staffConversations: staff, awayConversationIds: away,
                conversationCount: conversationCount, offerCount: offerCount, audit: audit))
    }

    /// One conversation alone (the archive's record of a closed conversation), versioned like a snapshot.
    public static func encode(conversation: Conversation) throws(SnapshotEncodeError) -> [UInt8] {
        var writer = SnapshotWriter(capacity: 1024)
        writer.unsigned(version)
        try writeConversation(conversation, into: &writer)
        return writer.bytes
    }

    /// The conversation `encode(conversation:)` wrote.
    public static func decodeConversation(_ bytes: UnsafeRawBufferPointer) throws(SnapshotDecodeError) -> Conversation
    {
        var reader = SnapshotReader(bytes)
        let recordVersion = try reader.unsigned()
        guard recordVersion >= 1, recordVersion <= version else {
            throw SnapshotDecodeError("archive record version \(recordVersion) (this release reads 1 to \(version))")
        }
        let conversation = try readConversation(&reader, version: recordVersion)
        guard reader.isAtEnd else { throw SnapshotDecodeError("bytes left after the conversation") }
        return conversation
    }

    /// The id of the conversation an `encode(conversation:)` record holds, read without decoding the
    /// rest (a lookup reads one bucket file of up to a thousand of them); nil when it cannot be read.
    public static func conversationId(ofRecord bytes: UnsafeRawBufferPointer) -> ConversationId? {
        var reader = SnapshotReader(bytes)
        guard let recordVersion = try? reader.unsigned(), recordVersion >= 1, recordVersion <= version,
            let id = try? reader.string()
        else { return nil }
        return ConversationId(id)
    }

    // MARK: Settings, offers, queues, indexes

    private static func writeSettings(_ settings: AdminSettings, into writer: inout SnapshotWriter) {
        writer.bool(settings.supervisorMonitor)
        writer.bool(settings.supervisorAssign)
        writer.bool(settings.supervisorTransfer)
        writer.bool(settings.supervisorForceClose)
    }

    private static func readSettings(_ reader: inout SnapshotReader) throws(SnapshotDecodeError) -> AdminSettings {
        AdminSettings(
            supervisorMonitor: try reader.bool(), supervisorAssign: try reader.bool(),
            supervisorTransfer: try reader.bool(), supervisorForceClose: try reader.bool())
    }

    private static func writeOffer(_ offer: Offer, into writer: inout SnapshotWriter) {
        writer.string(offer.offerId.rawValue)
        writer.string(offer.conversationId.rawValue)
        writer.spelled(offer.kind)
        writer.string(offer.agentId.rawValue)
        writer.optional(offer.requesterId) { $0.string($1.rawValue) }
        writer.string(offer.subject)
        writer.string(offer.channel.rawValue)
        writer.string(offer.queueId.rawValue)
        writer.int(offer.reservedUnits)
        writer.instant(offer.expiresAt)
        writer.optional(offer.customerName) { $0.string($1) }
    }

    /// `version`: the payload's, which says which fields it has.
    private static func readOffer(
        _ reader: inout SnapshotReader, version: UInt64
    ) throws(SnapshotDecodeError) -> Offer {
        var offer = Offer(
            offerId: OfferId(try reader.string()), conversationId: ConversationId(try reader.string()),
            kind: try reader.spelled("an offer's kind"), agentId: UserId(try reader.string()),
            requesterId: try reader.optional { r throws(SnapshotDecodeError) in UserId(try r.string()) },
            subject: try reader.string(), channel: Channel(try reader.string()), queueId: QueueId(try reader.string()),
            reservedUnits: try reader.int(), expiresAt: try reader.instant())
        if version >= 3 {
            offer.customerName = try reader.optional { r throws(SnapshotDecodeError) in try r.string() }
        }
        return offer
    }

    private static func writeQueueLine(_ line: QueueLineParts, into writer: inout SnapshotWriter) {
        writePlaces(line.open, into: &writer)
        writer.count(line.unoffered.count)
        for units in line.unoffered.keys.sorted() {
            writer.int(units)
            writePlaces(line.unoffered[units] ?? [], into: &writer)
        }
        for durations in [line.recentWaits, line.recentHandles] {
            writer.count(durations.milliseconds.count)
            for duration in durations.milliseconds { writer.signed(duration) }
            writer.int(durations.next)
        }
    }

    private static func readQueueLine(_ reader: inout SnapshotReader) throws(SnapshotDecodeError) -> QueueLineParts {
        let open = try readPlaces(&reader)
        var unoffered: [Int: [LinePlace]] = [:]
        for _ in 0..<(try reader.count()) {
            let units = try reader.int()
            unoffered[units] = try readPlaces(&reader)
        }
        var durations: [RecentDurationsParts] = []
        for _ in 0..<2 {
            var milliseconds: [Int64] = []
            for _ in 0..<(try reader.count()) { milliseconds.append(try reader.signed()) }
            durations.append(RecentDurationsParts(milliseconds: milliseconds, next: try reader.int()))
        }
        return QueueLineParts(open: open, unoffered: unoffered, recentWaits: durations[0], recentHandles: durations[1])
    }

    private static func writePlaces(_ places: [LinePlace], into writer: inout SnapshotWriter) {
        writer.count(places.count)
        for place in places {
            writer.instant(place.since)
            writer.string(place.conversationId.rawValue)
        }
    }

    private static func readPlaces(_ reader: inout SnapshotReader) throws(SnapshotDecodeError) -> [LinePlace] {
        let count = try reader.count(minimumBytes: 2)
        var places: [LinePlace] = []
        places.reserveCapacity(count)
        for _ in 0..<count {
            places.append(LinePlace(since: try reader.instant(), conversationId: ConversationId(try reader.string())))
        }
        return places
    }

    private static func writeIndex(_ index: [UserId: Set<ConversationId>], into writer: inout SnapshotWriter) {
        writer.count(index.count)
        for userId in index.keys.sorted() {
            writer.string(userId.rawValue)
            writeIds(index[userId] ?? [], into: &writer)
        }
    }

    private static func readIndex(
        _ reader: inout SnapshotReader
    ) throws(SnapshotDecodeError) -> [UserId: Set<ConversationId>] {
        var index: [UserId: Set<ConversationId>] = [:]
        for _ in 0..<(try reader.count()) {
            let userId = UserId(try reader.string())
            index[userId] = try readIds(&reader)
        }
        return index
    }

    // MARK: Conversations

    private static func writeConversation(
        _ conversation: Conversation, into writer: inout SnapshotWriter
    ) throws(SnapshotEncodeError) {
        let parts = conversation.parts
        writer.string(parts.id.rawValue)
        writer.string(parts.subject)
        writer.string(parts.channel.rawValue)
        writer.spelled(parts.mode)
        writer.string(parts.queueId.rawValue)
        writer.string(parts.customerId.rawValue)
        writer.optional(parts.customerName) { $0.string($1) }
        writer.optional(parts.primaryAgentId) { $0.string($1.rawValue) }
        writer.count(parts.participants.count)
        for participant in parts.participants {
            writer.string(participant.userId.rawValue)
            writer.spelled(participant.role)
        }
        writer.instant(parts.createdAt)
        writer.optional(parts.acceptedAt) { $0.instant($1) }
        writer.optional(parts.closedAt) { $0.instant($1) }
        writer.spelled(parts.status)
        writer.optional(parts.customerAwaySince) { $0.instant($1) }
        writer.optional(parts.lastActivityAt) { $0.instant($1) }
        writer.int(parts.capacityUnits)
        writer.count(parts.history.count)
        try parts.history.forEachEvent { (event) throws(SnapshotEncodeError) in
            if case .message(let message) = event.payload, event.conversationId == parts.id, event.seq == message.seq {
                writer.bytes.append(HistoryForm.message)
                writeMessage(message, at: event.at, into: &writer)
                return
            }
            guard let record = JournalEventCodec.encode(event) else {
                throw SnapshotEncodeError("\(parts.id): a \(event.kind) event in its history has no journal encoding")
            }
            writer.bytes.append(HistoryForm.journalRecord)
            writer.blob(record)
        }
        writer.int(parts.lastSeq)
        writer.count(parts.pendingOfferIds.count)
        for offerId in parts.pendingOfferIds { writer.string(offerId.rawValue) }
        writer.int(parts.pendingRouteOffers)
        writeIds(parts.declinedAgentIds, into: &writer)
        writer.optional(parts.lastDeclinedAt) { $0.instant($1) }
        // Where earlier releases wrote each (sender, clientMsgId, seq): the history holds every message
        // with its client id, and the restored conversation indexes them from there. An empty list keeps
        // the layout, and a version-1 record's list is read past.
        writer.count(0)
        writer.signed(parts.waitMilliseconds)
        writer.optional(parts.waitStartedAt) { $0.instant($1) }
        writer.signed(parts.handleMilliseconds)
        writer.optional(parts.handleStartedAt) { $0.instant($1) }
        writer.count(parts.sentimentScores.count)
        for score in parts.sentimentScores { writer.unsigned(score.bitPattern) }
        writer.unsigned(UInt64(max(0, parts.unscoredSentimentMessages)))
    }

    /// `version`: the payload's or record's, which says which fields it has.
    private static func readConversation(
        _ reader: inout SnapshotReader, version: UInt64
    ) throws(SnapshotDecodeError) -> Conversation {
        var parts = ConversationParts(
            id: ConversationId(try reader.string()), subject: try reader.string(), channel: Channel(try reader.string()),
            queueId: "", customerId: "")
        parts.mode = try reader.spelled("a conversation's mode")
        parts.queueId = QueueId(try reader.string())
        parts.customerId = UserId(try reader.string())
        parts.customerName = try reader.optional { r throws(SnapshotDecodeError) in try r.string() }
        parts.primaryAgentId = try reader.optional { r throws(SnapshotDecodeError) in UserId(try r.string()) }
        let participantCount = try reader.count(minimumBytes: 2)
        parts.participants.reserveCapacity(participantCount)
        for _ in 0..<participantCount {
            parts.participants.append(
                Participant(userId: UserId(try reader.string()), role: try reader.spelled("a participant's role")))
        }
        parts.createdAt = try reader.instant()
        parts.acceptedAt = try reader.optional { r throws(SnapshotDecodeError) in try r.instant() }
        parts.closedAt = try reader.optional { r throws(SnapshotDecodeError) in try r.instant() }
        parts.status = try reader.spelled("a conversation's status")
        parts.customerAwaySince = try reader.optional { r throws(SnapshotDecodeError) in try r.instant() }
        parts.lastActivityAt = try reader.optional { r throws(SnapshotDecodeError) in try r.instant() }
        parts.capacityUnits = try reader.int()
        let eventCount = try reader.count(minimumBytes: 2)
        parts.history.reserveCapacity(eventCount)
        for _ in 0..<eventCount {
            switch try reader.byte() {
            case HistoryForm.message:
                parts.history.append(try readMessage(&reader, in: parts.id))
            case HistoryForm.journalRecord:
                let record = try reader.rawBlob()
                do throws(JournalDecodeError) {
                    parts.history.append(try JournalEventCodec.decode(record))
                } catch {
                    throw SnapshotDecodeError("\(parts.id): a history event does not decode (\(error))")
                }
            case let form:
                throw SnapshotDecodeError("\(parts.id): a history event of unknown form \(form)")
            }
        }
        parts.lastSeq = try reader.int()
        for _ in 0..<(try reader.count()) { parts.pendingOfferIds.append(OfferId(try reader.string())) }
        parts.pendingRouteOffers = try reader.int()
        parts.declinedAgentIds = try readIds(&reader)
        parts.lastDeclinedAt = try reader.optional { r throws(SnapshotDecodeError) in try r.instant() }
        // An earlier release's (sender, clientMsgId, seq) list: read past, as the history says the same.
        for _ in 0..<(try reader.count(minimumBytes: 3)) {
            _ = try reader.string()
            _ = try reader.string()
            _ = try reader.int()
        }
        parts.waitMilliseconds = try reader.signed()
        parts.waitStartedAt = try reader.optional { r throws(SnapshotDecodeError) in try r.instant() }
        parts.handleMilliseconds = try reader.signed()
        parts.handleStartedAt = try reader.optional { r throws(SnapshotDecodeError) in try r.instant() }
        for _ in 0..<(try reader.count()) { parts.sentimentScores.append(Double(bitPattern: try reader.unsigned())) }
        if version >= 2 {
            // Not a count of bytes that follow (the texts are the history's): bounded by the window.
            let unscored = try reader.unsigned()
            guard unscored <= UInt64(ConversationSentiment.window) else {
                throw SnapshotDecodeError("\(parts.id): \(unscored) unscored sentiment messages, more than the window")
            }
            parts.unscoredSentimentMessages = Int(unscored)
        }
        return Conversation(parts: parts)
    }

    /// How a history event is written: a journal record, or a message in binary.
    private enum HistoryForm {
        static let journalRecord: UInt8 = 0
        static let message: UInt8 = 1
    }

    /// A message of the conversation's history: its seq (the event's too), sender, role, text,
    /// visibility, client id, and both times (the event's as an offset from the message's, nearly always 0).
    private static func writeMessage(_ message: Message, at: Instant, into writer: inout SnapshotWriter) {
        writer.int(message.seq)
        writer.string(message.senderId.rawValue)
        writer.spelled(message.senderRole)
        writer.string(message.text)
        writer.spelled(message.visibility)
        writer.optional(message.clientMessageId) { $0.string($1) }
        writer.instant(message.at)
        writer.signed(at.millisecondsSinceEpoch &- message.at.millisecondsSinceEpoch)
    }

    private static func readMessage(
        _ reader: inout SnapshotReader, in conversationId: ConversationId
    ) throws(SnapshotDecodeError) -> DomainEvent {
        let seq = try reader.int()
        let senderId = UserId(try reader.string())
        let role: ParticipantRole = try reader.spelled("a message's sender role")
        let text = try reader.string()
        let visibility: Visibility = try reader.spelled("a message's visibility")
        let clientMessageId = try reader.optional { r throws(SnapshotDecodeError) in try r.string() }
        let messageAt = try reader.instant()
        let at = Instant(millisecondsSinceEpoch: messageAt.millisecondsSinceEpoch &+ (try reader.signed()))
        let message = Message(
            seq: seq, senderId: senderId, senderRole: role, text: text, visibility: visibility,
            clientMessageId: clientMessageId, at: messageAt)
        return DomainEvent(conversationId: conversationId, seq: seq, at: at, payload: .message(message))
    }

    // MARK: Identifier sets

    private static func writeIds<Id: SnapshotIdentifier>(_ ids: Set<Id>, into writer: inout SnapshotWriter) {
        writer.count(ids.count)
        for id in ids.sorted() { writer.string(id.rawValue) }
    }

    private static func readIds<Id: SnapshotIdentifier>(_ reader: inout SnapshotReader) throws(SnapshotDecodeError)
        -> Set<Id>
    {
        let count = try reader.count()
        var ids: Set<Id> = []
        ids.reserveCapacity(count)
        for _ in 0..<count { ids.insert(Id(try reader.string())) }
        return ids
    }
}

/// The typed identifiers a snapshot writes as their strings.
protocol SnapshotIdentifier: Hashable, Comparable {
    var rawValue: String { get }
    init(_ rawValue: String)
}

extension UserId: SnapshotIdentifier {}
extension ConversationId: SnapshotIdentifier {}
extension OfferId: SnapshotIdentifier {}
