import LiveHubDomain

/// Turns a client's frame into a `RequestEnvelope`, or into the precise `invalid_message` to answer.
public enum RequestDecoder {
    /// Decodes one text frame's payload.
    public static func decode(_ bytes: [UInt8]) throws(RequestDecodingFailure) -> RequestEnvelope {
        if let envelope = bytes.withUnsafeBytes(FlatRequestScanner.envelope) { return envelope }
        let result: Result<RequestEnvelope, RequestDecodingFailure> = bytes.withUnsafeBytes { buffer in
            Result { () throws(RequestDecodingFailure) in try decodeGeneral(buffer) }
        }
        return try result.get()
    }

    /// Decodes one text frame's payload where it was received (the connection's read buffer).
    ///
    /// `message.send` and `typing` (most of the traffic) are read straight from the bytes by
    /// `FlatRequestScanner`; whatever it does not fully handle, errors included, takes the general path.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(RequestDecodingFailure) -> RequestEnvelope {
        if let envelope = FlatRequestScanner.envelope(bytes) { return envelope }
        return try decodeGeneral(bytes)
    }

    /// The general path: a `JSONValue` tree read by `FieldReader`. Every request type, every error.
    static func decodeGeneral(_ bytes: UnsafeRawBufferPointer) throws(RequestDecodingFailure) -> RequestEnvelope {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw RequestDecodingFailure(id: nil, error: .invalidMessage("not valid JSON: \(error)"))
        }
        return try decode(value)
    }

    /// Decodes a parsed request object.
    public static func decode(_ value: JSONValue) throws(RequestDecodingFailure) -> RequestEnvelope {
        guard let object = value.objectValue else {
            throw RequestDecodingFailure(id: nil, error: .invalidMessage("a request must be a JSON object"))
        }
        let id: RequestId?
        do {
            id = try requestId(in: object)
        } catch {
            throw RequestDecodingFailure(id: nil, error: error)
        }
        do throws(HubError) {
            guard let typeValue = object["type"] else { throw HubError.invalidMessage("field 'type' is missing") }
            guard let typeName = typeValue.stringValue else {
                throw HubError.invalidMessage("field 'type' must be a string")
            }
            guard let type = requestTypesByName[typeName] else {
                throw HubError.invalidMessage("unknown request type '\(typeName)'")
            }
            var reader = FieldReader(object, context: typeName)
            _ = reader.value(WireKey.type)
            _ = reader.value(WireKey.id)
            let command = try decodeCommand(type, from: &reader)
            try reader.finish()
            return RequestEnvelope(id: id, command: command)
        } catch {
            throw RequestDecodingFailure(id: id, error: error)
        }
    }

    /// Every request type by its wire name. The same lookup as `RequestType(rawValue:)` (a `String`
    /// dictionary, so canonically equivalent spellings match alike), but built once: the synthesized
    /// initializer allocates its table of cases on every call (about 800 instructions per request).
    static let requestTypesByName: [String: RequestType] = Dictionary(
        uniqueKeysWithValues: RequestType.allCases.map { ($0.rawValue, $0) })

    /// The `id` member: absent, a string of 1–128 bytes, or an integer.
    static func requestId(in object: JSONObject) throws(HubError) -> RequestId? {
        switch object["id"] {
        case nil:
            return nil
        case .string(let text)?:
            guard !text.isEmpty, text.utf8.count <= 128 else {
                throw .invalidMessage("field 'id' must be a string of 1 to 128 bytes or an integer")
            }
            return .string(text)
        case .integer(let number)?:
            return .integer(number)
        default:
            throw .invalidMessage("field 'id' must be a string of 1 to 128 bytes or an integer")
        }
    }

    static func decodeCommand(_ type: RequestType, from reader: inout FieldReader) throws(HubError) -> Command {
        switch type {
        case .conversationStart:
            return .start(
                subject: try reader.string(WireKey.subject), channel: Channel(try reader.identifier(WireKey.channel)),
                queueId: QueueId(try reader.identifier(WireKey.queueId)))
        case .messageSend:
            return .sendMessage(
                conversationId: try conversation(&reader), text: try reader.string(WireKey.text),
                visibility: try reader.optionalEnumeration(WireKey.visibility, as: Visibility.self) ?? .public,
                clientMessageId: try reader.optionalIdentifier(WireKey.clientMessageId))
        case .typing:
            return .typing(conversationId: try conversation(&reader))
        case .conversationResume:
            return .resume(conversationId: try conversation(&reader), afterSeq: try reader.count(WireKey.afterSeq))
        case .presenceSet:
            return .setPresence(try reader.enumeration(WireKey.presence, as: Presence.self))
        case .offerAccept:
            return .acceptOffer(try offer(&reader))
        case .offerReject:
            return .rejectOffer(try offer(&reader))
        case .conversationWait:
            return .wait(conversationId: try conversation(&reader))
        case .conversationEnd:
            return .end(conversationId: try conversation(&reader))
        case .conversationClose:
            return .close(conversationId: try conversation(&reader))
        case .conversationRelease:
            return .release(conversationId: try conversation(&reader))
        case .consultInvite:
            return .consultInvite(
                conversationId: try conversation(&reader), agentId: UserId(try reader.identifier(WireKey.agentId)))
        case .consultAccept:
            return .consultAccept(try offer(&reader))
        case .consultReject:
            return .consultReject(try offer(&reader))
        case .conversationTransfer:
            let conversationId = try conversation(&reader)
            switch try agentOrQueue(&reader) {
            case .agent(let agentId): return .transfer(conversationId: conversationId, target: .agent(agentId))
            case .queue(let queueId): return .transfer(conversationId: conversationId, target: .queue(queueId))
            }
        case .reportSubscribe:
            return .subscribeReport
        case .agentsSubscribe:
            return .subscribeAgents
        case .conversationMonitor:
            return .monitor(conversationId: try conversation(&reader))
        case .conversationUnmonitor:
            return .unmonitor(conversationId: try conversation(&reader))
        case .conversationJoin:
            return .join(conversationId: try conversation(&reader))
        case .conversationLeave:
            return .leave(conversationId: try conversation(&reader))
        case .conversationAssign:
            let conversationId = try conversation(&reader)
            let target = try agentOrQueue(&reader)
            return .assign(
                conversationId: conversationId, target: target,
                override: try reader.optionalBool(WireKey.override) ?? false)
        case .conversationForceClose:
            return .forceClose(conversationId: try conversation(&reader), reason: try reader.string(WireKey.reason))
        case .conversationEscalate:
            let conversationId = try conversation(&reader)
            let mode = try reader.enumeration(WireKey.mode, as: Mode.self)
            guard mode != .text else { throw reader.failure("field 'mode' must be one of voice, video") }
            return .escalate(conversationId: conversationId, mode: mode)
        case .settingsGet:
            return .readSettings
        case .conversationsMine:
            return .listOwnConversations
        case .settingsUpdate:
            return .updateSettings(
                SettingsChange(
                    supervisorMonitor: try reader.optionalBool(WireKey.supervisorMonitor),
                    supervisorAssign: try reader.optionalBool(WireKey.supervisorAssign),
                    supervisorTransfer: try reader.optionalBool(WireKey.supervisorTransfer),
                    supervisorForceClose: try reader.optionalBool(WireKey.supervisorForceClose)))
        }
    }

    private static func conversation(_ reader: inout FieldReader) throws(HubError) -> ConversationId {
        ConversationId(try reader.identifier(WireKey.conversationId))
    }

    private static func offer(_ reader: inout FieldReader) throws(HubError) -> OfferId {
        OfferId(try reader.identifier(WireKey.offerId))
    }

    /// Exactly one of `agentId` and `queueId`.
    private static func agentOrQueue(_ reader: inout FieldReader) throws(HubError) -> AssignTarget {
        let agentId = try reader.optionalIdentifier(WireKey.agentId)
        let queueId = try reader.optionalIdentifier(WireKey.queueId)
        switch (agentId, queueId) {
        case (let agentId?, nil): return .agent(UserId(agentId))
        case (nil, let queueId?): return .queue(QueueId(queueId))
        default: throw reader.failure("exactly one of 'agentId' and 'queueId' is required")
        }
    }
}
