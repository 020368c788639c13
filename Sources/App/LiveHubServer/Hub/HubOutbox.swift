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
    /// A frame on its way to one connection. Frames move from the held queue to a loop's batch and
    /// into the loop's task without a copy: each step swaps the references out (`moveOut`), which
    /// spares two retains and two releases per frame and step; a message reaches several connections.
    private struct Item {
        var connection: ConnectionReference?
        var frame: [UInt8]

        /// The item, leaving an empty one in its place.
        mutating func moveOut() -> Item {
            var item = Item(connection: nil, frame: [])
            swap(&item, &self)
            return item
        }
    }

    private struct Held {
        let lsn: UInt64
        /// The session the frame is for: per-connection order while the journal fails. An identity,
        /// not a reference; the item holds the connection.
        let session: ObjectIdentifier
        var item: Item
    }

    // `@exclusivity(unchecked)` below: these hot properties are used only on this object's thread, by
    // straight-line code that never reaches them again while one of them is being changed. The run-time
    // exclusivity checks they skip cost about 5,000 instructions per message.send across the I/O and hub
    // loops (callgrind, 63.6k -> 58.5k); debug and release builds alike skip them for these only.
    /// Each loop's released frames, and the loop, indexed by loop index; loops are few and fixed.
    @exclusivity(unchecked) private var batches: [[Item]] = []
    private var loops: [EventLoop?] = []
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

    /// Queues `frame` for the session's connection; it leaves once the journal holds LSN `lsn`.
    func enqueue(_ frame: [UInt8], to session: HubSessionHandle, after lsn: UInt64) {
        let item = Item(connection: session.connection, frame: frame)
        if lsn <= releasedLSN && heldStart == held.count {
            add(item)
        } else {
            held.append(Held(lsn: lsn, session: ObjectIdentifier(session), item: item))
        }
    }

    /// Releases the held frames the journal now covers.
    func release(through lsn: UInt64, keepingOrderPerConnection: Bool) {
        releasedLSN = lsn
        guard heldStart < held.count else { return }
        if !keepingOrderPerConnection {
            while heldStart < held.count, held[heldStart].lsn <= lsn {
                add(held[heldStart].item.moveOut())
                heldStart += 1
            }
        } else {
            var blocked: Set<ObjectIdentifier> = []
            var kept: [Held] = []
            for index in heldStart..<held.count {
                if held[index].lsn <= lsn && !blocked.contains(held[index].session) {
                    add(held[index].item.moveOut())
                } else {
                    blocked.insert(held[index].session)
                    kept.append(held[index])
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

    private func add(_ item: consuming Item) {
        guard let connection = item.connection else { return }
        let index = connection.loopIndex
        if index >= batches.count {
            batches.append(contentsOf: repeatElement([], count: index + 1 - batches.count))
            loops.append(contentsOf: repeatElement(nil, count: index + 1 - loops.count))
        }
        if loops[index] == nil { loops[index] = connection.loop }
        batches[index].append(item)
    }

    /// Posts each loop's batch of released frames to that loop.
    func flush() {
        for index in batches.indices where !batches[index].isEmpty {
            guard let loop = loops[index] else { continue }
            // The loop takes this array; the next batch starts with room for as many, so it grows
            // without reallocating under a steady load.
            var items: [Item] = []
            items.reserveCapacity(batches[index].count)
            swap(&items, &batches[index])
            let batch = items
            loop.execute {
                batch.withUnsafeBufferPointer { buffer in
                    for index in buffer.indices {
                        guard let connection = buffer[index].connection else { continue }
                        buffer[index].frame.withUnsafeBytes { connection.onLoop().send(.text, $0) }
                    }
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
