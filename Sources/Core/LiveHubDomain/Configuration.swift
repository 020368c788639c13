/// Everything the hub is told at start-up: queues, workstreams, people, admin settings and limits.
///
/// Plain structs with no Codable conformance: the protocol layer decodes JSON into them, so this
/// module stays free of Foundation.
public struct Configuration: Hashable, Sendable {
    public var queues: [QueueConfiguration]
    public var workstreams: [WorkstreamConfiguration]
    public var agents: [AgentProfile]
    public var supervisors: [SupervisorProfile]
    public var bots: [BotProfile]
    public var settings: AdminSettings
    public var limits: Limits
    public var timing: Timing

    public init(
        queues: [QueueConfiguration],
        workstreams: [WorkstreamConfiguration],
        agents: [AgentProfile],
        supervisors: [SupervisorProfile],
        bots: [BotProfile] = [],
        settings: AdminSettings = AdminSettings(),
        limits: Limits = Limits(),
        timing: Timing = Timing()
    ) {
        self.queues = queues
        self.workstreams = workstreams
        self.agents = agents
        self.supervisors = supervisors
        self.bots = bots
        self.settings = settings
        self.limits = limits
        self.timing = timing
    }
}

/// A queue conversations wait in; its workstream decides channels, presences, capacity and timeout.
public struct QueueConfiguration: Hashable, Sendable {
    public var id: QueueId
    public var name: String
    public var workstreamId: WorkstreamId

    public init(id: QueueId, name: String, workstreamId: WorkstreamId) {
        self.id = id
        self.name = name
        self.workstreamId = workstreamId
    }
}

/// How conversations of one kind are routed.
public struct WorkstreamConfiguration: Hashable, Sendable {
    public var id: WorkstreamId
    public var name: String
    /// Channels a conversation may start on to enter a queue of this workstream.
    public var channels: [Channel]
    /// Presences in which an agent may be offered (or, without override, assigned) work.
    public var allowedPresences: [Presence]
    /// Capacity units one conversation takes from its primary agent.
    public var capacityUnits: Int
    /// How long an offer stays open before the next agent is tried.
    public var offerTimeoutMilliseconds: Int64

    public init(
        id: WorkstreamId, name: String, channels: [Channel], allowedPresences: [Presence] = [.available],
        capacityUnits: Int = 1, offerTimeoutMilliseconds: Int64 = 30_000
    ) {
        self.id = id
        self.name = name
        self.channels = channels
        self.allowedPresences = allowedPresences
        self.capacityUnits = capacityUnits
        self.offerTimeoutMilliseconds = offerTimeoutMilliseconds
    }
}

/// An agent: the queues they serve, their skills and their capacity in units.
public struct AgentProfile: Hashable, Sendable {
    public var id: UserId
    public var name: String
    public var queues: [QueueId]
    /// Recorded for the report and for later skill-based routing; the router does not use them yet.
    public var skills: [String]
    public var capacity: Int

    public init(id: UserId, name: String, queues: [QueueId], skills: [String] = [], capacity: Int) {
        self.id = id
        self.name = name
        self.queues = queues
        self.skills = skills
        self.capacity = capacity
    }
}

/// A supervisor. The same user id may also appear as an agent.
public struct SupervisorProfile: Hashable, Sendable {
    public var id: UserId
    public var name: String

    public init(id: UserId, name: String) {
        self.id = id
        self.name = name
    }
}

/// A bot user. Listed so that rules can refuse bots where only a human agent may serve.
public struct BotProfile: Hashable, Sendable {
    public var id: UserId
    public var name: String

    public init(id: UserId, name: String) {
        self.id = id
        self.name = name
    }
}

/// Admin switches for supervisor powers; all off unless configured, since each one lets a
/// supervisor act on a conversation they do not own.
public struct AdminSettings: Hashable, Sendable {
    public var supervisorMonitor: Bool
    public var supervisorAssign: Bool
    public var supervisorTransfer: Bool
    public var supervisorForceClose: Bool

    public init(
        supervisorMonitor: Bool = false, supervisorAssign: Bool = false, supervisorTransfer: Bool = false,
        supervisorForceClose: Bool = false
    ) {
        self.supervisorMonitor = supervisorMonitor
        self.supervisorAssign = supervisorAssign
        self.supervisorTransfer = supervisorTransfer
        self.supervisorForceClose = supervisorForceClose
    }
}

