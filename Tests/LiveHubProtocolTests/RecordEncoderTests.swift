import Foundation
import LiveHubDomain
import LiveHubProtocol
import Testing

/// The HTTP records' encodings (`GET /v1/audit`, `GET /v1/conversations/{id}/transcript`): what the
/// examples in `Protocol/examples/http` show is exactly what the encoders write.
@Suite("Record encoders")
struct RecordEncoderTests {
    /// 2026-12-04 11:39:26 UTC plus `seconds`.
    static func at(_ seconds: Int64) -> Instant {
        Instant(millisecondsSinceEpoch: 1_796_384_366_000).adding(seconds: seconds)
    }

    /// A day on the demo hub: cara's order question is answered by alice (with an internal note),
    /// monitored by sam, who joins, assigns dan's waiting invoice question and force-closes cara's chat;
    /// an admin switches a setting in between.
    static func scenario() throws -> Hub {
        var hub = Hub(configuration: .demo)
        var monitored: [ConnectionId: Set<ConversationId>] = [:]
        var clock: Int64 = 0
        let cara = Actor(role: .customer, userId: "cust-7f3a", connectionId: "s19a2c-4", name: "Cara Diaz")
        let dan = Actor(role: .customer, userId: "cust-2b91", connectionId: "s19a2c-5", name: "Dan Ek")
        let alice = Actor(role: .agent, userId: "alice", connectionId: "s19a2c-2")
        let sam = Actor(role: .supervisor, userId: "sam", connectionId: "s19a2c-9")
        let admin = Actor(role: .admin, userId: "admin", connectionId: "s19a2c-11", name: "Ada Admin")
        func run(_ command: Command, _ actor: Actor, after seconds: Int64 = 1) throws {
            clock += seconds
            let facts = SessionFacts(monitoredConversations: monitored[actor.connectionId] ?? [])
            let outcome = try hub.handle(command, from: actor, sessions: facts, at: at(clock))
            for change in outcome.sessionChanges {
                switch change {
                case .monitorStarted(let connection, _, let conversation):
                    monitored[connection, default: []].insert(conversation)
                case .monitorStopped(let connection, let conversation): monitored[connection]?.remove(conversation)
                case .monitorsEnded(let conversation):
                    for key in monitored.keys { monitored[key]?.remove(conversation) }
                case .reportSubscribed, .agentsSubscribed: break
                }
            }
        }
        try run(.setPresence(.available), alice, after: 0)
        try run(.start(subject: "Order 1042 arrived broken", channel: .livechat, queueId: "general"), cara)
        try run(.acceptOffer("o1"), alice, after: 4)
        try run(
            .sendMessage(
                conversationId: "c1", text: "Hello, my order arrived broken.", visibility: .public,
                clientMessageId: "m1"), cara, after: 9)
        try run(
            .sendMessage(
                conversationId: "c1", text: "Photos show transit damage; replace it.", visibility: .internal,
                clientMessageId: nil), alice, after: 20)
        try run(
            .sendMessage(
                conversationId: "c1",
                text: "Sorry about that! A replacement ships today.\nYou will get tracking by email.",
                visibility: .public, clientMessageId: nil), alice, after: 6)
        try run(.monitor(conversationId: "c1"), sam, after: 30)
        try run(.setPresence(.offline), alice, after: 1)
        try run(.start(subject: "Invoice question", channel: .livechat, queueId: "billing"), dan, after: 10)
        try run(.assign(conversationId: "c2", target: .agent("carol"), override: true), sam, after: 40)
        try run(.join(conversationId: "c1"), sam, after: 15)
        try run(.updateSettings(SettingsChange(supervisorTransfer: false)), admin, after: 20)
        try run(.forceClose(conversationId: "c1", reason: "Resolved by phone"), sam, after: 35)
        return hub
    }

    static func example(_ name: String) throws -> [UInt8] {
        try contentsWithoutTrailingNewline(protocolDirectory().appendingPathComponent("examples/http/\(name)"))
    }

