import LiveHubDomain
import LiveHubProtocol
import Testing

@Suite("Request codec")
struct RequestCodecTests {
    /// One command of every wire-reachable kind.
    static let commands: [Command] = [
        .start(subject: "Refund", channel: .livechat, queueId: "general"),
        .sendMessage(conversationId: "c1", text: "hi\n\"there\"", visibility: .internal, clientMessageId: "m1"),
        .sendMessage(conversationId: "c1", text: "hi", visibility: .public, clientMessageId: nil),
        .typing(conversationId: "c1"), .resume(conversationId: "c1", afterSeq: 0), .setPresence(.dnd),
        .acceptOffer("o1"), .rejectOffer("o1"), .wait(conversationId: "c1"), .end(conversationId: "c1"),
        .close(conversationId: "c1"), .release(conversationId: "c1"),
        .consultInvite(conversationId: "c1", agentId: "bob"),
        .consultAccept("o2"), .consultReject("o2"), .transfer(conversationId: "c1", target: .agent("bob")),
        .transfer(conversationId: "c1", target: .queue("billing")), .subscribeReport, .subscribeAgents, .readSettings,
        .listOwnConversations,
        .monitor(conversationId: "c1"),
        .unmonitor(conversationId: "c1"), .join(conversationId: "c1"), .leave(conversationId: "c1"),
        .assign(conversationId: "c1", target: .agent("bob"), override: true),
        .assign(conversationId: "c1", target: .queue("billing"), override: false),
        .forceClose(conversationId: "c1", reason: "spam"), .escalate(conversationId: "c1", mode: .video),
        .updateSettings(SettingsChange(supervisorAssign: true)), .updateSettings(SettingsChange()),
    ]

    @Test("every command survives encode then decode, with string, integer or no id", arguments: commands)
    func roundTrip(command: Command) throws {
        for id in [RequestId.string("r-1"), .integer(7), nil] {
            let request = RequestEnvelope(id: id, command: command)
            let bytes = try #require(RequestEncoder.encode(request))
            #expect(try RequestDecoder.decode(bytes) == request)
        }
    }

    @Test("the wire names cover exactly the domain's wire-reachable commands")
    func wireNamesMatchTheDomain() {
        #expect(Set(Self.commands.compactMap(RequestType.init)) == Set(RequestType.allCases))
    }

    static let systemCommands: [Command] = [
        .offerTimedOut("o1"), .retryRouting("c1"), .reconnectWindowEnded("c1"), .agentGraceEnded("alice"),
        .publishQueue("general"), .publishPosition("c1"), .publishReportRow("c1"), .userConnected("cara", .customer),
        .userDisconnected("cara", .customer), .recover,
    ]

    @Test("system commands have no wire form")
    func systemCommands() {
        for command in Self.systemCommands {
            #expect(RequestType(command) == nil, "\(command)")
            #expect(RequestEncoder.encode(RequestEnvelope(id: nil, command: command)) == nil, "\(command)")
        }
        #expect(throws: RequestDecodingFailure.self) {
            try RequestDecoder.decode(utf8(#"{"type":"system.offerTimedOut","offerId":"o1"}"#))
        }
    }

    @Test("optional fields take their defaults")
    func defaults() throws {
        let send = try RequestDecoder.decode(utf8(#"{"type":"message.send","conversationId":"c1","text":"hi"}"#))
        #expect(
            send.command == .sendMessage(conversationId: "c1", text: "hi", visibility: .public, clientMessageId: nil))
        let assign = try RequestDecoder.decode(
            utf8(#"{"type":"conversation.assign","conversationId":"c1","agentId":"bob"}"#))
        #expect(assign.command == .assign(conversationId: "c1", target: .agent("bob"), override: false))
    }

    @Test(
        "bad requests are refused with an invalid_message naming the field",
        arguments: [
            ("[]", nil, "a request must be a JSON object"),
            ("{", nil, "not valid JSON: unexpected end of input at offset 1"),
            (#"{"id":"r1"}"#, "r1", "field 'type' is missing"),
            (#"{"type":5,"id":"r1"}"#, "r1", "field 'type' must be a string"),
            (#"{"type":"chat.send","id":"r1"}"#, "r1", "unknown request type 'chat.send'"),
            (#"{"type":"message.send","id":"r1","text":"x"}"#, "r1", "message.send: field 'conversationId' is missing"),
            (
                #"{"type":"message.send","id":"r1","conversationId":"","text":"x"}"#, "r1",
                "message.send: field 'conversationId' must be a non-empty id of at most 256 bytes"
            ),
            (
                #"{"type":"message.send","id":"r1","conversationId":"c1","text":7}"#, "r1",
                "message.send: field 'text' must be a string"
            ),
            (
                #"{"type":"message.send","id":"r1","conversationId":"c1","text":"x","visibility":"secret"}"#, "r1",
                "message.send: field 'visibility' must be one of public, internal"
            ),
            (
                #"{"type":"message.send","id":"r1","conversationId":"c1","text":"x","colour":"red"}"#, "r1",
                "message.send: unknown field 'colour'"
            ),
            (
                #"{"type":"conversation.resume","id":"r1","conversationId":"c1","afterSeq":-1}"#, "r1",
                "conversation.resume: field 'afterSeq' must be an integer from 0 to 2147483647"
            ),
            (
                #"{"type":"conversation.resume","id":"r1","conversationId":"c1","afterSeq":1.5}"#, "r1",
                "conversation.resume: field 'afterSeq' must be an integer"
            ),
            (
                #"{"type":"conversation.transfer","id":"r1","conversationId":"c1"}"#, "r1",
                "conversation.transfer: exactly one of 'agentId' and 'queueId' is required"
            ),
            (
                #"{"type":"conversation.assign","id":"r1","conversationId":"c1","agentId":"a","queueId":"q"}"#, "r1",
                "conversation.assign: exactly one of 'agentId' and 'queueId' is required"
            ),
            (
                #"{"type":"conversation.assign","id":"r1","conversationId":"c1","agentId":"a","override":"yes"}"#, "r1",
                "conversation.assign: field 'override' must be true or false"
            ),
            (
                #"{"type":"conversation.escalate","id":"r1","conversationId":"c1","mode":"text"}"#, "r1",
                "conversation.escalate: field 'mode' must be one of voice, video"
            ),
            (
                #"{"type":"presence.set","id":"r1","presence":"sleeping"}"#, "r1",
                "presence.set: field 'presence' must be one of available, busy, dnd, away, offline"
            ),
            (
                #"{"type":"report.subscribe","id":true}"#, nil,
                "field 'id' must be a string of 1 to 128 bytes or an integer"
            ),
        ] as [(String, String?, String)])
    func refusals(text: String, id: String?, message: String) throws {
        let failure = try #require(throws: RequestDecodingFailure.self) { try RequestDecoder.decode(utf8(text)) }
        #expect(failure.error == .invalidMessage(message))
        #expect(failure.id == id.map { RequestId.string($0) })
    }

    @Test("an error frame echoes the id, code and message")
    func errorFrame() {
        let failure = RequestDecodingFailure(
            id: .integer(3), error: .invalidMessage("message.send: field 'text' is missing"))
        let bytes = ServerMessageEncoder.encodeError(failure.error, id: failure.id)
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == #"{"type":"error","id":3,"code":"invalid_message","message":"message.send: field 'text' is missing"}"#
        )
    }
}
