import LiveHubDomain

/// The sessions of `/v1/ws` connections: which connection monitors which conversation as which
/// supervisor, and which connections receive `report.update` and `agents.update`.
///
/// Sessions end with their connection, so they are not facts of the hub's state and are never
/// journaled: after a restart nobody monitors and nobody is subscribed until they ask again. The hub
/// service keeps this registry beside the domain core and, for each command:
/// 1. hands `Hub.handle` the requester's `facts(for:)`;
/// 2. sends every delivery, expanding the groups the domain cannot name (`connections(in:of:)`);
/// 3. applies the outcome's `sessionChanges` (after step 2, so the monitors of a conversation that
///    closes still receive `conversation.closed`);
/// and calls `connectionClosed(_:)` when a connection goes away.
///
/// A pure value: no I/O, confined to the hub loop like the `Hub` it serves.
struct HubSessionRegistry {
    /// The connections monitoring each conversation, with the supervisor on each.
    private(set) var monitorsByConversation: [ConversationId: [ConnectionId: UserId]] = [:]
    /// The conversations each connection monitors: the requester's facts, and the clean-up on close.
    private(set) var monitoredByConnection: [ConnectionId: Set<ConversationId>] = [:]
    /// The connections subscribed to the report, with their user.
    private(set) var reportSubscribers: [ConnectionId: UserId] = [:]
    /// The connections subscribed to the agents view, with their user.
    private(set) var agentsViewers: [ConnectionId: UserId] = [:]

    /// Whether no connection holds any session.
    var isEmpty: Bool { monitoredByConnection.isEmpty && reportSubscribers.isEmpty && agentsViewers.isEmpty }

    /// What `Hub.handle` needs to know for a command from `connection` (`nil` for the system).
    func facts(for connection: ConnectionId?) -> SessionFacts {
        guard let connection else {
            return SessionFacts(
                reportHasSubscribers: !reportSubscribers.isEmpty, agentsViewHasSubscribers: !agentsViewers.isEmpty)
        }
        return SessionFacts(
            monitoredConversations: monitoredByConnection[connection] ?? [],
            isSubscribedToReport: reportSubscribers[connection] != nil,
            reportHasSubscribers: !reportSubscribers.isEmpty, isSubscribedToAgents: agentsViewers[connection] != nil,
            agentsViewHasSubscribers: !agentsViewers.isEmpty)
    }

    /// The connections a group recipient of `delivery` stands for, in id order. Users and single
    /// connections are not groups: the hub service resolves them from who is connected.
    func connections(in recipient: Recipient, of delivery: Delivery) -> [ConnectionId] {
        switch recipient {
        case .monitors(let conversationId, _):
            guard let monitors = monitorsByConversation[conversationId] else { return [] }
            var reached: [ConnectionId] = []
            reached.reserveCapacity(monitors.count)
            // The domain's rule: a supervisor who takes part (or typed) is not reached through the monitor.
            for (connection, supervisor) in monitors where delivery.reachesMonitor(heldBy: supervisor) {
                reached.append(connection)
            }
            reached.sort()
            return reached
        case .reportSubscribers:
            return reportSubscribers.keys.sorted()
        case .agentsViewers:
            return agentsViewers.keys.sorted()
        case .user, .connection:
            return []
        }
    }

    /// Applies a handled command's session changes, in order.
    mutating func apply(_ changes: [SessionChange]) {
        for change in changes { apply(change) }
    }

    mutating func apply(_ change: SessionChange) {
        switch change {
        case .monitorStarted(let connection, let supervisor, let conversation):
            monitorsByConversation[conversation, default: [:]][connection] = supervisor
            monitoredByConnection[connection, default: []].insert(conversation)
        case .monitorStopped(let connection, let conversation):
            forget(monitor: connection, of: conversation)
        case .reportSubscribed(let connection, let user):
            reportSubscribers[connection] = user
        case .agentsSubscribed(let connection, let user):
            agentsViewers[connection] = user
        case .monitorsEnded(let conversation):
            for connection in monitorsByConversation[conversation]?.keys.sorted() ?? [] {
                forget(monitor: connection, of: conversation)
            }
        }
    }

    /// A connection went away: its monitors and its report subscription end, and nobody is told.
    mutating func connectionClosed(_ connection: ConnectionId) {
        for conversation in monitoredByConnection[connection] ?? [] {
            forget(monitor: connection, of: conversation)
        }
        reportSubscribers[connection] = nil
        agentsViewers[connection] = nil
    }

    /// Removes one monitor from both indexes, dropping emptied entries so closed conversations and
    /// connections leave nothing behind.
    private mutating func forget(monitor connection: ConnectionId, of conversation: ConversationId) {
        monitorsByConversation[conversation]?[connection] = nil
        if monitorsByConversation[conversation]?.isEmpty == true { monitorsByConversation[conversation] = nil }
        monitoredByConnection[connection]?.remove(conversation)
        if monitoredByConnection[connection]?.isEmpty == true { monitoredByConnection[connection] = nil }
    }
}
