/// A hashed timing wheel: O(1) scheduling, coarse resolution, lazy cancellation.
///
/// Connection timeouts (handshake, idle, heartbeat, close) only need ~100 ms precision, and most are
/// never reached, so each connection keeps at most one entry here and re-arms itself when it fires
/// (it knows its real next deadline). Entries for descriptors that were closed meanwhile are dropped
/// by the caller, which checks the token's generation. Pure: time is passed in.
public struct TimerWheel<Token> {
    struct Entry {
        var deadline: UInt64
        var token: Token
    }

    private var slots: [[Entry]]
    private let tickNanoseconds: UInt64
    private var currentTick: UInt64
    public private(set) var count = 0

    /// - Parameters:
    ///   - tickNanoseconds: resolution; deadlines fire at most one tick late.
    ///   - slotCount: entries further than `slotCount` ticks ahead wait for extra rotations.
    public init(tickNanoseconds: UInt64 = 100_000_000, slotCount: Int = 512, now: UInt64) {
        precondition(tickNanoseconds > 0 && slotCount > 0)
        self.tickNanoseconds = tickNanoseconds
        self.slots = Array(repeating: [], count: slotCount)
        self.currentTick = now / tickNanoseconds
    }

    public mutating func schedule(_ token: Token, at deadline: UInt64) {
        let tick = max(deadline / tickNanoseconds, currentTick)
        slots[Int(tick % UInt64(slots.count))].append(Entry(deadline: deadline, token: token))
        count += 1
    }

    /// Nanoseconds until the next tick boundary (an upper bound for how long the loop may sleep).
    public func nanosecondsUntilNextTick(now: UInt64) -> UInt64 {
        let next = (now / tickNanoseconds + 1) * tickNanoseconds
        return next > now ? next - now : 0
    }

    /// Fires every entry whose deadline is at or before `now`, in slot order. `fire` must not schedule
    /// into this wheel (collect the tokens and act on them after `advance` returns).
    public mutating func advance(to now: UInt64, _ fire: (Token) -> Void) {
        let targetTick = now / tickNanoseconds
        guard targetTick >= currentTick, count > 0 else {
            currentTick = max(currentTick, targetTick)
            return
        }
        // After a long stall, visiting each slot once is enough: every entry lives in some slot.
        let ticksToVisit = min(targetTick - currentTick + 1, UInt64(slots.count))
        var tick = currentTick
        for _ in 0..<ticksToVisit {
            let index = Int(tick % UInt64(slots.count))
            if !slots[index].isEmpty {
                var entries: [Entry] = []
                swap(&entries, &slots[index])
                var kept: [Entry] = []
                for entry in entries {
                    if entry.deadline <= now {
                        count -= 1
                        fire(entry.token)
                    } else {
                        kept.append(entry)
                    }
                }
                slots[index].append(contentsOf: kept)
            }
            tick += 1
        }
        currentTick = targetTick
    }
}
