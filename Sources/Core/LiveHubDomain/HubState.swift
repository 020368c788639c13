/// Everything the hub remembers: only facts that survive a restart. Built only by applying journaled
/// events, so it is equal after a replay.
///
/// Deliberately absent: sessions (who monitors on which connection, who subscribed to the report),
/// which the app keeps, and agents' presence (`Hub.presence(of:)`), which ends with a restart.
///
/// Besides the facts it holds indexes `apply` keeps in step with them (the queue lines, who has which
/// conversation not closed): each is a function of the conversations alone, so it is rebuilt exactly
/// by a replay and takes part in equality like any other field.
public struct HubState: Hashable, Sendable {
    public internal(set) var settings: AdminSettings
    public internal(set) var conversations: [ConversationId: Conversation]
    /// Agents' load, by agent id; every configured agent has an entry.
    public internal(set) var agents: [UserId: AgentState]
    /// Pending offers.
    public internal(set) var offers: [OfferId: Offer]
    /// Each queue's line of open conversations and its recent wait and handle times. A queue appears
    /// once a conversation entered it.
    var queues: [QueueId: QueueLine]
    /// Each customer's conversations that are not closed (at most one since the one-conversation rule;
    /// a set so a journal written before it still replays).
    var openConversationsByCustomer: [UserId: Set<ConversationId>]
    /// Each staff user's conversations that are not closed and in which they take part (agent, consult
    /// or supervisor): what they leave or hand back when their last connection closes.
    var staffConversations: [UserId: Set<ConversationId>]
    /// Conversations whose customer is away (disconnected, within the reconnection window).
    var awayConversationIds: Set<ConversationId>
    /// How many conversations were ever started; the next id is `c(count + 1)`.
    var conversationCount: Int
    /// How many offers were ever made; the next id is `o(count + 1)`.
    var offerCount: Int
    /// What supervisors and admins did (`AuditLog`), in order, with its query indexes.
    public internal(set) var audit: AuditLog

    init(settings: AdminSettings, agentIds: [UserId]) {
        self.settings = settings
        conversations = [:]
        var agents: [UserId: AgentState] = [:]
        for agentId in agentIds { agents[agentId] = AgentState() }
        self.agents = agents
        offers = [:]
        queues = [:]
        openConversationsByCustomer = [:]
        staffConversations = [:]
        awayConversationIds = []
        conversationCount = 0
        offerCount = 0
        audit = AuditLog()
    }
}

/// An agent's routing state (presence aside: see `Hub.presence(of:)`).
public struct AgentState: Hashable, Sendable {
    /// Conversations whose capacity this agent spends (primary agent, active to closed).
    public internal(set) var heldConversationIds: Set<ConversationId> = []
    /// Pending route offers reserving capacity so the router never over-offers.
    public internal(set) var reservingOfferIds: Set<OfferId> = []
    /// Every pending offer addressed to this agent (route, transfer, consult): withdrawn when they drop.
    public internal(set) var offerIds: Set<OfferId> = []
    /// When the router last offered this agent work; `nil` counts as idle longest.
    public internal(set) var lastOfferedAt: Instant?
}

/// A conversation's place in its queue's line: first come, first served by the start of its current
/// wait (creation or its latest return to the queue), then by id so equal times never tie.
struct WaitKey: Hashable, Comparable, Sendable {
    var since: Instant
    var conversationId: ConversationId

    static func < (left: WaitKey, right: WaitKey) -> Bool {
        (left.since, left.conversationId) < (right.since, right.conversationId)
    }
}

/// One queue's open conversations in line order, and its recent times for wait estimates.
struct QueueLine: Hashable, Sendable {
    /// Every open conversation of the queue, offered or not: a waiting customer's position is their
    /// rank here.
    var open = SortedList<WaitKey>()
    /// The open conversations with no pending route offer, by the capacity units they take: the
    /// router's work. Kept apart by units so an agent with little free capacity never walks past
    /// conversations too big for them.
    var unoffered: [Int: SortedList<WaitKey>] = [:]
    /// How long the latest conversations waited before an agent took them.
    var recentWaits = RecentDurations()
    /// How long agents handled the latest conversations closed in this queue.
    var recentHandles = RecentDurations()
}

/// The last few durations of one kind, for a running average.
struct RecentDurations: Hashable, Sendable {
    /// How many durations the average covers.
    static var capacity: Int { 20 }
    private(set) var milliseconds: [Int64] = []
    /// Where the next duration goes once the list is full (the oldest one).
    var next = 0

    mutating func add(_ duration: Int64) {
        if milliseconds.count < Self.capacity {
            milliseconds.append(duration)
        } else {
            milliseconds[next] = duration
            next = (next + 1) % Self.capacity
        }
    }

    /// The mean, or `nil` before the first duration.
    var average: Int64? {
        milliseconds.isEmpty ? nil : milliseconds.reduce(0, +) / Int64(milliseconds.count)
    }
}
