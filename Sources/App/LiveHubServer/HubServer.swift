import LiveHubBenchEndpoints
import LiveHubDomain
import LiveHubHTTP
import LiveHubJournalStore
import LiveHubPosix
import LiveHubProtocol
import LiveHubSentiment
import LiveHubTransport
import Synchronization

/// The running livehub server: the transport's loops serving the product's routes, plus the hub's own
/// thread and the journal's. `start` locks the data directory and replays the journal before it
/// listens, and returns once every loop is listening; `shutdown` drains (stop accepting, 1001 to every
/// WebSocket, bounded by the drain timeout); `waitUntilStopped` joins every thread, then the journal
/// writes what is left and the directory is released.
public final class HubServer: Sendable {
    /// The bound address (with the real port when 0 was asked for).
    public var address: SocketAddress { transport.address }
    public var loopCount: Int { transport.loopCount }
    /// Where the pages are served from; nil when no web root was found (the pages answer 404).
    public let webRoot: String?
    /// Why no pages are served (the folder that was tried and the error), when `webRoot` is nil.
    public let webRootProblem: String?
    private let transport: TransportServer
    private let hub: HubRuntime
    private let storage: HubStorage?
    private let background: Background
    private let stopped = Mutex(false)
    /// The archive of closed conversations (nil without a data directory): look up a conversation that
    /// left memory, e.g. for its transcript.
    public var archive: ConversationArchive? { background.archive }
    /// What recovery found (nil without a data directory).
    public var recovery: RecoverySummary? { storage?.summary }

    public static func start(configuration: ServerConfiguration, logger: Logger? = nil) throws -> HubServer {
        let logger = logger ?? Logger(level: configuration.logLevel)
        // The sentiment lexicons (about 8 ms to build) are built now, so neither the replay nor the
        // first customer message pays for them.
        SentimentScorer.prepare()
        var recovered = Hub(configuration: configuration.effectiveHub)
        let storage = try configuration.dataDirectory.map { directory throws(HubStorageError) in
            try HubStorage.open(
                directory: directory, sync: configuration.journalSync, repair: configuration.repairJournal,
                disk: configuration.journalDisk, snapshotsKept: configuration.snapshots.kept, hub: &recovered,
                logger: logger)
        }
        let background: Background
        do {
            background = try Background.start(configuration: configuration, storage: storage, logger: logger)
        } catch {
            storage?.close()
            throw error
        }
        let hub: HubRuntime
        do {
            hub = try HubRuntime.start { [recovered] loop in
                let journal = HubJournal(
                    writer: storage?.writer, nextLSN: storage?.nextLSN ?? 1, replayedBytes: storage?.replayedBytes ?? 0,
                    loop: loop, logger: logger.labeled("journal"))
                let snapshots = background.snapshots.map { thread in
                    HubSnapshots(
                        policy: SnapshotPolicy(
                            minimumBytes: UInt64(configuration.snapshots.minimumBytes),
                            maximumInterval: background.snapshotInterval, coveredBytes: 0,
                            lastSize: UInt64(storage?.summary.snapshot?.bytes ?? 0),
                            lastConversations: storage?.summary.snapshot?.conversations ?? 0, now: loop.now),
                        thread: thread, loop: loop, logger: logger.labeled("snapshot"))
                }
                // A transcript asked for after its conversation left memory is read from the archive,
                // on the archive's thread: the hub thread never waits for the disk.
                let archived = background.archive.map { archive in
                    { @Sendable (conversationId: ConversationId, found: @escaping @Sendable (Conversation?) -> Void) in
                        archive.lookup(conversationId) { result in
                            found((try? result.get())??.conversation)
                        }
                    }
                }
                return HubService(
                    loop: loop, logger: logger.labeled("hub"), hub: recovered, journal: journal,
                    transcripts: TranscriptSource(archive: archived), archive: background.archive,
                    snapshots: snapshots)
            }
        } catch {
            background.stop()
            storage?.close()
            throw error
        }
        let secret = configuration.hubSecret
        let authentication = secret.isEmpty
            ? nil
            : HubAuthentication(
                verifier: TokenVerifier(secret: secret), configuration: configuration.hub,
                maxLifetimeSeconds: configuration.maxTokenLifetimeSeconds)
        let customerSessions = CustomerSessionsEndpoint.Settings(
            issuer: secret.isEmpty ? nil : TokenIssuer(secret: secret),
            verifier: secret.isEmpty ? nil : TokenVerifier(secret: secret),
            allowAnonymous: configuration.allowAnonymousCustomers, tokenSeconds: configuration.customerTokenSeconds,
            allowedOrigins: configuration.allowedOrigins,
            limiter: KeyedRateLimiter(
                perMinute: configuration.customerSessionsPerMinute, burst: configuration.customerSessionsBurst))
        // One limiter for every loop: a user's connections may land on any of them.
        let userConnections = KeyedRateLimiter(
            perMinute: configuration.hubLimits.userConnectionsPerMinute,
            burst: configuration.hubLimits.userConnectionsPerMinute)
        let rooms = RoomDirectory()
        let loops = LoopDirectory()
        let (catalog, webRootProblem) = loadPages(configuration.webRoot, logger: logger)
        let transport: TransportServer
        do {
            transport = try TransportServer.start(configuration: configuration.transport, logger: logger) { loop in
                var router = HTTPRouter<TransportRoute>()
                router.add("GET", "/healthz", .http(HealthEndpoint()))
                let hubEndpoint = HubEndpoint(
                    hub: hub.mailbox, authentication: authentication, limits: configuration.hubLimits,
                    userConnections: userConnections, heartbeatSeconds: Int(configuration.heartbeatIntervalSeconds),
                    logger: loop.logger)
                router.add("GET", "/v1/ws", .webSocket(hubEndpoint))
                loops.register(loop, hubEndpoint: hubEndpoint)
                router.add("GET", "/metrics", .http(MetricsEndpoint(directory: loops, hub: hub.mailbox)))
                router.add(
                    "GET", "/v1/report/ongoing",
                    .http(OngoingReportEndpoint(authentication: authentication, hub: hub.mailbox)))
                router.add("GET", "/v1/audit", .http(AuditEndpoint(hub: hub.mailbox, authentication: authentication)))
                router.add(
                    "GET", "/v1/conversations/*",
                    .http(
                        TranscriptEndpoint(
                            hub: hub.mailbox, authentication: authentication, configuration: configuration.hub)))
                let mint = CustomerSessionsEndpoint(.mint, settings: customerSessions)
                let refresh = CustomerSessionsEndpoint(.refresh, settings: customerSessions)
                for method in ["POST", "OPTIONS"] {
                    router.add(method, "/v1/customer-sessions", .http(mint))
                    router.add(method, "/v1/customer-sessions/refresh", .http(refresh))
                }
                WebRoutes.add(
                    to: &router, catalog: catalog, configuration: configuration.hub, authentication: authentication)
                // Bench and conformance routes exist only when asked for: they are not part of the product.
                if configuration.echoEnabled { router.add("GET", "/echo", .webSocket(EchoEndpoint())) }
                if configuration.benchRoomsEnabled {
                    router.add("GET", "/room/*", .webSocket(RoomEndpoint(context: loop, directory: rooms)))
                }
                return router
            }
        } catch {
            hub.stop()
            background.stop()
            storage?.close()
            throw error
        }
        // A first iteration at once: offers that expired while the hub was down time out now.
        hub.mailbox.post { _ in }
        logger.info(
            "event=server.started address=\(transport.address) loops=\(transport.loopCount) "
                + "tls=\(configuration.tlsCertificatePath != nil) echo=\(configuration.echoEnabled) "
                + "bench_rooms=\(configuration.benchRoomsEnabled)")
        return HubServer(
            transport: transport, hub: hub, storage: storage, background: background, webRoot: catalog.root,
            webRootProblem: webRootProblem)
    }

