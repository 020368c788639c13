import LiveHubDomain

/// A configuration file that cannot be used, with the JSON path of the first problem
/// (e.g. `agents[2].capacity: must be a positive integer`).
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let problem: String
    public var description: String { "\(path): \(problem)" }
}

/// Reads the hub configuration file (`livehub serve --config PATH`) into the domain's `Configuration`.
///
/// Shape (every list may be empty except queues, workstreams and agents):
/// ```json
/// {"queues": [{"id": "general", "name": "General", "workstream": "chat"}],
///  "workstreams": [{"id": "chat", "name": "Live chat", "channels": ["livechat"],
///                   "allowedPresences": ["available"], "capacityUnits": 1, "offerTimeoutSeconds": 30}],
///  "agents": [{"id": "alice", "name": "Alice", "queues": ["general"], "skills": ["english"], "capacity": 4}],
///  "supervisors": [{"id": "sam", "name": "Sam"}], "bots": [{"id": "helpbot", "name": "Help Bot"}],
///  "settings": {"supervisorMonitor": true, "supervisorAssign": true,
///               "supervisorTransfer": true, "supervisorForceClose": true},
///  "limits": {"maximumMessageCharacters": 4000, "maximumSubjectCharacters": 200, "reportWindowHours": 24,
///             "maximumConversationMessages": 5000, "maximumConversationTextKiB": 2048},
///  "timing": {"offerRetryPauseSeconds": 60, "customerReconnectSeconds": 180, "agentGraceSeconds": 150,
///             "queueUpdateSeconds": 5, "typingIntervalSeconds": 2, "reportRowIntervalSeconds": 1,
///             "closedInMemorySeconds": 600},
///  "storage": {"retentionDays": 90, "auditRetentionDays": 365}}
/// ```
/// Unknown keys are refused (a misspelt setting must not be silently ignored), and references are
/// checked: a queue's workstream and an agent's queues must exist, ids must be unique within each list,
/// and a bot's id is nobody else's. One id may be both an agent and a supervisor (a supervisor who also
/// takes chats).
public enum ConfigurationFile {
    /// The hub's part of a configuration file (see `decodeFile` for everything in it).
    public static func decode(_ bytes: [UInt8]) throws(ConfigurationError) -> Configuration {
        try decodeFile(bytes).hub
    }

    /// Everything a configuration file says: the hub's domain configuration and the settings of
    /// `POST /v1/customer-sessions` (`"customerSessions"`; nil when the file has none).
    public static func decodeFile(_ bytes: [UInt8]) throws(ConfigurationError) -> Contents {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ConfigurationError(path: "$", problem: "not JSON: \(error)")
        }
        let top = try Reader(root, path: "$")
        try top.allowOnly([
            "queues", "workstreams", "agents", "supervisors", "bots", "settings", "limits", "timing", "customerSessions",
            "storage",
        ])

