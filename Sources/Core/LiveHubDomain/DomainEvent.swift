/// Something that happened. Applying events is the only way the hub's state changes, so the journal
/// of facts (`isJournaled`) replayed into a fresh `Hub` (same configuration) rebuilds the same state.
///
/// Two kinds, told apart by `isJournaled`:
/// - **facts**, journaled and replayed: conversations, messages, participants, offers, closings,
///   settings, and the audit of supervisors' and admins' actions (which no connection receives);
/// - **transient deliveries**, sent once and forgotten: typing, report updates, monitor
///   notifications (monitors are sessions of a connection, not facts) and presence (every agent is
///   offline after a restart; see `Hub.presence(of:)`). They never change `Hub.state`.
///
/// Conversation events that belong to its history carry `seq` (1, 2, 3 … per conversation) and are
/// returned by `conversation.resume`. The others carry `seq == nil`: the transient ones, settings and
/// audit entries. Monitor notifications and their audit entries take no number from the conversation,
/// so they stay invisible to participants.
public struct DomainEvent: Hashable, Sendable {
    /// The conversation this event belongs to, if any.
    public var conversationId: ConversationId?
    /// Per-conversation sequence number; `nil` for events outside a conversation's history.
    public var seq: Int?
    /// When it happened (the `now` of the command that caused it).
    public var at: Instant
    public var payload: EventPayload

    public init(conversationId: ConversationId?, seq: Int?, at: Instant, payload: EventPayload) {
        self.conversationId = conversationId
        self.seq = seq
        self.at = at
        self.payload = payload
    }

    /// What kind of event this is, without its data.
    public var kind: EventKind { payload.kind }

    /// Whether the event is a fact to journal and replay, rather than a transient delivery.
    public var isJournaled: Bool { payload.isJournaled }
}

/// What happened, with the data needed both to render it and to replay it.
///
/// The four rare cases with large payloads (a report row is 202 bytes, an offer 136) are `indirect`:
/// stored inline they made every event 216 bytes, and each message's event is moved and copied about
/// ten times (history, outcome, deliveries, journal); boxed, a message's event is 128 bytes.
public enum EventPayload: Hashable, Sendable {
    /// A customer started a conversation (wire: `conversation.updated`).
    indirect case conversationStarted(ConversationStarted)
    /// A message was added to the transcript.
    case message(Message)
    case participantJoined(ParticipantChange)
    case participantLeft(ParticipantChange)
    /// The customer's last connection closed: they are away, not gone, for the reconnection window.
    case participantAway(ParticipantChange)
    /// The away customer connected again within the window.
    case participantBack(ParticipantChange)
    /// Status, queue, primary agent or mode changed; carries all four after the change.
    case conversationUpdated(ConversationUpdate)
    /// An agent is offered a conversation (route, transfer or consult).
    indirect case offer(Offer)
    /// An offer was accepted, rejected, timed out or withdrawn (wire: `notification`).
    case offerEnded(OfferEnded)
    /// Something participants are told, e.g. that a supervisor joined.
    case notification(Notification)
    case conversationClosed(ConversationClosed)
    case typing(userId: UserId)
    /// A report row changed (status, agent or queue); sent to report subscribers.
    indirect case reportUpdate(ReportRow)
    /// An agent's presence changed (wire: `notification`, to that agent).
    case presenceChanged(userId: UserId, presence: Presence)
    /// A supervisor's connection started monitoring (wire: `notification` kind `monitor-started`).
    case monitorStarted(supervisorId: UserId, connectionId: ConnectionId)
    /// A supervisor's connection stopped monitoring (wire: `notification` kind `monitor-stopped`).
    case monitorStopped(supervisorId: UserId, connectionId: ConnectionId)
    /// An admin changed settings (wire: `notification` kind `settings-updated`).
    case settingsUpdated(settings: AdminSettings, changedBy: UserId)
    /// A waiting customer's place in their queue and the estimated wait (wire: `queue.position`).
    case queuePosition(QueuePosition)
    /// A row of the supervisors' agents view changed (wire: `agents.update`).
    case agentUpdate(AgentRow)
    /// An agent's last connection closed: offline for routing at once, `presence` given back if they
    /// return within the grace period (wire: `notification` kind `agent-disconnected`).
    case agentDisconnected(userId: UserId, presence: Presence)
    /// A disconnected agent connected again; `presence` is the one they have now: the one given back
    /// within the grace period, `offline` after it (wire: `notification` kind `agent-reconnected`).
    case agentReconnected(userId: UserId, presence: Presence)
    /// A supervisor or admin action, for the audit. A fact no connection receives (no wire form): it
    /// belongs to no conversation's history (no seq, `conversationId` nil on the event; the entry
    /// names its conversation), so participants never see a trace of it, not even a gap in seq.
    indirect case audit(AuditEntry)

