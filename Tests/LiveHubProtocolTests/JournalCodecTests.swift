import LiveHubDomain
import LiveHubProtocol
import Testing

/// The journal's record encoding: lossless for every journaled kind, nil for transient ones, versioned,
/// and with spellings that cannot drift.
@Suite("journal event codec")
struct JournalCodecTests {
    static let at = Instant(millisecondsSinceEpoch: 1_700_000_123_456)

    /// One event of every journaled kind, with every optional field set and unset somewhere.
    static let journaled: [DomainEvent] = [
        DomainEvent(
            conversationId: "c7", seq: 1, at: at,
            payload: .conversationStarted(
                ConversationStarted(
                    subject: "Refund \"quoted\" \\ ünïcode 🙂", channel: "livechat", mode: .text, queueId: "general",
                    customerId: "customer-1", capacityUnits: 3))),
        DomainEvent(
            conversationId: "c7", seq: 2, at: at,
            payload: .message(
                Message(seq: 2, senderId: "alice", senderRole: .agent, text: "line\nbreak", visibility: .internal,
                        clientMessageId: nil, at: at))),
        DomainEvent(
            conversationId: "c7", seq: 3, at: at,
            payload: .message(
                Message(seq: 3, senderId: "customer-1", senderRole: .customer, text: "hi", visibility: .public,
                        clientMessageId: "m-1", at: at))),
        DomainEvent(conversationId: "c7", seq: 4, at: at, payload: .participantJoined(ParticipantChange(userId: "alice", role: .agent))),
        DomainEvent(
            conversationId: "c7", seq: 4, at: at,
            payload: .participantJoined(ParticipantChange(userId: "alice", role: .agent, name: "Alice Archer"))),
        DomainEvent(
            conversationId: "c7", seq: 4, at: at,
            payload: .participantAway(ParticipantChange(userId: "customer-1", role: .customer, name: "Cara Diaz"))),
        DomainEvent(
            conversationId: "c7", seq: 4, at: at,
            payload: .participantBack(ParticipantChange(userId: "customer-1", role: .customer))),
        DomainEvent(
            conversationId: "c8", seq: 1, at: at,
            payload: .conversationStarted(
                ConversationStarted(
                    subject: "Named", channel: "livechat", mode: .text, queueId: "general", customerId: "customer-2",
                    capacityUnits: 1, customerName: "Dan Ek"))),
        DomainEvent(
            conversationId: "c8", seq: 2, at: at,
            payload: .message(
                Message(seq: 2, senderId: "system", senderRole: .system, text: "Your agent was disconnected.",
                        visibility: .public, clientMessageId: nil, at: at))),
        DomainEvent(
            conversationId: "c8", seq: 3, at: at,
            payload: .conversationUpdated(
                ConversationUpdate(status: .open, queueId: "general", primaryAgentId: nil, mode: .text, reason: .agentDisconnected))),
        DomainEvent(conversationId: "c7", seq: 5, at: at, payload: .participantLeft(ParticipantChange(userId: "bob", role: .consult))),
        DomainEvent(
            conversationId: "c7", seq: 6, at: at,
            payload: .conversationUpdated(
                ConversationUpdate(status: .wrapUp, queueId: "billing", primaryAgentId: nil, mode: .voice, reason: .ended))),
        DomainEvent(
            conversationId: "c7", seq: 7, at: at,
            payload: .conversationUpdated(
                ConversationUpdate(status: .active, queueId: "general", primaryAgentId: "alice", mode: .text, reason: .transferred))),
        DomainEvent(
            conversationId: "c7", seq: 8, at: at,
            payload: .offer(
                Offer(offerId: "o3", conversationId: "c7", kind: .transfer, agentId: "bob", requesterId: "alice",
                      subject: "Refund", channel: "sms", queueId: "general", reservedUnits: 2,
                      expiresAt: Instant(millisecondsSinceEpoch: 1_700_000_153_456)))),
        DomainEvent(
            conversationId: "c7", seq: 9, at: at,
            payload: .offer(
                Offer(offerId: "o4", conversationId: "c7", kind: .route, agentId: "bob", requesterId: nil, subject: "x",
                      channel: "livechat", queueId: "general", reservedUnits: 1, expiresAt: at))),
        DomainEvent(
            conversationId: "c7", seq: 10, at: at,
            payload: .offerEnded(OfferEnded(offerId: "o3", kind: .transfer, agentId: "bob", requesterId: "alice", outcome: .timedOut))),
        DomainEvent(
            conversationId: "c7", seq: 11, at: at,
            payload: .offerEnded(OfferEnded(offerId: "o4", kind: .route, agentId: "bob", requesterId: nil, outcome: .withdrawn))),
        DomainEvent(conversationId: "c7", seq: 12, at: at, payload: .notification(Notification(kind: .supervisorJoined, userId: "sam"))),
        DomainEvent(
            conversationId: "c7", seq: 13, at: at,
            payload: .conversationClosed(ConversationClosed(by: .supervisor, userId: "sam", reason: "Abusive language"))),
        DomainEvent(
            conversationId: nil, seq: nil, at: at,
            payload: .settingsUpdated(
                settings: AdminSettings(supervisorMonitor: true, supervisorAssign: false, supervisorTransfer: true, supervisorForceClose: false),
                changedBy: "root")),
    ] + audit

