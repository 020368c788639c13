import LiveHubDomain
import LiveHubPosix
import LiveHubTransport

/// Frames the hub produced for connections, batched per I/O loop and handed over once per hub
/// iteration: one task (one lock, at most one eventfd wake-up) per loop instead of one per frame.
/// Frames keep their order per loop, so every connection receives its frames in the order the hub
/// produced them. A frame encoded once for many recipients is shared, not copied (`[UInt8]` is
/// copy-on-write).
final class HubOutbox {
    private struct Batch {
        let loop: EventLoop
        var items: [(connection: ConnectionReference, frame: [UInt8])] = []
    }

    /// Indexed by loop index; loops are few and fixed.
    private var batches: [Batch?] = []

    func enqueue(_ frame: [UInt8], to connection: ConnectionReference) {
        let index = connection.loopIndex
        if index >= batches.count { batches.append(contentsOf: repeatElement(nil, count: index + 1 - batches.count)) }
        if batches[index] == nil { batches[index] = Batch(loop: connection.loop) }
        batches[index]?.items.append((connection, frame))
    }

    /// Posts each loop's batch to that loop.
    func flush() {
        for index in batches.indices {
            guard let batch = batches[index], !batch.items.isEmpty else { continue }
            let items = batch.items
            batches[index]?.items.removeAll(keepingCapacity: false)
            batch.loop.execute {
                for item in items {
                    item.frame.withUnsafeBytes { item.connection.onLoop().send(.text, $0) }
                }
            }
        }
    }
}

/// How any loop reaches the hub service on the hub thread.
struct HubMailbox: Sendable {
    let loop: EventLoop
    let service: LoopConfined<HubService>
    /// Connection ids of this server start, unique across restarts; the number part is the transport's
    /// connection number (`Connection.id`, one atomic counter for every loop).
    let connectionIds: ConnectionIdGenerator

    /// Runs `work` on the hub thread, during its next iteration.
    func post(_ work: @escaping @Sendable (HubService) -> Void) {
        let service = self.service
        loop.execute { work(service.value) }
    }
}

/// The hub's own thread: an event loop with no sockets, only the task queue and per-iteration timers,
/// so the domain's work never takes turns with a loop's socket I/O.
final class HubRuntime: Sendable {
    let mailbox: HubMailbox
    private let thread: LoopThread

    static func start(service makeService: (EventLoop) -> HubService) throws -> HubRuntime {
        let loop = try EventLoop(name: "hub")
        let service = makeService(loop)
        loop.afterEvents = { service.endOfIteration() }
        loop.nanosecondsUntilDeadline = { service.nanosecondsUntilNextTimer() }
        let connectionIds = ConnectionIdGenerator(
            bootedAt: WallClock.now(),
            nonce: UInt32(truncatingIfNeeded: FileSystem.randomBytes(4).reduce(0) { $0 << 8 | UInt32($1) }))
        let mailbox = HubMailbox(loop: loop, service: LoopConfined(value: service), connectionIds: connectionIds)
        let thread = try LoopThread.start(name: "livehub-hub") { loop.run() }
        return HubRuntime(mailbox: mailbox, thread: thread)
    }

    private init(mailbox: HubMailbox, thread: LoopThread) {
        self.mailbox = mailbox
        self.thread = thread
    }

    /// Stops the hub thread after the tasks already posted, and waits for it.
    func stop() {
        mailbox.loop.stop()
        thread.join()
    }
}
