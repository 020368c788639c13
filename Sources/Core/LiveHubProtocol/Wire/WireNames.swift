import LiveHubDomain

// Every name that appears on the wire, in one place. `Protocol/README.md` and `Protocol/schemas/`
// spell the same names; `WireNamesTests` checks these against the domain's own `wireName`s.
// Value vocabularies (presence, mode, status, roles, visibility, offer kinds, update reasons)
// travel as the domain enums' raw values, which are their wire spellings.

/// The `type` of every request a client may send.
public enum RequestType: String, CaseIterable, Hashable, Sendable {
    case conversationStart = "conversation.start"
    case messageSend = "message.send"
    case typing = "typing"
    case conversationResume = "conversation.resume"
    case presenceSet = "presence.set"
    case offerAccept = "offer.accept"
    case offerReject = "offer.reject"
    case conversationWait = "conversation.wait"
    case conversationEnd = "conversation.end"
    case conversationClose = "conversation.close"
    case conversationRelease = "conversation.release"
    case consultInvite = "consult.invite"
    case consultAccept = "consult.accept"
    case consultReject = "consult.reject"
    case conversationTransfer = "conversation.transfer"
    case reportSubscribe = "report.subscribe"
    case conversationMonitor = "conversation.monitor"
    case conversationUnmonitor = "conversation.unmonitor"
    case conversationJoin = "conversation.join"
    case conversationLeave = "conversation.leave"
    case conversationAssign = "conversation.assign"
    case conversationForceClose = "conversation.forceClose"
    case conversationEscalate = "conversation.escalate"
    case settingsUpdate = "settings.update"
}

/// The `type` of every message the hub sends.
public enum ServerMessageType: String, CaseIterable, Hashable, Sendable {
    case welcome
    case ack
    case error
    case message
    case participantJoined = "participant.joined"
    case participantLeft = "participant.left"
    case conversationUpdated = "conversation.updated"
    case offer
    case notification
    case conversationClosed = "conversation.closed"
    case typing
    case reportSnapshot = "report.snapshot"
    case reportUpdate = "report.update"
}

/// The `kind` of a `notification`.
public enum NotificationWireKind: String, CaseIterable, Hashable, Sendable {
    case offerAccepted = "offer-accepted"
    case offerRejected = "offer-rejected"
    case offerTimedOut = "offer-timed-out"
    case offerWithdrawn = "offer-withdrawn"
    case supervisorJoined = "supervisor-joined"
    case presenceChanged = "presence-changed"
    case monitorStarted = "monitor-started"
    case monitorStopped = "monitor-stopped"
    case settingsUpdated = "settings-updated"
}

/// `conversation.updated` carries this `reason` when the conversation was just created; every
/// other reason is an `UpdateReason` raw value.
let startedReason = "started"

/// Member names, as written by `JSONWriter.key(_:)` and read by `FieldReader`.
enum WireKey {
    static let type: StaticString = "type"
    static let id: StaticString = "id"
    static let conversationId: StaticString = "conversationId"
    static let seq: StaticString = "seq"
    static let at: StaticString = "at"
    static let afterSeq: StaticString = "afterSeq"
    static let text: StaticString = "text"
    static let visibility: StaticString = "visibility"
    static let clientMessageId: StaticString = "clientMsgId"
    static let subject: StaticString = "subject"
    static let channel: StaticString = "channel"
    static let queueId: StaticString = "queueId"
    static let presence: StaticString = "presence"
    static let offerId: StaticString = "offerId"
    static let agentId: StaticString = "agentId"
    static let override: StaticString = "override"
    static let reason: StaticString = "reason"
    static let mode: StaticString = "mode"
    static let supervisorMonitor: StaticString = "supervisorMonitor"
    static let supervisorAssign: StaticString = "supervisorAssign"
    static let supervisorTransfer: StaticString = "supervisorTransfer"
    static let supervisorForceClose: StaticString = "supervisorForceClose"
    static let code: StaticString = "code"
    static let message: StaticString = "message"
    static let sessionId: StaticString = "sessionId"
    static let user: StaticString = "user"
    static let name: StaticString = "name"
    static let role: StaticString = "role"
    static let heartbeatSeconds: StaticString = "heartbeatSeconds"
    static let senderId: StaticString = "senderId"
    static let senderRole: StaticString = "senderRole"
    static let userId: StaticString = "userId"
    static let status: StaticString = "status"
    static let customerId: StaticString = "customerId"
    static let kind: StaticString = "kind"
    static let requesterId: StaticString = "requesterId"
    static let expiresAt: StaticString = "expiresAt"
    static let offerKind: StaticString = "offerKind"
    static let by: StaticString = "by"
    static let settings: StaticString = "settings"
    static let row: StaticString = "row"
    static let rows: StaticString = "rows"
    static let createdAt: StaticString = "createdAt"
    static let waitSeconds: StaticString = "waitSeconds"
    static let handleSeconds: StaticString = "handleSeconds"
    static let capacityExceededBy: StaticString = "capacityExceededBy"
    static let replayed: StaticString = "replayed"
}

extension Role {
    /// The roles a token or a `welcome` may carry: every role except the internal `system`.
    public static let wireRoles: [Role] = [.customer, .agent, .supervisor, .admin, .bot]

    /// The role for a wire spelling, refusing `system`.
    public init?(wireName: String) {
        guard let role = Role(rawValue: wireName), role != .system else { return nil }
        self = role
    }
}

extension HubError {
    /// The error for a wire `code` and `message`, or `nil` for an unknown code.
    public init?(code: String, message: String) {
        switch code {
        case "unauthorized": self = .unauthorized(message)
        case "forbidden": self = .forbidden(message)
        case "not_found": self = .notFound(message)
        case "invalid_state": self = .invalidState(message)
        case "invalid_message": self = .invalidMessage(message)
        case "presence_not_allowed": self = .presenceNotAllowed(message)
        case "capacity_exceeded": self = .capacityExceeded(message)
        case "rate_limited": self = .rateLimited(message)
        case "too_large": self = .tooLarge(message)
        default: return nil
        }
    }
}