    /// One audit fact of every action, with every optional detail set and unset somewhere.
    static let audit: [DomainEvent] = {
        let changes = [
            SettingChange(setting: .supervisorMonitor, from: true, to: false),
            SettingChange(setting: .supervisorTransfer, from: false, to: false),
        ]
        let actions: [(ConversationId?, AuditAction)] = [
            ("c7", .monitorStarted(sessionId: "s1a2b-7")),
            ("c7", .monitorStopped(sessionId: "s1a2b-7", reason: .unmonitored)),
            ("c7", .monitorStopped(sessionId: "s1a2b-8", reason: .conversationClosed)),
            ("c7", .joined),
            ("c7", .left(reason: .disconnected)),
            ("c8", .assigned(target: .agent("bob"), override: true, capacityExceededBy: 2)),
            ("c8", .assigned(target: .queue("billing"), override: false, capacityExceededBy: 0)),
            ("c8", .transferred(target: .agent("alice"), offerId: "o9")),
            ("c8", .transferred(target: .queue("general"), offerId: nil)),
            ("c8", .forceClosed(reason: "Abusive \"language\" 🙂\nline two")),
            (nil, .settingsChanged(changes)),
            (nil, .settingsChanged([])),
            ("c8", .escalated(mode: .video)),
        ]
        let ordered = actions.enumerated().map { index, item in
            let role: Role = item.1.kind == .settingsChanged ? .admin : .supervisor
            let entry = AuditEntry(
                id: index + 1, at: at, userId: role == .admin ? "root" : "sam", role: role,
                name: role == .admin ? "Root Admin" : "Sam Ödegaard", conversationId: item.0, action: item.1)
            return DomainEvent(conversationId: nil, seq: nil, at: at, payload: .audit(entry))
        }
        // An entry whose time differs from its event's (a clock that stepped back) keeps both.
        let steppedBack = AuditEntry(
            id: 99, at: Instant(millisecondsSinceEpoch: 1_700_000_200_000), userId: "sue", role: .supervisor,
            name: "Sue", conversationId: "c9", action: .monitorStopped(sessionId: "k", reason: .restart))
        return ordered + [DomainEvent(conversationId: nil, seq: nil, at: at, payload: .audit(steppedBack))]
    }()

    @Test("every journaled event kind round-trips through a record unchanged")
    func roundTrip() throws {
        // Every kind of fact is covered (the encoder's exhaustive switch catches a new kind at build time).
        let covered: Set<EventKind> = Set(Self.journaled.map(\.kind))
        let facts: Set<EventKind> = [
            .conversationStarted, .message, .participantJoined, .participantLeft, .conversationUpdated, .offer, .offerEnded,
            .notification, .conversationClosed, .settingsUpdated, .participantAway, .participantBack, .audit,
        ]
        #expect(covered == facts)
        let actions = Set(Self.audit.compactMap { event -> AuditActionKind? in
            if case .audit(let entry) = event.payload { entry.action.kind } else { nil }
        })
        #expect(actions == Set(AuditActionKind.allCases))
        for event in Self.journaled {
            #expect(event.isJournaled)
            let record = try #require(JournalEventCodec.encode(event))
            #expect(try JournalEventCodec.decode(record) == event)
        }
    }

    @Test("transient events (typing, presence, monitor notifications, report updates) have no record")
    func transientHaveNoRecord() {
        let transient: [EventPayload] = [
            .typing(userId: "alice"), .presenceChanged(userId: "alice", presence: .available),
            .monitorStarted(supervisorId: "sam", connectionId: "s1-1"), .monitorStopped(supervisorId: "sam", connectionId: "s1-1"),
            .queuePosition(QueuePosition(position: 1, estimatedWaitSeconds: nil)),
            .agentUpdate(AgentRow(agentId: "alice", name: "A", presence: .away, capacityUsed: 0, capacity: 1, conversationIds: [])),
            .agentDisconnected(userId: "alice", presence: .available), .agentReconnected(userId: "alice", presence: .offline),
        ]
        for payload in transient {
            #expect(JournalEventCodec.encode(DomainEvent(conversationId: "c1", seq: nil, at: Self.at, payload: payload)) == nil)
        }
    }

