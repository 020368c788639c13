/// Collects what one `handle` call produces while events are applied one by one.
struct OutcomeRecorder {
    var events: [DomainEvent] = []
    var deliveries: [Delivery] = []
    var timers: [ScheduledTimer] = []
    var acknowledgement: Acknowledgement = .done
    /// Set when an event may have freed capacity, changed presence or opened a conversation.
    var needsRouting = false

    var outcome: HubOutcome {
        HubOutcome(events: events, deliveries: deliveries, acknowledgement: acknowledgement, timers: timers)
    }
}
