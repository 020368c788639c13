import Foundation
import LiveHubDomain
import LiveHubProtocol
import Testing

/// The exact bytes every encoder writes, pinned against `EncodingPins.text`, captured from the encoders
/// before their writer was rewritten for speed. Journal records must never change (recovery reads old
/// journals); wire frames must not change behind clients' backs.
///
/// To capture the pins again (only when a format change is intended and documented), run the suite
/// with `LIVEHUB_WRITE_PINS=/tmp/pins.txt` and paste the file into `EncodingPins.swift`.
@Suite("encoding pins")
struct EncodingPinTests {
    static let at = Instant(millisecondsSinceEpoch: 1_700_000_123_456)

    /// Every event kind (the journal test's lossless set, every wire kind's samples, and rows with all
    /// their optional members), each under a few headers, including ones without conversation or seq.
    static func events() -> [DomainEvent] {
        var events = JournalCodecTests.journaled
        for kind in EventKind.allCases {
            for payload in WireNamesTests.samples(of: kind) {
                events.append(DomainEvent(conversationId: "c1", seq: 7, at: at, payload: payload))
                events.append(DomainEvent(conversationId: nil, seq: nil, at: Instant(millisecondsSinceEpoch: -1), payload: payload))
            }
        }
        let fullRow = ReportRow(
            conversationId: "c\u{1}9", subject: "Ünï \"quoted\" \\ 🙂\ttab", customerId: "guest-\"1\"",
            customerName: "Cära \"C\" Díaz\n", status: .wrapUp, agentId: "alice",
            queueId: "billing", channel: "sms", createdAt: at, waitSeconds: Int64.max, handleSeconds: Int64.min,
            waitStartedAt: at, handleStartedAt: at.adding(seconds: 3), lastActivityAt: at.adding(seconds: 9),
            participantCount: 4, customerAway: true, sentiment: .positive)
        let agentRow = AgentRow(
            agentId: "bob", name: "Bob \"B\" Ödegaard", presence: .away, capacityUsed: 2, capacity: 3,
            conversationIds: ["c1", "c2", "c\"3"], disconnectedAt: at)
        let extra: [EventPayload] = [
            .reportUpdate(fullRow),
            .agentUpdate(agentRow),
            .agentUpdate(AgentRow(agentId: "e", name: "", presence: .offline, capacityUsed: 0, capacity: 0, conversationIds: [])),
            .queuePosition(QueuePosition(position: 1, estimatedWaitSeconds: nil)),
            .message(
                Message(
                    seq: 9, senderId: "cust", senderRole: .customer, text: String(repeating: "long 🙂 \u{0}\u{1f}\"\\ ", count: 300),
                    visibility: .public, clientMessageId: "id \"x\"", at: at)),
            .message(Message(seq: 10, senderId: "a", senderRole: .agent, text: "", visibility: .internal, clientMessageId: "", at: at)),
            .conversationClosed(ConversationClosed(by: .customer, userId: "cust", reason: "")),
            .offer(
                Offer(
                    offerId: "o9", conversationId: "c1", kind: .consult, agentId: "dave", requesterId: "bob", subject: "S",
                    channel: "voice", queueId: "q", reservedUnits: 0, expiresAt: Instant(millisecondsSinceEpoch: Int64.max))),
            .offer(
                Offer(
                    offerId: "o10", conversationId: "c1", kind: .route, agentId: "erin", requesterId: nil, subject: "T",
                    customerName: "Cära \"C\" Díaz\n", channel: .livechat, queueId: "q", reservedUnits: 2,
                    expiresAt: at)),
        ]
        for payload in extra {
            events.append(DomainEvent(conversationId: "c1", seq: Int.max, at: Instant(millisecondsSinceEpoch: Int64.min), payload: payload))
        }
        return events
    }

    static let ids: [RequestId?] = [.string("r\"1\u{7}"), .integer(-5), .integer(Int64.max), nil]

    /// Every answer and ack the hub sends, for each kind of request id.
    static func answers() -> [(String, [UInt8])] {
        var pins: [(String, [UInt8])] = []
        let history = Array(events().prefix(4))
        let row = ReportRow(
            conversationId: "c1", subject: "s", customerId: "cara", status: .open, agentId: nil, queueId: "q",
            channel: .livechat,
            createdAt: at, waitSeconds: 0, handleSeconds: 0)
        let agents = [
            AgentRow(agentId: "a", name: "A", presence: .available, capacityUsed: 1, capacity: 2, conversationIds: ["c1"])
        ]
        let own = [
            OwnConversation(conversationId: "c12", status: .active, subject: "Where \"is\" it", channel: .livechat, role: .agent, lastSeq: 14),
            OwnConversation(conversationId: "c15", status: .wrapUp, subject: "", channel: "sms", role: .consult, lastSeq: 0),
        ]
        let acknowledgements: [(String, Acknowledgement)] = [
            ("done", .done), ("started", .conversationStarted("c9")), ("accepted", .messageAccepted(seq: 42)),
            ("accepted-max", .messageAccepted(seq: Int.max)), ("offer", .offerMade("o3")), ("assigned", .assigned(capacityExceededBy: 2)),
            ("history", .history(history)), ("history-empty", .history([])), ("report", .report([row, row])), ("report-empty", .report([])),
            ("agents", .agents(agents)), ("agents-empty", .agents([])),
            ("settings", .settings(AdminSettings(supervisorMonitor: true, supervisorForceClose: true))),
            ("conversations", .conversations(own)), ("conversations-empty", .conversations([])),
        ]
        for (index, id) in ids.enumerated() {
            for (name, acknowledgement) in acknowledgements {
                for audience in [Audience.staff, .customer] {
                    let frames = ServerMessageEncoder.encodeAnswer(acknowledgement, to: id, for: audience)
                    for (frame, bytes) in frames.enumerated() {
                        pins.append(("answer.\(name).id\(index).\(audience).\(frame)", bytes))
                    }
                }
            }
            let results: [(String, AcknowledgementResult)] = [
                ("done", .done), ("replayed", .replayed(count: 3)), ("replayed-zero", .replayed(count: 0)),
                ("assigned-zero", .assigned(capacityExceededBy: 0)),
            ]
            for (name, result) in results {
                pins.append(("ack.\(name).id\(index)", ServerMessageEncoder.encodeAck(id: id, result: result)))
            }
            let errors = [
                HubError(.notFound, message: "No \"such\" conversation\n", conversationId: "c1"),
                HubError(.invalidMessage, message: "", conversationId: nil),
            ]
            for (number, error) in errors.enumerated() {
                pins.append(("error.\(number).id\(index)", ServerMessageEncoder.encodeError(error, id: id)))
            }
        }
        let welcome = Welcome(sessionId: "s1", user: WireUser(id: "alice", role: .agent, name: "Alice \"A\""), heartbeatSeconds: 30)
        pins.append(("welcome", ServerMessageEncoder.encode(welcome)))
        return pins
    }