    /// Whether the event is a fact that survives a restart (journaled, replayed by `Hub.apply`) rather
    /// than a transient delivery that never changes `Hub.state`.
    public var isJournaled: Bool {
        switch self {
        case .conversationStarted, .message, .participantJoined, .participantLeft, .participantAway, .participantBack,
            .conversationUpdated, .offer, .offerEnded, .notification, .conversationClosed, .settingsUpdated, .audit:
            true
        case .typing, .reportUpdate, .presenceChanged, .monitorStarted, .monitorStopped, .queuePosition, .agentUpdate,
            .agentDisconnected, .agentReconnected:
            false
        }
    }

    /// What kind of event this is, without its data.
    public var kind: EventKind {
        switch self {
        case .conversationStarted: .conversationStarted
        case .message: .message
        case .participantJoined: .participantJoined
        case .participantLeft: .participantLeft
        case .participantAway: .participantAway
        case .participantBack: .participantBack
        case .conversationUpdated: .conversationUpdated
        case .offer: .offer
        case .offerEnded: .offerEnded
        case .notification: .notification
        case .conversationClosed: .conversationClosed
        case .typing: .typing
        case .reportUpdate: .reportUpdate
        case .presenceChanged: .presenceChanged
        case .monitorStarted: .monitorStarted
        case .monitorStopped: .monitorStopped
        case .settingsUpdated: .settingsUpdated
        case .queuePosition: .queuePosition
        case .agentUpdate: .agentUpdate
        case .agentDisconnected: .agentDisconnected
        case .agentReconnected: .agentReconnected
        case .audit: .audit
        }
    }
}

/// The kinds of event, one per `EventPayload` case: for matching, counting and tables (who may see
/// which kind) without the data. The wire spells them through `LiveHubProtocol`'s `ServerMessageType`
/// and `NotificationWireKind`.
public enum EventKind: Hashable, Sendable, CaseIterable {
    case conversationStarted
    case message
    case participantJoined
    case participantLeft
    case conversationUpdated
    case offer
    case offerEnded
    case notification
    case conversationClosed
    case typing
    case reportUpdate
    case presenceChanged
    case monitorStarted
    case monitorStopped
    case settingsUpdated
    case participantAway
    case participantBack
    case queuePosition
    case agentUpdate
    case agentDisconnected
    case agentReconnected
    case audit
}

/// The facts of a new conversation.
public struct ConversationStarted: Hashable, Sendable {
    public var subject: String
    public var channel: Channel
    public var mode: Mode
    public var queueId: QueueId
    public var customerId: UserId
    /// Captured from the workstream at start so replay does not depend on later configuration edits.
    public var capacityUnits: Int
    /// The customer's display name from their token; `nil` when it is just their id.
    public var customerName: String?

    public init(
        subject: String, channel: Channel, mode: Mode, queueId: QueueId, customerId: UserId, capacityUnits: Int,
        customerName: String? = nil
    ) {
        self.subject = subject
        self.channel = channel
        self.mode = mode
        self.queueId = queueId
        self.customerId = customerId
        self.capacityUnits = capacityUnits
        self.customerName = customerName
    }
}

/// One transcript entry.
public struct Message: Hashable, Sendable {
    public var seq: Int
    public var senderId: UserId
    public var senderRole: ParticipantRole
    public var text: String
    public var visibility: Visibility
    public var clientMessageId: String?
    public var at: Instant

    public init(
        seq: Int, senderId: UserId, senderRole: ParticipantRole, text: String, visibility: Visibility,
        clientMessageId: String?, at: Instant
    ) {
        self.seq = seq
        self.senderId = senderId
        self.senderRole = senderRole
        self.text = text
        self.visibility = visibility
        self.clientMessageId = clientMessageId
        self.at = at
    }
}

/// A participant joining, leaving, going away or coming back, with the role they hold (or held, when
/// leaving) and their display name (the configured name of staff, the customer's own).
public struct ParticipantChange: Hashable, Sendable {
    public var userId: UserId
    public var role: ParticipantRole
    /// `nil` only in events journaled before names were carried.
    public var name: String?

    public init(userId: UserId, role: ParticipantRole, name: String? = nil) {
        self.userId = userId
        self.role = role
        self.name = name
    }
}

/// Why a conversation changed; lets clients word the change and the apply step keep
/// bookkeeping (a releasing agent is not offered the conversation again).
public enum UpdateReason: Hashable, Sendable, CaseIterable {
    case accepted
    case assigned
    case parked
    case revived
    case ended
    case released
    case requeued
    case transferred
    case escalated
    /// Every eligible agent had declined it; after the pause the router tries them all again.
    case retried
    /// The customer did not come back within the reconnection window (active or waiting → wrap-up).
    case customerDisconnected
    /// The primary agent did not come back within the grace period (→ open, routed again).
    case agentDisconnected
}

