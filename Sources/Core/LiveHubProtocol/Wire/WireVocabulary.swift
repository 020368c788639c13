import LiveHubDomain
import LiveHubSentiment

// The wire spellings of the domain's value vocabularies (and of the sentiment levels in its report rows), written here and nowhere else: the domain's
// enums carry no strings. `WireNamesTests` checks each against `Protocol/README.md` and the schemas.

/// A domain value with exactly one wire spelling.
public protocol WireSpelled: CaseIterable, Hashable, Sendable {
    /// The value as the wire spells it.
    var wireName: String { get }
}

extension WireSpelled {
    /// The value the wire spells `wireName`, or `nil` for any other text.
    ///
    /// A linear search: these vocabularies have at most ten values.
    public init?(wireName: String) {
        guard let value = Self.allCases.first(where: { $0.wireName == wireName }) else { return nil }
        self = value
    }
}

/// The protocol's own vocabularies (`RequestType`, `ServerMessageType`, `NotificationWireKind`,
/// `ErrorCode`) are string enums: their raw values are their spellings.
extension WireSpelled where Self: RawRepresentable, RawValue == String {
    public var wireName: String { rawValue }
}

extension RequestType: WireSpelled {}
extension ServerMessageType: WireSpelled {}
extension NotificationWireKind: WireSpelled {}
extension ErrorCode: WireSpelled {}

extension Presence: WireSpelled {
    public var wireName: String {
        switch self {
        case .available: "available"
        case .busy: "busy"
        case .dnd: "dnd"
        case .away: "away"
        case .offline: "offline"
        }
    }
}

extension Mode: WireSpelled {
    public var wireName: String {
        switch self {
        case .text: "text"
        case .voice: "voice"
        case .video: "video"
        }
    }
}

extension ConversationStatus: WireSpelled {
    public var wireName: String {
        switch self {
        case .open: "open"
        case .active: "active"
        case .waiting: "waiting"
        case .wrapUp: "wrap-up"
        case .closed: "closed"
        }
    }
}

extension ParticipantRole: WireSpelled {
    public var wireName: String {
        switch self {
        case .customer: "customer"
        case .agent: "agent"
        case .consult: "consult"
        case .supervisor: "supervisor"
        case .bot: "bot"
        case .system: "system"
        }
    }
}

extension Visibility: WireSpelled {
    public var wireName: String {
        switch self {
        case .public: "public"
        case .internal: "internal"
        }
    }
}

extension OfferKind: WireSpelled {
    public var wireName: String {
        switch self {
        case .route: "route"
        case .transfer: "transfer"
        case .consult: "consult"
        }
    }
}

extension UpdateReason: WireSpelled {
    public var wireName: String {
        switch self {
        case .accepted: "accepted"
        case .assigned: "assigned"
        case .parked: "parked"
        case .revived: "revived"
        case .ended: "ended"
        case .released: "released"
        case .requeued: "requeued"
        case .transferred: "transferred"
        case .escalated: "escalated"
        case .retried: "retried"
        case .customerDisconnected: "customer-disconnected"
        case .agentDisconnected: "agent-disconnected"
        }
    }
}

/// The report rows' `sentiment`: the customer's level over their last six public messages.
extension SentimentLevel: WireSpelled {
    public var wireName: String {
        switch self {
        case .veryNegative: "very-negative"
        case .negative: "negative"
        case .slightlyNegative: "slightly-negative"
        case .neutral: "neutral"
        case .slightlyPositive: "slightly-positive"
        case .positive: "positive"
        case .veryPositive: "very-positive"
        }
    }
}

extension AuditActionKind: WireSpelled {
    public var wireName: String {
        switch self {
        case .monitorStarted: "monitor-started"
        case .monitorStopped: "monitor-stopped"
        case .joined: "joined"
        case .left: "left"
        case .assigned: "assigned"
        case .transferred: "transferred"
        case .forceClosed: "force-closed"
        case .settingsChanged: "settings-changed"
        case .escalated: "escalated"
        }
    }
}

extension MonitorStopReason: WireSpelled {
    public var wireName: String {
        switch self {
        case .unmonitored: "unmonitored"
        case .disconnected: "disconnected"
        case .conversationClosed: "conversation-closed"
        case .restart: "restart"
        case .settingOff: "setting-off"
        }
    }
}

extension LeaveReason: WireSpelled {
    public var wireName: String {
        switch self {
        case .requested: "requested"
        case .disconnected: "disconnected"
        }
    }
}

/// Spelled as the members of `settings.update` and the `settings-updated` notification.
extension AdminSetting: WireSpelled {
    public var wireName: String {
        switch self {
        case .supervisorMonitor: "supervisorMonitor"
        case .supervisorAssign: "supervisorAssign"
        case .supervisorTransfer: "supervisorTransfer"
        case .supervisorForceClose: "supervisorForceClose"
        }
    }
}

/// Not `WireSpelled`: the wire never carries `system`, so reading a role refuses it.
extension Role {
    /// The roles a token, a `welcome` or a closing may carry: every role except `system`.
    public static let wireRoles: [Role] = [.customer, .agent, .supervisor, .admin, .bot]

    /// The role's spelling in tokens and frames (`system` is written only in logs).
    public var wireName: String {
        switch self {
        case .customer: "customer"
        case .agent: "agent"
        case .supervisor: "supervisor"
        case .admin: "admin"
        case .bot: "bot"
        case .system: "system"
        }
    }

    /// The role for a wire spelling, refusing `system`.
    public init?(wireName: String) {
        guard let role = Self.wireRoles.first(where: { $0.wireName == wireName }) else { return nil }
        self = role
    }
}
