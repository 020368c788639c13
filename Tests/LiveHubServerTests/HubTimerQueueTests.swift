import LiveHubDomain
import Testing

@testable import LiveHubServer

@Suite("hub timer queue")
struct HubTimerQueueTests {
    static func at(_ milliseconds: Int64) -> Instant { Instant(millisecondsSinceEpoch: milliseconds) }

    @Test("Timers: due timers come out earliest first, ties in the order asked for, never before their deadline")
    func earliestFirst() {
        var queue = HubTimerQueue()
        var generator = SystemRandomNumberGenerator()
        var deadlines: [Int64] = []
        for index in 0..<500 {
            let deadline = Int64.random(in: 0..<100, using: &generator)
            deadlines.append(deadline)
            queue.insert(.offerTimeout(OfferId("o\(index)"), at: Self.at(deadline)))
        }
        #expect(queue.nextDeadline == Self.at(deadlines.min()!))
        #expect(queue.popDue(at: Self.at(deadlines.min()! - 1)) == nil)
        var fired: [(deadline: Int64, index: Int)] = []
        while let timer = queue.popDue(at: Self.at(99)) {
            guard case .offerTimeout(let offerId, let at) = timer else { continue }
            fired.append((at.millisecondsSinceEpoch, Int(offerId.rawValue.dropFirst())!))
        }
        #expect(fired.count == 500 && queue.isEmpty)
        #expect(fired.map(\.deadline) == deadlines.sorted())
        for (earlier, later) in zip(fired, fired.dropFirst()) where earlier.deadline == later.deadline {
            #expect(earlier.index < later.index)
        }
    }

    @Test("Timers: the same timer asked for twice is held once, and can be asked for again once fired")
    func heldOnce() {
        var queue = HubTimerQueue()
        let tick = ScheduledTimer.queueUpdate("general", at: Self.at(5_000))
        queue.insert(tick)
        queue.insert(tick)
        queue.insert(.queueUpdate("billing", at: Self.at(5_000)))
        #expect(queue.count == 2)
        #expect(queue.popDue(at: Self.at(5_000)) == tick)
        queue.insert(tick)
        #expect(queue.count == 2)
    }
}
