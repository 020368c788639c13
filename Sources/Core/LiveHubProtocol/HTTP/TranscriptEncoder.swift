import LiveHubDomain

/// Writes a conversation's transcript for `GET /v1/conversations/{id}/transcript`, as JSON
/// (`Protocol/schemas/http/transcript.json`) or as a readable text export. The events are the ones
/// the domain granted the reader (`Conversation.transcript(for:userId:)`), shaped for its audience
/// exactly as the wire shapes them: a customer's export has no queue, no internal note and no
/// supervisor's identity, because the customer variant of each event has none.
public enum TranscriptEncoder {
    /// `{"conversationId","subject","queueId" (staff only),"channel","status","customerId",
    /// "customerName"?,"createdAt","closedAt"?,"entries":[…]}`, each entry in the wire's event
    /// encoding for `audience`.
    public static func json(_ conversation: Conversation, events: [DomainEvent], for audience: Audience) -> [UInt8] {
        var writer = JSONWriter(capacity: 256 + events.count * 160)
        writer.beginObject()
        writer.field(WireKey.conversationId, conversation.id.rawValue)
        writer.field(WireKey.subject, conversation.subject)
        if audience == .staff { writer.field(WireKey.queueId, conversation.queueId.rawValue) }
        writer.field(WireKey.channel, conversation.channel.rawValue)
        writer.field(WireKey.status, conversation.status.wireName)
        writer.field(WireKey.customerId, conversation.customerId.rawValue)
        writer.field(WireKey.customerName, conversation.customerName)
        writer.field(WireKey.createdAt, conversation.createdAt)
        if let closedAt = conversation.closedAt { writer.field(WireKey.closedAt, closedAt) }
        writer.key(WireKey.entries)
        writer.beginArray()
        for event in events { EventEncoder.write(event, for: audience, into: &writer) }
        writer.endArray()
        writer.endObject()
        return writer.finish()
    }

