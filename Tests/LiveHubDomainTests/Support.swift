import LiveHubDomain
import Testing

/// The fixed clock every test uses: `time(0)` is the start, `time(n)` is n seconds later.
func time(_ seconds: Int64) -> Instant {
    Instant(millisecondsSinceEpoch: 1_700_000_000_000).adding(seconds: seconds)
}

extension Actor {
    static func customer(_ id: UserId, connection: ConnectionId? = nil) -> Actor {
        Actor(role: .customer, userId: id, connectionId: connection ?? ConnectionId("\(id)-1"))
    }
    static func agent(_ id: UserId, connection: ConnectionId? = nil) -> Actor {
        Actor(role: .agent, userId: id, connectionId: connection ?? ConnectionId("\(id)-1"))
    }
    static func supervisor(_ id: UserId, connection: ConnectionId? = nil) -> Actor {
        Actor(role: .supervisor, userId: id, connectionId: connection ?? ConnectionId("\(id)-1"))
    }
    static func admin(_ id: UserId) -> Actor {
        Actor(role: .admin, userId: id, connectionId: ConnectionId("\(id)-1"))
    }
}

extension AdminSettings {
    static let allOn = AdminSettings(
        supervisorMonitor: true, supervisorAssign: true, supervisorTransfer: true, supervisorForceClose: true)
}

/// A small, fully known configuration.
///
/// - general (workstream chat: livechat, available only, 1 unit, 30 s offers): alice, bob, sam
/// - billing (workstream messaging: livechat/sms, available or busy, 1 unit, 60 s offers): alice, carol
/// - sam is both supervisor and agent, so "never a conversation assigned to the supervisor" can be tested.
func testConfiguration(
    settings: AdminSettings = .allOn, maximumMessageCharacters: Int = 4_000, limits: Limits = Limits()
) -> Configuration {
    var limits = limits
    limits.maximumMessageCharacters = maximumMessageCharacters
    return Configuration(
        queues: [
            QueueConfiguration(id: "general", name: "General", workstreamId: "chat"),
            QueueConfiguration(id: "billing", name: "Billing", workstreamId: "messaging"),
        ],
        workstreams: [
            WorkstreamConfiguration(
                id: "chat", name: "Chat", channels: [.livechat], allowedPresences: [.available], capacityUnits: 1,
                offerTimeoutMilliseconds: 30_000),
            WorkstreamConfiguration(
                id: "messaging", name: "Messaging", channels: [.livechat, .sms],
                allowedPresences: [.available, .busy], capacityUnits: 1, offerTimeoutMilliseconds: 60_000),
        ],
        agents: [
            AgentProfile(id: "alice", name: "Alice", queues: ["general", "billing"], capacity: 2),
            AgentProfile(id: "bob", name: "Bob", queues: ["general"], capacity: 2),
            AgentProfile(id: "carol", name: "Carol", queues: ["billing"], capacity: 1),
            AgentProfile(id: "sam", name: "Sam", queues: ["general"], capacity: 1),
        ],
        supervisors: [SupervisorProfile(id: "sam", name: "Sam"), SupervisorProfile(id: "sue", name: "Sue")],
        bots: [BotProfile(id: "helpbot", name: "Help Bot")],
        settings: settings,
        limits: limits
    )
}

/// A hub, the sessions of its connections and the journal of every fact it produced, with shortcuts
/// for common set-ups: what the hub app does around the domain, without sockets.
struct Scenario {
    var hub: Hub
    var sessions = SessionTable()
    var journal: [DomainEvent] = []

    init(settings: AdminSettings = .allOn, maximumMessageCharacters: Int = 4_000, limits: Limits = Limits()) {
        hub = Hub(
            configuration: testConfiguration(
                settings: settings, maximumMessageCharacters: maximumMessageCharacters, limits: limits))
    }

    /// A scenario going on from `hub` (e.g. one rebuilt from a journal), with no sessions yet.
    init(hub: Hub) {
        self.hub = hub
    }

    /// Handles one command at `time(seconds)` as the app would: with the requester's session facts,
    /// journaling the facts and applying the session changes. The deliveries come back with monitors
    /// and report subscribers expanded to the connections they stand for.
    @discardableResult
    mutating func run(_ command: Command, as actor: Actor, at seconds: Int64 = 0) throws(HubError) -> HubOutcome {
        try handle(command, as: actor, at: seconds, expandingGroups: true)
    }

