import LiveHubJournalStore
import LiveHubTransport

/// What the `livehub` executable was asked to do.
public enum LiveHubCommand: Sendable {
    case serve(ServeOptions)
    /// `livehub token --role R --sub ID [--name N] [--ttl S] [--data-dir D]`: mint a hub token.
    case token(TokenOptions)
    case help
    /// `livehub token --help`.
    case tokenHelp
}

/// What `livehub token` mints.
public struct TokenOptions: Sendable {
    public var role = ""
    public var subject = ""
    public var name: String?
    public var ttlSeconds: Int64 = 3600
    public var dataDirectory = "./livehub-data"
    /// `--link`: print a link that opens the role's page signed in (`BASE/agent#token=…`).
    public var link = false
    /// `--url BASE`: where the hub's pages are, for `--link`.
    public var baseURL = "http://127.0.0.1:8080"
    public init() {}
}

/// `livehub serve` options: the server configuration plus where hub state lives.
public struct ServeOptions: Sendable {
    public var configuration = ServerConfiguration()
    /// Conversation hub configuration file (queues, agents, settings); nil = the embedded demo.
    public var configPath: String?
    public var dataDirectory = "./livehub-data"
    /// `--retention-days`: wins over the configuration file's `storage.retentionDays`.
    public var retentionDays: Int?

    /// The server configuration: the flags, the configuration file's contents (`--config`, if given)
    /// over them, then the flags that win over the file.
    public func loadConfiguration() throws(HubConfigurationLoader.Failure) -> ServerConfiguration {
        var configuration = self.configuration
        if let configPath { configuration.apply(try HubConfigurationLoader.load(path: configPath)) }
        if let retentionDays { configuration.retentionDays = retentionDays }
        return configuration
    }
}

/// A command-line mistake, reported with the usage hint and exit status 64 (EX_USAGE).
public struct CommandLineError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(description: String) { self.description = description }
}

/// Parses `livehub [serve] [flags]`. Hand-written: the project takes no package dependencies.
public enum CommandLineParser {
    public static let usage = """
        usage: livehub [serve] [options]
               livehub token --role ROLE --sub ID [--name NAME] [--ttl SECONDS] [--data-dir PATH] [--link [--url BASE]]

        Starts the livehub server. Once listening it prints one line `listening on HOST:PORT`.
        SIGINT/SIGTERM drain: stop accepting, close every WebSocket with 1001, exit 0.

        options:
          --host HOST               address to bind (default 127.0.0.1; 0.0.0.0 or :: for all)
          --port PORT               TCP port; 0 picks a free one (default 8080)
          --threads N               event loops; default = CPUs this process may run on
          --echo                    serve /echo (every message echoed; for conformance and benchmarks)
          --bench-rooms             serve /room/NAME (broadcast to the room; for benchmarks)
          --tls-cert PATH           PEM certificate chain: serve https/wss
          --tls-key PATH            PEM private key for --tls-cert
          --config PATH             conversation-hub configuration JSON (queues, agents, settings); default: embedded demo
          --data-dir PATH           hub data directory, created if missing (default ./livehub-data); locked while
                                    the hub runs; its journal/ is replayed at start
          --fsync MODE              group: ack after the sync that covers it (default); interval: ack after the
                                    write, sync every 100 ms; off: ack after the write, the kernel syncs
          --repair                  start on a corrupt journal: keep the records before the damage, set the
                                    rest aside as *.dropped
          --snapshot-mib N          write a snapshot once the journal grew by N MiB (or by the next snapshot's
                                    likely size, if larger) since the last one (default 64; 0 for tests)
          --archive-after SECONDS   a closed conversation leaves memory for the archive on disk this long after
                                    it closed (default: timing.closedInMemorySeconds, 600)
          --retention-days N        remove closed conversations from disk N days after the day they closed
                                    (default: storage.retentionDays, 90)
          --log-level LEVEL         trace, debug, info, warning, error (default info)
          --max-message-bytes N     largest WebSocket message and frame accepted, else close 1009 (default 16777216)
          --max-request-bytes N     largest hub request; larger ones get too_large (default 16384)
          --max-requests-per-second N  hub requests per connection per second, bursts of 2N; beyond, rate_limited (default 20)
          --max-user-connections-per-minute N  hub connections one user may open per minute, N at once; beyond, 429 (default 30)
          --max-outbound-bytes N    unsent bytes per connection: a WebSocket is closed 1008, HTTP stops reading (default 4194304)
          --max-connections N       open connections before new ones get 503 (default 19500)
          --heartbeat SECONDS       ping a WebSocket after each interval this long it stays silent (default 30)
          --idle-timeout SECONDS    close a WebSocket silent this long with 1001 (default 75)
          --message-timeout SECONDS  close (1008) a WebSocket whose message stays incomplete this long (default 60)
          --handshake-timeout SECONDS  time allowed from connect to completed handshake (default 10)
          --http-idle-timeout SECONDS  close a keep-alive HTTP connection idle this long (default 30)
          --allow-origin ORIGIN     accept WebSockets only from this Origin (repeatable; default any)
          --max-token-lifetime SECONDS  refuse tokens whose exp is further away than this (default 86400)
          --no-compression          do not negotiate permessage-deflate
          --deflate-context-takeover  keep compression context between messages (better ratio, ~340 KiB per busy connection)
          --web-root PATH           serve the pages from this folder (default: the resources next to the executable)
          -h, --help                show this help

        livehub token mints an HS256 token for /v1/ws with the hub secret in --data-dir
        (roles: customer, agent, supervisor, admin, bot; --ttl defaults to 3600).
        """