    /// The text export: a header (conversation, subject, queue for staff, channel, customer, dates,
    /// status), a blank line, then one line per entry: the time in UTC, then the sender's name and
    /// role and the text for a message (`[internal note]` after the role for an internal one), or
    /// `[system]` and what happened for the hub's own entries and events. A message's further lines
    /// are indented by four spaces, so every entry starts with its time. `names` gives display names
    /// (configured staff); names carried by the events themselves are used too.
    public static func text(
        _ conversation: Conversation, events: [DomainEvent], for audience: Audience, names: [UserId: String]
    ) -> [UInt8] {
        var book = names
        book[conversation.customerId] = conversation.customerDisplayName
        for event in events {
            switch event.payload {
            case .participantJoined(let change), .participantLeft(let change), .participantAway(let change),
                .participantBack(let change):
                if let name = change.name { book[change.userId] = name }
            default:
                break
            }
        }
        func name(_ userId: UserId) -> String { book[userId] ?? userId.rawValue }

        var header = "Conversation \(conversation.id.rawValue)\n"
        header += "Subject: \(singleLine(conversation.subject))\n"
        if audience == .staff { header += "Queue: \(conversation.queueId.rawValue)\n" }
        header += "Channel: \(conversation.channel.rawValue)\n"
        header += "Customer: \(singleLine(conversation.customerDisplayName)) (\(conversation.customerId.rawValue))\n"
        header += "Started: \(UTCTime.text(conversation.createdAt)) UTC\n"
        if let closedAt = conversation.closedAt { header += "Closed: \(UTCTime.text(closedAt)) UTC\n" }
        header += "Status: \(conversation.status.wireName)\n\n"
        // Bytes, not a String: a long transcript is written in one pass without re-encoding.
        var out: [UInt8] = Array(header.utf8)
        out.reserveCapacity(out.count + events.count * 96)
        for event in events {
            guard let line = line(for: event, audience: audience, name: name) else { continue }
            UTCTime.append(event.at, to: &out)
            out.append(contentsOf: "  ".utf8)
            appendIndented(line, to: &out)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// What one entry says after its time; nil for events that have no place in a transcript.
    private static func line(for event: DomainEvent, audience: Audience, name: (UserId) -> String) -> String? {
        let variant = event.payload.variant(for: audience)
        switch event.payload {
        case .message(let message):
            if message.senderRole == .system { return "[system] \(message.text)" }
            let note = message.visibility == .internal ? " [internal note]" : ""
            return "\(name(message.senderId)) (\(message.senderRole.wireName))\(note): \(message.text)"
        case .conversationStarted(let started):
            let queue = variant.includesQueue ? " in queue \(started.queueId.rawValue)" : ""
            return "[system] \(name(started.customerId)) started the conversation\(queue) (\(started.channel.rawValue))"
        case .participantJoined(let change):
            return "[system] \(name(change.userId)) joined as \(change.role.wireName)"
        case .participantLeft(let change):
            return "[system] \(name(change.userId)) (\(change.role.wireName)) left"
        case .participantAway(let change):
            return "[system] \(name(change.userId)) is away (disconnected)"
        case .participantBack(let change):
            return "[system] \(name(change.userId)) is back"
        case .conversationUpdated(let update):
            var text = "[system] Status \(update.status.wireName)"
            if let agentId = update.primaryAgentId { text += ", agent \(name(agentId))" }
            if variant.includesQueue { text += ", queue \(update.queueId.rawValue)" }
            if update.mode != .text { text += ", \(update.mode.wireName)" }
            return text + " (\(update.reason.wireName))"
        case .offer(let offer):
            let requester = offer.requesterId.map { ", asked by \(name($0))" } ?? ""
            return "[system] \(offerName(offer.kind)) \(offer.offerId.rawValue) to \(name(offer.agentId))\(requester)"
        case .offerEnded(let ended):
            let outcome: String
            switch ended.outcome {
            case .accepted: outcome = "accepted"
            case .rejected: outcome = "declined"
            case .timedOut: outcome = "timed out"
            case .withdrawn: outcome = "withdrawn"
            }
            return "[system] \(offerName(ended.kind)) \(ended.offerId.rawValue) to \(name(ended.agentId)): \(outcome)"
        case .notification(let notification):
            switch notification.kind {
            case .supervisorJoined: return "[system] Supervisor \(name(notification.userId)) joined"
            }
        case .conversationClosed(let closed):
            let who =
                variant.includesClosingUser ? "\(name(closed.userId)) (\(closed.by.wireName))" : closed.by.wireName
            return "[system] Closed by \(who): \(closed.reason)"
        case .typing, .reportUpdate, .presenceChanged, .monitorStarted, .monitorStopped, .settingsUpdated,
            .queuePosition, .agentUpdate, .agentDisconnected, .agentReconnected, .audit:
            return nil
        }
    }

    private static func offerName(_ kind: OfferKind) -> String {
        switch kind {
        case .route: "Route offer"
        case .transfer: "Transfer offer"
        case .consult: "Consult offer"
        }
    }

    /// A message's further lines, indented so that every entry starts with its time. Looks at bytes:
    /// most lines have no break, and walking characters (grapheme clusters) would cost far more.
    private static func appendIndented(_ text: String, to out: inout [UInt8]) {
        let bytes = text.utf8
        guard bytes.contains(where: { $0 == 0x0A || $0 == 0x0D }) else {
            out.append(contentsOf: bytes)
            return
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        out.append(contentsOf: lines.joined(separator: "\n    ").utf8)
    }

    /// Header values stay on their line.
    private static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}

/// Times as the text export writes them: `2026-12-04 11:39:26`, in UTC. Pure arithmetic on the
/// proleptic Gregorian calendar (no time zone database, no Foundation).
public enum UTCTime {
    public static func text(_ instant: Instant) -> String {
        var bytes: [UInt8] = []
        append(instant, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the time's 19 characters (more for years past 9999) to `out`.
    public static func append(_ instant: Instant, to out: inout [UInt8]) {
        let milliseconds = instant.millisecondsSinceEpoch
        // Floor division, so instants before 1970 fall on the right day.
        var days = milliseconds / 86_400_000
        var remainder = milliseconds % 86_400_000
        if remainder < 0 {
            days -= 1
            remainder += 86_400_000
        }
        let seconds = remainder / 1_000
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        appendDigits(year, width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &out)
        out.append(UInt8(ascii: " "))
        appendDigits(seconds / 3_600, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(seconds / 60 % 60, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(seconds % 60, width: 2, to: &out)
    }

    /// Year, month (1–12) and day (1–31) of a day counted from 1970-01-01. Counts in 400-year eras of
    /// 146,097 days, with years starting on 1 March so that the leap day ends the year.
    public static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = daysSinceEpoch + 719_468  // days from 0000-03-01 to 1970-01-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097  // 0 … 146096
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365  // 0 … 399
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // 0 … 365, from 1 March
        let monthFromMarch = (5 * dayOfYear + 2) / 153  // 0 … 11
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// `value` in decimal, zero-padded to `width` digits; a value that does not fit (a year before 0
    /// or after 9999) is written as it is.
    private static func appendDigits(_ value: Int64, width: Int, to out: inout [UInt8]) {
        var limit: Int64 = 1
        for _ in 0..<width { limit *= 10 }
        guard value >= 0, value < limit else {
            out.append(contentsOf: String(value).utf8)
            return
        }
        var divisor = limit / 10
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
