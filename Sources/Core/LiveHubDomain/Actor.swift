/// What an authenticated caller is, as far as the hub's rules care.
public enum Role: Hashable, Sendable, CaseIterable {
    case customer
    case agent
    case supervisor
    case admin
    case bot
    /// The shell itself: timers and connection changes. Never reachable from the wire.
    case system
}

/// Who sends a command: a role, a user id and the connection it came from.
///
/// The connection matters because monitoring and report subscriptions are bound to one connection,
/// not to the user: the same supervisor's other sessions are unaffected. The app keeps those
/// sessions; the domain names the connection in `SessionChange`s and monitor notifications.
public struct Actor: Hashable, Sendable {
    public var role: Role
    public var userId: UserId
    public var connectionId: ConnectionId
    /// The display name the token gave, when it is not just the id: a customer's name is recorded
    /// with the conversations they start (staff names come from the configuration).
    public var name: String?

    public init(role: Role, userId: UserId, connectionId: ConnectionId, name: String? = nil) {
        self.role = role
        self.userId = userId
        self.connectionId = connectionId
        self.name = name
    }

    /// The shell acting on its own behalf (offer timers).
    public static let system = Actor(role: .system, userId: UserId("system"), connectionId: ConnectionId("system"))
}
