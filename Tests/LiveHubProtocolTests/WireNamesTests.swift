import Foundation
import LiveHubDomain
import LiveHubProtocol
import LiveHubSentiment
import Testing

/// Every name on the wire has exactly one spelling, in `LiveHubProtocol`, and it is the one
/// `Protocol/README.md` and `Protocol/schemas/` document.
@Suite("Wire names")
struct WireNamesTests {
    /// The non-event message types: frames the hub writes that are not domain events.
    static let frameTypes: Set<ServerMessageType> = [.welcome, .ack, .error, .reportSnapshot, .agentsSnapshot]

    @Test("Wire names: each request type is one command's, and the README and the request schemas list exactly them")
    func requestTypes() throws {
        var typeOfCase: [String: RequestType] = [:]
        for command in RequestCodecTests.commands {
            let type = try #require(RequestType(command))
            let caseName = String(String(describing: command).prefix { $0 != "(" })
            #expect(typeOfCase.updateValue(type, forKey: caseName) ?? type == type, "\(caseName)")
        }
        #expect(Set(typeOfCase.values) == Set(RequestType.allCases))
        #expect(Set(typeOfCase.values).count == typeOfCase.count, "two commands share a spelling")
        #expect(RequestType(.offerTimedOut("o1")) == nil)
        let names = Set(RequestType.allCases.map(\.rawValue))
        #expect(try Self.readmeTable(after: "## Requests") == names)
        #expect(Self.schemaNames(in: "requests") == names)
    }