    /// The writer's own primitives, as the snapshot-free callers (audit, transcript, report, tokens) use them.
    static func writerPrimitives() -> [(String, [UInt8])] {
        let document = JSONValue.object(
            JSONObject([
                "a\"b": .null, "\u{0}ctl": .bool(true), "ünï": .bool(false), "n": .integer(Int64.min), "d": .double(-0.5),
                "list": .array([
                    .double(1e300), .double(Double.nan), .double(-Double.infinity), .double(0.1), .double(-0.0), .integer(0),
                ]),
                "empty": .array([]), "o": .object(JSONObject()),
            ]))
        var pins: [(String, [UInt8])] = [("value.document", document.serialized())]
        var writer = JSONWriter(capacity: 0)
        writer.beginArray()
        for number: Int64 in [0, 1, -1, 9, 10, 99, 100, 12345, 1_700_000_123_456, Int64.max, Int64.min, Int64.min + 1] {
            writer.integer(number)
        }
        writer.integer(Int.max)
        writer.string((0..<0x80).map { String(UnicodeScalar(UInt8($0))) }.joined())
        writer.string("🙂é\u{7f}\u{80}\u{10FFFF}")
        writer.beginObject()
        writer.key("static")
        writer.null()
        writer.key(String("dyn\"amic"))
        writer.string("")
        writer.endObject()
        writer.endArray()
        pins.append(("writer.primitives", writer.bytes))
        let auditEntries = JournalCodecTests.audit.compactMap { event -> AuditEntry? in
            if case .audit(let entry) = event.payload { entry } else { nil }
        }
        pins.append(("audit.page", AuditEncoder.encode(AuditPage(entries: auditEntries, next: at))))
        pins.append(("audit.page-last", AuditEncoder.encode(AuditPage(entries: [], next: nil))))
        return pins
    }

    /// Every pinned encoding, named.
    static func current() -> [(String, [UInt8])] {
        var pins: [(String, [UInt8])] = []
        let absent = Array("-".utf8)
        for (index, event) in events().enumerated() {
            let name = "event.\(index).\(event.kind)"
            pins.append(("\(name).journal", JournalEventCodec.encode(event) ?? absent))
            for audience in [Audience.staff, .customer] {
                pins.append(("\(name).wire.\(audience)", EventEncoder.encode(event, for: audience)))
            }
            for order in [[Audience.staff, .customer], [.customer, .staff]] {
                var encoded = EncodedEvent(event)
                for audience in order {
                    pins.append(("\(name).frame.\(order[0])-first.\(audience)", encoded.bytes(for: audience) ?? absent))
                }
            }
        }
        pins.append(("archived", JournalEventCodec.encodeArchived("c\"7", at: at)))
        pins.append(("ongoing-report", OngoingReportDocument.encode([], at: at)))
        return pins + answers() + writerPrimitives()
    }

    /// The output as pinned text: valid UTF-8 (every encoder input is a Swift string) with DEL, which a
    /// Swift source file cannot hold, spelled `⟨DEL⟩`.
    static func pinText(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\u{7f}", with: "⟨DEL⟩")
    }

    @Test("every journal record, wire event, ack, answer and error is byte-for-byte what the pinned encoders wrote")
    func bytesAreUnchanged() throws {
        let current = Self.current()
        if let path = ProcessInfo.processInfo.environment["LIVEHUB_WRITE_PINS"] {
            let text = current.map { "\($0.0) \(Self.pinText($0.1))" }.joined(separator: "\n")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        var pinned: [String: String] = [:]
        for line in EncodingPins.text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let space = line.firstIndex(of: " ") else { continue }
            pinned[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        #expect(Set(current.map(\.0)).count == current.count, "pin names are unique")
        #expect(pinned.count == current.count, "every pin is still produced")
        for (name, bytes) in current {
            let expected = try #require(pinned[name], "\(name) is pinned")
            #expect(Self.pinText(bytes) == expected, "\(name)")
        }
    }
}
