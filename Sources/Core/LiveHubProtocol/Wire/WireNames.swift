import LiveHubDomain

// Every name that appears on the wire has its one spelling in this module: the message and request
// types, notification kinds and error codes here, the value vocabularies (presence, mode, status,
// roles, visibility, offer kinds, update reasons) in `WireVocabulary.swift`, member names in
// `WireKey`. The domain carries no wire strings; the mappings below tie its commands, events and
// errors to these spellings by exhaustive switches, so a new case cannot go unspelled.
// `WireNamesTests` checks the spellings against `Protocol/README.md` and `Protocol/schemas/`.

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
    case settingsGet = "settings.get"
    case conversationsMine = "conversations.mine"
    case agentsSubscribe = "agents.subscribe"
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
    case participantAway = "participant.away"
    case participantBack = "participant.back"
    case queuePosition = "queue.position"
    case agentsSnapshot = "agents.snapshot"
    case agentsUpdate = "agents.update"
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
    case agentDisconnected = "agent-disconnected"
    case agentReconnected = "agent-reconnected"
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
    static let conversations: StaticString = "conversations"
    static let lastSeq: StaticString = "lastSeq"
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
    static let customerName: StaticString = "customerName"
    static let waitStartedAt: StaticString = "waitStartedAt"
    static let handleStartedAt: StaticString = "handleStartedAt"
    static let lastActivityAt: StaticString = "lastActivityAt"
    static let participantCount: StaticString = "participantCount"
    static let customerAway: StaticString = "customerAway"
    static let sentiment: StaticString = "sentiment"
    static let position: StaticString = "position"
    static let estimatedWaitSeconds: StaticString = "estimatedWaitSeconds"
    static let agents: StaticString = "agents"
    static let agent: StaticString = "agent"
    static let capacityUsed: StaticString = "capacityUsed"
    static let capacity: StaticString = "capacity"
    static let conversationIds: StaticString = "conversationIds"
    static let disconnectedAt: StaticString = "disconnectedAt"
    static let action: StaticString = "action"
    static let details: StaticString = "details"
    static let changes: StaticString = "changes"
    static let setting: StaticString = "setting"
    static let from: StaticString = "from"
    static let to: StaticString = "to"
    static let entries: StaticString = "entries"
    static let next: StaticString = "next"
    static let closedAt: StaticString = "closedAt"
}

/// The `code` of every `error` frame.
public enum ErrorCode: String, CaseIterable, Hashable, Sendable {
    case unauthorized
    case forbidden
    case notFound = "not_found"
    case invalidState = "invalid_state"
    case invalidMessage = "invalid_message"
    case presenceNotAllowed = "presence_not_allowed"
    case capacityExceeded = "capacity_exceeded"
    case rateLimited = "rate_limited"
    case tooLarge = "too_large"
    case alreadyOpen = "already_open"
    case unavailable
}

extension HubError {
    /// The error's wire code.
    public var errorCode: ErrorCode {
        switch self {
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .invalidState: .invalidState
        case .invalidMessage: .invalidMessage
        case .presenceNotAllowed: .presenceNotAllowed
        case .capacityExceeded: .capacityExceeded
        case .rateLimited: .rateLimited
        case .tooLarge: .tooLarge
        case .alreadyOpen: .alreadyOpen
        case .unavailable: .unavailable
        }
    }

    /// The wire code as written in `error` frames and logs, e.g. `invalid_state`.
    public var code: String { errorCode.rawValue }

    /// The error with `code` and `message` (and the conversation it names, for `already_open`).
    public init(_ code: ErrorCode, message: String, conversationId: ConversationId? = nil) {
        switch code {
        case .unauthorized: self = .unauthorized(message)
        case .forbidden: self = .forbidden(message)
        case .notFound: self = .notFound(message)
        case .invalidState: self = .invalidState(message)
        case .invalidMessage: self = .invalidMessage(message)
        case .presenceNotAllowed: self = .presenceNotAllowed(message)
        case .capacityExceeded: self = .capacityExceeded(message)
        case .rateLimited: self = .rateLimited(message)
        case .tooLarge: self = .tooLarge(message)
        case .alreadyOpen: self = .alreadyOpen(conversationId ?? ConversationId(""), message)
        case .unavailable: self = .unavailable(message)
        }
    }