    @Test("a record from a later format version, an unknown kind or a missing field is refused with a reason")
    func refusals() {
        let cases: [(String, String)] = [
            (#"{"v":2,"k":"started","t":1}"#, "newer"),
            (#"{"v":1,"k":"teleported","t":1}"#, "unknown record kind"),
            (#"{"v":1,"k":"joined","c":"c1","s":1,"t":1,"role":"agent"}"#, "'user'"),
            (#"{"v":1,"k":"joined","c":"c1","s":1,"t":1,"user":"a","role":"pilot"}"#, "unknown value"),
            (#"{"v":1,"k":"audit","t":1,"id":1,"user":"s","role":"supervisor","name":"S","action":"teleported"}"#, "unknown value"),
            (#"{"v":1,"k":"audit","t":1,"id":1,"user":"s","role":"supervisor","name":"S","action":"forceClosed"}"#, "'reason'"),
            ("not json", "not a JSON object"),
        ]
        for (text, reason) in cases {
            #expect {
                _ = try JournalEventCodec.decode(Array(text.utf8))
            } throws: { error in
                "\(error)".contains(reason)
            }
        }
    }

    @Test(
        "records are read straight from their bytes exactly as the general JSON parser reads them: escapes, surrogate pairs, spaces, 5.0 as an integer; duplicates and bad UTF-8 refused"
    )
    func fastPathAgreesWithTheParser() throws {
        let joined = #"{"v":1,"k":"joined","c":"c1","s":3,"t":7,"user":"al\u00e9x \"q\" \ud83d\ude00\n","role":"agent"}"#
        let event = try JournalEventCodec.decode(Array(joined.utf8))
        #expect(event.payload == .participantJoined(ParticipantChange(userId: "aléx \"q\" 😀\n", role: .agent)))
        // Spaces between tokens, and an integer written as 7.0 (the general parser's path).
        let spaced = #" { "v" : 1 , "k":"joined","c":"c1","s":3,"t":7.0,"user":"aléx \"q\" 😀\n","role":"agent" } "#
        #expect(try JournalEventCodec.decode(Array(spaced.utf8)) == event)
        let duplicate = #"{"v":1,"k":"joined","c":"c1","c":"c2","s":3,"t":7,"user":"a","role":"agent"}"#
        #expect(throws: JournalDecodeError.self) { try JournalEventCodec.decode(Array(duplicate.utf8)) }
        var invalid = Array(#"{"v":1,"k":"joined","c":"c1","s":3,"t":7,"user":"a?","role":"agent"}"#.utf8)
        invalid[invalid.firstIndex(of: UInt8(ascii: "?"))!] = 0xC3
        #expect(throws: JournalDecodeError.self) { try JournalEventCodec.decode(invalid) }
        // Every event the encoder writes (control characters and non-ASCII included) reads back.
        let message = DomainEvent(
            conversationId: "c9", seq: 12, at: Self.at,
            payload: .message(
                Message(
                    seq: 12, senderId: "cara", senderRole: .customer, text: "tab\there \u{1} ünï \\ / \"", visibility: .public,
                    clientMessageId: "m-1", at: Self.at)))
        #expect(try JournalEventCodec.decode(try #require(JournalEventCodec.encode(message))) == message)
    }

    @Test("the journal's spellings of the value vocabularies are pinned")
    func spellingsArePinned() {
        #expect(ConversationStatus.allCases.map(\.journalName) == ["open", "active", "waiting", "wrapUp", "closed"])
        #expect(ParticipantRole.allCases.map(\.journalName) == ["customer", "agent", "consult", "supervisor", "bot", "system"])
        #expect(Visibility.allCases.map(\.journalName) == ["public", "internal"])
        #expect(OfferKind.allCases.map(\.journalName) == ["route", "transfer", "consult"])
        #expect(OfferOutcome.allCases.map(\.journalName) == ["accepted", "rejected", "timedOut", "withdrawn"])
        #expect(
            UpdateReason.allCases.map(\.journalName)
                == [
                    "accepted", "assigned", "parked", "revived", "ended", "released", "requeued", "transferred", "escalated",
                    "retried", "customerDisconnected", "agentDisconnected",
                ])
        #expect(Mode.allCases.map(\.journalName) == ["text", "voice", "video"])
        #expect(Role.allCases.map(\.journalName) == ["customer", "agent", "supervisor", "admin", "bot", "system"])
        #expect(NotificationKind.allCases.map(\.journalName) == ["supervisorJoined"])
        #expect(
            AuditActionKind.allCases.map(\.journalName) == [
                "monitorStarted", "monitorStopped", "joined", "left", "assigned", "transferred", "forceClosed",
                "settingsChanged", "escalated",
            ])
        #expect(
            MonitorStopReason.allCases.map(\.journalName) == [
                "unmonitored", "disconnected", "conversationClosed", "restart", "settingOff",
            ])
        #expect(LeaveReason.allCases.map(\.journalName) == ["requested", "disconnected"])
        #expect(
            AdminSetting.allCases.map(\.journalName) == [
                "supervisorMonitor", "supervisorAssign", "supervisorTransfer", "supervisorForceClose",
            ])
    }
}