    private init(
        transport: TransportServer, hub: HubRuntime, storage: HubStorage?, background: Background, webRoot: String?,
        webRootProblem: String?
    ) {
        self.transport = transport
        self.hub = hub
        self.storage = storage
        self.background = background
        self.webRoot = webRoot
        self.webRootProblem = webRootProblem
    }

    /// Reads the pages once: `--web-root`, else the resource bundle next to the executable. A missing
    /// folder does not stop the hub (its WebSocket clients need no pages); it is logged and reported.
    private static func loadPages(_ configured: String?, logger: Logger) -> (StaticCatalog, String?) {
        guard let root = configured ?? StaticCatalog.defaultRoot() else {
            return (.empty, "cannot tell where the executable is (/proc/self/exe); pass --web-root PATH")
        }
        do {
            let started = MonotonicClock.now()
            let catalog = try StaticCatalog.load(root: root)
            let bytes = catalog.assets.values.reduce(0) { $0 + $1.identity.count }
            let milliseconds = (MonotonicClock.now() - started) / 1_000_000
            logger.info(
                "event=web.loaded root=\(root) files=\(catalog.assets.count) bytes=\(bytes) "
                    + "skipped=\(catalog.skipped.count) ms=\(milliseconds)")
            for path in catalog.skipped.prefix(20) { logger.warning("event=web.skipped path=\(path)") }
            return (catalog, nil)
        } catch {
            logger.warning("event=web.missing root=\(root) error=\"\(error)\"")
            return (.empty, "\(error)")
        }
    }

    /// Starts the drain on every loop. Safe from any thread; returns at once.
    public func shutdown() { transport.shutdown() }

    /// Blocks until every loop and the hub thread have stopped.
    public func waitUntilStopped() {
        transport.waitUntilStopped()
        stopped.withLock { alreadyStopped in
            guard !alreadyStopped else { return }
            alreadyStopped = true
            hub.stop()
            // A snapshot being written still needs the journal (it seals it), so the journal closes last.
            background.stop()
            storage?.close()
        }
    }
}

/// The threads that work beside the hub on its data directory: the archive of closed conversations and
/// the snapshot writer. None without a data directory.
private struct Background: Sendable {
    let archive: ConversationArchive?
    let snapshots: SnapshotThread?
    /// The longest time between snapshots while the journal grows: a day, or a third of the retention
    /// period if that is shorter, so old journal segments go well within it.
    let snapshotInterval: UInt64

    static func start(configuration: ServerConfiguration, storage: HubStorage?, logger: Logger) throws -> Background {
        let seconds = min(
            configuration.snapshots.maximumIntervalSeconds, Int64(max(1, configuration.retentionDays)) * 86_400 / 3)
        let interval = UInt64(max(1, seconds)) * 1_000_000_000
        guard let storage, let directory = configuration.dataDirectory else {
            return Background(archive: nil, snapshots: nil, snapshotInterval: interval)
        }
        let archive = try ConversationArchive.start(
            dataDirectory: directory, disk: configuration.journalDisk,
            settings: ConversationArchive.Settings(
                retentionDays: configuration.retentionDays,
                sweepIntervalMilliseconds: configuration.retentionCheckMilliseconds),
            clock: configuration.retentionClock, logger: logger.labeled("archive"))
        do {
            let snapshots = try SnapshotThread.start(
                store: storage.snapshots, writer: storage.writer, logger: logger.labeled("snapshot"))
            return Background(archive: archive, snapshots: snapshots, snapshotInterval: interval)
        } catch {
            archive.close()
            throw error
        }
    }

    func stop() {
        snapshots?.close()
        archive?.close()
    }
}
