import CLiveHubSystem
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Readiness reported by epoll, and interest registered with it.
public struct IOEvents: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let readable = IOEvents(rawValue: 1 << 0)
    public static let writable = IOEvents(rawValue: 1 << 1)
    /// The peer hung up or the socket has an error; reading will tell which.
    public static let hangup = IOEvents(rawValue: 1 << 2)

    var epollMask: UInt32 {
        var mask: UInt32 = 0
        if contains(.readable) { mask |= LIVEHUB_EPOLLIN | LIVEHUB_EPOLLRDHUP }
        if contains(.writable) { mask |= LIVEHUB_EPOLLOUT }
        return mask
    }

    init(epollMask mask: UInt32) {
        var events: IOEvents = []
        if mask & LIVEHUB_EPOLLIN != 0 { events.insert(.readable) }
        if mask & LIVEHUB_EPOLLOUT != 0 { events.insert(.writable) }
        if mask & (LIVEHUB_EPOLLERR | LIVEHUB_EPOLLHUP | LIVEHUB_EPOLLRDHUP) != 0 { events.insert(.hangup) }
        self = events
    }
}

/// Identifies one registration. The generation makes a stale epoll event (or timer) for a reused
/// descriptor slot harmless: it no longer matches and is ignored.
public struct RegistrationID: Hashable, Sendable {
    let index: UInt32
    let generation: UInt32

    var packed: UInt64 { UInt64(generation) << 32 | UInt64(index) }
    init(index: UInt32, generation: UInt32) {
        self.index = index
        self.generation = generation
    }
    init(packed: UInt64) {
        self.index = UInt32(truncatingIfNeeded: packed)
        self.generation = UInt32(truncatingIfNeeded: packed >> 32)
    }
}

/// Something the loop calls back when its descriptor is ready or its timer fires.
public protocol EventLoopHandler: AnyObject {
    func handleIO(_ events: IOEvents)
    func handleTimer()
}

/// One epoll loop on one thread. It owns the handlers registered with it; nothing else touches them.
///
/// Thread safety: `execute` and `stop` may be called from any thread (they go through a locked queue
/// and an eventfd wake-up). Everything else must be called on the loop's own thread.
public final class EventLoop: @unchecked Sendable {
    private struct Slot {
        var generation: UInt32 = 0
        var handler: (any EventLoopHandler)?
    }

    private let epollFD: Int32
    private let wakeFD: Int32
    private static let wakeToken = UInt64.max
    private var slots: [Slot] = []
    private var freeSlots: [UInt32] = []
    private var timers: TimerWheel<RegistrationID>
    private var expiredTimers: [RegistrationID] = []
    private let pendingTasks = Mutex<[@Sendable () -> Void]>([])
    private let wakeRequested = Atomic<Bool>(false)
    private let stopRequested = Atomic<Bool>(false)

    /// The time at the start of the current iteration (cached: one clock read per iteration).
    public private(set) var now: UInt64
    /// Called once per iteration after I/O events and tasks: the place to flush coalesced writes.
    public var afterEvents: (() -> Void)?
    /// Called before each wait: the owner's next deadline outside the wheel, in nanoseconds from now
    /// (`nil`: none). The loop waits no longer, so `afterEvents` runs in time for it.
    public var nanosecondsUntilDeadline: (() -> UInt64?)?
    public let name: String

    public init(name: String) throws(SystemError) {
        self.name = name
        epollFD = try performCall("epoll_create1") { livehub_epoll_create() }
        do {
            wakeFD = try performCall("eventfd") { livehub_eventfd() }
        } catch {
            SocketIO.close(epollFD)
            throw error
        }
        now = MonotonicClock.now()
        timers = TimerWheel(now: now)
        if livehub_epoll_ctl(epollFD, LIVEHUB_EPOLL_CTL_ADD, wakeFD, LIVEHUB_EPOLLIN, Self.wakeToken) != 0 {
            let code = errno
            SocketIO.close(wakeFD)
            SocketIO.close(epollFD)
            throw SystemError(call: "epoll_ctl(eventfd)", code: code)
        }
    }

    deinit {
        SocketIO.close(wakeFD)
        SocketIO.close(epollFD)
    }

    // MARK: Registrations

    public func register(
        fd: Int32, interest: IOEvents, handler: any EventLoopHandler
    ) throws(SystemError) -> RegistrationID {
        let index: UInt32
        if let free = freeSlots.popLast() {
            index = free
        } else {
            index = UInt32(slots.count)
            slots.append(Slot())
        }
        slots[Int(index)].handler = handler
        let id = RegistrationID(index: index, generation: slots[Int(index)].generation)
        if livehub_epoll_ctl(epollFD, LIVEHUB_EPOLL_CTL_ADD, fd, interest.epollMask, id.packed) != 0 {
            let code = errno
            release(id)
            throw SystemError(call: "epoll_ctl(add)", code: code)
        }
        return id
    }