/// The conversation's headline fields after a change.
public struct ConversationUpdate: Hashable, Sendable {
    public var status: ConversationStatus
    public var queueId: QueueId
    public var primaryAgentId: UserId?
    public var mode: Mode
    public var reason: UpdateReason

    public init(status: ConversationStatus, queueId: QueueId, primaryAgentId: UserId?, mode: Mode, reason: UpdateReason)
    {
        self.status = status
        self.queueId = queueId
        self.primaryAgentId = primaryAgentId
        self.mode = mode
        self.reason = reason
    }
}

/// What an offer asks of the agent.
public enum OfferKind: Hashable, Sendable, CaseIterable {
    /// Take an open conversation from the queue.
    case route
    /// Become the primary agent of an active conversation.
    case transfer
    /// Join as a helper.
    case consult
}

/// An offer to one agent; it expires at `expiresAt` unless answered.
public struct Offer: Hashable, Sendable {
    public var offerId: OfferId
    public var conversationId: ConversationId
    public var kind: OfferKind
    public var agentId: UserId
    /// Who asked (transfer and consult); `nil` for the router.
    public var requesterId: UserId?
    public var subject: String
    /// The customer's name, when their token carried one: the offered agent sees whom they would serve.
    public var customerName: String?
    public var channel: Channel
    public var queueId: QueueId
    /// Units reserved from the agent's capacity while the offer is pending (route offers only).
    public var reservedUnits: Int
    public var expiresAt: Instant

    public init(
        offerId: OfferId, conversationId: ConversationId, kind: OfferKind, agentId: UserId, requesterId: UserId?,
        subject: String, customerName: String? = nil, channel: Channel, queueId: QueueId, reservedUnits: Int,
        expiresAt: Instant
    ) {
        self.offerId = offerId
        self.conversationId = conversationId
        self.kind = kind
        self.agentId = agentId
        self.requesterId = requesterId
        self.subject = subject
        self.customerName = customerName
        self.channel = channel
        self.queueId = queueId
        self.reservedUnits = reservedUnits
        self.expiresAt = expiresAt
    }
}

/// How an offer ended.
public enum OfferOutcome: Hashable, Sendable, CaseIterable {
    case accepted
    case rejected
    case timedOut
    /// The conversation moved on (assigned, closed, re-queued) before the agent answered.
    case withdrawn
}

/// The end of an offer; carries who was involved so its audience needs no lookup.
public struct OfferEnded: Hashable, Sendable {
    public var offerId: OfferId
    public var kind: OfferKind
    public var agentId: UserId
    public var requesterId: UserId?
    public var outcome: OfferOutcome

    public init(offerId: OfferId, kind: OfferKind, agentId: UserId, requesterId: UserId?, outcome: OfferOutcome) {
        self.offerId = offerId
        self.kind = kind
        self.agentId = agentId
        self.requesterId = requesterId
        self.outcome = outcome
    }
}

/// A waiting customer's place in their queue: 1 is next. The estimate comes from the queue's recent
/// wait and handle times; `nil` until the queue has any.
public struct QueuePosition: Hashable, Sendable {
    public var position: Int
    public var estimatedWaitSeconds: Int64?

    public init(position: Int, estimatedWaitSeconds: Int64?) {
        self.position = position
        self.estimatedWaitSeconds = estimatedWaitSeconds
    }
}

/// One agent in the supervisors' agents view.
public struct AgentRow: Hashable, Sendable {
    public var agentId: UserId
    public var name: String
    public var presence: Presence
    /// Capacity units spent on conversations held as primary agent.
    public var capacityUsed: Int
    public var capacity: Int
    /// Conversations held as primary agent, in id order.
    public var conversationIds: [ConversationId]
    /// When their last connection closed, while they have not come back.
    public var disconnectedAt: Instant?

    public init(
        agentId: UserId, name: String, presence: Presence, capacityUsed: Int, capacity: Int,
        conversationIds: [ConversationId], disconnectedAt: Instant? = nil
    ) {
        self.agentId = agentId
        self.name = name
        self.presence = presence
        self.capacityUsed = capacityUsed
        self.capacity = capacity
        self.conversationIds = conversationIds
        self.disconnectedAt = disconnectedAt
    }
}

/// Kinds of `notification` told to a conversation's participants.
public enum NotificationKind: Hashable, Sendable, CaseIterable {
    case supervisorJoined
}

/// A notice to the conversation's participants about `userId`.
public struct Notification: Hashable, Sendable {
    public var kind: NotificationKind
    public var userId: UserId

    public init(kind: NotificationKind, userId: UserId) {
        self.kind = kind
        self.userId = userId
    }
}

/// Who closed a conversation and why.
public struct ConversationClosed: Hashable, Sendable {
    /// The role that closed it: `agent` for a normal close, `supervisor` for a force close.
    public var by: Role
    public var userId: UserId
    public var reason: String

    public init(by: Role, userId: UserId, reason: String) {
        self.by = by
        self.userId = userId
        self.reason = reason
    }
}
