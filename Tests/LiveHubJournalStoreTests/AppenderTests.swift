import LiveHubJournal
import LiveHubPosix
import Testing

@testable import LiveHubJournalStore

#if canImport(Glibc)
import Glibc
#endif

@Suite("journal appender: groups, rotation and disk failures")
struct AppenderTests {
    private func replayedLSNs(_ harness: Harness) throws -> [UInt64] { try harness.recover().1.map(\.lsn) }

    @Test("a group of batches is one write and one sync under group; each batch is acknowledged with its LSNs")
    func oneSyncPerGroup() throws {
        let harness = Harness()
        let appender = try harness.appender()
        _ = appender.write([batch(1)], now: 0)  // creates the segment
        let before = harness.disk.fileSyncs
        let results = appender.write([batch(2, 3), batch(5, 1), batch(6, 2)], now: 0)
        #expect(
            results.map(\.ack) == [
                JournalAck(lsns: 2..<5, durable: true), JournalAck(lsns: 5..<6, durable: true),
                JournalAck(lsns: 6..<8, durable: true),
            ])
        #expect(harness.disk.fileSyncs == before + 1)
        #expect(appender.counters.snapshot.writes == 2)
        #expect(try replayedLSNs(harness) == Array(1...7))
    }

    @Test("a batch that does not continue the journal is refused with the LSN to resume from; the others go through")
    func outOfSequence() throws {
        let appender = try Harness().appender()
        let results = appender.write([batch(1), batch(5), batch(2)], now: 0)
        #expect(results[0].ack != nil && results[2].ack?.lsns == 2..<3)
        #expect(results[1].failure == JournalWriteFailure(reason: .outOfSequence(firstLSN: 5), nextLSN: 3))
    }

    @Test("segments rotate at the size limit; every sealed segment is synced whole before the next is created")
    func rotation() throws {
        let harness = Harness()
        let appender = try harness.appender(JournalOptions(sync: .off, segmentSizeLimit: 150))
        for first in UInt64(1)...12 { #expect(appender.write([batch(first)], now: 0)[0].ack != nil) }
        let segments = harness.segments
        #expect(segments.count == 6)  // 32-byte header + two 52-byte records fit in 150
        for sealed in segments.dropLast() {
            #expect(harness.disk.durableBytes(harness.path(sealed)) == harness.disk.bytes(harness.path(sealed)))
            #expect(harness.disk.bytes(harness.path(sealed))!.count <= 150)
        }
        appender.close()
        #expect(try replayedLSNs(harness) == Array(1...12))
    }

    @Test("a batch bigger than the segment limit goes whole into a fresh segment")
    func oversizedBatch() throws {
        let harness = Harness()
        let appender = try harness.appender(JournalOptions(segmentSizeLimit: 100))
        #expect(appender.write([batch(1)], now: 0)[0].ack != nil)
        #expect(appender.write([batch(2, 5, size: 100)], now: 0)[0].ack != nil)
        #expect(harness.segments == [SegmentName.name(firstLSN: 1), SegmentName.name(firstLSN: 2)])
    }

    @Test(
        "ENOSPC: the batch and the rest of its group fail, the file is cut back, and writing resumes once there is room"
    )
    func noSpaceThenRoom() throws {
        let harness = Harness()
        let appender = try harness.appender()
        #expect(appender.write([batch(1, 2)], now: 0)[0].ack != nil)
        let name = harness.segments[0]
        let good = try #require(harness.disk.bytes(harness.path(name)))
        harness.disk.setCapacity(good.count + 40)  // room for part of one record
        let results = appender.write([batch(3), batch(4)], now: 0)
        let failure = try #require(results[0].failure)
        #expect(failure.nextLSN == 3 && results[1].failure?.nextLSN == 3)
        guard case .disk(let disk) = failure.reason else {
            Issue.record("not a disk failure")
            return
        }
        #expect(disk.error.code == ENOSPC && "\(failure)".contains("No space left on device"))
        #expect(harness.disk.bytes(harness.path(name)) == good && harness.disk.durableBytes(harness.path(name)) == good)
        #expect(harness.log.all.count == 1 && harness.log.all[0].contains("cut back to the last good end"))
        // Still full: refused again, nothing written.
        #expect(appender.write([batch(3)], now: 0)[0].failure != nil)
        harness.disk.setCapacity(nil)
        #expect(appender.write([batch(3), batch(4)], now: 0).allSatisfy { $0.ack != nil })
        #expect(try replayedLSNs(harness) == [1, 2, 3, 4])
    }

    @Test("a failed fdatasync (EIO) fails its group and cuts the unsynced bytes off: they cannot be trusted")
    func syncFailure() throws {
        let harness = Harness()
        let appender = try harness.appender()
        #expect(appender.write([batch(1)], now: 0)[0].ack != nil)
        let name = harness.segments[0]
        let good = try #require(harness.disk.bytes(harness.path(name)))
        harness.disk.failSyncs(1)
        let results = appender.write([batch(2, 3)], now: 0)
        #expect(results[0].failure?.nextLSN == 2)
        #expect(harness.disk.bytes(harness.path(name)) == good)
        #expect(appender.write([batch(2, 3)], now: 0)[0].ack?.lsns == 2..<5)
        #expect(try replayedLSNs(harness) == [1, 2, 3, 4])
    }

    @Test("a write cut short then failed (EIO after 10 bytes landed) leaves no partial record behind")
    func shortWrite() throws {
        let harness = Harness()
        let appender = try harness.appender()
        #expect(appender.write([batch(1)], now: 0)[0].ack != nil)
        let good = try #require(harness.disk.bytes(harness.path(harness.segments[0])))
        harness.disk.shortWrite(landing: 10, then: EIO)
        #expect(appender.write([batch(2)], now: 0)[0].failure != nil)
        #expect(harness.disk.bytes(harness.path(harness.segments[0])) == good)
        #expect(appender.write([batch(2)], now: 0)[0].ack != nil)
    }

    @Test("a read-only disk refuses every batch (EROFS) without damage, and writing resumes when it is writable")
    func readOnly() throws {
        let harness = Harness()
        let appender = try harness.appender()
        #expect(appender.write([batch(1)], now: 0)[0].ack != nil)
        harness.disk.setReadOnly(true)
        for _ in 0..<3 {
            let failure = try #require(appender.write([batch(2)], now: 0)[0].failure)
            guard case .disk(let disk) = failure.reason else {
                Issue.record("not a disk failure")
                return
            }
            #expect(disk.error.code == EROFS)
        }
        #expect(harness.log.all.last?.contains("writes are refused until it can") == true)
        harness.disk.setReadOnly(false)
        #expect(appender.write([batch(2)], now: 0)[0].ack != nil)
        #expect(harness.log.all.last?.contains("the disk takes writes again; writing continues at LSN 2") == true)
        #expect(try replayedLSNs(harness) == [1, 2])
    }

    @Test("when the cut-back fails too, everything waits for it: retried on the next batch and on the interval tick")
    func cutBackFails() throws {
        let harness = Harness()
        let appender = try harness.appender()
        #expect(appender.write([batch(1)], now: 0)[0].ack != nil)
        harness.disk.failSyncs(1)
        harness.disk.failTruncates(2)
        #expect(appender.write([batch(2)], now: 0)[0].failure != nil)  // sync fails, first truncate fails
        #expect(appender.damage != nil && appender.nextDeadline() != nil)
        #expect(appender.write([batch(2)], now: 1)[0].failure != nil)  // second truncate fails
        appender.tick(now: 200_000_000)  // the retry succeeds
        #expect(appender.damage == nil && appender.nextDeadline() == nil)
        #expect(appender.write([batch(2)], now: 300_000_000)[0].ack != nil)
        #expect(try replayedLSNs(harness) == [1, 2])
    }

    @Test("a failed rotation refuses the batch, leaves no half-made segment, and the next batch rotates")
    func rotationFailure() throws {
        let harness = Harness()
        let appender = try harness.appender(JournalOptions(segmentSizeLimit: 100))
        #expect(appender.write([batch(1)], now: 0)[0].ack != nil)
        harness.disk.setReadOnly(true)
        #expect(appender.write([batch(2)], now: 0)[0].failure != nil)
        #expect(harness.disk.names(in: harness.directory) == [SegmentName.name(firstLSN: 1)])
        harness.disk.setReadOnly(false)
        #expect(appender.write([batch(2)], now: 0)[0].ack != nil)
        #expect(harness.segments == [SegmentName.name(firstLSN: 1), SegmentName.name(firstLSN: 2)])
    }

    @Test("interval acknowledges at the write and syncs once the interval has passed")
    func intervalMode() throws {
        let harness = Harness()
        let appender = try harness.appender(JournalOptions(sync: .interval), now: 0)
        #expect(appender.write([batch(1)], now: 0)[0].ack == JournalAck(lsns: 1..<2, durable: false))
        let syncs = harness.disk.fileSyncs
        #expect(appender.write([batch(2)], now: 10)[0].ack?.durable == false)
        #expect(harness.disk.fileSyncs == syncs && appender.nextDeadline() == 100_000_000)
        appender.tick(now: 50_000_000)
        #expect(harness.disk.fileSyncs == syncs)
        appender.tick(now: 100_000_000)
        #expect(harness.disk.fileSyncs == syncs + 1 && appender.durableLSN == 2 && appender.nextDeadline() == nil)
        #expect(try harness.crashImageReplay() == [1, 2])
    }

    @Test("interval: when the periodic sync fails, the acknowledged records are written again, not lost")
    func intervalSyncFailure() throws {
        let harness = Harness()
        let appender = try harness.appender(JournalOptions(sync: .interval), now: 0)
        #expect(appender.write([batch(1, 2)], now: 0)[0].ack != nil)
        appender.tick(now: 100_000_000)
        #expect(appender.write([batch(3, 2)], now: 100_000_001)[0].ack != nil)
        harness.disk.failSyncs(1)
        appender.tick(now: 200_000_000)
        #expect(appender.damage == nil && appender.durableLSN == 4)
        #expect(try harness.crashImageReplay() == [1, 2, 3, 4])
    }

    @Test("off never syncs a write; close syncs what is left")
    func offMode() throws {
        let harness = Harness()
        let appender = try harness.appender(JournalOptions(sync: .off))
        _ = appender.write([batch(1)], now: 0)
        let syncs = harness.disk.fileSyncs
        for first in UInt64(2)...5 { #expect(appender.write([batch(first)], now: 0)[0].ack?.durable == false) }
        appender.tick(now: 10_000_000_000)
        #expect(harness.disk.fileSyncs == syncs && appender.nextDeadline() == nil)
        appender.close()
        #expect(harness.disk.fileSyncs == syncs + 1)
        #expect(try harness.crashImageReplay() == [1, 2, 3, 4, 5])
    }
}

extension Harness {
    /// The LSNs a recovery finds after a crash now (the tests call it once everything is synced, so the
    /// image's random choice among unsynced sectors has nothing to choose from).
    func crashImageReplay() throws -> [UInt64] {
        let image = disk.crashImage(seed: 0)
        return try Harness(disk: image).recover().1.map(\.lsn)
    }
}
