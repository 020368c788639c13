import LiveHubDomain
import LiveHubProtocol
import LiveHubSentiment
import Testing

/// Drives a real `Hub` through a full conversation and checks the wire form of everything it emits.
@Suite("Event codec")
struct EventCodecTests {
    /// Every outcome of: presence, start, route, accept, chat (public and internal), monitor, join,
    /// transfer rejected then accepted, consult, settings, report, force close.
    static func scenario() throws -> [HubOutcome] {
        var hub = Hub(configuration: .demo)
        var outcomes: [HubOutcome] = []
        let alice = Actor.agent("alice")
        let bob = Actor.agent("bob")
        let dave = Actor.agent("dave")
        let customer = Actor.customer("cust-1")
        let sam = Actor.supervisor("sam")
        var clock: Int64 = 0
        // The sessions the app would keep: sam's report subscription and monitor.
        var monitored: [ConnectionId: Set<ConversationId>] = [:]
        var subscribed: Set<ConnectionId> = []
        func run(_ command: Command, _ actor: Actor) throws {
            clock += 1
            let facts = SessionFacts(
                monitoredConversations: monitored[actor.connectionId] ?? [],
                isSubscribedToReport: subscribed.contains(actor.connectionId), reportHasSubscribers: !subscribed.isEmpty
            )
            let outcome = try hub.handle(command, from: actor, sessions: facts, at: time(clock))
            for change in outcome.sessionChanges {
                switch change {
                case .monitorStarted(let connection, _, let conversation):
                    monitored[connection, default: []].insert(conversation)
                case .monitorStopped(let connection, let conversation): monitored[connection]?.remove(conversation)
                case .reportSubscribed(let connection, _): subscribed.insert(connection)
                case .monitorsEnded, .agentsSubscribed: break
                }
            }
            outcomes.append(outcome)
        }
        try run(.setPresence(.available), alice)
        try run(.setPresence(.available), bob)
        try run(.setPresence(.available), dave)
        try run(.subscribeReport, sam)
        try run(.start(subject: "Refund", channel: .livechat, queueId: "general"), customer)
        let offers = outcomes.flatMap(\.events).compactMap { event -> Offer? in
            if case .offer(let offer) = event.payload { offer } else { nil }
        }
        let routed = try #require(offers.first)
        try run(.acceptOffer(routed.offerId), Actor.agent(routed.agentId))
        let primary = routed.agentId == "alice" ? alice : bob
        let other = routed.agentId == "alice" ? bob : alice
        try run(
            .sendMessage(conversationId: "c1", text: "Hello \"there\"\n😀", visibility: .public, clientMessageId: "m1"),
            customer)
        try run(.sendMessage(conversationId: "c1", text: "note", visibility: .internal, clientMessageId: nil), primary)
        try run(.typing(conversationId: "c1"), customer)
        try run(.monitor(conversationId: "c1"), sam)
        try run(.unmonitor(conversationId: "c1"), sam)
        try run(.join(conversationId: "c1"), sam)
        try run(.resume(conversationId: "c1", afterSeq: 0), customer)
        try run(.transfer(conversationId: "c1", target: .agent(other.userId)), primary)
        let transferOffer = try #require(outcomes.last?.acknowledgement)
        if case .offerMade(let offerId) = transferOffer { try run(.rejectOffer(offerId), other) }
        try run(.transfer(conversationId: "c1", target: .agent(other.userId)), primary)
        if case .offerMade(let offerId) = try #require(outcomes.last?.acknowledgement) {
            try run(.acceptOffer(offerId), other)
        }
        try run(.consultInvite(conversationId: "c1", agentId: dave.userId), other)
        if case .offerMade(let offerId) = try #require(outcomes.last?.acknowledgement) {
            try run(.consultAccept(offerId), dave)
        }
        try run(.leave(conversationId: "c1"), dave)
        try run(.escalate(conversationId: "c1", mode: .voice), other)
        try run(.updateSettings(SettingsChange(supervisorAssign: false)), Actor.admin("root"))
        try run(.forceClose(conversationId: "c1", reason: "done"), sam)
        return outcomes
    }

    @Test("every event the hub emits encodes and decodes back to itself for staff")
    func staffRoundTrip() throws {
        let events = try Self.scenario().flatMap(\.events)
        #expect(events.count > 30)
        var wireNames: Set<String> = []
        for event in Self.onTheWire(events) {
            let bytes = EventEncoder.encode(event, for: .staff)
            let decoded = try ServerMessageDecoder.decode(bytes)
            #expect(decoded == .event(Self.withoutOffWireFields(event)), "\(String(decoding: bytes, as: UTF8.self))")
            wireNames.insert(try #require(ServerMessageType(event.kind)).rawValue)
        }
        #expect(
            wireNames.isSuperset(of: [
                "message", "participant.joined", "participant.left", "conversation.updated",
                "offer", "notification", "conversation.closed", "typing", "report.update",
            ]))
    }

    @Test("the customer variant leaves out queue and closing user, and still round-trips")
    func customerVariant() throws {
        for event in Self.onTheWire(try Self.scenario().flatMap(\.events)) {
            let bytes = EventEncoder.encode(event, for: .customer)
            let text = String(decoding: bytes, as: UTF8.self)
            switch event.payload {
            case .conversationStarted, .conversationUpdated:
                #expect(!text.contains("\"queueId\""))
            case .conversationClosed:
                #expect(!text.contains("\"userId\""))
            default:
                break
            }
            #expect(ServerMessageEncoder.encode(try ServerMessageDecoder.decode(bytes), for: .customer) == bytes)
        }
    }

    @Test(
        "the encoder writes exactly the fields the domain's variant includes; EncodedEvent withholds what it withholds",
        arguments: EventKind.allCases)
    func variants(_ kind: EventKind) throws {
        for payload in WireNamesTests.samples(of: kind) {
            let event = DomainEvent(conversationId: "c1", seq: nil, at: time(0), payload: payload)
            let staffKeys = try #require(try JSONParser.parse(EventEncoder.encode(event, for: .staff)).objectValue).keys
            for audience in Audience.allCases {
                let variant = payload.variant(for: audience)
                var encoded = EncodedEvent(event)
                #expect((encoded.bytes(for: audience) != nil) == variant.isReceived, "\(kind) for \(audience)")
                let keys = try #require(try JSONParser.parse(EventEncoder.encode(event, for: audience)).objectValue)
                    .keys
                switch kind {
                case .conversationStarted, .conversationUpdated:
                    #expect(keys.contains("queueId") == variant.includesQueue)
                    #expect(keys.filter { $0 != "queueId" } == staffKeys.filter { $0 != "queueId" })
                case .conversationClosed:
                    #expect(keys.contains("userId") == variant.includesClosingUser)
                    #expect(keys.filter { $0 != "userId" } == staffKeys.filter { $0 != "userId" })
                default:
                    // No other event has a field one audience reads and the other does not.
                    #expect(keys == staffKeys)
                }
            }
        }
    }

    @Test("events carry conversationId and seq exactly when the domain gives them")
    func envelopeFields() throws {
        for event in Self.onTheWire(try Self.scenario().flatMap(\.events)) {
            let object = try #require(try JSONParser.parse(EventEncoder.encode(event, for: .staff)).objectValue)
            #expect(object.keys.prefix(1) == ["type"])
            #expect(object["conversationId"]?.stringValue == event.conversationId?.rawValue)
            #expect(object["seq"]?.integerValue == event.seq.map(Int64.init))
            #expect(object["at"] == .integer(event.at.millisecondsSinceEpoch))
        }
    }

    @Test("an encoded event is produced once per audience and reused")
    func encodedEventCache() throws {
        let event = try #require(try Self.scenario().flatMap(\.events).first { $0.kind == .conversationStarted })
        var encoded = EncodedEvent(event)
        let first = encoded.bytes(for: .customer)
        #expect(encoded.bytes(for: .customer) == first)
        #expect(encoded.bytes(for: .staff) == EventEncoder.encode(event, for: .staff))
        #expect(encoded.bytes(for: .staff) != first)
    }

    @Test(
        "a frame shared by both audiences is exactly what encoding for each gives, whichever audience asks first",
        arguments: EventKind.allCases)
    func sharedFrames(_ kind: EventKind) {
        for payload in WireNamesTests.samples(of: kind) {
            let event = DomainEvent(conversationId: "c1", seq: 7, at: time(0), payload: payload)
            for order in [[Audience.staff, .customer], [.customer, .staff]] {
                var encoded = EncodedEvent(event)
                for audience in order {
                    let expected =
                        payload.variant(for: audience).isReceived ? EventEncoder.encode(event, for: audience) : nil
                    #expect(encoded.bytes(for: audience) == expected, "\(kind) for \(audience), asked \(order)")
                }
            }
        }
    }

    @Test("conversations.mine is answered by an ack listing the caller's conversations, and it reads back")
    func ownConversationsAnswer() throws {
        let list = [
            OwnConversation(
                conversationId: "c12", status: .active, subject: "Where is my \"parcel\"?", channel: .livechat,
                role: .agent, lastSeq: 14),
            OwnConversation(
                conversationId: "c15", status: .wrapUp, subject: "Refund", channel: .livechat, role: .consult,
                lastSeq: 9),
        ]
        let frames = ServerMessageEncoder.encodeAnswer(.conversations(list), to: .string("r40"), for: .staff)
        #expect(frames.count == 1)
        let frame = try #require(frames.first)
        #expect(
            String(decoding: frame, as: UTF8.self).hasPrefix(
                #"{"type":"ack","id":"r40","conversations":[{"conversationId":"c12","status":"active","#))
        #expect(try ServerMessageDecoder.decode(frame) == .ack(id: .string("r40"), result: .conversations(list)))
        #expect(
            try RequestDecoder.decode(Array(#"{"type":"conversations.mine","id":"r40"}"#.utf8)).command
                == .listOwnConversations)
    }

    @Test("settings.get is answered by an ack carrying all four settings, and it reads back")
    func settingsAnswer() throws {
        let settings = AdminSettings(supervisorMonitor: true, supervisorForceClose: true)
        let frames = ServerMessageEncoder.encodeAnswer(.settings(settings), to: .string("r31"), for: .staff)
        #expect(
            frames.map { String(decoding: $0, as: UTF8.self) } == [
                #"{"type":"ack","id":"r31","settings":{"supervisorMonitor":true,"supervisorAssign":false,"#
                    + #""supervisorTransfer":false,"supervisorForceClose":true}}"#
            ])
        #expect(try ServerMessageDecoder.decode(frames[0]) == .ack(id: .string("r31"), result: .settings(settings)))
        #expect(try RequestDecoder.decode(Array(#"{"type":"settings.get","id":"r31"}"#.utf8)).command == .readSettings)
    }

    @Test("answers put history or the report before the ack")
    func answers() throws {
        let outcomes = try Self.scenario()
        let history = try #require(
            outcomes.compactMap { outcome -> [DomainEvent]? in
                if case .history(let events) = outcome.acknowledgement { events } else { nil }
            }.first)
        let frames = ServerMessageEncoder.encodeAnswer(.history(history), to: .string("r9"), for: .customer)
        #expect(frames.count == history.count + 1)
        #expect(
            try ServerMessageDecoder.decode(frames[frames.count - 1])
                == .ack(id: .string("r9"), result: .replayed(count: history.count)))
        let report = ServerMessageEncoder.encodeAnswer(.report([]), to: .integer(1), for: .staff)
        #expect(
            report.map { String(decoding: $0, as: UTF8.self) } == [
                #"{"type":"report.snapshot","rows":[]}"#, #"{"type":"ack","id":1}"#,
            ])
        let started = ServerMessageEncoder.encodeAnswer(.conversationStarted("c9"), to: nil, for: .customer)
        #expect(started.map { String(decoding: $0, as: UTF8.self) } == [#"{"type":"ack","conversationId":"c9"}"#])
    }

    @Test(
        "Sentiment: report rows carry the level's wire name last, in report.update, report.snapshot and /v1/report/ongoing, and read back"
    )
    func reportRowSentiment() throws {
        let row = ReportRow(
            conversationId: "c1", subject: "Refund", customerId: "cara", customerName: "Cara Diaz", status: .active,
            agentId: "alice", queueId: "general", channel: .livechat, createdAt: time(0), waitSeconds: 2, handleSeconds: 5,
            handleStartedAt: time(2), lastActivityAt: time(6), participantCount: 2, sentiment: .veryNegative)
        let update = EventEncoder.encode(
            DomainEvent(conversationId: "c1", seq: nil, at: time(7), payload: .reportUpdate(row)), for: .staff)
        let fields =
            #""conversationId":"c1","subject":"Refund","customerId":"cara","customerName":"Cara Diaz","#
            + #""status":"active","agentId":"alice","queueId":"general","#
            + #""channel":"livechat","createdAt":1700000000000,"waitSeconds":2,"handleSeconds":5,"#
            + #""handleStartedAt":1700000002000,"lastActivityAt":1700000006000,"participantCount":2,"#
            + #""sentiment":"very-negative""#
        #expect(
            String(decoding: update, as: UTF8.self)
                == #"{"type":"report.update","conversationId":"c1","at":1700000007000,"row":{"# + fields + "}}")
        #expect(
            try ServerMessageDecoder.decode(update)
                == .event(DomainEvent(conversationId: "c1", seq: nil, at: time(7), payload: .reportUpdate(row))))
        let snapshot = ServerMessageEncoder.encodeReportSnapshot([row])
        #expect(String(decoding: snapshot, as: UTF8.self) == #"{"type":"report.snapshot","rows":[{"# + fields + "}]}")
        #expect(try ServerMessageDecoder.decode(snapshot) == .reportSnapshot([row]))
        let document = OngoingReportDocument.encode([row], at: time(8))
        #expect(String(decoding: document, as: UTF8.self) == #"{"rows":[{"# + fields + #"}],"at":1700000008000}"#)
        #expect(
            String(decoding: OngoingReportDocument.encode([], at: time(8)), as: UTF8.self)
                == #"{"rows":[],"at":1700000008000}"#)

        // Every level has its spelling; a row without one, or with another word, is refused.
        for level in SentimentLevel.allCases {
            var leveled = row
            leveled.sentiment = level
            let encoded = ServerMessageEncoder.encodeReportSnapshot([leveled])
            #expect(try ServerMessageDecoder.decode(encoded) == .reportSnapshot([leveled]))
        }
        let text = String(decoding: snapshot, as: UTF8.self)
        for broken in [
            text.replacing(#","sentiment":"very-negative""#, with: ""),
            text.replacing("very-negative", with: "furious"),
        ] {
            #expect(throws: HubError.self) { try ServerMessageDecoder.decode(Array(broken.utf8)) }
        }
    }

    @Test("a welcome frame round-trips and refuses the system role")
    func welcome() throws {
        let welcome = Welcome(
            sessionId: "s1", user: WireUser(id: "alice", role: .agent, name: "Alice"), heartbeatSeconds: 30)
        let bytes = ServerMessageEncoder.encode(welcome)
        #expect(try ServerMessageDecoder.decode(bytes) == .welcome(welcome))
        let system = utf8(
            #"{"type":"welcome","sessionId":"s1","user":{"id":"x","role":"system","name":"x"},"heartbeatSeconds":30}"#)
        #expect(throws: HubError.self) { try ServerMessageDecoder.decode(system) }
    }

    /// The events some connection receives: all but audit entries, which are for the audit only.
    static func onTheWire(_ events: [DomainEvent]) -> [DomainEvent] {
        events.filter { $0.payload.variant(for: .staff).isReceived }
    }

    /// The event as it looks after a trip over the wire: fields the wire never carries are neutral.
    static func withoutOffWireFields(_ event: DomainEvent) -> DomainEvent {
        var copy = event
        switch event.payload {
        case .conversationStarted(var started):
            started.capacityUnits = 0
            copy.payload = .conversationStarted(started)
        case .offer(var offer):
            offer.reservedUnits = 0
            copy.payload = .offer(offer)
        default:
            break
        }
        return copy
    }
}
