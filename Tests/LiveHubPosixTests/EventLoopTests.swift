import LiveHubPosix
import Synchronization
import Testing

@Suite("event loop")
struct EventLoopTests {
    @Test("work posted from another thread runs on the loop, and stop() ends run()")
    func executeFromAnotherThread() throws {
        let loop = try EventLoop(name: "test")
        let ran = Atomic<Int>(0)
        let thread = try LoopThread.start(name: "test-loop") { loop.run() }
        for _ in 0..<100 { loop.execute { ran.add(1, ordering: .relaxed) } }
        loop.execute { loop.stop() }
        thread.join()
        #expect(ran.load(ordering: .relaxed) == 100)
    }

    @Test("no wake-up is lost when other threads post while the loop drains its queue")
    func noLostWakeups() throws {
        let loop = try EventLoop(name: "test")
        let done = Atomic<Int>(0)
        let thread = try LoopThread.start(name: "test-loop") { loop.run() }
        defer {
            loop.stop()
            thread.join()
        }
        // Bursts from two producers keep racing the loop's drain step; after each round every task
        // must have run. A lost wake-up leaves tasks queued with nothing to wake the loop.
        let producers = 2
        let burst = 50
        for round in 1...400 {
            let posters = try (0..<producers).map { _ in
                try LoopThread.start(name: "test-post") {
                    for _ in 0..<burst { loop.execute { done.add(1, ordering: .relaxed) } }
                }
            }
            posters.forEach { $0.join() }
            let expected = round * producers * burst
            let deadline = MonotonicClock.now() + 3_000_000_000
            while done.load(ordering: .relaxed) < expected {
                if MonotonicClock.now() > deadline {
                    Issue.record("round \(round): \(expected - done.load(ordering: .relaxed)) tasks never ran")
                    return
                }
            }
        }
    }

    @Test("timer wheel fires entries at their deadline, not before")
    func timerWheel() {
        var wheel = TimerWheel<Int>(tickNanoseconds: 10, slotCount: 8, now: 0)
        wheel.schedule(1, at: 25)
        wheel.schedule(2, at: 500)  // beyond one rotation
        var fired: [Int] = []
        wheel.advance(to: 20) { fired.append($0) }
        #expect(fired.isEmpty)
        wheel.advance(to: 30) { fired.append($0) }
        #expect(fired == [1])
        wheel.advance(to: 499) { fired.append($0) }
        #expect(fired == [1])
        wheel.advance(to: 510) { fired.append($0) }
        #expect(fired == [1, 2])
        #expect(wheel.count == 0)
    }

    @Test("a long stall fires every overdue entry once")
    func timerWheelStall() {
        var wheel = TimerWheel<Int>(tickNanoseconds: 10, slotCount: 4, now: 0)
        for index in 0..<20 { wheel.schedule(index, at: UInt64(index * 7)) }
        var fired: [Int] = []
        wheel.advance(to: 10_000) { fired.append($0) }
        #expect(fired.sorted() == Array(0..<20))
    }
}
