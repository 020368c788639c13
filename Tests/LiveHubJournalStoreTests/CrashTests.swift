import LiveHubJournal
import LiveHubPosix
import Testing

@testable import LiveHubJournalStore

#if canImport(Glibc)
import Glibc
#endif

@Suite("journal crashes")
struct CrashTests {
    /// Writes random groups under random faults (ENOSPC with part of a write landing, failed syncs,
    /// short writes, a read-only spell) until the fake disk takes its crash image at a random operation:
    /// a random subset of the unsynced sectors, and either file size. Returns the image, every payload
    /// ever attempted per LSN, and the records acknowledged before the crash.
    private func run(
        seed: UInt64, mode: JournalSyncMode
    ) throws -> (image: FakeDisk, attempted: [UInt64: [[UInt8]]], acked: [UInt64: [UInt8]]) {
        var random = SplitMix64(seed: seed)
        let harness = Harness()
        let limit = 300 + Int(random.next() % 3000)
        let appender = try harness.appender(JournalOptions(sync: mode, segmentSizeLimit: limit))
        harness.disk.crash(atOperation: harness.disk.operations + 1 + Int(random.next() % 500), seed: random.next())
        var attempted: [UInt64: [[UInt8]]] = [:]
        var acked: [UInt64: [UInt8]] = [:]
        var now: UInt64 = 0
        while harness.disk.takenCrashImage == nil {
            switch random.next() % 25 {
            case 0: harness.disk.setCapacity(harness.disk.state.withLock { $0.usedBytes } + Int(random.next() % 200))
            case 1, 2: harness.disk.setCapacity(nil)
            case 3: harness.disk.failSyncs(1)
            case 4: harness.disk.shortWrite(landing: Int(random.next() % 60), then: EIO)
            case 5: harness.disk.setReadOnly(true)
            case 6, 7: harness.disk.setReadOnly(false)
            default: break
            }
            var first = appender.nextLSN
            var group: [JournalBatch] = []
            for _ in 0..<(1 + random.next() % 4) {
                let records = (0..<(1 + random.next() % 3)).map { _ in
                    (0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                }
                for (offset, record) in records.enumerated() {
                    attempted[first + UInt64(offset), default: []].append(record)
                }
                group.append(JournalBatch(firstLSN: first, records: records))
                first += UInt64(records.count)
            }
            let results = appender.write(group, now: now)
            now += 30_000_000
            appender.tick(now: now)
            guard harness.disk.takenCrashImage == nil else { break }
            for (batch, result) in zip(group, results) where result.ack != nil {
                for (offset, record) in batch.records.enumerated() { acked[batch.firstLSN + UInt64(offset)] = record }
            }
        }
        return (try #require(harness.disk.takenCrashImage), attempted, acked)
    }

    @Test("group: a crash at a random moment under random disk faults loses no acknowledged record", arguments: 1...20)
    func groupLosesNothing(seed: UInt64) throws {
        let (image, attempted, acked) = try run(seed: seed, mode: .group)
        let crashed = Harness(disk: image)
        let (recovery, replayed) = try crashed.recover()
        let found = Dictionary(uniqueKeysWithValues: replayed.map { ($0.lsn, $0.payload) })
        for (lsn, record) in acked { #expect(found[lsn] == record, "seed \(seed): acknowledged LSN \(lsn)") }
        for record in replayed { #expect(attempted[record.lsn]?.contains(record.payload) == true, "seed \(seed)") }
        #expect(recovery.notes.count <= 1)
        // The recovered journal takes writes and reads back whole.
        let appender = try crashed.appender()
        #expect(appender.write([batch(recovery.nextLSN)], now: 0)[0].ack != nil)
        #expect(try crashed.recover().1.count == replayed.count + 1)
    }

    @Test(
        "interval and off: a crash never leaves the journal unreadable, only a shorter prefix of what was written",
        arguments: [JournalSyncMode.interval, .off], 1...8)
    func otherModesStayReadable(mode: JournalSyncMode, seed: UInt64) throws {
        let (image, attempted, _) = try run(seed: seed, mode: mode)
        let (_, replayed) = try Harness(disk: image).recover()
        for record in replayed { #expect(attempted[record.lsn]?.contains(record.payload) == true) }
    }
}
