/// Collects what one `handle` call produces while events are applied one by one, and carries the
/// session facts the call was given.
struct OutcomeRecorder {
    /// What the app's session registry says about the requester (read-only during the call).
    let sessions: SessionFacts
    var events: [DomainEvent] = []
    var deliveries: [Delivery] = []
    var timers: [ScheduledTimer] = []
    var sessionChanges: [SessionChange] = []
    var acknowledgement: Acknowledgement = .done
    /// Set when an event may have freed capacity, changed presence or opened a conversation.
    var needsRouting = false

    init(sessions: SessionFacts) {
        self.sessions = sessions
    }

    var outcome: HubOutcome {
        HubOutcome(
            events: events, deliveries: deliveries, acknowledgement: acknowledgement, timers: timers,
            sessionChanges: sessionChanges)
    }
}
