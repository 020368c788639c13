/// Everything the hub remembers: only facts that survive a restart. Built only by applying journaled
/// events, so it is equal after a replay.
///
/// Deliberately absent: sessions (who monitors on which connection, who subscribed to the report),
/// which the app keeps, and agents' presence (`Hub.presence(of:)`), which ends with a restart.
public struct HubState: Hashable, Sendable {
    public internal(set) var settings: AdminSettings
    public internal(set) var conversations: [ConversationId: Conversation]
    /// Agents' load, by agent id; every configured agent has an entry.
    public internal(set) var agents: [UserId: AgentState]
    /// Pending offers.
    public internal(set) var offers: [OfferId: Offer]
    /// Open conversations, which the router scans; kept apart so routing does not walk closed ones.
    var openConversationIds: Set<ConversationId>
    /// How many conversations were ever started; the next id is `c(count + 1)`.
    var conversationCount: Int
    /// How many offers were ever made; the next id is `o(count + 1)`.
    var offerCount: Int

    init(settings: AdminSettings, agentIds: [UserId]) {
        self.settings = settings
        conversations = [:]
        var agents: [UserId: AgentState] = [:]
        for agentId in agentIds { agents[agentId] = AgentState() }
        self.agents = agents
        offers = [:]
        openConversationIds = []
        conversationCount = 0
        offerCount = 0
    }
}

/// An agent's routing state (presence aside: see `Hub.presence(of:)`).
public struct AgentState: Hashable, Sendable {
    /// Conversations whose capacity this agent spends (primary agent, active to closed).
    public internal(set) var heldConversationIds: Set<ConversationId> = []
    /// Pending route offers reserving capacity so the router never over-offers.
    public internal(set) var reservingOfferIds: Set<OfferId> = []
    /// When the router last offered this agent work; `nil` counts as idle longest.
    public internal(set) var lastOfferedAt: Instant?
}