/// Size limits the domain enforces itself (rates and frame sizes belong to the shell).
public struct Limits: Hashable, Sendable {
    /// Longest message text, in characters (grapheme clusters), before `too_large`.
    public var maximumMessageCharacters: Int
    /// Longest conversation subject, in characters, before `too_large`.
    public var maximumSubjectCharacters: Int
    /// How far back the report looks, in milliseconds.
    public var reportWindowMilliseconds: Int64
    /// Most messages one conversation holds; the next `message.send` is `too_large`. An open
    /// conversation keeps its whole history in memory, and every message in it is within the rate
    /// limit: without a bound, one client writing for hours would grow the hub without end.
    public var maximumConversationMessages: Int
    /// Most bytes of message text (UTF-8) one conversation holds, for the same reason: 5,000
    /// messages of 4,000 characters would be 20 MB or more.
    public var maximumConversationTextBytes: Int

    public init(
        maximumMessageCharacters: Int = 4_000, maximumSubjectCharacters: Int = 200,
        reportWindowMilliseconds: Int64 = 24 * 60 * 60 * 1_000, maximumConversationMessages: Int = 5_000,
        maximumConversationTextBytes: Int = 2 << 20
    ) {
        self.maximumMessageCharacters = maximumMessageCharacters
        self.maximumSubjectCharacters = maximumSubjectCharacters
        self.reportWindowMilliseconds = reportWindowMilliseconds
        self.maximumConversationMessages = maximumConversationMessages
        self.maximumConversationTextBytes = maximumConversationTextBytes
    }
}

/// The hub's windows and pauses, in milliseconds.
public struct Timing: Hashable, Sendable {
    /// When every eligible agent declined a conversation, the router tries them all again this long
    /// after the last decline.
    public var offerRetryPauseMilliseconds: Int64
    /// How long a disconnected customer may take to come back before their conversation closes (open)
    /// or goes to wrap-up (active, waiting).
    public var customerReconnectMilliseconds: Int64
    /// How long a disconnected agent may take to come back before their conversations return to
    /// their queues.
    public var agentGraceMilliseconds: Int64
    /// Waiting customers are told a changed place in line at most this often.
    public var queueUpdateMilliseconds: Int64
    /// At most one `typing` per participant and conversation is forwarded in this interval.
    public var typingIntervalMilliseconds: Int64
    /// At most one `report.update` per row for joins, leaves and activity in this interval (status,
    /// agent and queue changes go out at once).
    public var reportRowIntervalMilliseconds: Int64
    /// How long a closed conversation stays in memory (resumable, in the hub's answers) before it goes to
    /// the archive on disk and leaves memory (`Command.archive`).
    public var closedInMemoryMilliseconds: Int64
    /// How long the audit keeps an entry. The audit is part of the state (in memory, in every
    /// snapshot), so without a limit a hub's supervisors would grow it for as long as it runs.
    public var auditRetentionMilliseconds: Int64

    public init(
        offerRetryPauseMilliseconds: Int64 = 60_000, customerReconnectMilliseconds: Int64 = 180_000,
        agentGraceMilliseconds: Int64 = 150_000, queueUpdateMilliseconds: Int64 = 5_000,
        typingIntervalMilliseconds: Int64 = 2_000, reportRowIntervalMilliseconds: Int64 = 1_000,
        closedInMemoryMilliseconds: Int64 = 600_000, auditRetentionMilliseconds: Int64 = 365 * 86_400_000
    ) {
        self.offerRetryPauseMilliseconds = offerRetryPauseMilliseconds
        self.customerReconnectMilliseconds = customerReconnectMilliseconds
        self.agentGraceMilliseconds = agentGraceMilliseconds
        self.queueUpdateMilliseconds = queueUpdateMilliseconds
        self.typingIntervalMilliseconds = typingIntervalMilliseconds
        self.reportRowIntervalMilliseconds = reportRowIntervalMilliseconds
        self.closedInMemoryMilliseconds = closedInMemoryMilliseconds
        self.auditRetentionMilliseconds = auditRetentionMilliseconds
    }
}
