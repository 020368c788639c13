import LiveHubDomain
import LiveHubPosix
import LiveHubTransport

/// Frames the hub produced for connections, held until the journal holds the facts they show, then
/// batched per I/O loop and handed over once per hub iteration: one task (one lock, at most one
/// eventfd wake-up) per loop instead of one per frame. A frame encoded once for many recipients is
/// shared, not copied (`[UInt8]` is copy-on-write).
///
/// **The durability gate.** Every frame carries an LSN (see `HubJournal`); it leaves only once
/// `release(through:)` has reached it. Frames are released in the order the hub produced them, so
/// every connection receives its frames in that order. Normally the held frames are one queue: the
/// first that waits holds back the ones after it, at most until the next sync. While the journal
/// cannot write (`keepingOrderPerConnection`), order is kept per connection only: a frame for a
/// connection with nothing held passes the frames that wait for the stuck facts.
final class HubOutbox {
    private struct Batch {
        let loop: EventLoop
        var items: [(connection: ConnectionReference, frame: [UInt8])] = []
    }

    private struct Held {
        let lsn: UInt64
        let connection: ConnectionReference
        let connectionId: ConnectionId
        let frame: [UInt8]
    }

    // `@exclusivity(unchecked)` below: these hot properties are used only on this object's thread, by
    // straight-line code that never reaches them again while one of them is being changed. The run-time
    // exclusivity checks they skip cost about 5,000 instructions per message.send across the I/O and hub
    // loops (callgrind, 63.6k -> 58.5k); debug and release builds alike skip them for these only.
    /// Indexed by loop index; loops are few and fixed.
    @exclusivity(unchecked) private var batches: [Batch?] = []
    /// Frames waiting for the journal, in the order produced, from `heldStart`.
    @exclusivity(unchecked) private var held: [Held] = []
    @exclusivity(unchecked) private var heldStart = 0
    /// Frames tagged up to this LSN may leave.
    @exclusivity(unchecked) private var releasedLSN: UInt64

    init(releasedLSN: UInt64 = .max) {
        self.releasedLSN = releasedLSN
    }

    /// Frames waiting for the journal.
    var heldCount: Int { held.count - heldStart }

    /// Queues `frame` for `connection`; it leaves once the journal holds LSN `lsn`.
    func enqueue(_ frame: [UInt8], to connection: ConnectionReference, id connectionId: ConnectionId, after lsn: UInt64)
    {
        if lsn <= releasedLSN && heldStart == held.count {
            add(frame, to: connection)
        } else {
            held.append(Held(lsn: lsn, connection: connection, connectionId: connectionId, frame: frame))
        }
    }

    /// Queues `frame` for the session's connection; it leaves once the journal holds LSN `lsn`.
    func enqueue(_ frame: [UInt8], to session: HubSessionHandle, after lsn: UInt64) {
        enqueue(frame, to: session.connection, id: session.connectionId, after: lsn)
    }

    /// Releases the held frames the journal now covers.
    func release(through lsn: UInt64, keepingOrderPerConnection: Bool) {
        releasedLSN = lsn
        guard heldStart < held.count else { return }
        if !keepingOrderPerConnection {
            while heldStart < held.count, held[heldStart].lsn <= lsn {
                add(held[heldStart].frame, to: held[heldStart].connection)
                heldStart += 1
            }
        } else {
            var blocked: Set<ConnectionId> = []
            var kept: [Held] = []
            for item in held[heldStart...] {
                if item.lsn <= lsn && !blocked.contains(item.connectionId) {
                    add(item.frame, to: item.connection)
                } else {
                    blocked.insert(item.connectionId)
                    kept.append(item)
                }
            }
            held = kept
            heldStart = 0
        }
        if heldStart == held.count {
            held.removeAll(keepingCapacity: held.capacity <= 65_536)
            heldStart = 0
        } else if heldStart > 4096 && heldStart * 2 > held.count {
            held.removeFirst(heldStart)
            heldStart = 0
        }
    }

    private func add(_ frame: [UInt8], to connection: ConnectionReference) {
        let index = connection.loopIndex
        if index >= batches.count { batches.append(contentsOf: repeatElement(nil, count: index + 1 - batches.count)) }
        if batches[index] == nil { batches[index] = Batch(loop: connection.loop) }
        batches[index]?.items.append((connection, frame))
    }

    /// Posts each loop's batch of released frames to that loop.
    func flush() {
        for index in batches.indices {
            guard let batch = batches[index], !batch.items.isEmpty else { continue }
            let items = batch.items
            // The loop takes this array; the next batch starts with room for as many, so it grows
            // without reallocating under a steady load.
            var next: [(connection: ConnectionReference, frame: [UInt8])] = []
            next.reserveCapacity(items.count)
            batches[index]?.items = next
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
