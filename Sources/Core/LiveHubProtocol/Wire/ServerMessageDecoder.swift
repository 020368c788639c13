import LiveHubDomain

/// Reads hub-to-client frames back into `ServerMessage`s: for Swift clients, test harnesses and the
/// example round-trip test. Strict like the request decoder: unknown fields are refused.
public enum ServerMessageDecoder {
    /// Decodes one frame's payload.
    public static func decode(_ bytes: [UInt8]) throws(HubError) -> ServerMessage {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw .invalidMessage("not valid JSON: \(error)")
        }
        return try decode(value)
    }

    /// Decodes a parsed frame.
    public static func decode(_ value: JSONValue) throws(HubError) -> ServerMessage {
        guard let object = value.objectValue else { throw .invalidMessage("a message must be a JSON object") }
        guard let typeName = object["type"]?.stringValue else {
            throw .invalidMessage("field 'type' is missing or not a string")
        }
        guard let type = ServerMessageType(rawValue: typeName) else {
            throw .invalidMessage("unknown message type '\(typeName)'")
        }
        var reader = FieldReader(object, context: typeName)
        _ = reader.value(WireKey.type)
        let message: ServerMessage
        switch type {
        case .welcome:
            message = .welcome(try welcome(from: &reader))
        case .ack:
            let id = try RequestDecoder.requestId(in: object)
            _ = reader.value(WireKey.id)
            message = .ack(id: id, result: try acknowledgementResult(from: &reader))
        case .error:
            let id = try RequestDecoder.requestId(in: object)
            _ = reader.value(WireKey.id)
            let code = try reader.string(WireKey.code)
            let text = try reader.string(WireKey.message)
            let conversationId = try reader.optionalIdentifier(WireKey.conversationId).map { ConversationId($0) }
            guard let error = HubError(code: code, message: text, conversationId: conversationId) else {
                throw reader.failure("unknown error code '\(code)'")
            }
            guard (error.errorCode == .alreadyOpen) == (conversationId != nil) else {
                throw reader.failure("field 'conversationId' comes with code already_open, and only with it")
            }
            message = .error(id: id, error)
        case .reportSnapshot:
            guard let rows = try reader.required(WireKey.rows).arrayValue else {
                throw reader.failure("field 'rows' must be an array")
            }
            var decodedRows: [ReportRow] = []
            for (index, row) in rows.enumerated() {
                guard let rowObject = row.objectValue else { throw reader.failure("rows[\(index)] must be an object") }
                var rowReader = FieldReader(rowObject, context: "\(typeName).rows[\(index)]")
                decodedRows.append(try EventDecoder.reportRow(from: &rowReader))
            }
            message = .reportSnapshot(decodedRows)
        case .agentsSnapshot:
            guard let rows = try reader.required(WireKey.agents).arrayValue else {
                throw reader.failure("field 'agents' must be an array")
            }
            var decodedRows: [AgentRow] = []
            for (index, row) in rows.enumerated() {
                guard let rowObject = row.objectValue else {
                    throw reader.failure("agents[\(index)] must be an object")
                }
                var rowReader = FieldReader(rowObject, context: "\(typeName).agents[\(index)]")
                decodedRows.append(try EventDecoder.agentRow(from: &rowReader))
            }
            message = .agentsSnapshot(decodedRows)
        default:
            message = .event(try EventDecoder.decode(type, from: &reader))
        }
        try reader.finish()
        return message
    }

    private static func welcome(from reader: inout FieldReader) throws(HubError) -> Welcome {
        let sessionId = ConnectionId(try reader.identifier(WireKey.sessionId))
        var userReader = FieldReader(try reader.object(WireKey.user), context: "welcome.user")
        let user = WireUser(
            id: UserId(try userReader.identifier(WireKey.id)), role: try userReader.role(WireKey.role),
            name: try userReader.string(WireKey.name))
        try userReader.finish()
        return Welcome(sessionId: sessionId, user: user, heartbeatSeconds: try reader.count(WireKey.heartbeatSeconds))
    }

    /// At most one result field.
    private static func acknowledgementResult(from reader: inout FieldReader) throws(HubError) -> AcknowledgementResult
    {
        var results: [AcknowledgementResult] = []
        if let conversationId = try reader.optionalIdentifier(WireKey.conversationId) {
            results.append(.conversationStarted(ConversationId(conversationId)))
        }
        if reader.object["seq"] != nil { results.append(.messageAccepted(seq: try reader.count(WireKey.seq))) }
        if let offerId = try reader.optionalIdentifier(WireKey.offerId) { results.append(.offerMade(OfferId(offerId))) }
        if reader.object["capacityExceededBy"] != nil {
            results.append(.assigned(capacityExceededBy: try reader.count(WireKey.capacityExceededBy)))
        }
        if reader.object["replayed"] != nil { results.append(.replayed(count: try reader.count(WireKey.replayed))) }
        if reader.object["settings"] != nil {
            var settingsReader = FieldReader(try reader.object(WireKey.settings), context: "ack.settings")
            results.append(
                .settings(
                    AdminSettings(
                        supervisorMonitor: try settingsReader.bool(WireKey.supervisorMonitor),
                        supervisorAssign: try settingsReader.bool(WireKey.supervisorAssign),
                        supervisorTransfer: try settingsReader.bool(WireKey.supervisorTransfer),
                        supervisorForceClose: try settingsReader.bool(WireKey.supervisorForceClose))))
            try settingsReader.finish()
        }
        if reader.object["conversations"] != nil {
            guard let elements = try reader.required(WireKey.conversations).arrayValue else {
                throw reader.failure("field 'conversations' must be an array")
            }
            var conversations: [OwnConversation] = []
            for element in elements {
                guard let object = element.objectValue else {
                    throw reader.failure("each of 'conversations' must be an object")
                }
                var item = FieldReader(object, context: "ack.conversations")
                conversations.append(
                    OwnConversation(
                        conversationId: ConversationId(try item.identifier(WireKey.conversationId)),
                        status: try item.enumeration(WireKey.status, as: ConversationStatus.self),
                        subject: try item.string(WireKey.subject),
                        channel: Channel(try item.identifier(WireKey.channel)),
                        role: try item.enumeration(WireKey.role, as: ParticipantRole.self),
                        lastSeq: try item.count(WireKey.lastSeq)))
                try item.finish()
            }
            results.append(.conversations(conversations))
        }
        guard results.count <= 1 else { throw reader.failure("an ack carries at most one result field") }
        return results.first ?? .done
    }
}
