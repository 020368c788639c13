/// The configuration indexed by id, built once so rule checks are dictionary look-ups.
struct Directory: Sendable {
    let queues: [QueueId: QueueConfiguration]
    let workstreams: [WorkstreamId: WorkstreamConfiguration]
    let agents: [UserId: AgentProfile]
    let supervisorIds: Set<UserId>
    let botIds: Set<UserId>

    /// Duplicate ids keep the first entry, so a sloppy configuration cannot crash the hub.
    init(_ configuration: Configuration) {
        queues = Dictionary(configuration.queues.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        workstreams = Dictionary(
            configuration.workstreams.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        agents = Dictionary(configuration.agents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        supervisorIds = Set(configuration.supervisors.map(\.id))
        botIds = Set(configuration.bots.map(\.id))
    }

    /// The workstream governing `queueId`, if both are configured.
    func workstream(of queueId: QueueId) -> WorkstreamConfiguration? {
        guard let queue = queues[queueId] else { return nil }
        return workstreams[queue.workstreamId]
    }
}
