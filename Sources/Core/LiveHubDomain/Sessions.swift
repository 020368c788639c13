// Sessions: what a connection holds that ends with it. A supervisor's connection monitoring a
// conversation and a connection subscribed to the report are sessions. They are not facts the hub
// state keeps: a journal replayed after a restart must not bring them back, because the connection
// they belong to is gone. The hub app keeps them (its session registry); the domain only reads the
// few facts below about the requesting connection and says how a command changes the sessions.

/// What the app's session registry knows that `Hub.handle` needs for one command.
///
/// Two facts are about the requesting connection (checking `conversation.monitor`,
/// `conversation.unmonitor`, `conversation.resume` by a monitor, `report.subscribe`); one is about
/// everyone, so the hub builds report rows only when somebody reads them.
public struct SessionFacts: Hashable, Sendable {
    /// Conversations the requesting connection monitors.
    public var monitoredConversations: Set<ConversationId>
    /// Whether the requesting connection already receives `report.update`.
    public var isSubscribedToReport: Bool
    /// Whether any connection receives `report.update`.
    public var reportHasSubscribers: Bool
    /// Whether the requesting connection already receives `agents.update`.
    public var isSubscribedToAgents: Bool
    /// Whether any connection receives `agents.update`.
    public var agentsViewHasSubscribers: Bool

    /// A requester subscribed to the report (or the agents view) means it has a subscriber, whatever
    /// `reportHasSubscribers` (or `agentsViewHasSubscribers`) says.
    public init(
        monitoredConversations: Set<ConversationId> = [], isSubscribedToReport: Bool = false,
        reportHasSubscribers: Bool = false, isSubscribedToAgents: Bool = false, agentsViewHasSubscribers: Bool = false
    ) {
        self.monitoredConversations = monitoredConversations
        self.isSubscribedToReport = isSubscribedToReport
        self.reportHasSubscribers = reportHasSubscribers || isSubscribedToReport
        self.isSubscribedToAgents = isSubscribedToAgents
        self.agentsViewHasSubscribers = agentsViewHasSubscribers || isSubscribedToAgents
    }

    /// A requester holding no session, in a hub where nobody reads the report.
    public static let none = SessionFacts()
}

/// How a handled command changes the sessions the app keeps. The app applies them after it has
/// delivered the outcome's events, so the monitors of a conversation that closes still receive
/// `conversation.closed`.
public enum SessionChange: Hashable, Sendable {
    /// `connection` of `supervisor` now receives the conversation's events.
    case monitorStarted(connection: ConnectionId, supervisor: UserId, conversation: ConversationId)
    /// `connection` no longer monitors the conversation.
    case monitorStopped(connection: ConnectionId, conversation: ConversationId)
    /// `connection` of `user` now receives `report.update`.
    case reportSubscribed(connection: ConnectionId, user: UserId)
    /// `connection` of `user` now receives `agents.update`.
    case agentsSubscribed(connection: ConnectionId, user: UserId)
    /// The conversation closed: every connection monitoring it stops, and nobody is told.
    case monitorsEnded(conversation: ConversationId)
}
