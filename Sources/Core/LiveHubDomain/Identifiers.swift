// Typed identifiers: one small struct per kind, so a queue id can never be passed where a user id
// is expected. Each is a string on the wire.

/// Identifies a person or a bot: customer, agent, supervisor, admin or bot.
public struct UserId: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public static func < (left: UserId, right: UserId) -> Bool { left.rawValue < right.rawValue }
    public var description: String { rawValue }
}

/// Identifies one connection (one WebSocket session); a user may hold several at once.
public struct ConnectionId: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public static func < (left: ConnectionId, right: ConnectionId) -> Bool { left.rawValue < right.rawValue }
    public var description: String { rawValue }
}

/// Identifies a conversation. The hub mints them as `c1`, `c2`, … in start order.
public struct ConversationId: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public static func < (left: ConversationId, right: ConversationId) -> Bool { left.rawValue < right.rawValue }
    public var description: String { rawValue }
}

/// Identifies a queue from the configuration.
public struct QueueId: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public static func < (left: QueueId, right: QueueId) -> Bool { left.rawValue < right.rawValue }
    public var description: String { rawValue }
}

/// Identifies a workstream from the configuration.
public struct WorkstreamId: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public static func < (left: WorkstreamId, right: WorkstreamId) -> Bool { left.rawValue < right.rawValue }
    public var description: String { rawValue }
}

/// Identifies an offer (route, transfer or consult). The hub mints them as `o1`, `o2`, ….
public struct OfferId: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public static func < (left: OfferId, right: OfferId) -> Bool { left.rawValue < right.rawValue }
    public var description: String { rawValue }
}