    /// Like `run`, but the outcome exactly as the domain returned it (groups not expanded).
    mutating func domainOutcome(of command: Command, as actor: Actor, at seconds: Int64 = 0) throws(HubError)
        -> HubOutcome
    {
        try handle(command, as: actor, at: seconds, expandingGroups: false)
    }

    private mutating func handle(_ command: Command, as actor: Actor, at seconds: Int64, expandingGroups: Bool)
        throws(HubError) -> HubOutcome
    {
        var outcome = try hub.handle(
            command, from: actor, sessions: sessions.facts(for: actor.connectionId), at: time(seconds))
        journal.append(contentsOf: outcome.journal)
        if expandingGroups { outcome.deliveries = outcome.deliveries.map { sessions.expanded($0) } }
        // After the deliveries were expanded, as the app does: a closing conversation's monitors were told.
        sessions.apply(outcome.sessionChanges)
        return outcome
    }

    /// The wire code of the refusal, or `nil` when the command was accepted.
    mutating func refusal(_ command: Command, as actor: Actor, at seconds: Int64 = 0) -> String? {
        do {
            try run(command, as: actor, at: seconds)
            return nil
        } catch {
            return error.code
        }
    }

    /// Sets agents' presence; failures are recorded as test issues.
    mutating func setPresence(_ presence: Presence, _ agents: UserId..., at seconds: Int64 = 0) {
        for agent in agents {
            #expect(refusal(.setPresence(presence), as: .agent(agent), at: seconds) == nil)
        }
    }

    /// Starts a conversation and returns its id (`c0` marks a failure, recorded as an issue).
    mutating func start(
        _ customer: UserId = "cara", queue: QueueId = "general", channel: Channel = .livechat, at seconds: Int64 = 0
    ) -> ConversationId {
        do {
            let outcome = try run(
                .start(subject: "Help", channel: channel, queueId: queue), as: .customer(customer), at: seconds)
            if case .conversationStarted(let conversationId) = outcome.acknowledgement { return conversationId }
        } catch {
            Issue.record("start refused: \(error.code)")
        }
        return "c0"
    }

    /// The pending route offer for `conversationId`, if any.
    func pendingOffer(for conversationId: ConversationId, kind: OfferKind = .route) -> Offer? {
        hub.state.offers.values.first { $0.conversationId == conversationId && $0.kind == kind }
    }

    /// A conversation of `customer` that `agent` accepted: only `agent` is made available.
    mutating func active(
        customer: UserId = "cara", agent: UserId = "alice", queue: QueueId = "general", at seconds: Int64 = 0
    )
        -> ConversationId
    {
        setPresence(.available, agent, at: seconds)
        let conversationId = start(customer, queue: queue, at: seconds)
        guard let offer = pendingOffer(for: conversationId) else {
            Issue.record("no offer for \(conversationId)")
            return conversationId
        }
        #expect(offer.agentId == agent)
        #expect(refusal(.acceptOffer(offer.offerId), as: .agent(agent), at: seconds) == nil)
        return conversationId
    }

    /// A conversation of cara handled by alice, brought to `status`.
    mutating func conversation(in status: ConversationStatus, at seconds: Int64 = 0) -> ConversationId {
        if status == .open { return start(at: seconds) }
        let conversationId = active(at: seconds)
        switch status {
        case .open, .active:
            break
        case .waiting:
            #expect(refusal(.wait(conversationId: conversationId), as: .agent("alice"), at: seconds) == nil)
        case .wrapUp:
            #expect(refusal(.end(conversationId: conversationId), as: .agent("alice"), at: seconds) == nil)
        case .closed:
            #expect(refusal(.end(conversationId: conversationId), as: .agent("alice"), at: seconds) == nil)
            #expect(refusal(.close(conversationId: conversationId), as: .agent("alice"), at: seconds) == nil)
        }
        return conversationId
    }

    func status(of conversationId: ConversationId) -> ConversationStatus? {
        hub.state.conversations[conversationId]?.status
    }
}

extension HubOutcome {
    /// The outcome as connections see it: without audit entries, which reach nobody (`AuditTests`
    /// check them).
    var withoutAudit: HubOutcome {
        var copy = self
        copy.deliveries = deliveries.filter { $0.event.kind != .audit }
        return copy
    }

    /// The audit entries the command recorded, in order.
    var auditEntries: [AuditEntry] {
        events.compactMap { event in if case .audit(let entry) = event.payload { entry } else { nil } }
    }

