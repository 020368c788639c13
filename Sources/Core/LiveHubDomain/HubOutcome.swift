/// Everything a handled command produced: the events (in order), who receives each one, the answer
/// to the sender, how the app's sessions change, and the timers the shell must arm.
public struct HubOutcome: Hashable, Sendable {
    /// One delivery per new event, in the order the events were applied, journaled facts and transient
    /// deliveries alike. The events live only here: a second array of them cost each event one more
    /// copy (a retain of each of its strings) on the path of every message.
    public var deliveries: [Delivery]
    /// The answer to the command's sender.
    public var acknowledgement: Acknowledgement
    /// Timers to arm; when one fires the shell sends the matching system command.
    public var timers: [ScheduledTimer]
    /// Monitors and report subscriptions started or ended; the app applies them to its session
    /// registry after delivering `deliveries` (see `SessionChange`).
    public var sessionChanges: [SessionChange]

    public init(
        deliveries: [Delivery] = [], acknowledgement: Acknowledgement = .done, timers: [ScheduledTimer] = [],
        sessionChanges: [SessionChange] = []
    ) {
        self.deliveries = deliveries
        self.acknowledgement = acknowledgement
        self.timers = timers
        self.sessionChanges = sessionChanges
    }

    /// The new events in the order they were applied (a copy; the hot paths read `deliveries`).
    public var events: [DomainEvent] { deliveries.map(\.event) }

    /// The events to append to the journal: the facts, without transient deliveries. Replayed with
    /// `Hub.apply` into a fresh hub, the journal rebuilds `Hub.state` exactly.
    public var journal: [DomainEvent] { deliveries.lazy.map(\.event).filter(\.isJournaled) }
}

/// One event and exactly who receives it.
public struct Delivery: Hashable, Sendable {
    public var event: DomainEvent
    /// Sorted, without duplicates: users first (all their connections), then single connections, then
    /// the groups only the app can name (`monitors(of:excludingUser:)`, `reportSubscribers`).
    public var recipients: [Recipient]

    public init(event: DomainEvent, recipients: [Recipient]) {
        self.event = event
        self.recipients = recipients
    }

    /// Whether a connection of `supervisorId` monitoring the event's conversation receives the event.
    ///
    /// Only if the delivery names the conversation's monitors, the supervisor is not the one left out
    /// (the typist of a `typing`), and the supervisor is not a user recipient already: a supervisor
    /// who also takes part gets the event once on every connection, the monitoring one included.
    /// Every supervisor who takes part is staff, so a user recipient of every conversation event.
    public func reachesMonitor(heldBy supervisorId: UserId) -> Bool {
        var namesMonitors = false
        for recipient in recipients {
            switch recipient {
            case .user(let userId):
                if userId == supervisorId { return false }
            case .monitors(_, let excludedId):
                if excludedId == supervisorId { return false }
                namesMonitors = true
            case .connection, .reportSubscribers, .agentsViewers:
                break
            }
        }
        return namesMonitors
    }
}

/// A receiver of an event.
///
/// The domain names users and single connections itself. Monitors and report subscribers are
/// sessions it does not keep (see `SessionFacts`), so it names them as groups the app expands
/// through its session registry.
public enum Recipient: Hashable, Comparable, Sendable {
    /// Every connection of this user.
    case user(UserId)
    /// One connection: the requester's own (monitor notifications).
    case connection(ConnectionId)
    /// Every connection monitoring the conversation for which `Delivery.reachesMonitor(heldBy:)` holds.
    case monitors(of: ConversationId, excludingUser: UserId?)
    /// Every connection subscribed to the report.
    case reportSubscribers
    /// Every connection subscribed to the agents view.
    case agentsViewers

    public static func < (left: Recipient, right: Recipient) -> Bool {
        switch (left, right) {
        case (.user(let first), .user(let second)): first < second
        case (.connection(let first), .connection(let second)): first < second
        case (.monitors(let first, _), .monitors(let second, _)): first < second
        default: left.rank < right.rank
        }
    }