    public static let tokenUsage = """
        usage: livehub token --role ROLE --sub ID [--name NAME] [--ttl SECONDS] [--data-dir PATH] [--link [--url BASE]]

        Mints an HS256 token for /v1/ws, signed with the hub secret in --data-dir (the hub creates it
        on its first start; this command never creates one). Prints the token, or with --link a link
        that opens the role's page signed in (agent: BASE/agent, supervisor and admin: BASE/supervisor).

          --role ROLE        customer, agent, supervisor, admin or bot (required)
          --sub ID           the user id (required; agents and supervisors as configured)
          --name NAME        display name (default: the id)
          --ttl SECONDS      lifetime (default 3600; the hub refuses more than its --max-token-lifetime)
          --data-dir PATH    the hub's data directory (default ./livehub-data)
          --link             print BASE/PAGE#token=TOKEN instead of the bare token
          --url BASE         the hub's address for --link (default http://127.0.0.1:8080)
          -h, --help         show this help
        """

    /// The one line printed under a command-line mistake.
    public static func hint(for arguments: [String]) -> String {
        arguments.first == "token" ? "run 'livehub token --help' for its options" : "run 'livehub --help' for the options"
    }

    public static func parse(_ arguments: [String]) throws(CommandLineError) -> LiveHubCommand {
        var options = ServeOptions()
        var rest = arguments[...]
        if rest.first == "token" { return try parseToken(Array(rest.dropFirst())) }
        if rest.first == "serve" { rest = rest.dropFirst() }
        while let flag = rest.popFirst() {
            func value() throws(CommandLineError) -> String {
                guard let next = rest.popFirst() else { throw CommandLineError(description: "\(flag) needs a value") }
                return next
            }
            func integer(_ range: ClosedRange<Int>) throws(CommandLineError) -> Int {
                let text = try value()
                guard let number = Int(text), range.contains(number) else {
                    throw CommandLineError(description: "\(flag) takes a whole number in \(range), not '\(text)'")
                }
                return number
            }
            func seconds() throws(CommandLineError) -> Double {
                let text = try value()
                guard let number = Double(text), number > 0, number < 86_400 else {
                    throw CommandLineError(description: "\(flag) takes seconds (0 < s < 86400), not '\(text)'")
                }
                return number
            }
            switch flag {
            case "-h", "--help": return .help
            case "--host": options.configuration.host = try value()
            case "--port": options.configuration.port = UInt16(try integer(0...65_535))
            case "--threads": options.configuration.threads = try integer(1...256)
            case "--echo": options.configuration.echoEnabled = true
            case "--bench-rooms": options.configuration.benchRoomsEnabled = true
            case "--tls-cert": options.configuration.tlsCertificatePath = try value()
            case "--tls-key": options.configuration.tlsPrivateKeyPath = try value()
            case "--config": options.configPath = try value()
            case "--data-dir": options.dataDirectory = try value()
            case "--fsync":
                let text = try value()
                guard let mode = JournalSyncMode(rawValue: text) else {
                    throw CommandLineError(description: "--fsync takes group, interval or off, not '\(text)'")
                }
                options.configuration.journalSync = mode
            case "--repair": options.configuration.repairJournal = true
            case "--snapshot-mib": options.configuration.snapshots.minimumBytes = try integer(0...1 << 20) << 20
            case "--archive-after":
                let text = try value()
                guard let seconds = Double(text), seconds >= 0, seconds <= 86_400 * 365 else {
                    throw CommandLineError(description: "--archive-after takes seconds (0 to a year), not '\(text)'")
                }
                options.configuration.closedInMemoryMilliseconds = Int64((seconds * 1000).rounded())
            case "--retention-days": options.retentionDays = try integer(1...36_500)
            case "--log-level":
                let text = try value()
                guard let level = LogLevel(name: text) else {
                    throw CommandLineError(description: "--log-level takes trace, debug, info, warning or error, not '\(text)'")
                }
                options.configuration.logLevel = level
            case "--max-message-bytes":
                let bytes = try integer(125...(1 << 30))
                options.configuration.webSocket.maxMessageSize = bytes
                options.configuration.webSocket.maxFramePayload = bytes
            case "--max-request-bytes": options.configuration.hubLimits.maxRequestBytes = try integer(256...(1 << 20))
            case "--max-requests-per-second":
                let rate = try integer(1...1_000_000)
                options.configuration.hubLimits.requestsPerSecond = Double(rate)
                options.configuration.hubLimits.requestBurst = Double(2 * rate)
            case "--max-user-connections-per-minute":
                options.configuration.hubLimits.userConnectionsPerMinute = Double(try integer(1...1_000_000))
            case "--max-outbound-bytes": options.configuration.maxOutboundBytes = try integer(1024...(1 << 30))
            case "--max-connections": options.configuration.maxConnections = try integer(1...1_000_000)
            case "--heartbeat": options.configuration.heartbeatIntervalSeconds = try seconds()
            case "--idle-timeout": options.configuration.idleTimeoutSeconds = try seconds()
            case "--message-timeout": options.configuration.messageTimeoutSeconds = try seconds()
            case "--handshake-timeout": options.configuration.handshakeTimeoutSeconds = try seconds()
            case "--http-idle-timeout": options.configuration.httpIdleTimeoutSeconds = try seconds()
            case "--allow-origin": options.configuration.allowedOrigins = (options.configuration.allowedOrigins ?? []) + [try value()]
            case "--max-token-lifetime": options.configuration.maxTokenLifetimeSeconds = Int64(try integer(60...31_536_000))
            case "--web-root": options.configuration.webRoot = try value()
            case "--no-compression": options.configuration.deflate.enabled = false
            case "--deflate-context-takeover":
                options.configuration.deflate.serverNoContextTakeover = false
                options.configuration.deflate.clientNoContextTakeover = false
            default: throw CommandLineError(description: "unknown option '\(flag)'")
            }
        }
        if (options.configuration.tlsCertificatePath == nil) != (options.configuration.tlsPrivateKeyPath == nil) {
            throw CommandLineError(description: "--tls-cert and --tls-key go together")
        }
        return .serve(options)
    }