    @Test("the audit examples are what AuditEncoder writes: a whole page, and a filtered page of one with next")
    func auditExamples() throws {
        let audit = try Self.scenario().state.audit
        #expect(
            audit.entries.map(\.action.kind) == [
                .monitorStarted, .assigned, .joined, .settingsChanged, .forceClosed, .monitorStopped,
            ])
        #expect(
            String(decoding: AuditEncoder.encode(audit.page(AuditQuery())), as: UTF8.self)
                == String(decoding: try Self.example("audit.json"), as: UTF8.self))
        let page = audit.page(AuditQuery(conversationId: "c1", userId: "sam", limit: 1))
        #expect(page.next == audit.entries[2].at)
        #expect(
            String(decoding: AuditEncoder.encode(page), as: UTF8.self)
                == String(decoding: try Self.example("audit.page.json"), as: UTF8.self))
    }

    @Test(
        "the transcript examples are what TranscriptEncoder writes: JSON for staff and for the customer, and the text exports"
    )
    func transcriptExamples() throws {
        let hub = try Self.scenario()
        let conversation = try #require(hub.state.conversations["c1"])
        let names = Configuration.demo.configuredNames
        for (reader, suffix) in [
            ((Role.supervisor, UserId("sam")), ""), ((.customer, UserId("cust-7f3a")), ".customer"),
        ] {
            guard case .granted(let audience, let events) = conversation.transcript(for: reader.0, userId: reader.1)
            else {
                Issue.record("\(reader) may read c1")
                continue
            }
            let json = TranscriptEncoder.json(conversation, events: events, for: audience)
            #expect(
                String(decoding: json, as: UTF8.self)
                    == String(decoding: try Self.example("transcript\(suffix).json"), as: UTF8.self))
            let text = TranscriptEncoder.text(conversation, events: events, for: audience, names: names)
            // The text example keeps its final newline: it is the whole body.
            let expected = try Data(
                contentsOf: protocolDirectory().appendingPathComponent("examples/http/transcript\(suffix).txt"))
            #expect(String(decoding: text, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }

    @Test("Wire names: the audit's vocabularies are spelled as schemas/http/audit.schema.json lists them, in order")
    func auditVocabularies() throws {
        let url = protocolDirectory().appendingPathComponent("schemas/http/audit.schema.json")
        var actions: [String] = []
        func walk(_ value: JSONValue) {
            if let object = value.objectValue {
                if let action = object["properties"]?.objectValue?["action"]?.objectValue?["const"]?.stringValue {
                    actions.append(action)
                }
                object.values.forEach(walk)
            } else if let elements = value.arrayValue {
                elements.forEach(walk)
            }
        }
        walk(try JSONParser.parse(contentsWithoutTrailingNewline(url)))
        #expect(actions == WireNamesTests.names(AuditActionKind.self))
        #expect(
            try WireNamesTests.schemaEnums("http/audit", property: "reason")
                == [WireNamesTests.names(MonitorStopReason.self), WireNamesTests.names(LeaveReason.self)])
        #expect(
            try WireNamesTests.schemaEnums("http/audit", property: "setting") == [
                WireNamesTests.names(AdminSetting.self)
            ])
        #expect(try WireNamesTests.schemaEnums("http/audit", property: "mode") == [["voice", "video"]])
        #expect(
            try WireNamesTests.schemaEnums("http/transcript", property: "status")
                == [WireNamesTests.names(ConversationStatus.self)])
    }

    @Test("UTC times in the text export: the civil date of any instant, leap days and years before 1970 included")
    func utcTimes() {
        #expect(UTCTime.text(Instant(millisecondsSinceEpoch: 0)) == "1970-01-01 00:00:00")
        #expect(UTCTime.text(Instant(millisecondsSinceEpoch: -1_000)) == "1969-12-31 23:59:59")
        #expect(UTCTime.text(Instant(millisecondsSinceEpoch: -1)) == "1969-12-31 23:59:59")
        #expect(UTCTime.text(Instant(millisecondsSinceEpoch: 951_782_400_000)) == "2000-02-29 00:00:00")
        #expect(UTCTime.text(Instant(millisecondsSinceEpoch: 4_107_542_400_000)) == "2100-03-01 00:00:00")
        #expect(UTCTime.text(Instant(millisecondsSinceEpoch: 1_700_000_000_999)) == "2023-11-14 22:13:20")
        #expect(UTCTime.text(Self.at(0)) == "2026-12-04 11:39:26")
        // Every day of 800 years around 1970 follows the one before it, and months end on their last day.
        func length(of month: Int64, in year: Int64) -> Int64 {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Int(month - 1)]
        }
        var previous = UTCTime.civilDate(daysSinceEpoch: -146_097 - 1)
        for day in Int64(-146_097)...Int64(146_097) {
            let date = UTCTime.civilDate(daysSinceEpoch: day)
            let nextDay = date.day == previous.day + 1 && date.month == previous.month && date.year == previous.year
            let monthEnded = date.day == 1 && previous.day == length(of: previous.month, in: previous.year)
            let nextMonth =
                monthEnded
                && (date.month == previous.month + 1 && date.year == previous.year
                    || date.month == 1 && previous.month == 12 && date.year == previous.year + 1)
            if !(nextDay || nextMonth) {
                Issue.record("day \(day): \(previous) → \(date)")
                break
            }
            previous = date
        }
        #expect(UTCTime.civilDate(daysSinceEpoch: -146_097) == (1570, 1, 1))
    }
}
