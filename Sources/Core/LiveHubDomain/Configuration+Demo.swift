extension Configuration {
    /// A ready-to-use setup so a fresh server is useful at once: two queues, four agents, one
    /// supervisor, one admin-enabled set of supervisor powers.
    public static let demo = Configuration(
        queues: [
            QueueConfiguration(id: "general", name: "General support", workstreamId: "chat"),
            QueueConfiguration(id: "billing", name: "Billing", workstreamId: "messaging"),
        ],
        workstreams: [
            WorkstreamConfiguration(
                id: "chat", name: "Live chat", channels: [.livechat], allowedPresences: [.available],
                capacityUnits: 1, offerTimeoutMilliseconds: 30_000),
            WorkstreamConfiguration(
                id: "messaging", name: "Messaging", channels: [.livechat, .sms, .whatsapp],
                allowedPresences: [.available, .busy], capacityUnits: 2, offerTimeoutMilliseconds: 60_000),
        ],
        agents: [
            AgentProfile(
                id: "alice", name: "Alice Archer", queues: ["general", "billing"], skills: ["english"], capacity: 4),
            AgentProfile(
                id: "bob", name: "Bob Baker", queues: ["general"], skills: ["english", "french"], capacity: 3),
            AgentProfile(id: "carol", name: "Carol Chen", queues: ["billing"], skills: ["english"], capacity: 4),
            AgentProfile(
                id: "dave", name: "Dave Diaz", queues: ["general", "billing"], skills: ["spanish"], capacity: 2),
        ],
        supervisors: [SupervisorProfile(id: "sam", name: "Sam Singh")],
        bots: [BotProfile(id: "helpbot", name: "Help Bot")],
        settings: AdminSettings(
            supervisorMonitor: true, supervisorAssign: true, supervisorTransfer: true, supervisorForceClose: true),
        limits: Limits()
    )
}
