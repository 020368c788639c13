/// Who an event is shaped for. Customers and bots are the `customer` audience; agents, consults,
/// supervisors and admins are `staff`.
///
/// Together with `EventPayload.variant(for:)` this is the one place that decides what each audience
/// may see; `Hub.recipients(for:)` then names the users (a customer's own conversation, the offered
/// agent) and the app sends each connection its audience's variant.
public enum Audience: Hashable, Sendable, CaseIterable {
    case staff
    case customer

    /// The audience of a connection authenticated with `role`.
    public init(role: Role) {
        switch role {
        case .customer, .bot: self = .customer
        case .agent, .supervisor, .admin, .system: self = .staff
        }
    }

    /// The audience of a participant taking part as `role`.
    init(_ role: ParticipantRole) {
        switch role {
        case .customer, .bot: self = .customer
        case .agent, .consult, .supervisor, .system: self = .staff
        }
    }
}

/// What one audience receives of one event: nothing, or the event with or without the fields only
/// staff read. The protocol's encoder writes exactly the fields a variant includes.
public struct EventVariant: Hashable, Sendable {
    /// Whether the audience receives the event at all.
    public var isReceived: Bool
    /// Whether it reads routing internals: `queueId` of a started or updated conversation.
    public var includesQueue: Bool
    /// Whether it reads who closed the conversation (which supervisor force-closed).
    public var includesClosingUser: Bool

    public init(isReceived: Bool, includesQueue: Bool, includesClosingUser: Bool) {
        self.isReceived = isReceived
        self.includesQueue = includesQueue
        self.includesClosingUser = includesClosingUser
    }

    /// Not sent to this audience.
    public static let withheld = EventVariant(isReceived: false, includesQueue: false, includesClosingUser: false)
    /// Every field.
    public static let complete = EventVariant(isReceived: true, includesQueue: true, includesClosingUser: true)
    /// Without the queue and the closing user.
    public static let trimmed = EventVariant(isReceived: true, includesQueue: false, includesClosingUser: false)
}

extension EventPayload {
    /// What `audience` may receive of this event. Staff receive everything but audit entries, which
    /// no connection receives (admins read them through the audit query); customers receive only
    /// what concerns them as the conversation's customer, never internal messages, offers, reports,
    /// presence, monitoring or settings, and no routing internals or supervisor identities.
    public func variant(for audience: Audience) -> EventVariant {
        if case .audit = self { return .withheld }
        guard audience == .customer else { return .complete }
        switch self {
        case .conversationStarted, .conversationUpdated, .conversationClosed:
            return .trimmed
        case .message(let message):
            return message.visibility == .public ? .complete : .withheld
        case .participantJoined, .participantLeft, .participantAway, .participantBack, .notification, .typing,
            .queuePosition:
            return .complete
        case .offer, .offerEnded, .reportUpdate, .presenceChanged, .monitorStarted, .monitorStopped,
            .settingsUpdated, .agentUpdate, .agentDisconnected, .agentReconnected, .audit:
            return .withheld
        }
    }
}

extension ParticipantRole {
    /// Agents, consults and supervisors: the staff audience, who see internal messages and may write them.
    var isStaff: Bool { self == .agent || self == .consult || self == .supervisor }
}