    /// Users, then connections, then the groups.
    private var rank: Int {
        switch self {
        case .user: 0
        case .connection: 1
        case .monitors: 2
        case .reportSubscribers: 3
        case .agentsViewers: 4
        }
    }
}

/// The answer to a command's sender.
public enum Acknowledgement: Hashable, Sendable {
    /// Nothing more to say.
    case done
    /// `conversation.start`: the new conversation's id.
    case conversationStarted(ConversationId)
    /// `message.send`: the message's sequence number (the original one for an idempotent resend).
    case messageAccepted(seq: Int)
    /// `conversation.transfer` to an agent, `consult.invite`: the offer made.
    case offerMade(OfferId)
    /// `conversation.assign`: by how many units the agent is now over capacity (0 when within).
    case assigned(capacityExceededBy: Int)
    /// `conversation.resume`, `conversation.monitor`: history events the requester may see, in seq order.
    case history([DomainEvent])
    /// `report.subscribe`: the report as of now.
    case report([ReportRow])
    /// `agents.subscribe`: the agents view as of now.
    case agents([AgentRow])
    /// `settings.get`: the supervisor settings as of now.
    case settings(AdminSettings)
    /// `conversations.mine`: the caller's conversations that are not closed, oldest first.
    case conversations([OwnConversation])
    /// `Command.archive` (to the shell only): the closed conversation to write to the archive; once it is
    /// durable there, the shell calls `Hub.forgetArchived` and journals that.
    case archive(Conversation)
}

/// A timer the shell arms; the domain never waits. When it fires the shell sends `command` from
/// `Actor.system`. Timers race with what users do, so each command checks the state again and a
/// timer that became pointless (the offer was answered, the customer came back) changes nothing.
/// The same timer may be asked for more than once; the shell may keep one of each.
public enum ScheduledTimer: Hashable, Sendable {
    /// At `at`, send `Command.offerTimedOut(offerId)`.
    case offerTimeout(OfferId, at: Instant)
    /// Every eligible agent declined: at `at` (the pause after the last decline) try them again.
    case routingRetry(ConversationId, at: Instant)
    /// The away customer's reconnection window ends at `at`.
    case reconnectWindow(ConversationId, at: Instant)
    /// The disconnected agent's grace period ends at `at`.
    case agentGrace(UserId, at: Instant)
    /// The queue's line changed: tell its waiting customers at `at` (a multiple of the update
    /// interval, so any number of changes in one interval ask for the same timer).
    case queueUpdate(QueueId, at: Instant)
    /// Tell one customer their place at `at` (right after they entered the line or came back).
    case positionNotice(ConversationId, at: Instant)
    /// A report row was held back by the once-a-second limit; send it at `at`.
    case reportRow(ConversationId, at: Instant)
    /// A closed conversation's time in memory is over at `at`: the shell archives it (see `Command.archive`).
    case archive(ConversationId, at: Instant)

    /// When it fires.
    public var deadline: Instant {
        switch self {
        case .offerTimeout(_, let at), .routingRetry(_, let at), .reconnectWindow(_, let at), .agentGrace(_, let at),
            .queueUpdate(_, let at), .positionNotice(_, let at), .reportRow(_, let at), .archive(_, let at):
            at
        }
    }

    /// What the shell sends when it fires.
    public var command: Command {
        switch self {
        case .offerTimeout(let offerId, _): .offerTimedOut(offerId)
        case .routingRetry(let conversationId, _): .retryRouting(conversationId)
        case .reconnectWindow(let conversationId, _): .reconnectWindowEnded(conversationId)
        case .agentGrace(let agentId, _): .agentGraceEnded(agentId)
        case .queueUpdate(let queueId, _): .publishQueue(queueId)
        case .positionNotice(let conversationId, _): .publishPosition(conversationId)
        case .reportRow(let conversationId, _): .publishReportRow(conversationId)
        case .archive(let conversationId, _): .archive(conversationId)
        }
    }
}