    static func parseToken(_ arguments: [String]) throws(CommandLineError) -> LiveHubCommand {
        var options = TokenOptions()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "-h" || flag == "--help" { return .tokenHelp }
            if flag == "--link" {
                options.link = true
                continue
            }
            guard let value = rest.popFirst() else { throw CommandLineError(description: "\(flag) needs a value") }
            switch flag {
            case "--role": options.role = value
            case "--sub": options.subject = value
            case "--name": options.name = value
            case "--data-dir": options.dataDirectory = value
            case "--url":
                guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
                    throw CommandLineError(description: "--url takes http://HOST:PORT or https://HOST:PORT, not '\(value)'")
                }
                options.baseURL = value
            case "--ttl":
                guard let seconds = Int64(value), seconds > 0 else {
                    throw CommandLineError(description: "--ttl takes positive seconds, not '\(value)'")
                }
                options.ttlSeconds = seconds
            default: throw CommandLineError(description: "unknown option '\(flag)' for livehub token")
            }
        }
        guard !options.role.isEmpty else {
            throw CommandLineError(description: "--role is required (customer, agent, supervisor, admin or bot)")
        }
        guard ["customer", "agent", "supervisor", "admin", "bot"].contains(options.role) else {
            throw CommandLineError(description: "--role must be customer, agent, supervisor, admin or bot, not '\(options.role)'")
        }
        guard !options.subject.isEmpty else { throw CommandLineError(description: "--sub is required") }
        if options.link && PageLinks.path(forRole: options.role) == nil {
            throw CommandLineError(description: "--link needs an agent, supervisor or admin role: customers use the chat widget")
        }
        return .token(options)
    }
}
