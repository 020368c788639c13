import LiveHubDeflate
import LiveHubHTTP
import LiveHubPosix

/// Everything one event loop owns: its connections, its buffers and its routes. Confined to the
/// loop's thread; other threads reach it only through `EventLoop.execute`.
public final class LoopContext {
    public let loop: EventLoop
    /// 0 ..< loop count.
    public let index: Int
    let shared: SharedTransportState
    public let configuration: TransportConfiguration
    public let logger: Logger
    /// Set once, before the loop's thread starts (see `TransportServer.start`).
    var router = HTTPRouter<TransportRoute>()

    /// Every read lands here first (one buffer per loop, not per connection: idle connections cost nothing).
    let receiveBuffer: UnsafeMutableRawBufferPointer
    /// Decrypted TLS bytes land here.
    let plaintextBuffer: UnsafeMutableRawBufferPointer
    // `@exclusivity(unchecked)` below: these hot properties are used only on this object's thread, by
    // straight-line code that never reaches them again while one of them is being changed. The run-time
    // exclusivity checks they skip cost about 5,000 instructions per message.send across the I/O and hub
    // loops (callgrind, 63.6k -> 58.5k); debug and release builds alike skip them for these only.
    /// While a connection processes its input, everything sent to it is corked here and written with
    /// one syscall at the end, instead of one write per message.
    @exclusivity(unchecked) var corkBuffer: [UInt8] = []
    /// Identity only (no reference): compared several times per message, so no refcounting.
    var corkedConnection: ObjectIdentifier?
    /// Connections with output queued by someone else (e.g. a room broadcast), flushed once per iteration.
    @exclusivity(unchecked) var dirtyConnections: [Connection] = []
    @exclusivity(unchecked) private var flushingConnections: [Connection] = []
    /// Scratch space for encoding one frame that goes to many recipients.
    var broadcastScratch: [UInt8] = []
    /// Scratch space for one compressed message.
    @exclusivity(unchecked) var compressScratch: [UInt8] = []
    /// zlib streams lent to this loop's connections that take over no context between messages.
    let sharedZlibStreams: SharedZlibStreams

    private(set) var connections: [Connection] = []
    /// WebSocket messages since start (cumulative, for `/metrics`; the `event=stats` line logs the
    /// difference since its last line).
    @exclusivity(unchecked) var messagesReceived = 0
    @exclusivity(unchecked) var messagesSent = 0
    private var loggedReceived = 0
    private var loggedSent = 0
    private var nextStatsAt: UInt64 = 0
    private static let statsInterval: UInt64 = 60_000_000_000
    var listener: Listener?
    /// The server is draining: no new connections or upgrades, keep-alive ends.
    public private(set) var isDraining = false
    var drainDeadline: UInt64 = 0

    /// The connection timer rules, with the timeouts converted to monotonic nanoseconds once.
    let timerPolicy: ConnectionTimerPolicy