    /// The event payloads, for exact comparison.
    var payloads: [EventPayload] { events.map(\.payload) }

    /// Recipients of the first event of the given kind.
    func recipients(ofFirst kind: EventKind) -> [Recipient]? {
        deliveries.first { $0.event.kind == kind }?.recipients
    }
}

/// Shorthand for a conversation event at `time(seconds)`.
func event(_ conversationId: ConversationId?, seq: Int?, at seconds: Int64 = 0, _ payload: EventPayload) -> DomainEvent
{
    DomainEvent(conversationId: conversationId, seq: seq, at: time(seconds), payload: payload)
}

/// The conversation-updated payload with the usual fields.
func updated(
    _ status: ConversationStatus, queue: QueueId = "general", agent: UserId?, mode: Mode = .text, _ reason: UpdateReason
) -> EventPayload {
    .conversationUpdated(
        ConversationUpdate(status: status, queueId: queue, primaryAgentId: agent, mode: mode, reason: reason))
}

/// The app's session registry in miniature: which connection monitors which conversation as which
/// supervisor, which connections read the report. The real one is `HubSessionRegistry` in the server,
/// with its own tests; which monitor a delivery reaches is the domain's rule
/// (`Delivery.reachesMonitor(heldBy:)`), used by both.
struct SessionTable {
    var monitors: [ConversationId: [ConnectionId: UserId]] = [:]
    var reportSubscribers: Set<ConnectionId> = []
    var agentsViewers: Set<ConnectionId> = []

    func facts(for connection: ConnectionId) -> SessionFacts {
        SessionFacts(
            monitoredConversations: Set(monitors.filter { $0.value[connection] != nil }.keys),
            isSubscribedToReport: reportSubscribers.contains(connection),
            reportHasSubscribers: !reportSubscribers.isEmpty, isSubscribedToAgents: agentsViewers.contains(connection),
            agentsViewHasSubscribers: !agentsViewers.isEmpty)
    }

    mutating func apply(_ changes: [SessionChange]) {
        for change in changes {
            switch change {
            case .monitorStarted(let connection, let supervisor, let conversation):
                monitors[conversation, default: [:]][connection] = supervisor
            case .monitorStopped(let connection, let conversation):
                monitors[conversation]?[connection] = nil
            case .reportSubscribed(let connection, _):
                reportSubscribers.insert(connection)
            case .agentsSubscribed(let connection, _):
                agentsViewers.insert(connection)
            case .monitorsEnded(let conversation):
                monitors[conversation] = nil
            }
        }
    }

    /// The connection went away: its sessions end.
    mutating func close(_ connection: ConnectionId) {
        for conversation in monitors.keys { monitors[conversation]?[connection] = nil }
        reportSubscribers.remove(connection)
        agentsViewers.remove(connection)
    }

    /// The delivery as the app sends it: each group replaced by its connections, in id order.
    func expanded(_ delivery: Delivery) -> Delivery {
        var recipients: [Recipient] = []
        for recipient in delivery.recipients {
            switch recipient {
            case .user, .connection:
                recipients.append(recipient)
            case .monitors(let conversation, _):
                let reached = (monitors[conversation] ?? [:]).filter { delivery.reachesMonitor(heldBy: $0.value) }
                recipients.append(contentsOf: reached.keys.sorted().map(Recipient.connection))
            case .reportSubscribers:
                recipients.append(contentsOf: reportSubscribers.sorted().map(Recipient.connection))
            case .agentsViewers:
                recipients.append(contentsOf: agentsViewers.sorted().map(Recipient.connection))
            }
        }
        return Delivery(event: delivery.event, recipients: recipients)
    }
}

extension HubError {
    /// The refusal as the tests name it: the wire error code. `LiveHubProtocol` owns the spelling the
    /// hub writes (`ErrorCode`); these tests only need a name to compare, and `WireNamesTests` checks
    /// that both agree with `Protocol/README.md`.
    var code: String {
        switch self {
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .invalidState: "invalid_state"
        case .invalidMessage: "invalid_message"
        case .presenceNotAllowed: "presence_not_allowed"
        case .capacityExceeded: "capacity_exceeded"
        case .rateLimited: "rate_limited"
        case .tooLarge: "too_large"
        case .alreadyOpen: "already_open"
        case .unavailable: "unavailable"
        }
    }
}
