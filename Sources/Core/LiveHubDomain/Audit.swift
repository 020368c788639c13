// The audit: what supervisors and admins did, with who, when, what, which conversation and why.
// Entries are journaled facts (`EventPayload.audit`) that no connection receives: they are read through
// the admin's audit query (`AuditLog.page`), never on the wire as events.

/// One supervisor or admin action, as the audit keeps it.
public struct AuditEntry: Hashable, Sendable {
    /// Its place in the audit: 1, 2, 3 … in the order the actions happened; never reused.
    public var id: Int
    /// When it happened. Never earlier than the entry before it (see `Hub.auditInstant`).
    public var at: Instant
    /// Who acted.
    public var userId: UserId
    /// The role they acted in (supervisor or admin).
    public var role: Role
    /// Their display name: the configured one for staff, the token's for an admin.
    public var name: String
    /// The conversation concerned; nil for settings changes.
    public var conversationId: ConversationId?
    /// What they did, with its details.
    public var action: AuditAction

    public init(
        id: Int, at: Instant, userId: UserId, role: Role, name: String, conversationId: ConversationId?,
        action: AuditAction
    ) {
        self.id = id
        self.at = at
        self.userId = userId
        self.role = role
        self.name = name
        self.conversationId = conversationId
        self.action = action
    }
}

/// What a supervisor or admin did, with the details that say how and why.
public enum AuditAction: Hashable, Sendable {
    /// Started monitoring silently on one connection (`sessionId`).
    case monitorStarted(sessionId: ConnectionId)
    /// That connection stopped monitoring, and why.
    case monitorStopped(sessionId: ConnectionId, reason: MonitorStopReason)
    /// Joined the conversation visibly.
    case joined
    /// Left the conversation they had joined.
    case left(reason: LeaveReason)
    /// Placed an open conversation: `override` says whether the presence and capacity checks were
    /// overridden, `capacityExceededBy` by how many units the agent is now over capacity (0 within it).
    case assigned(target: AssignTarget, override: Bool, capacityExceededBy: Int)
    /// Transferred it: to an agent by `offerId`, or to a queue.
    case transferred(target: TransferTarget, offerId: OfferId?)
    /// Closed it whatever its status, with the reason they gave.
    case forceClosed(reason: String)
    /// Changed supervisor settings: the settings the request named, old and new value each, in
    /// `AdminSetting` order.
    case settingsChanged([SettingChange])
    /// Recorded a move to voice or video (a supervisor serving as the conversation's agent).
    case escalated(mode: Mode)

    /// The action without its details.
    public var kind: AuditActionKind {
        switch self {
        case .monitorStarted: .monitorStarted
        case .monitorStopped: .monitorStopped
        case .joined: .joined
        case .left: .left
        case .assigned: .assigned
        case .transferred: .transferred
        case .forceClosed: .forceClosed
        case .settingsChanged: .settingsChanged
        case .escalated: .escalated
        }
    }
}

/// The kinds of audited action, one per `AuditAction` case.
public enum AuditActionKind: Hashable, Sendable, CaseIterable {
    case monitorStarted
    case monitorStopped
    case joined
    case left
    case assigned
    case transferred
    case forceClosed
    case settingsChanged
    case escalated
}

/// Why a monitor ended.
public enum MonitorStopReason: Hashable, Sendable, CaseIterable {
    /// The supervisor sent `conversation.unmonitor`.
    case unmonitored
    /// The monitoring connection closed.
    case disconnected
    /// The conversation closed.
    case conversationClosed
    /// The hub restarted: every connection, and so every monitor, ended with the previous process.
    case restart
    /// An admin switched the `supervisorMonitor` setting off: every monitor ended with it.
    case settingOff
}

/// Why a supervisor left a conversation they had joined.
public enum LeaveReason: Hashable, Sendable, CaseIterable {
    /// They sent `conversation.leave`.
    case requested
    /// Their last connection closed (or the hub restarted).
    case disconnected
}

/// The supervisor settings an admin switches, one per `AdminSettings` field.
public enum AdminSetting: Hashable, Sendable, CaseIterable {
    case supervisorMonitor
    case supervisorAssign
    case supervisorTransfer
    case supervisorForceClose
}

/// One setting a change named: its value before and after.
public struct SettingChange: Hashable, Sendable {
    public var setting: AdminSetting
    public var from: Bool
    public var to: Bool

    public init(setting: AdminSetting, from: Bool, to: Bool) {
        self.setting = setting
        self.from = from
        self.to = to
    }
}

extension AdminSettings {
    /// The value of one setting.
    public subscript(setting: AdminSetting) -> Bool {
        switch setting {
        case .supervisorMonitor: supervisorMonitor
        case .supervisorAssign: supervisorAssign
        case .supervisorTransfer: supervisorTransfer
        case .supervisorForceClose: supervisorForceClose
        }
    }
}

extension SettingsChange {
    /// The value this change sets `setting` to; nil when it leaves it alone.
    public subscript(setting: AdminSetting) -> Bool? {
        switch setting {
        case .supervisorMonitor: supervisorMonitor
        case .supervisorAssign: supervisorAssign
        case .supervisorTransfer: supervisorTransfer
        case .supervisorForceClose: supervisorForceClose
        }
    }
}
