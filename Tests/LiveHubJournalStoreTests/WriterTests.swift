import LiveHubJournal
import LiveHubPosix
import Synchronization
import Testing

@testable import LiveHubJournalStore

#if canImport(Glibc)
import Glibc
#endif

/// Results delivered to completions, waited for with a deadline.
final class Completions: Sendable {
    private let results = Mutex<[JournalWriteResult]>([])
    var all: [JournalWriteResult] { results.withLock { $0 } }
    func add(_ result: JournalWriteResult) { results.withLock { $0.append(result) } }

    /// Waits until `count` results arrived (or 10 s passed).
    func wait(for count: Int) -> [JournalWriteResult] {
        let deadline = MonotonicClock.now() + 10_000_000_000
        while results.withLock({ $0.count }) < count && MonotonicClock.now() < deadline { usleep(1000) }
        return all
    }
}

@Suite("journal writer thread")
struct WriterTests {
    private func start(_ harness: Harness, _ options: JournalOptions = JournalOptions()) throws -> JournalWriter {
        let (recovery, _) = try harness.recover()
        return try JournalWriter.start(after: recovery, disk: harness.disk, options: options) { [log = harness.log] in
            log.append($0)
        }
    }

    /// `threads` producers append `perThread` batches each; LSNs are handed out in append order under one
    /// lock, as the hub's single thread does.
    private func appendConcurrently(
        _ writer: JournalWriter, threads: Int, perThread: Int,
        completion: @escaping @Sendable (JournalBatch, JournalWriteResult) -> Void
    ) throws {
        let sequencer = Mutex<UInt64>(1)
        let producers = try (0..<threads).map { _ in
            try LoopThread.start(name: "test-producer") {
                for _ in 0..<perThread {
                    sequencer.withLock { next in
                        let batch = batch(next, 2)
                        next += 2
                        writer.append(batch) { completion(batch, $0) }
                    }
                }
            }
        }
        for producer in producers { producer.join() }
    }

    @Test(
        "group: every completion runs after its records are synced, and one sync covers the batches written meanwhile")
    func completionsAfterSync() throws {
        let harness = Harness()
        harness.disk.setSyncDelay(nanoseconds: 1_000_000)
        let writer = try start(harness)
        let completions = Completions()
        let notDurable = Atomic<Int>(0)
        try appendConcurrently(writer, threads: 8, perThread: 25) { [disk = harness.disk] batch, result in
            // Runs on the writer thread: what a crash now would keep must already hold the batch.
            let synced = Harness(disk: disk.crashImage(seed: 0, keepingUnsynced: false))
            let lsns = Set((try? synced.recover().1.map(\.lsn)) ?? [])
            if !batch.lsns.allSatisfy(lsns.contains) { notDurable.add(1, ordering: .relaxed) }
            completions.add(result)
        }
        let results = completions.wait(for: 200)
        writer.close()
        #expect(results.count == 200 && results.allSatisfy { $0.ack?.durable == true })
        #expect(notDurable.load(ordering: .relaxed) == 0)
        let statistics = writer.statistics
        #expect(statistics.batches == 200 && statistics.records == 400)
        #expect(statistics.syncs < 100, "\(statistics)")  // 200 batches, 8 in flight, 1 ms syncs
        #expect(try harness.recover().1.map(\.lsn) == Array(1...400))
    }

    @Test("interval: batches are acknowledged at the write, and the writer thread syncs them within the interval")
    func intervalSyncsOnItsOwn() throws {
        let harness = Harness()
        let writer = try start(harness, JournalOptions(sync: .interval, syncIntervalNanoseconds: 20_000_000))
        let completions = Completions()
        writer.append(batch(1, 3)) { completions.add($0) }
        #expect(completions.wait(for: 1).first?.ack == JournalAck(lsns: 1..<4, durable: false))
        let deadline = MonotonicClock.now() + 5_000_000_000
        while (try? Harness(disk: harness.disk.crashImage(seed: 0, keepingUnsynced: false)).recover().1.count) != 3
            && MonotonicClock.now() < deadline
        {
            usleep(2000)
        }
        #expect(try Harness(disk: harness.disk.crashImage(seed: 0, keepingUnsynced: false)).recover().1.count == 3)
        writer.close()
    }

    @Test(
        "ENOSPC reaches the completions with the LSN to resume from; re-appended from there once there is room, it goes through"
    )
    func failureThenResume() throws {
        let harness = Harness()
        let writer = try start(harness)
        let completions = Completions()
        writer.append(batch(1)) { completions.add($0) }
        _ = completions.wait(for: 1)
        harness.disk.setCapacity(0)
        writer.append(batch(2)) { completions.add($0) }
        writer.append(batch(3)) { completions.add($0) }
        let failed = completions.wait(for: 3)
        #expect(failed[1].failure?.nextLSN == 2 && failed[2].failure?.nextLSN == 2)
        harness.disk.setCapacity(nil)
        writer.append(batch(2, 2)) { completions.add($0) }
        #expect(completions.wait(for: 4)[3].ack?.lsns == 2..<4)
        writer.close()
        #expect(try harness.recover().1.map(\.lsn) == [1, 2, 3])
        #expect(harness.log.all.count == 1 && harness.log.all[0].contains("No space left on device"))
    }

    @Test("close writes what is queued and syncs it; an append after close fails at once")
    func close() throws {
        let harness = Harness()
        let writer = try start(harness, JournalOptions(sync: .off))
        let completions = Completions()
        for first in UInt64(1)...5 { writer.append(batch(first)) { completions.add($0) } }
        writer.close()
        writer.close()
        #expect(completions.all.count == 5)
        writer.append(batch(6)) { completions.add($0) }
        #expect(completions.all.last?.failure?.reason == .closed)
        #expect(try Harness(disk: harness.disk.crashImage(seed: 0, keepingUnsynced: false)).recover().1.count == 5)
    }
}
