/// Collects what one `handle` call produces while events are applied one by one, and carries the
/// session facts the call was given.
struct OutcomeRecorder {
    /// What the app's session registry says about the requester (read-only during the call).
    let sessions: SessionFacts
    var deliveries: [Delivery] = []
    var timers: [ScheduledTimer] = []
    var sessionChanges: [SessionChange] = []
    var acknowledgement: Acknowledgement = .done
    /// Conversations that may have become routable (started, back in a queue, an offer ended, tried
    /// again): the router looks at these, not at every open conversation.
    var routingConversations: Set<ConversationId> = []
    /// Agents who may have become eligible for waiting work (capacity freed, presence changed).
    var routingAgents: Set<UserId> = []
    /// Conversations whose report row changed in a way the once-a-second limit applies to (a join, a
    /// leave, activity); one row for each is sent or scheduled at the end of the command.
    var activityRows: [ConversationId] = []
    /// Conversations whose report row went out during this command already.
    var sentRows: Set<ConversationId> = []
    /// Agents whose row in the agents view changed; one update each at the end of the command.
    var agentRows: [UserId] = []

    var needsRouting: Bool { !routingConversations.isEmpty || !routingAgents.isEmpty }

    init(sessions: SessionFacts) {
        self.sessions = sessions
    }

    /// The timers asked for, for `schedule`'s check: recovery asks for every timer the state implies
    /// (an archive timer for each closed conversation still in memory, thousands after a long journal),
    /// and a search of the list for each would take quadratic time.
    private var scheduled: Set<ScheduledTimer> = []

    /// Asks for `timer` once, however many events ask for it.
    mutating func schedule(_ timer: ScheduledTimer) {
        if scheduled.insert(timer).inserted { timers.append(timer) }
    }

    var outcome: HubOutcome {
        HubOutcome(
            deliveries: deliveries, acknowledgement: acknowledgement, timers: timers, sessionChanges: sessionChanges)
    }
}
