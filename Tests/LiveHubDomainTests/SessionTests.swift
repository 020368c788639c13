import LiveHubDomain
import Testing

/// What the domain tells the app about sessions it does not keep: the groups in deliveries, the
/// session changes, and the facts it reads.
@Suite("Sessions")
struct SessionTests {
    @Test("Sessions: conversation events name the monitors as a group; typing leaves the typist out of it")
    func monitorsAsAGroup() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let message = try scenario.domainOutcome(
            of: .sendMessage(conversationId: conversationId, text: "hi", visibility: .internal, clientMessageId: nil),
            as: .agent("alice"), at: 1)
        #expect(
            message.deliveries.map(\.recipients) == [
                [.user("alice"), .monitors(of: conversationId, excludingUser: nil)]
            ])
        let typing = try scenario.domainOutcome(of: .typing(conversationId: conversationId), as: .agent("alice"), at: 2)
        #expect(
            typing.deliveries.map(\.recipients) == [
                [.user("cara"), .monitors(of: conversationId, excludingUser: "alice")]
            ])
    }

    @Test("Sessions: a monitor is reached unless its supervisor is a user recipient or the one left out")
    func reachesMonitor() {
        let event = DomainEvent(conversationId: "c1", seq: nil, at: time(0), payload: .typing(userId: "sam"))
        let delivery = Delivery(
            event: event, recipients: [.user("cara"), .user("sue"), .monitors(of: "c1", excludingUser: "sam")])
        #expect(delivery.reachesMonitor(heldBy: "ann"))
        #expect(!delivery.reachesMonitor(heldBy: "sue"))
        #expect(!delivery.reachesMonitor(heldBy: "sam"))
        #expect(!Delivery(event: event, recipients: [.user("cara")]).reachesMonitor(heldBy: "ann"))
    }

    @Test(
        "Sessions: monitor, unmonitor, report.subscribe and a closing conversation change sessions (and the audit) only"
    )
    func sessionChanges() throws {
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let state = scenario.hub.state
        let subscribed = try scenario.run(.subscribeReport, as: .supervisor("sue", connection: "wall"), at: 1)
        #expect(subscribed.sessionChanges == [.reportSubscribed(connection: "wall", user: "sue")])
        #expect(subscribed.events.isEmpty)
        let again = try scenario.run(.subscribeReport, as: .supervisor("sue", connection: "wall"), at: 1)
        #expect(again.sessionChanges.isEmpty)
        let monitored = try scenario.run(
            .monitor(conversationId: conversationId), as: .supervisor("sam", connection: "desk"), at: 2)
        #expect(
            monitored.sessionChanges == [
                .monitorStarted(connection: "desk", supervisor: "sam", conversation: conversationId)
            ])
        let stopped = try scenario.run(
            .unmonitor(conversationId: conversationId), as: .supervisor("sam", connection: "desk"), at: 3)
        #expect(stopped.sessionChanges == [.monitorStopped(connection: "desk", conversation: conversationId)])
        // Monitoring is audited (two entries), and changes no other fact.
        #expect(scenario.hub.state.audit.entries.map(\.action.kind) == [.monitorStarted, .monitorStopped])
        #expect(scenario.hub.state.conversations == state.conversations)
        #expect(scenario.hub.state.agents == state.agents && scenario.hub.state.offers == state.offers)
        let closed = try scenario.run(
            .forceClose(conversationId: conversationId, reason: "x"), as: .supervisor("sue"), at: 4)
        #expect(closed.sessionChanges == [.monitorsEnded(conversation: conversationId)])
    }

    @Test("Sessions: report rows are built only when some connection reads the report")
    func reportOnlyWithSubscribers() throws {
        var hub = Hub(configuration: testConfiguration())
        let start = Command.start(subject: "Help", channel: .livechat, queueId: "general")
        let unread = try hub.handle(start, from: .customer("cara"), sessions: .none, at: time(0))
        #expect(unread.events.count == 1)
        let read = try hub.handle(
            start, from: .customer("dan"), sessions: SessionFacts(reportHasSubscribers: true), at: time(1))
        #expect(read.deliveries.last?.recipients == [.reportSubscribers])
    }

    @Test("Journal: transient events are not journaled and never change the state")
    func transientEvents() {
        let transient: [EventPayload] = [
            .typing(userId: "cara"), .presenceChanged(userId: "alice", presence: .available),
            .monitorStarted(supervisorId: "sam", connectionId: "desk"),
            .monitorStopped(supervisorId: "sam", connectionId: "desk"),
            .reportUpdate(
                ReportRow(
                    conversationId: "c1", subject: "Help", customerId: "cara", status: .open, agentId: nil,
                    queueId: "general",
                    channel: .livechat, createdAt: time(0), waitSeconds: 0, handleSeconds: 0)),
        ]
        var scenario = Scenario()
        let conversationId = scenario.active(at: 0)
        let state = scenario.hub.state
        for payload in transient {
            #expect(!payload.isJournaled)
            scenario.hub.apply(DomainEvent(conversationId: conversationId, seq: nil, at: time(1), payload: payload))
        }
        #expect(scenario.hub.state == state)
        #expect(scenario.hub.presence(of: "alice") == .available)
    }
}
