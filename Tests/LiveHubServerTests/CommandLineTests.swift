import LiveHubDomain
import LiveHubJournalStore
import LiveHubPosix
import LiveHubServer
import Testing

@Suite("command line")
struct CommandLineTests {
    @Test("no arguments means serve on the embedded defaults")
    func defaults() throws {
        guard case .serve(let options) = try CommandLineParser.parse([]) else {
            Issue.record("expected serve")
            return
        }
        #expect(options.configuration.port == 8080 && options.configuration.host == "127.0.0.1")
        #expect(!options.configuration.echoEnabled && !options.configuration.benchRoomsEnabled)
        #expect(options.configPath == nil)
    }

    @Test("every documented flag is accepted and applied")
    func flags() throws {
        let arguments = [
            "serve", "--host", "0.0.0.0", "--port", "0", "--threads", "3", "--echo", "--bench-rooms",
            "--tls-cert", "c.pem", "--tls-key", "k.pem", "--config", "hub.json", "--data-dir", "/tmp/d",
            "--log-level", "debug", "--max-message-bytes", "4096", "--max-outbound-bytes", "65536",
            "--max-connections", "10", "--heartbeat", "5", "--idle-timeout", "12", "--handshake-timeout", "2",
            "--http-idle-timeout", "7", "--max-request-bytes", "4096", "--max-token-lifetime", "7200",
            "--deflate-context-takeover", "--message-timeout", "9", "--fsync", "interval", "--repair",
            "--max-requests-per-second", "500", "--snapshot-mib", "16", "--archive-after", "0.5",
            "--retention-days", "30",
            "--allow-origin", "https://a.example", "--allow-origin", "https://b.example", "--no-compression",
        ]
        guard case .serve(let options) = try CommandLineParser.parse(arguments) else {
            Issue.record("expected serve")
            return
        }
        let configuration = options.configuration
        #expect(configuration.host == "0.0.0.0" && configuration.port == 0 && configuration.threads == 3)
        #expect(configuration.echoEnabled && configuration.benchRoomsEnabled)
        #expect(configuration.tlsCertificatePath == "c.pem" && configuration.tlsPrivateKeyPath == "k.pem")
        #expect(options.configPath == "hub.json" && options.dataDirectory == "/tmp/d")
        #expect(configuration.logLevel == .debug)
        #expect(configuration.webSocket.maxMessageSize == 4096 && configuration.webSocket.maxFramePayload == 4096)
        #expect(configuration.maxOutboundBytes == 65536 && configuration.maxConnections == 10)
        #expect(configuration.heartbeatIntervalSeconds == 5 && configuration.idleTimeoutSeconds == 12)
        #expect(configuration.handshakeTimeoutSeconds == 2 && configuration.httpIdleTimeoutSeconds == 7)
        #expect(configuration.allowedOrigins == ["https://a.example", "https://b.example"])
        #expect(!configuration.deflate.enabled)
        #expect(configuration.messageTimeoutSeconds == 9)
        #expect(configuration.hubLimits.maxRequestBytes == 4096 && configuration.maxTokenLifetimeSeconds == 7200)
        #expect(!configuration.deflate.serverNoContextTakeover && !configuration.deflate.clientNoContextTakeover)
        #expect(configuration.journalSync == .interval && configuration.repairJournal)
        #expect(configuration.hubLimits.requestsPerSecond == 500 && configuration.hubLimits.requestBurst == 1000)
        #expect(configuration.snapshots.minimumBytes == 16 << 20 && configuration.closedInMemoryMilliseconds == 500)
        #expect(options.retentionDays == 30)
        // And the help text names every one of them.
        for flag in arguments where flag.hasPrefix("--") { #expect(CommandLineParser.usage.contains(flag)) }
    }

    static let badArguments: [[String]] = [
        ["--port", "70000"], ["--port"], ["--threads", "0"], ["--log-level", "loud"], ["--bogus"],
        ["--tls-cert", "only.pem"], ["--heartbeat", "-1"], ["--fsync", "always"], ["--fsync"],
        ["--retention-days", "0"], ["--snapshot-mib", "-1"], ["--archive-after", "-1"], ["--archive-after", "soon"],
    ]

    @Test("mistakes are reported, not guessed at", arguments: badArguments)
    func rejectsMistake(arguments: [String]) {
        #expect(throws: CommandLineError.self) { try CommandLineParser.parse(arguments) }
    }

    @Test("--help asks for the usage text")
    func help() throws {
        guard case .help = try CommandLineParser.parse(["--help"]) else {
            Issue.record("expected help")
            return
        }
    }

    @Test("livehub token --help shows the token usage instead of complaining about a value")
    func tokenHelp() throws {
        guard case .tokenHelp = try CommandLineParser.parse(["token", "--help"]) else {
            Issue.record("expected token help")
            return
        }
        #expect(CommandLineParser.tokenUsage.contains("--role ROLE") && CommandLineParser.tokenUsage.contains("--data-dir"))
    }

    @Test("a missing required flag is named as required, and the hint points at the right help")
    func missingRequiredFlag() {
        #expect(throws: CommandLineError(description: "--role is required (customer, agent, supervisor, admin or bot)")) {
            try CommandLineParser.parse(["token", "--sub", "alice"])
        }
        #expect(throws: CommandLineError(description: "--sub is required")) {
            try CommandLineParser.parse(["token", "--role", "agent"])
        }
        #expect(CommandLineParser.hint(for: ["token", "--sub"]) == "run 'livehub token --help' for its options")
        #expect(CommandLineParser.hint(for: ["--bogus"]) == "run 'livehub --help' for the options")
    }

    @Test("livehub token never creates a hub secret: without one it says where it looked")
    func tokenNeedsExistingSecret() throws {
        let directory = "/tmp/livehub-token-test-\(UInt32.random(in: 0 ... .max))"
        var options = TokenOptions()
        options.role = "agent"
        options.subject = "alice"
        options.dataDirectory = directory
        #expect {
            _ = try TokenMinting.mint(options)
        } throws: { error in
            "\(error)".contains("no hub secret at \(directory)/hub-secret")
        }
        #expect(FileSystem.absolutePath(directory) == nil, "the data directory must not have been created")
        // With the hub's secret in place it mints.
        _ = try HubSecretStore.loadOrCreate(directory: directory)
        #expect(try TokenMinting.mint(options).split(separator: ".").count == 3)
    }

    @Test("startup says where the data is, which configuration is loaded and how to get a token")
    func startupSummary() {
        let lines = StartupSummary.lines(
            address: "127.0.0.1:8080", dataDirectory: "/srv/livehub", configPath: nil, configuration: .demo)
        let text = lines.joined(separator: "\n")
        #expect(text.contains("data directory: /srv/livehub"))
        #expect(text.contains("embedded demo"))
        #expect(text.contains("alice (Alice Archer)") && text.contains("sam (Sam Singh)") && text.contains("general (General support)"))
        #expect(text.contains("livehub token --role agent --sub alice --data-dir /srv/livehub"))
    }

    @Test("startup prints the recovery summary: records replayed, conversations, time taken and the sync mode")
    func startupRecoverySummary() {
        let recovery = RecoverySummary(
            journalDirectory: "/srv/livehub/journal", records: 1_000_000, conversations: 1000, openConversations: 12,
            pendingOffers: 3, milliseconds: 2_345.6, sync: .group, notes: [])
        let lines = StartupSummary.lines(
            address: "127.0.0.1:8080", dataDirectory: "/srv/livehub", configPath: nil, configuration: .demo,
            recovery: recovery)
        #expect(
            lines.contains(
                "journal: 1000000 records replayed in 2346 ms (1000 conversations, 12 not closed, 3 pending offers); "
                    + "--fsync group"))
    }

    @Test("startup says which snapshot recovery started from and how many journal records it replayed after it")
    func startupSnapshotSummary() {
        let recovery = RecoverySummary(
            journalDirectory: "/srv/livehub/journal", records: 420, conversations: 1000, openConversations: 12,
            pendingOffers: 3, milliseconds: 95.4, sync: .group, notes: [],
            snapshot: LoadedSnapshot(
                name: "snapshot-00000000000000999580.snapshot", lsn: 999_580, bytes: 5_000_000, conversations: 1000,
                milliseconds: 80.2))
        #expect(
            recovery.line
                == "journal: snapshot at LSN 999580 (5000000 bytes, read in 80 ms) and 420 records after it replayed "
                + "in 95 ms (1000 conversations, 12 not closed, 3 pending offers); --fsync group")
    }

    @Test("--retention-days wins over the configuration file's storage.retentionDays, which wins over the default")
    func retentionDaysPrecedence() throws {
        let directory = try FileSystem.makeTemporaryDirectory(prefix: "livehub-config-test-")
        defer {
            try? FileSystem.remove(directory + "/hub.json")
            try? FileSystem.removeDirectory(directory)
        }
        let json = #"{"queues":[{"id":"q","name":"Q","workstream":"w"}],"workstreams":[{"id":"w","name":"W","channels":["livechat"]}],"agents":[{"id":"a","name":"A","queues":["q"],"capacity":1}],"timing":{"closedInMemorySeconds":120},"storage":{"retentionDays":7}}"#
        try FileSystem.createExclusive(directory + "/hub.json", bytes: Array(json.utf8), mode: 0o600)
        guard case .serve(let fromFile) = try CommandLineParser.parse(["--config", directory + "/hub.json"]),
            case .serve(let fromFlag) = try CommandLineParser.parse(
                ["--config", directory + "/hub.json", "--retention-days", "30"]),
            case .serve(let neither) = try CommandLineParser.parse([])
        else {
            Issue.record("expected serve")
            return
        }
        let loaded = try fromFile.loadConfiguration()
        #expect(loaded.retentionDays == 7)
        #expect(loaded.hub.timing.closedInMemoryMilliseconds == 120_000)
        #expect(try fromFlag.loadConfiguration().retentionDays == 30)
        #expect(try neither.loadConfiguration().retentionDays == 90)
    }
}
