import LiveHubDomain
import LiveHubHTTP
import LiveHubProtocol
import LiveHubTransport

/// `GET /v1/conversations/{id}/transcript`: the history the caller may see (the domain's rule,
/// `Conversation.transcript(for:userId:)`), as JSON, or as a readable text export with
/// `Accept: text/plain`. 401 without a valid bearer token; 404 for an unknown conversation, and for a
/// customer for any conversation not theirs; 403 for staff who may not read it.
///
/// The conversation is looked up on the hub thread (memory, then the archive: `TranscriptSource`), the
/// answer waits until the journal holds its facts, and the body is encoded on the connection's loop
/// and streamed when large. The hub thread only copies a reference to the conversation's history.
final class TranscriptEndpoint: HTTPEndpoint {
    private let authentication: HubAuthentication?
    private let hub: HubMailbox
    /// Configured display names (agents, supervisors, bots) for the text export.
    private let names: [UserId: String]

    init(hub: HubMailbox, authentication: HubAuthentication?, configuration: Configuration) {
        self.hub = hub
        self.authentication = authentication
        names = configuration.configuredNames
    }

    func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        guard let conversationId = Self.conversationId(inWildcard: context.wildcard) else {
            return .response(RecordRequest.error(.notFound, "not_found", "no route for \(request.head.path)"))
        }
        let claims: TokenClaims
        switch RecordRequest.authenticate(request.head, with: authentication) {
        case .refused(let response): return .response(response)
        case .authenticated(let authenticated): claims = authenticated
        }
        if let unknown = RecordRequest.parameters(of: request.head.query).first {
            return .response(RecordRequest.unknownParameter(unknown.name, known: "the transcript takes none"))
        }
        let asText = Self.prefersText(request.head.headers.values(for: "Accept"))
        let names = self.names
        let responder = context.responder
        hub.post { service in
            service.transcript(of: conversationId) { conversation in
                responder.reply {
                    Self.reply(
                        conversation, requested: conversationId, role: claims.role, userId: claims.subject,
                        asText: asText, names: names)
                }
            }
        }
        return .later
    }

    /// The answer, built on the connection's loop.
    private static func reply(
        _ conversation: Conversation?, requested conversationId: ConversationId, role: Role, userId: UserId,
        asText: Bool, names: [UserId: String]
    ) -> HTTPReply {
        let notFound = RecordRequest.error(
            .notFound, "not_found", "no conversation \(RecordRequest.quoted(conversationId.rawValue))")
        guard let conversation else { return .response(notFound) }
        switch conversation.transcript(for: role, userId: userId) {
        case .notFound:
            return .response(notFound)
        case .forbidden:
            return .response(
                RecordRequest.error(
                    .forbidden, "forbidden",
                    "\(role.wireName) \(userId.rawValue) did not take part in \(conversation.id.rawValue)"))
        case .granted(let audience, let events):
            if asText {
                let body = TranscriptEncoder.text(conversation, events: events, for: audience, names: names)
                return RecordRequest.ok(
                    body, contentType: "text/plain; charset=utf-8",
                    extraHeaders: [("Content-Disposition", "inline; filename=\"\(fileName(conversation.id))\"")])
            }
            return RecordRequest.ok(
                TranscriptEncoder.json(conversation, events: events, for: audience), contentType: "application/json")
        }
    }

    /// The id in `{id}/transcript` (percent-decoded, 1 to 256 bytes, no `/`); nil for any other path.
    static func conversationId(inWildcard wildcard: String?) -> ConversationId? {
        guard let wildcard, wildcard.hasSuffix("/transcript") else { return nil }
        let encoded = wildcard.dropLast("/transcript".count)
        guard !encoded.isEmpty, !encoded.contains("/") else { return nil }
        let id = HTTPPercentEncoding.decode(encoded, plusAsSpace: false)
        guard !id.isEmpty, id.utf8.count <= HubAuthentication.maxIdBytes, !id.contains("/") else { return nil }
        return ConversationId(id)
    }

    /// Whether `Accept` asks for the text export: `text/plain` with a higher weight than
    /// `application/json` (or the same weight, named first). Anything else, a missing header
    /// included, gets JSON.
    static func prefersText(_ accept: [String]) -> Bool {
        var text: (weight: Double, order: Int)?
        var json: (weight: Double, order: Int)?
        var order = 0
        for field in accept {
            for range in field.split(separator: ",") {
                let parts = range.split(separator: ";").map { $0.trimmingSpaces().lowercased() }
                guard let type = parts.first else { continue }
                var weight = 1.0
                for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                    weight = Double(parameter.dropFirst(2)) ?? 0
                }
                order += 1
                if type == "text/plain", text == nil { text = (weight, order) }
                if type == "application/json", json == nil { json = (weight, order) }
            }
        }
        guard let text, text.weight > 0 else { return false }
        guard let json else { return true }
        return text.weight > json.weight || (text.weight == json.weight && text.order < json.order)
    }

    /// `conversation-c5.txt`, with anything but letters, digits, `.`, `_` and `-` replaced.
    private static func fileName(_ conversationId: ConversationId) -> String {
        let safe = conversationId.rawValue.unicodeScalars.map { scalar -> Character in
            let isSafe =
                (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                || scalar == "." || scalar == "_" || scalar == "-"
            return isSafe ? Character(scalar) : "_"
        }
        return "conversation-" + String(safe.prefix(64)) + ".txt"
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
