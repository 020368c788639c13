/// Everything a handled command produced: the events (to journal, in order), who receives each one,
/// the answer to the sender, and the timers the shell must arm.
public struct HubOutcome: Hashable, Sendable {
    /// New events in the order they were applied.
    public var events: [DomainEvent]
    /// One delivery per event, same order as `events`.
    public var deliveries: [Delivery]
    /// The answer to the command's sender.
    public var acknowledgement: Acknowledgement
    /// Timers to arm; when one fires the shell sends the matching system command.
    public var timers: [ScheduledTimer]

    public init(
        events: [DomainEvent] = [], deliveries: [Delivery] = [], acknowledgement: Acknowledgement = .done,
        timers: [ScheduledTimer] = []
    ) {
        self.events = events
        self.deliveries = deliveries
        self.acknowledgement = acknowledgement
        self.timers = timers
    }
}

/// One event and exactly who receives it.
public struct Delivery: Hashable, Sendable {
    public var event: DomainEvent
    /// Sorted, without duplicates: users first (all their connections), then single connections.
    public var recipients: [Recipient]

    public init(event: DomainEvent, recipients: [Recipient]) {
        self.event = event
        self.recipients = recipients
    }
}

/// A receiver of an event: a user (every connection of theirs) or one connection (a monitor or
/// a report subscriber, which are bound to the connection that asked).
public enum Recipient: Hashable, Comparable, Sendable {
    case user(UserId)
    case connection(ConnectionId)

    public static func < (left: Recipient, right: Recipient) -> Bool {
        switch (left, right) {
        case (.user(let first), .user(let second)): first < second
        case (.connection(let first), .connection(let second)): first < second
        case (.user, .connection): true
        case (.connection, .user): false
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
}

/// A timer the shell arms; the domain never waits.
public enum ScheduledTimer: Hashable, Sendable {
    /// At `at`, send `Command.offerTimedOut(offerId)` from `Actor.system`.
    case offerTimeout(OfferId, at: Instant)
}
