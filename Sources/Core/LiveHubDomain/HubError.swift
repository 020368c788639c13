/// Why a command was refused. The cases are exactly the wire error codes, which `LiveHubProtocol`
/// spells (`invalidState` ↔ `invalid_state`).
public enum HubError: Error, Hashable, Sendable {
    /// The caller is not who the hub knows (e.g. an agent id missing from the configuration).
    case unauthorized(String)
    /// The caller is known but their role, setting or relation to the conversation forbids it.
    case forbidden(String)
    /// The conversation, offer, queue or user does not exist.
    case notFound(String)
    /// The command is not valid in the conversation's current status.
    case invalidState(String)
    /// The command's content is malformed (empty text, wrong mode, unknown channel…).
    case invalidMessage(String)
    /// The target agent's presence is not one the workstream allows.
    case presenceNotAllowed(String)
    /// The target agent has too little free capacity.
    case capacityExceeded(String)
    /// Too many commands; raised by the shell, listed so the codes live in one place.
    case rateLimited(String)
    /// A text or subject longer than the configured limit.
    case tooLarge(String)
    /// The customer already has a conversation that is not closed: the one named.
    case alreadyOpen(ConversationId, String)
    /// The hub cannot write its journal (disk full, I/O error, read-only data directory), so it takes no
    /// request that would change anything; raised by the shell, which retries and resumes by itself.
    case unavailable(String)

    /// A human-readable explanation for the client.
    public var message: String {
        switch self {
        case .unauthorized(let text), .forbidden(let text), .notFound(let text), .invalidState(let text),
            .invalidMessage(let text), .presenceNotAllowed(let text), .capacityExceeded(let text),
            .rateLimited(let text), .tooLarge(let text), .alreadyOpen(_, let text),
            .unavailable(let text):
            text
        }
    }

    /// The conversation the error is about, when it names one for the client to act on.
    public var conversationId: ConversationId? {
        if case .alreadyOpen(let conversationId, _) = self { return conversationId }
        return nil
    }
}