    public func modify(_ id: RegistrationID, fd: Int32, interest: IOEvents) {
        _ = livehub_epoll_ctl(epollFD, LIVEHUB_EPOLL_CTL_MOD, fd, interest.epollMask, id.packed)
    }

    /// Removes the registration; call before closing the descriptor. Pending events and timers for it
    /// are ignored from now on.
    public func deregister(_ id: RegistrationID, fd: Int32) {
        _ = livehub_epoll_ctl(epollFD, LIVEHUB_EPOLL_CTL_DEL, fd, 0, 0)
        release(id)
    }

    private func release(_ id: RegistrationID) {
        let index = Int(id.index)
        guard index < slots.count, slots[index].generation == id.generation else { return }
        slots[index].handler = nil
        slots[index].generation &+= 1
        freeSlots.append(id.index)
    }

    @inline(__always)
    private func handler(for id: RegistrationID) -> (any EventLoopHandler)? {
        let index = Int(id.index)
        guard index < slots.count, slots[index].generation == id.generation else { return nil }
        return slots[index].handler
    }

    // MARK: Timers

    /// Calls the registration's `handleTimer` at (or up to one tick after) `deadline`.
    public func scheduleTimer(for id: RegistrationID, at deadline: UInt64) {
        timers.schedule(id, at: deadline)
    }

    // MARK: Cross-thread work

    /// Runs `task` on this loop's thread during its next iteration. Safe from any thread.
    public func execute(_ task: @escaping @Sendable () -> Void) {
        pendingTasks.withLock { $0.append(task) }
        wakeUp()
    }

    /// Asks the loop to return from `run()` after the current iteration. Safe from any thread.
    public func stop() {
        stopRequested.store(true, ordering: .releasing)
        wakeUp()
    }

    private func wakeUp() {
        // One eventfd write per batch of tasks is enough; the loop clears the flag before draining.
        if wakeRequested.exchange(true, ordering: .acquiringAndReleasing) { return }
        var one: UInt64 = 1
        _ = Glibc.write(wakeFD, &one, 8)
    }

    private func runPendingTasks() {
        // Order matters: consume the eventfd first, then clear the flag. Cleared first, a producer could
        // set it and write in between, the read would swallow that write, and the flag would stay set
        // with nothing left to wake us: every later `wakeUp` would skip its write and the loop would go deaf.
        var counter: UInt64 = 0
        _ = Glibc.read(wakeFD, &counter, 8)
        wakeRequested.store(false, ordering: .sequentiallyConsistent)
        let tasks = pendingTasks.withLock { tasks -> [@Sendable () -> Void] in
            var taken: [@Sendable () -> Void] = []
            swap(&taken, &tasks)
            return taken
        }
        for task in tasks { task() }
    }

    // MARK: Running

    /// Runs until `stop()`; returns on the loop's own thread.
    public func run() {
        let capacity = 256
        let events = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        let tokens = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        defer {
            events.deallocate()
            tokens.deallocate()
        }
        while !stopRequested.load(ordering: .acquiring) {
            var timeout: Int32
            if timers.count > 0 {
                timeout = Int32(max(1, timers.nanosecondsUntilNextTick(now: MonotonicClock.now()) / 1_000_000))
            } else {
                timeout = 1000
            }
            if let wait = nanosecondsUntilDeadline?() {
                timeout = min(timeout, Int32(clamping: (wait + 999_999) / 1_000_000))
            }
            let ready = livehub_epoll_wait(epollFD, events, tokens, Int32(capacity), timeout)
            now = MonotonicClock.now()
            var sawWake = false
            if ready > 0 {
                for position in 0..<Int(ready) {
                    let token = tokens[position]
                    if token == Self.wakeToken {
                        sawWake = true
                        continue
                    }
                    handler(for: RegistrationID(packed: token))?.handleIO(IOEvents(epollMask: events[position]))
                }
            }
            if sawWake { runPendingTasks() }
            afterEvents?()
            if timers.count > 0 {
                // Collected first and fired after: a handler usually re-arms itself, which must not
                // happen while the wheel is being advanced.
                expiredTimers.removeAll(keepingCapacity: true)
                timers.advance(to: now) { expiredTimers.append($0) }
                if !expiredTimers.isEmpty {
                    for id in expiredTimers { handler(for: id)?.handleTimer() }
                    afterEvents?()
                }
            }
        }
        // Late tasks (posted while stopping) still run, so nothing posted is silently lost.
        runPendingTasks()
        afterEvents?()
    }
}