    @Test("Wire names: each event kind has one type (and notification kind), as the README and the schemas list them")
    func eventKinds() throws {
        var kindOwners: [NotificationWireKind: [EventPayload]] = [:]
        var eventTypes: Set<ServerMessageType> = []
        for kind in EventKind.allCases {
            for payload in Self.samples(of: kind) {
                #expect(payload.kind == kind)
                // Audit entries are facts for the audit only: no type, never on the wire.
                guard let type = ServerMessageType(kind) else {
                    #expect(kind == .audit)
                    #expect(NotificationWireKind(payload) == nil)
                    continue
                }
                eventTypes.insert(type)
                let notificationKind = NotificationWireKind(payload)
                #expect((type == .notification) == (notificationKind != nil), "\(kind)")
                if let notificationKind { kindOwners[notificationKind, default: []].append(payload) }
            }
        }
        #expect(eventTypes == Set(ServerMessageType.allCases).subtracting(Self.frameTypes))
        #expect(Set(kindOwners.keys) == Set(NotificationWireKind.allCases))
        #expect(kindOwners.values.allSatisfy { $0.count == 1 }, "two events share a notification kind")
        // The one shared type: a started conversation is `conversation.updated` with reason `started`.
        let sharing = EventKind.allCases.filter { ServerMessageType($0) == .conversationUpdated }
        #expect(sharing == [.conversationStarted, .conversationUpdated])

        let readmeTypes = try Self.readmeTable(after: "## Events")
        #expect(
            readmeTypes == Set(ServerMessageType.allCases.map(\.rawValue)).subtracting(["welcome", "ack", "error"]))
        let readme = try Self.readme()
        for type in [ServerMessageType.welcome, .ack, .error] {
            #expect(readme.contains(#""type":"\#(type.rawValue)""#))
        }
        #expect(Self.schemaNames(in: "messages") == Set(ServerMessageType.allCases.map(\.rawValue)))
        let kinds = Set(NotificationWireKind.allCases.map(\.rawValue))
        #expect(try Self.readmeTable(after: "Notification kinds:") == kinds)
        #expect(try Set(Self.schemaEnums("messages/notification", property: "kind").joined()) == kinds)
    }

    @Test("Wire names: the error codes, one per HubError case, are the README's and the error schema's")
    func errorCodes() throws {
        let errors: [HubError] = [
            .unauthorized(""), .forbidden(""), .notFound(""), .invalidState(""), .invalidMessage(""),
            .presenceNotAllowed(""), .capacityExceeded(""), .rateLimited(""), .tooLarge(""), .alreadyOpen("c1", ""),
            .unavailable(""),
        ]
        #expect(
            errors.map(\.code) == [
                "unauthorized", "forbidden", "not_found", "invalid_state", "invalid_message", "presence_not_allowed",
                "capacity_exceeded", "rate_limited", "too_large", "already_open", "unavailable",
            ])
        #expect(errors.map(\.errorCode) == ErrorCode.allCases)
        #expect(errors.allSatisfy { HubError(code: $0.code, message: "", conversationId: $0.conversationId) == $0 })
        #expect(try Self.readmeTable(after: "### Error codes") == Set(errors.map(\.code)))
        #expect(try Self.schemaEnums("messages/error", property: "code") == [ErrorCode.allCases.map(\.rawValue)])
    }

    @Test("Wire names: the value vocabularies are spelled as the schemas enumerate them, in order")
    func valueVocabularies() throws {
        #expect(try Self.schemaEnums("requests/presence.set", property: "presence") == [Self.names(Presence.self)])
        // presence-changed, and agent-disconnected / agent-reconnected.
        #expect(
            try Self.schemaEnums("messages/notification", property: "presence")
                == [Self.names(Presence.self), Self.names(Presence.self)])
        #expect(try Self.schemaEnums("messages/agents.update", property: "presence") == [Self.names(Presence.self)])
        #expect(try Self.schemaEnums("requests/message.send", property: "visibility") == [Self.names(Visibility.self)])
        #expect(try Self.schemaEnums("messages/message", property: "senderRole") == [Self.names(ParticipantRole.self)])
        #expect(
            try Self.schemaEnums("messages/participant.joined", property: "role") == [Self.names(ParticipantRole.self)])
        #expect(try Self.schemaEnums("messages/offer", property: "kind") == [Self.names(OfferKind.self)])
        #expect(try Self.schemaEnums("messages/conversation.updated", property: "mode") == [Self.names(Mode.self)])
        #expect(try Self.schemaEnums("requests/conversation.escalate", property: "mode") == [["voice", "video"]])
        for file in ["messages/conversation.updated", "messages/report.update", "messages/report.snapshot"] {
            #expect(try Self.schemaEnums(file, property: "status") == [Self.names(ConversationStatus.self)])
        }
        let sentiments = Self.names(SentimentLevel.self)
        #expect(
            sentiments == [
                "very-negative", "negative", "slightly-negative", "neutral", "slightly-positive", "positive",
                "very-positive",
            ])
        #expect(SentimentLevel.allCases.allSatisfy { SentimentLevel(wireName: $0.wireName) == $0 })
        #expect(SentimentLevel(wireName: "angry") == nil)
        for file in ["messages/report.update", "messages/report.snapshot"] {
            #expect(try Self.schemaEnums(file, property: "sentiment") == [sentiments])
        }
        #expect(
            try Self.schemaEnums("messages/conversation.updated", property: "reason")
                == [["started"] + Self.names(UpdateReason.self)])
        let roles = Role.wireRoles.map(\.wireName)
        #expect(try Self.schemaEnums("messages/welcome", property: "role") == [roles])
        #expect(try Self.schemaEnums("messages/conversation.closed", property: "by") == [roles])
        #expect(Role(wireName: "system") == nil)
        #expect(Set(Role.allCases).subtracting(Role.wireRoles) == [.system])
    }

    // MARK: Samples

    /// Every payload of `kind` that differs in spelling (each offer outcome), with placeholder data.
    static func samples(of kind: EventKind) -> [EventPayload] {
        let at = Instant(millisecondsSinceEpoch: 0)
        switch kind {
        case .conversationStarted:
            return [
                .conversationStarted(
                    ConversationStarted(
                        subject: "s", channel: .livechat, mode: .text, queueId: "q", customerId: "c", capacityUnits: 1))
            ]
        case .message:
            return [
                .message(
                    Message(
                        seq: 1, senderId: "c", senderRole: .customer, text: "t", visibility: .public,
                        clientMessageId: nil, at: at))
            ]
        case .participantJoined: return [.participantJoined(ParticipantChange(userId: "a", role: .agent))]
        case .participantLeft: return [.participantLeft(ParticipantChange(userId: "a", role: .agent))]
        case .conversationUpdated:
            return [
                .conversationUpdated(
                    ConversationUpdate(
                        status: .active, queueId: "q", primaryAgentId: "a", mode: .text, reason: .accepted))
            ]
        case .offer:
            return [
                .offer(
                    Offer(
                        offerId: "o1", conversationId: "c1", kind: .route, agentId: "a", requesterId: nil, subject: "s",
                        channel: .livechat, queueId: "q", reservedUnits: 1, expiresAt: at))
            ]
        case .offerEnded:
            return OfferOutcome.allCases.map { outcome in
                .offerEnded(OfferEnded(offerId: "o1", kind: .route, agentId: "a", requesterId: nil, outcome: outcome))
            }
        case .notification:
            return NotificationKind.allCases.map { .notification(Notification(kind: $0, userId: "s")) }
        case .conversationClosed: return [.conversationClosed(ConversationClosed(by: .agent, userId: "a", reason: "r"))]
        case .typing: return [.typing(userId: "c")]
        case .reportUpdate:
            return [
                .reportUpdate(
                    ReportRow(
                        conversationId: "c1", subject: "s", customerId: "cara", customerName: "Cara Diaz",
                        status: .open, agentId: nil, queueId: "q",
                        channel: .livechat, createdAt: at, waitSeconds: 0, handleSeconds: 0))
            ]
        case .presenceChanged: return [.presenceChanged(userId: "a", presence: .available)]
        case .monitorStarted: return [.monitorStarted(supervisorId: "s", connectionId: "k")]
        case .monitorStopped: return [.monitorStopped(supervisorId: "s", connectionId: "k")]
        case .settingsUpdated: return [.settingsUpdated(settings: AdminSettings(), changedBy: "ad")]
        case .participantAway: return [.participantAway(ParticipantChange(userId: "c", role: .customer, name: "C"))]
        case .participantBack: return [.participantBack(ParticipantChange(userId: "c", role: .customer, name: "C"))]
        case .queuePosition: return [.queuePosition(QueuePosition(position: 2, estimatedWaitSeconds: 60))]
        case .agentUpdate:
            return [
                .agentUpdate(
                    AgentRow(
                        agentId: "a", name: "A", presence: .available, capacityUsed: 1, capacity: 2,
                        conversationIds: ["c1"]))
            ]
        case .agentDisconnected: return [.agentDisconnected(userId: "a", presence: .available)]
        case .agentReconnected: return [.agentReconnected(userId: "a", presence: .available)]
        case .audit:
            return [
                .audit(
                    AuditEntry(
                        id: 1, at: at, userId: "s", role: .supervisor, name: "S", conversationId: "c1",
                        action: .monitorStarted(sessionId: "k")))
            ]
        }
    }

    static func names<Value: WireSpelled>(_ type: Value.Type) -> [String] {
        Value.allCases.map(\.wireName)
    }

    // MARK: Protocol/README.md and Protocol/schemas

    static func readme() throws -> String {
        try String(contentsOf: protocolDirectory().appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The back-quoted names in the first column of the first table after the line starting with
    /// `heading` (e.g. "`offer.accept` / `offer.reject`" gives both).
    static func readmeTable(after heading: String) throws -> Set<String> {
        let lines = try readme().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return [] }
        let rows = lines[(start + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2)
        var names: Set<String> = []
        for row in rows {
            let firstCell = row.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
            let parts = firstCell.split(separator: "`", omittingEmptySubsequences: false)
            // Back-quoted text sits at the odd positions between the back quotes.
            for index in stride(from: 1, to: parts.count, by: 2) { names.insert(String(parts[index])) }
        }
        return names
    }

    /// The schema file names (without `.schema.json`) in `schemas/<folder>`.
    static func schemaNames(in folder: String) -> Set<String> {
        let directory = protocolDirectory().appendingPathComponent("schemas/\(folder)")
        return Set(
            files(under: directory, withExtension: "json").map { url in
                String(url.lastPathComponent.dropLast(".schema.json".count))
            })
    }

    /// Every `enum` given for a property named `property` anywhere in `schemas/<file>.schema.json`.
    static func schemaEnums(_ file: String, property: String) throws -> [[String]] {
        let url = protocolDirectory().appendingPathComponent("schemas/\(file).schema.json")
        var found: [[String]] = []
        func walk(_ value: JSONValue) {
            if let object = value.objectValue {
                if let properties = object["properties"]?.objectValue,
                    let values = properties[property]?.objectValue?["enum"]?.arrayValue
                {
                    found.append(values.compactMap(\.stringValue))
                }
                object.values.forEach(walk)
            } else if let elements = value.arrayValue {
                elements.forEach(walk)
            }
        }
        walk(try JSONParser.parse(contentsWithoutTrailingNewline(url)))
        return found
    }
}