    /// The error for a wire `code` and `message`, or `nil` for an unknown code.
    public init?(code: String, message: String, conversationId: ConversationId? = nil) {
        guard let errorCode = ErrorCode(rawValue: code) else { return nil }
        self.init(errorCode, message: message, conversationId: conversationId)
    }
}

extension RequestType {
    /// The request type that carries `command`; `nil` for the system's own commands (timers), which
    /// have no wire form.
    public init?(_ command: Command) {
        switch command {
        case .start: self = .conversationStart
        case .sendMessage: self = .messageSend
        case .typing: self = .typing
        case .resume: self = .conversationResume
        case .setPresence: self = .presenceSet
        case .acceptOffer: self = .offerAccept
        case .rejectOffer: self = .offerReject
        case .wait: self = .conversationWait
        case .end: self = .conversationEnd
        case .close: self = .conversationClose
        case .release: self = .conversationRelease
        case .consultInvite: self = .consultInvite
        case .consultAccept: self = .consultAccept
        case .consultReject: self = .consultReject
        case .transfer: self = .conversationTransfer
        case .subscribeReport: self = .reportSubscribe
        case .monitor: self = .conversationMonitor
        case .unmonitor: self = .conversationUnmonitor
        case .join: self = .conversationJoin
        case .leave: self = .conversationLeave
        case .assign: self = .conversationAssign
        case .forceClose: self = .conversationForceClose
        case .escalate: self = .conversationEscalate
        case .updateSettings: self = .settingsUpdate
        case .readSettings: self = .settingsGet
        case .listOwnConversations: self = .conversationsMine
        case .subscribeAgents: self = .agentsSubscribe
        case .offerTimedOut, .retryRouting, .reconnectWindowEnded, .agentGraceEnded, .publishQueue, .publishPosition,
            .publishReportRow, .userConnected, .userDisconnected, .connectionClosed, .recover, .archive:
            return nil
        }
    }
}

extension ServerMessageType {
    /// The `type` an event of `kind` is sent as. A started conversation is a `conversation.updated`
    /// with reason `started`; offer endings, presence, monitoring, settings and agents' connections
    /// are `notification`s. Audit entries are never sent (no audience receives them): nil.
    public init?(_ kind: EventKind) {
        switch kind {
        case .conversationStarted, .conversationUpdated: self = .conversationUpdated
        case .message: self = .message
        case .participantJoined: self = .participantJoined
        case .participantLeft: self = .participantLeft
        case .participantAway: self = .participantAway
        case .participantBack: self = .participantBack
        case .offer: self = .offer
        case .offerEnded, .notification, .presenceChanged, .monitorStarted, .monitorStopped, .settingsUpdated,
            .agentDisconnected, .agentReconnected:
            self = .notification
        case .queuePosition: self = .queuePosition
        case .agentUpdate: self = .agentsUpdate
        case .conversationClosed: self = .conversationClosed
        case .typing: self = .typing
        case .reportUpdate: self = .reportUpdate
        case .audit: return nil
        }
    }
}

extension NotificationWireKind {
    /// The notification `kind` of an event sent as `notification`; `nil` for every other event.
    public init?(_ payload: EventPayload) {
        switch payload {
        case .offerEnded(let ended):
            switch ended.outcome {
            case .accepted: self = .offerAccepted
            case .rejected: self = .offerRejected
            case .timedOut: self = .offerTimedOut
            case .withdrawn: self = .offerWithdrawn
            }
        case .notification(let notification):
            switch notification.kind {
            case .supervisorJoined: self = .supervisorJoined
            }
        case .presenceChanged: self = .presenceChanged
        case .monitorStarted: self = .monitorStarted
        case .monitorStopped: self = .monitorStopped
        case .settingsUpdated: self = .settingsUpdated
        case .agentDisconnected: self = .agentDisconnected
        case .agentReconnected: self = .agentReconnected
        case .conversationStarted, .message, .participantJoined, .participantLeft, .participantAway, .participantBack,
            .conversationUpdated, .offer, .conversationClosed, .typing, .reportUpdate, .queuePosition, .agentUpdate,
            .audit:
            return nil
        }
    }
}
