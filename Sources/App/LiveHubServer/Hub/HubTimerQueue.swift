import LiveHubDomain

/// The domain's pending timers, earliest first: a binary min-heap by deadline (ties in the order they
/// were asked for), holding each timer once however often it is asked for. The hub loop looks at the
/// first one each iteration and fires what is due; arming and firing cost O(log n) in the number
/// pending, so thousands of offers, windows and held-back report rows cost nothing per iteration.
/// A pure value: no clock, confined to the hub loop like the `Hub` it serves.
struct HubTimerQueue {
    private struct Entry {
        let timer: ScheduledTimer
        /// Order of arrival, so timers with the same deadline fire first come, first served.
        let sequence: UInt64

        func precedes(_ other: Entry) -> Bool {
            (timer.deadline, sequence) < (other.timer.deadline, other.sequence)
        }
    }

    private var heap: [Entry] = []
    private var pending: Set<ScheduledTimer> = []
    private var arrivals: UInt64 = 0

    var count: Int { heap.count }
    var isEmpty: Bool { heap.isEmpty }

    /// When the earliest timer is due.
    var nextDeadline: Instant? { heap.first?.timer.deadline }

    /// Arms `timer` unless the same one is already pending.
    mutating func insert(_ timer: ScheduledTimer) {
        guard pending.insert(timer).inserted else { return }
        arrivals &+= 1
        heap.append(Entry(timer: timer, sequence: arrivals))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Takes the earliest timer if it is due at `now`.
    mutating func popDue(at now: Instant) -> ScheduledTimer? {
        guard let first = heap.first, first.timer.deadline <= now else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count && heap[left].precedes(heap[smallest]) { smallest = left }
                if right < heap.count && heap[right].precedes(heap[smallest]) { smallest = right }
                if smallest == parent { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        pending.remove(first.timer)
        return first.timer
    }
}