    init(loop: EventLoop, index: Int, shared: SharedTransportState, logger: Logger) {
        self.loop = loop
        self.index = index
        self.shared = shared
        self.configuration = shared.configuration
        self.logger = logger
        sharedZlibStreams = SharedZlibStreams(configuration: shared.configuration.deflate)
        receiveBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 128 * 1024, alignment: 16)
        plaintextBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        corkBuffer.reserveCapacity(64 * 1024)
        timerPolicy = ConnectionTimerPolicy(configuration)
        // Unchecked: the loop (and this closure) never outlives the context that owns it.
        loop.afterEvents = { [unowned(unsafe) self] in
            self.flushDirtyConnections()
            if self.loop.now >= self.nextStatsAt { self.logStats() }
            if self.isDraining && self.loop.now >= self.drainDeadline { self.closeEverything() }
        }
    }

    deinit {
        receiveBuffer.deallocate()
        plaintextBuffer.deallocate()
    }

    /// One line a minute per loop: enough to see load, leaks and storms in the log without metrics.
    private func logStats() {
        if nextStatsAt != 0 {
            let webSockets = connections.reduce(0) { $0 + ($1.session == nil ? 0 : 1) }
            logger.info(
                "event=stats connections=\(connections.count) websockets=\(webSockets) "
                    + "messages_in=\(messagesReceived &- loggedReceived) messages_out=\(messagesSent &- loggedSent) "
                    + "open_total=\(shared.openConnections.load(ordering: .relaxed))")
            loggedReceived = messagesReceived
            loggedSent = messagesSent
            // Small freed blocks stay in the heap; once a minute, what is free at the top goes back.
            Memory.trimFreeHeap()
        }
        nextStatsAt = loop.now &+ Self.statsInterval
    }

    /// This loop's counters, for `/metrics`. O(connections): called on a scrape, not per message.
    public func metrics() -> LoopMetrics {
        var metrics = LoopMetrics()
        for connection in connections {
            switch connection.phase {
            case .http: metrics.httpConnections += 1
            case .webSocket: metrics.webSockets += 1
            case .closing, .lingering, .closed: metrics.closingConnections += 1
            }
        }
        metrics.messagesReceived = messagesReceived
        metrics.messagesSent = messagesSent
        return metrics
    }

    /// Open connections on every loop (the `--max-connections` count).
    public var openConnectionCount: Int { shared.openConnections.load(ordering: .relaxed) }

    // MARK: Connection bookkeeping

    func adopt(_ connection: Connection) {
        connection.indexInLoop = connections.count
        connections.append(connection)
    }

    func forget(_ connection: Connection) {
        let index = connection.indexInLoop
        guard index >= 0, index < connections.count, connections[index] === connection else { return }
        let last = connections.removeLast()
        if index < connections.count {
            connections[index] = last
            last.indexInLoop = index
        }
        connection.indexInLoop = -1
        shared.openConnections.subtract(1, ordering: .relaxed)
        if isDraining && connections.isEmpty { loop.stop() }
    }

    func markDirty(_ connection: Connection) {
        guard !connection.isDirty else { return }
        connection.isDirty = true
        dirtyConnections.append(connection)
    }

    private func flushDirtyConnections() {
        // Flushing can mark more connections dirty (a write error closes one, which may notify others):
        // take the list, flush it, repeat. The two arrays trade places so neither is reallocated.
        while !dirtyConnections.isEmpty {
            swap(&flushingConnections, &dirtyConnections)
            for connection in flushingConnections {
                connection.isDirty = false
                connection.flush()
            }
            flushingConnections.removeAll(keepingCapacity: true)
        }
    }

    // MARK: Drain

    /// Stops accepting and asks every connection to close (1001 for WebSockets). The loop stops when the
    /// last connection is gone or the drain timeout passes.
    func beginDrain() {
        guard !isDraining else { return }
        isDraining = true
        drainDeadline = loop.now &+ configuration.drainTimeoutSeconds.nanoseconds
        listener?.close()
        listener = nil
        logger.info("event=drain.start connections=\(connections.count)")
        for connection in connections { connection.beginShutdown() }
        if connections.isEmpty { loop.stop() }
    }

    /// Cuts whatever is still open (drain deadline passed, or the loop stopped) and stops the loop.
    func closeEverything() {
        listener?.close()
        listener = nil
        if !connections.isEmpty {
            logger.info("event=drain.cut connections=\(connections.count)")
        }
        for connection in connections { connection.abort() }
        loop.stop()
    }
}

/// One loop's share of the transport's metrics.
public struct LoopMetrics: Sendable {
    public var httpConnections = 0
    public var webSockets = 0
    /// Closing handshakes and lingering closes still in progress.
    public var closingConnections = 0
    public var messagesReceived = 0
    public var messagesSent = 0
    public init() {}

    /// The sum of two loops' shares.
    public static func + (left: LoopMetrics, right: LoopMetrics) -> LoopMetrics {
        var sum = left
        sum.httpConnections += right.httpConnections
        sum.webSockets += right.webSockets
        sum.closingConnections += right.closingConnections
        sum.messagesReceived &+= right.messagesReceived
        sum.messagesSent &+= right.messagesSent
        return sum
    }
}
