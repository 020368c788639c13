/// The configuration indexed by id, built once so rule checks are dictionary look-ups.
struct Directory: Sendable {
    let queues: [QueueId: QueueConfiguration]
    let workstreams: [WorkstreamId: WorkstreamConfiguration]
    let agents: [UserId: AgentProfile]
    let supervisorIds: Set<UserId>
    let botIds: Set<UserId>
    /// Configured display names: agents', then supervisors' and bots' for ids not named before.
    let names: [UserId: String]

    /// Duplicate ids keep the first entry, so a sloppy configuration cannot crash the hub.
    init(_ configuration: Configuration) {
        queues = Dictionary(configuration.queues.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        workstreams = Dictionary(
            configuration.workstreams.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        agents = Dictionary(configuration.agents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        supervisorIds = Set(configuration.supervisors.map(\.id))
        botIds = Set(configuration.bots.map(\.id))
        names = configuration.configuredNames
    }

    /// The workstream governing `queueId`, if both are configured.
    func workstream(of queueId: QueueId) -> WorkstreamConfiguration? {
        guard let queue = queues[queueId] else { return nil }
        return workstreams[queue.workstreamId]
    }
}

extension Configuration {
    /// Configured display names: agents', then supervisors' and bots' for ids not named before.
    public var configuredNames: [UserId: String] {
        var names: [UserId: String] = [:]
        for (id, name) in agents.map({ ($0.id, $0.name) }) + supervisors.map({ ($0.id, $0.name) })
            + bots.map({ ($0.id, $0.name) }) where names[id] == nil
        {
            names[id] = name
        }
        return names
    }
}
