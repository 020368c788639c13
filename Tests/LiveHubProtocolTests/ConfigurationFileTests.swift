import Foundation
import LiveHubDomain
import LiveHubProtocol
import Testing

@Suite("hub configuration file")
struct ConfigurationFileTests {
    static let valid = """
        {"queues": [{"id": "general", "name": "General", "workstream": "chat"}],
         "workstreams": [{"id": "chat", "name": "Live chat", "channels": ["livechat"],
                          "allowedPresences": ["available", "busy"], "capacityUnits": 2, "offerTimeoutSeconds": 20}],
         "agents": [{"id": "alice", "name": "Alice", "queues": ["general"], "skills": ["english"], "capacity": 4}],
         "supervisors": [{"id": "sam", "name": "Sam"}],
         "settings": {"supervisorMonitor": true, "supervisorForceClose": true},
         "limits": {"maximumMessageCharacters": 1000}}
        """

    @Test("a valid file becomes the domain configuration, with defaults for what it leaves out")
    func decodesValidFile() throws {
        let configuration = try ConfigurationFile.decode(Array(Self.valid.utf8))
        #expect(configuration.queues == [QueueConfiguration(id: "general", name: "General", workstreamId: "chat")])
        #expect(configuration.workstreams.first?.allowedPresences == [.available, .busy])
        #expect(configuration.workstreams.first?.capacityUnits == 2)
        #expect(configuration.workstreams.first?.offerTimeoutMilliseconds == 20_000)
        #expect(configuration.agents.first?.capacity == 4 && configuration.agents.first?.queues == ["general"])
        #expect(configuration.supervisors.map(\.id) == ["sam"])
        #expect(configuration.settings.supervisorMonitor && !configuration.settings.supervisorAssign)
        #expect(
            configuration.limits.maximumMessageCharacters == 1000
                && configuration.limits.maximumSubjectCharacters == 200)
        #expect(
            configuration.limits.maximumConversationMessages == 5_000
                && configuration.limits.maximumConversationTextBytes == 2 << 20)
    }

    @Test("limits sets how many messages, and how many KiB of their text, one conversation holds")
    func conversationLimits() throws {
        let file = Self.valid.replacingOccurrences(
            of: #""limits": {"maximumMessageCharacters": 1000}"#,
            with: #""limits": {"maximumConversationMessages": 300, "maximumConversationTextKiB": 64}"#)
        let limits = try ConfigurationFile.decode(Array(file.utf8)).limits
        #expect(limits.maximumConversationMessages == 300 && limits.maximumConversationTextBytes == 65_536)
        let zero = Self.valid.replacingOccurrences(
            of: #""limits": {"maximumMessageCharacters": 1000}"#, with: #""limits": {"maximumConversationMessages": 0}"#)
        #expect(throws: ConfigurationError.self) { try ConfigurationFile.decode(Array(zero.utf8)) }
    }

    static let mistakes: [(String, String, String)] = [
        ("not JSON", "{", "$"),
        (
            "missing agents",
            #"{"queues":[{"id":"q","name":"Q","workstream":"w"}],"workstreams":[{"id":"w","name":"W","channels":["livechat"]}]}"#,
            "$.agents"
        ),
        (
            "misspelt setting", valid.replacingFirst("supervisorMonitor", with: "supervisorMonitr"),
            "$.settings.supervisorMonitr"
        ),
        (
            "agent in unknown queue", valid.replacingFirst(#""queues": ["general"]"#, with: #""queues": ["sales"]"#),
            "$.agents[0].queues"
        ),
        (
            "queue with unknown workstream",
            valid.replacingFirst(#""workstream": "chat""#, with: #""workstream": "voice""#), "$.queues[0].workstream"
        ),
        ("zero capacity", valid.replacingFirst(#""capacity": 4"#, with: #""capacity": 0"#), "$.agents[0].capacity"),
        (
            "unknown presence", valid.replacingFirst(#""busy""#, with: #""sleeping""#),
            "$.workstreams[0].allowedPresences[1]"
        ),
        ("bad id", valid.replacingFirst(#""id": "alice""#, with: #""id": "al ice""#), "$.agents[0].id"),
        (
            "duplicate agent",
            valid.replacingFirst(
                #""capacity": 4}"#, with: #""capacity": 4}, {"id": "alice", "name": "A", "queues": [], "capacity": 1}"#),
            "$.agents"
        ),
        (
            "bot named like an agent",
            valid.replacingFirst(#""supervisors""#, with: #""bots": [{"id": "alice", "name": "Bot"}], "supervisors""#),
            "$.bots[0].id"
        ),
        (
            "duplicate supervisor",
            valid.replacingFirst(
                #"[{"id": "sam", "name": "Sam"}]"#, with: #"[{"id": "sam", "name": "Sam"}, {"id": "sam", "name": "S"}]"#
            ), "$.supervisors"
        ),
        (
            "timing of zero seconds",
            valid.replacingFirst(#""limits""#, with: #""timing": {"agentGraceSeconds": 0}, "limits""#),
            "$.timing.agentGraceSeconds"
        ),
        (
            "unknown timing", valid.replacingFirst(#""limits""#, with: #""timing": {"graceSeconds": 9}, "limits""#),
            "$.timing.graceSeconds"
        ),
        (
            "retention of zero days",
            valid.replacingFirst(#""limits""#, with: #""storage": {"retentionDays": 0}, "limits""#),
            "$.storage.retentionDays"
        ),
        (
            "unknown storage setting",
            valid.replacingFirst(#""limits""#, with: #""storage": {"retention": 9}, "limits""#), "$.storage.retention"
        ),
    ]

    @Test("Configuration: how long closed conversations stay in memory (timing) and on disk (storage)")
    func closedConversationsInMemoryAndOnDisk() throws {
        let text = Self.valid.replacingFirst(
            #""limits""#, with: #""timing": {"closedInMemorySeconds": 120}, "storage": {"retentionDays": 30}, "limits""#)
        let contents = try ConfigurationFile.decodeFile(Array(text.utf8))
        #expect(contents.hub.timing.closedInMemoryMilliseconds == 120_000)
        #expect(contents.storage == StorageSettings(retentionDays: 30))
        let defaults = try ConfigurationFile.decodeFile(Array(Self.valid.utf8))
        #expect(defaults.hub.timing.closedInMemoryMilliseconds == 600_000 && defaults.storage == nil)
    }

    @Test("Configuration: storage.auditRetentionDays sets how long the audit keeps an entry (365 days unless given)")
    func auditRetention() throws {
        let text = Self.valid.replacingFirst(#""limits""#, with: #""storage": {"auditRetentionDays": 30}, "limits""#)
        let contents = try ConfigurationFile.decodeFile(Array(text.utf8))
        #expect(contents.hub.timing.auditRetentionMilliseconds == 30 * 86_400_000)
        #expect(contents.storage == StorageSettings(retentionDays: 90))
        let defaults = try ConfigurationFile.decodeFile(Array(Self.valid.utf8))
        #expect(defaults.hub.timing.auditRetentionMilliseconds == 365 * 86_400_000)
    }

    @Test("Configuration: one id may be both agent and supervisor (a supervisor who takes chats); timing is in seconds")
    func supervisorWhoIsAlsoAnAgent() throws {
        let text = Self.valid.replacingFirst(#""id": "sam""#, with: #""id": "alice""#)
            .replacingFirst(
                #""limits""#, with: #""timing": {"customerReconnectSeconds": 60, "agentGraceSeconds": 30}, "limits""#)
        let configuration = try ConfigurationFile.decode(Array(text.utf8))
        #expect(configuration.agents.map(\.id) == ["alice"] && configuration.supervisors.map(\.id) == ["alice"])
        #expect(configuration.timing.customerReconnectMilliseconds == 60_000)
        #expect(configuration.timing.agentGraceMilliseconds == 30_000)
        #expect(configuration.timing.offerRetryPauseMilliseconds == Timing().offerRetryPauseMilliseconds)
    }

    @Test("each mistake is refused with the JSON path of the problem", arguments: mistakes)
    func refusesMistakes(name: String, text: String, path: String) {
        #expect(throws: ConfigurationError.self, "\(name)") { try ConfigurationFile.decode(Array(text.utf8)) }
        do {
            _ = try ConfigurationFile.decode(Array(text.utf8))
        } catch {
            #expect(error.path == path, "\(name): \(error)")
        }
    }

    @Test("customerSessions in the file sets anonymous chat, its origins, token lifetime and per-address rate")
    func customerSessions() throws {
        let withSessions = Self.valid.dropLast() + """
            , "customerSessions": {"anonymous": false, "allowedOrigins": ["https://shop.example"],
                                   "tokenSeconds": 900, "perMinute": 5, "burst": 8}}
            """
        let contents = try ConfigurationFile.decodeFile(Array(withSessions.utf8))
        let sessions = try #require(contents.customerSessions)
        #expect(!sessions.anonymous && sessions.allowedOrigins == ["https://shop.example"])
        #expect(sessions.tokenSeconds == 900 && sessions.perMinute == 5 && sessions.burst == 8)
        #expect(try ConfigurationFile.decodeFile(Array(Self.valid.utf8)).customerSessions == nil)
        // Anonymous chat stays on unless the file says otherwise; a misspelt key is refused with its path.
        let empty = Self.valid.dropLast() + #", "customerSessions": {}}"#
        #expect(try ConfigurationFile.decodeFile(Array(empty.utf8)).customerSessions?.anonymous == true)
        let misspelt = Self.valid.dropLast() + #", "customerSessions": {"anonymus": false}}"#
        #expect {
            try ConfigurationFile.decodeFile(Array(misspelt.utf8))
        } throws: { error in
            (error as? ConfigurationError)?.path == "$.customerSessions.anonymus"
        }
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
