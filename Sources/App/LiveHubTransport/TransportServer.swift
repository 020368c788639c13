import LiveHubHTTP
import LiveHubPosix
import LiveHubTLS
import Synchronization

/// The running transport: one event loop per thread, each with its own listening socket.
///
/// `start` returns once every loop is listening; `shutdown` drains (stop accepting, 1001 to every
/// WebSocket, bounded by the drain timeout); `waitUntilStopped` joins the loop threads. Routes come
/// from the application, built once per loop so each loop's endpoints stay on its thread.
public final class TransportServer: Sendable {
    /// The bound address (with the real port when 0 was asked for).
    public let address: SocketAddress
    public let loopCount: Int
    private let contexts: [LoopConfined<LoopContext>]
    private let threads: [LoopThread]
    private let logger: Logger
    private let joined = Mutex(false)

    /// Binds, builds each loop's routes with `makeRoutes` (called on this thread, in loop order,
    /// before any loop runs), then starts the loop threads.
    public static func start(
        configuration: TransportConfiguration, logger: Logger,
        makeRoutes: (LoopContext) -> HTTPRouter<TransportRoute>
    ) throws -> TransportServer {
        Processor.raiseOpenFileLimit()
        // A burst of large messages (a flood of big frames, say) must not stay in RSS after it ends.
        Memory.returnLargeAllocationsToTheSystem()
        var tlsContext: TLSServerContext?
        if let certificate = configuration.tlsCertificatePath {
            guard let key = configuration.tlsPrivateKeyPath else { throw TransportStartError.missingTLSKey }
            tlsContext = try TLSServerContext(certificateChainPEMPath: certificate, privateKeyPEMPath: key)
        }
        let shared = SharedTransportState(configuration: configuration, tlsContext: tlsContext)
        let loopCount = max(1, configuration.threads ?? Processor.availableCPUCount)

        // The first socket resolves port 0; the others bind that same port (SO_REUSEPORT).
        var sockets: [ListeningSocket] = []
        var address = try SocketAddress(host: configuration.host, port: configuration.port)
        // SO_REUSEPORT would let a second server on this port start silently and take a share of the
        // connections: refuse instead, naming the holder when /proc tells.
        if configuration.port != 0 && PortOwner.isTaken(address) {
            throw TransportStartError.portInUse(address: "\(address)", holder: PortOwner.describeListener(port: configuration.port))
        }
        do {
            for _ in 0..<loopCount {
                let socket = try ListeningSocket(binding: address, reusePort: loopCount > 1)
                address = socket.address
                sockets.append(socket)
            }
        } catch {
            sockets.forEach { $0.close() }
            throw error
        }

        var contexts: [LoopConfined<LoopContext>] = []
        for index in 0..<loopCount {
            let loop = try EventLoop(name: "loop-\(index)")
            let context = LoopContext(loop: loop, index: index, shared: shared, logger: logger.labeled("loop-\(index)"))
            let listener = Listener(context: context, socket: sockets[index])
            listener.registration = try loop.register(fd: sockets[index].fd, interest: .readable, handler: listener)
            context.listener = listener
            context.router = makeRoutes(context)
            contexts.append(LoopConfined(value: context))
        }
        // From here on each context is touched only by its own thread.
        var threads: [LoopThread] = []
        for (index, confined) in contexts.enumerated() {
            threads.append(try LoopThread.start(name: "livehub-loop-\(index)") {
                let context = confined.value
                context.loop.run()
                context.closeEverything()
            })
        }
        logger.info("event=transport.started address=\(address) loops=\(loopCount) tls=\(tlsContext != nil)")
        return TransportServer(address: address, contexts: contexts, threads: threads, logger: logger)
    }

    private init(address: SocketAddress, contexts: [LoopConfined<LoopContext>], threads: [LoopThread], logger: Logger) {
        self.address = address
        self.loopCount = contexts.count
        self.contexts = contexts
        self.threads = threads
        self.logger = logger
    }

    /// Starts the drain on every loop. Safe from any thread; returns at once.
    public func shutdown() {
        logger.info("event=server.shutdown")
        for confined in contexts {
            // `loop` is an immutable reference and EventLoop.execute is thread-safe; the context itself
            // is touched only inside the task, on its own thread.
            confined.value.loop.execute { confined.value.beginDrain() }
        }
    }

    /// Blocks until every loop has stopped.
    public func waitUntilStopped() {
        joined.withLock { alreadyJoined in
            guard !alreadyJoined else { return }
            for thread in threads { thread.join() }
            alreadyJoined = true
            logger.info("event=server.stopped")
        }
    }
}

/// Why the transport could not start (in addition to system and TLS errors).
public enum TransportStartError: Error, CustomStringConvertible, Equatable {
    case missingTLSKey
    /// Another socket already listens on the address; `holder` names its process when known.
    case portInUse(address: String, holder: String?)

    public var description: String {
        switch self {
        case .missingTLSKey: return "--tls-cert needs --tls-key"
        case .portInUse(let address, let holder):
            return "\(address) is already in use" + (holder.map { " by \($0)" } ?? "") + ": stop it or pick another --port"
        }
    }
}
