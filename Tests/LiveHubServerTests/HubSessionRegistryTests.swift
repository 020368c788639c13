import LiveHubDomain
import Testing

@testable import LiveHubServer

/// The pure session registry, driven the way `HubService` drives it: the requester's facts into
/// `Hub.handle`, the deliveries' groups expanded, then the session changes applied.
@Suite("Hub session registry")
struct HubSessionRegistryTests {
    /// A hub on the demo configuration, a conversation of cara that alice accepted, and the registry.
    struct Driver {
        var hub = Hub(configuration: .demo)
        var registry = HubSessionRegistry()
        var clock: Int64 = 0

        init() throws {
            try run(.setPresence(.available), as: agent("alice"))
            try run(.start(subject: "Help", channel: .livechat, queueId: "general"), as: customer("cara"))
            let offer = try #require(hub.state.offers.values.first)
            try run(.acceptOffer(offer.offerId), as: agent("alice"))
        }

        /// Handles `command` as `HubService` does; each delivery comes back with the user recipients and
        /// the single connections it reached (groups expanded), before the session changes are applied.
        @discardableResult
        mutating func run(_ command: Command, as actor: Actor) throws -> [(
            users: [UserId], connections: [ConnectionId]
        )] {
            clock += 1
            let outcome = try hub.handle(
                command, from: actor, sessions: registry.facts(for: actor.connectionId),
                at: Instant(millisecondsSinceEpoch: 1_700_000_000_000 + clock * 1_000))
            // Audit entries reach nobody: they are not deliveries a registry expands.
            let reached = outcome.deliveries.filter { $0.event.kind != .audit }.map { delivery in
                var users: [UserId] = []
                var connections: [ConnectionId] = []
                for recipient in delivery.recipients {
                    switch recipient {
                    case .user(let userId): users.append(userId)
                    case .connection(let connectionId): connections.append(connectionId)
                    case .monitors, .reportSubscribers, .agentsViewers:
                        connections += registry.connections(in: recipient, of: delivery)
                    }
                }
                return (users, connections)
            }
            registry.apply(outcome.sessionChanges)
            return reached
        }

        func agent(_ id: UserId) -> Actor { Actor(role: .agent, userId: id, connectionId: ConnectionId("\(id)-1")) }
        func customer(_ id: UserId) -> Actor {
            Actor(role: .customer, userId: id, connectionId: ConnectionId("\(id)-1"))
        }
        func sam(on connection: ConnectionId) -> Actor {
            Actor(role: .supervisor, userId: "sam", connectionId: connection)
        }
        func say(_ text: String, visibility: Visibility = .public) -> Command {
            .sendMessage(conversationId: "c1", text: text, visibility: visibility, clientMessageId: nil)
        }
    }

    @Test(
        "Session registry: a monitor starts and stops on its own connection; the same supervisor's others are unaffected"
    )
    func monitorStartAndStop() throws {
        var driver = try Driver()
        try driver.run(.monitor(conversationId: "c1"), as: driver.sam(on: "desk"))
        #expect(driver.registry.facts(for: "desk").monitoredConversations == ["c1"])
        #expect(driver.registry.facts(for: "phone").monitoredConversations == [])
        let message = try driver.run(driver.say("hi"), as: driver.customer("cara"))
        #expect(message.map(\.users) == [["alice", "cara"]])
        #expect(message.map(\.connections) == [["desk"]])

        try driver.run(.unmonitor(conversationId: "c1"), as: driver.sam(on: "desk"))
        #expect(driver.registry.isEmpty)
        #expect(try driver.run(driver.say("bye"), as: driver.customer("cara")).map(\.connections) == [[]])
    }

    @Test("Session registry: a closed connection loses its monitors and its report subscription")
    func closedConnection() throws {
        var driver = try Driver()
        try driver.run(.monitor(conversationId: "c1"), as: driver.sam(on: "desk"))
        try driver.run(.subscribeReport, as: driver.sam(on: "desk"))
        try driver.run(.subscribeReport, as: driver.sam(on: "wall"))
        #expect(driver.registry.facts(for: "desk").isSubscribedToReport)
        driver.registry.connectionClosed("desk")
        #expect(driver.registry.facts(for: "desk") == SessionFacts(reportHasSubscribers: true))
        #expect(driver.registry.monitorsByConversation.isEmpty)
        // The report still reaches the connection that stayed.
        let parked = try driver.run(.wait(conversationId: "c1"), as: driver.agent("alice"))
        #expect(parked.map(\.connections) == [[], ["wall"]])
        driver.registry.connectionClosed("wall")
        #expect(driver.registry.isEmpty)
    }

    @Test("Session registry: a conversation that closes ends its monitors, after they were told")
    func closedConversation() throws {
        var driver = try Driver()
        try driver.run(.monitor(conversationId: "c1"), as: driver.sam(on: "desk"))
        try driver.run(.monitor(conversationId: "c1"), as: driver.sam(on: "tablet"))
        let closed = try driver.run(.forceClose(conversationId: "c1", reason: "spam"), as: driver.sam(on: "phone"))
        #expect(closed.map(\.connections) == [["desk", "tablet"]])
        #expect(driver.registry.isEmpty)
        #expect(driver.registry.facts(for: "desk").monitoredConversations.isEmpty)
    }

    @Test("Session registry: a supervisor who takes part is delivered once, as a user, not again through the monitor")
    func participantNotTwice() throws {
        var driver = try Driver()
        try driver.run(.monitor(conversationId: "c1"), as: driver.sam(on: "desk"))
        let joined = try driver.run(.join(conversationId: "c1"), as: driver.sam(on: "phone"))
        #expect(joined.allSatisfy { $0.users.contains("sam") && $0.connections.isEmpty })
        let note = try driver.run(driver.say("vip", visibility: .internal), as: driver.agent("alice"))
        #expect(note.map(\.users) == [["alice", "sam"]])
        #expect(note.map(\.connections) == [[]])
        // The supervisor's own typing reaches neither their user nor their monitor.
        let typing = try driver.run(.typing(conversationId: "c1"), as: driver.sam(on: "phone"))
        #expect(typing.map(\.users) == [["alice", "cara"]])
        #expect(typing.map(\.connections) == [[]])
    }
}
