import LiveHubLoad
import LiveHubProtocol
import LiveHubServer
import LiveHubTestSupport
import Testing

/// The hub benchmark's driver against a real server: the figures it reports must be real deliveries.
@Suite struct HubLoadTests {
    private func server(conversations: Int, supervisors: Int) throws -> TestServer {
        let json = BenchHubConfiguration.json(conversations: conversations, supervisors: supervisors)
        let configuration = try ConfigurationFile.decode(Array(json.utf8))
        return try TestServer { $0.hub = configuration }
    }

    private func options(port: UInt16, conversations: Int, supervisors: Int) -> LoadOptions {
        var options = LoadOptions()
        options.port = port
        options.secret = TestServer.hubSecret
        options.conversations = conversations
        options.supervisors = supervisors
        options.messagesPerSecond = 400
        options.warmupSeconds = 0.1
        options.measureSeconds = 0.5
        options.drainSeconds = 3
        return options
    }

    @Test("every message of a loaded conversation reaches its customer, its agent and the monitoring supervisor")
    func everyMessageReachesAllThreeParties() throws {
        let server = try server(conversations: 6, supervisors: 2)
        defer { server.stop() }
        let report = try LoadRun.run(options(port: server.port, conversations: 6, supervisors: 2))
        #expect(report.connections == 18)
        #expect(report.sentInWindow >= 100)
        #expect(report.deliveredInWindow == 3 * report.sentInWindow)
        #expect(report.lost == 0)
        #expect(report.outOfOrder == 0)
        #expect(report.errors == 0, "first error: \(report.firstError ?? "-")")
        #expect(report.latencies.count == report.deliveredInWindow)
    }

    @Test("the bench configuration routes each new conversation to its own agent and allows monitoring")
    func benchConfigurationDecodes() throws {
        let json = BenchHubConfiguration.json(conversations: 3, supervisors: 2)
        let configuration = try ConfigurationFile.decode(Array(json.utf8))
        #expect(configuration.agents.map(\.id.rawValue) == ["agent-1", "agent-2", "agent-3"])
        #expect(configuration.agents.allSatisfy { $0.capacity == 1 })
        #expect(configuration.supervisors.count == 2)
        #expect(configuration.settings.supervisorMonitor)
    }

    @Test("with --chats-per-agent, each agent holds that many conversations over one connection, and every ack comes")
    func agentsHoldSeveralChats() throws {
        let json = BenchHubConfiguration.json(conversations: 5, supervisors: 1, chatsPerAgent: 2)
        let configuration = try ConfigurationFile.decode(Array(json.utf8))
        #expect(configuration.agents.map(\.id.rawValue) == ["agent-1", "agent-2", "agent-3"])
        #expect(configuration.agents.allSatisfy { $0.capacity == 2 })
        #expect(BenchHubConfiguration.agentId(3, chatsPerAgent: 2) == "agent-2")
        // Each customer sends as fast as its acks come: the per-connection rate limit would answer most.
        let server = try TestServer {
            $0.hub = configuration
            $0.hubLimits.requestsPerSecond = 100_000
            $0.hubLimits.requestBurst = 200_000
        }
        defer { server.stop() }
        var options = options(port: server.port, conversations: 5, supervisors: 1)
        options.monitored = false
        options.chatsPerAgent = 2
        let report = try AckRun.run(options)
        #expect(report.errors == 0, "first error: \(report.firstError ?? "-")")
        #expect(report.acknowledged > 0)
        #expect(report.chatsPerAgent == 2)
        // Each message reaches its customer (the echo) and its agent, whichever chat of the agent it is.
        #expect(report.deliveries >= 2 * report.acknowledged)
        #expect(report.connections == 5 + 3)
    }

    @Test("a run against a hub that does not know the users fails with the user and the step named")
    func unknownUsersFailSetupClearly() throws {
        let server = try TestServer()  // the demo configuration has no agent-1
        defer { server.stop() }
        #expect {
            _ = try LoadRun.run(options(port: server.port, conversations: 1, supervisors: 1))
        } throws: { error in
            "\(error)".contains("agent-1")
        }
    }
}