        let workstreams = try top.list("workstreams", required: true).map { item throws(ConfigurationError) in
            try item.allowOnly(["id", "name", "channels", "allowedPresences", "capacityUnits", "offerTimeoutSeconds"])
            let presences = try item.strings("allowedPresences", default: ["available"]).enumerated().map {
                (index, text) throws(ConfigurationError) -> Presence in
                guard let presence = Presence(wireName: text) else {
                    throw ConfigurationError(
                        path: "\(item.path).allowedPresences[\(index)]", problem: "unknown presence '\(text)'")
                }
                return presence
            }
            return WorkstreamConfiguration(
                id: WorkstreamId(try item.identifier("id")), name: try item.string("name"),
                channels: try item.strings("channels").map { Channel($0) }, allowedPresences: presences,
                capacityUnits: try item.positiveInteger("capacityUnits", default: 1),
                offerTimeoutMilliseconds: Int64(try item.positiveInteger("offerTimeoutSeconds", default: 30)) * 1000)
        }
        let queues = try top.list("queues", required: true).map { item throws(ConfigurationError) in
            try item.allowOnly(["id", "name", "workstream"])
            return QueueConfiguration(
                id: QueueId(try item.identifier("id")), name: try item.string("name"),
                workstreamId: WorkstreamId(try item.identifier("workstream")))
        }
        let agents = try top.list("agents", required: true).map { item throws(ConfigurationError) in
            try item.allowOnly(["id", "name", "queues", "skills", "capacity"])
            return AgentProfile(
                id: UserId(try item.identifier("id")), name: try item.string("name"),
                queues: try item.strings("queues").map { QueueId($0) }, skills: try item.strings("skills", default: []),
                capacity: try item.positiveInteger("capacity"))
        }
        let supervisors = try top.list("supervisors", required: false).map { item throws(ConfigurationError) in
            try item.allowOnly(["id", "name"])
            return SupervisorProfile(id: UserId(try item.identifier("id")), name: try item.string("name"))
        }
        let bots = try top.list("bots", required: false).map { item throws(ConfigurationError) in
            try item.allowOnly(["id", "name"])
            return BotProfile(id: UserId(try item.identifier("id")), name: try item.string("name"))
        }
        var settings = AdminSettings()
        if let object = try top.optionalObject("settings") {
            try object.allowOnly([
                "supervisorMonitor", "supervisorAssign", "supervisorTransfer", "supervisorForceClose",
            ])
            settings = AdminSettings(
                supervisorMonitor: try object.bool("supervisorMonitor"),
                supervisorAssign: try object.bool("supervisorAssign"),
                supervisorTransfer: try object.bool("supervisorTransfer"),
                supervisorForceClose: try object.bool("supervisorForceClose"))
        }
        var limits = Limits()
        if let object = try top.optionalObject("limits") {
            try object.allowOnly([
                "maximumMessageCharacters", "maximumSubjectCharacters", "reportWindowHours",
                "maximumConversationMessages", "maximumConversationTextKiB",
            ])
            let defaults = Limits()
            limits = Limits(
                maximumMessageCharacters: try object.positiveInteger("maximumMessageCharacters", default: 4_000),
                maximumSubjectCharacters: try object.positiveInteger("maximumSubjectCharacters", default: 200),
                reportWindowMilliseconds: Int64(try object.positiveInteger("reportWindowHours", default: 24))
                    * 3_600_000,
                maximumConversationMessages: try object.positiveInteger(
                    "maximumConversationMessages", default: defaults.maximumConversationMessages),
                maximumConversationTextBytes: try object.positiveInteger(
                    "maximumConversationTextKiB", default: defaults.maximumConversationTextBytes >> 10) << 10)
        }
        var timing = Timing()
        if let object = try top.optionalObject("timing") {
            let keys: [(String, WritableKeyPath<Timing, Int64>)] = [
                ("offerRetryPauseSeconds", \.offerRetryPauseMilliseconds),
                ("customerReconnectSeconds", \.customerReconnectMilliseconds),
                ("agentGraceSeconds", \.agentGraceMilliseconds), ("queueUpdateSeconds", \.queueUpdateMilliseconds),
                ("typingIntervalSeconds", \.typingIntervalMilliseconds),
                ("reportRowIntervalSeconds", \.reportRowIntervalMilliseconds),
                ("closedInMemorySeconds", \.closedInMemoryMilliseconds),
            ]
            try object.allowOnly(Set(keys.map(\.0)))
            for (key, field) in keys {
                timing[keyPath: field] =
                    Int64(try object.positiveInteger(key, default: Int(timing[keyPath: field] / 1000))) * 1000
            }
        }
        try checkReferences(
            queues: queues, workstreams: workstreams, agents: agents, supervisors: supervisors, bots: bots)
        var customerSessions: CustomerSessionsSettings?
        if let object = try top.optionalObject("customerSessions") {
            try object.allowOnly(["anonymous", "allowedOrigins", "tokenSeconds", "perMinute", "burst"])
            var sessions = CustomerSessionsSettings()
            if object.has("anonymous") { sessions.anonymous = try object.bool("anonymous") }
            if object.has("allowedOrigins") { sessions.allowedOrigins = try object.strings("allowedOrigins") }
            sessions.tokenSeconds = Int64(try object.positiveInteger("tokenSeconds", default: Int(sessions.tokenSeconds)))
            sessions.perMinute = Double(try object.positiveInteger("perMinute", default: Int(sessions.perMinute)))
            sessions.burst = Double(try object.positiveInteger("burst", default: Int(sessions.burst)))
            customerSessions = sessions
        }
        var storage: StorageSettings?
        if let object = try top.optionalObject("storage") {
            try object.allowOnly(["retentionDays", "auditRetentionDays"])
            storage = StorageSettings(retentionDays: try object.positiveInteger("retentionDays", default: 90))
            // The audit is the hub's state, so its retention is the domain's timing.
            let auditDays = try object.positiveInteger(
                "auditRetentionDays", default: Int(timing.auditRetentionMilliseconds / 86_400_000))
            timing.auditRetentionMilliseconds = Int64(auditDays) * 86_400_000
        }
        return Contents(
            hub: Configuration(
                queues: queues, workstreams: workstreams, agents: agents, supervisors: supervisors, bots: bots,
                settings: settings, limits: limits, timing: timing),
            customerSessions: customerSessions, storage: storage)
    }

    /// What one configuration file holds.
    public struct Contents: Sendable {
        public var hub: Configuration
        public var customerSessions: CustomerSessionsSettings?
        /// `"storage"`: how long closed conversations stay on disk (nil when the file has none).
        public var storage: StorageSettings?
    }

    private static func checkReferences(
        queues: [QueueConfiguration], workstreams: [WorkstreamConfiguration], agents: [AgentProfile],
        supervisors: [SupervisorProfile], bots: [BotProfile]
    ) throws(ConfigurationError) {
        let workstreamIds = Set(workstreams.map(\.id))
        let queueIds = Set(queues.map(\.id))
        guard workstreamIds.count == workstreams.count else {
            throw ConfigurationError(path: "$.workstreams", problem: "ids must be unique")
        }
        guard queueIds.count == queues.count else {
            throw ConfigurationError(path: "$.queues", problem: "ids must be unique")
        }
        for (list, ids) in [
            ("agents", agents.map(\.id)), ("supervisors", supervisors.map(\.id)), ("bots", bots.map(\.id)),
        ]
        where Set(ids).count != ids.count {
            throw ConfigurationError(path: "$.\(list)", problem: "ids must be unique")
        }
        // One person may be both an agent and a supervisor; a bot is nobody else.
        let people = Set(agents.map(\.id)).union(supervisors.map(\.id))
        if let index = bots.firstIndex(where: { people.contains($0.id) }) {
            throw ConfigurationError(
                path: "$.bots[\(index)].id", problem: "a bot's id cannot be an agent's or a supervisor's")
        }
        for (index, queue) in queues.enumerated() where !workstreamIds.contains(queue.workstreamId) {
            throw ConfigurationError(
                path: "$.queues[\(index)].workstream", problem: "no workstream '\(queue.workstreamId.rawValue)'")
        }
        for (index, agent) in agents.enumerated() {
            for queue in agent.queues where !queueIds.contains(queue) {
                throw ConfigurationError(path: "$.agents[\(index)].queues", problem: "no queue '\(queue.rawValue)'")
            }
        }
    }
}

/// `"storage"` in a configuration file: the data directory's retention.
public struct StorageSettings: Hashable, Sendable {
    /// Closed conversations are removed from disk (their archive) this many days after they closed.
    public var retentionDays: Int

    public init(retentionDays: Int = 90) { self.retentionDays = retentionDays }
}

/// `"customerSessions"` in a configuration file: whether anonymous chat widgets may get customer
/// tokens, from which browser origins, for how long, and how many per source address.
public struct CustomerSessionsSettings: Hashable, Sendable {
    /// `POST /v1/customer-sessions` mints tokens (otherwise it answers 403).
    public var anonymous = true
    /// Origins whose pages may call it (CORS); nil: any. Added to `--allow-origin`.
    public var allowedOrigins: [String]?
    public var tokenSeconds: Int64 = 3600
    /// Sessions per minute per source address, sustained, and at once.
    public var perMinute = 10.0
    public var burst = 20.0

    public init() {}
}
