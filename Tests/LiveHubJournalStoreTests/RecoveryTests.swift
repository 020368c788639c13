import LiveHubJournal
import LiveHubPosix
import Testing

@testable import LiveHubJournalStore

@Suite("journal recovery")
struct RecoveryTests {
    /// Writes batches of `sizes` records (one group each) and closes.
    private func write(_ harness: Harness, batches sizes: [Int], options: JournalOptions = JournalOptions()) throws {
        let appender = try harness.appender(options)
        var next = appender.nextLSN
        for count in sizes {
            let results = appender.write([batch(next, count)], now: 0)
            #expect(results.allSatisfy { $0.ack != nil })
            next += UInt64(count)
        }
        appender.close()
    }

    @Test("an empty directory opens at LSN 1, and the first batch creates segment 1")
    func emptyDirectory() throws {
        let harness = Harness()
        let (recovery, replayed) = try harness.recover()
        #expect(recovery.nextLSN == 1 && recovery.firstLSN == nil && replayed.isEmpty && recovery.notes.isEmpty)
        try write(harness, batches: [2])
        #expect(harness.segments == [SegmentName.name(firstLSN: 1)])
    }

    @Test("records come back in order after a reopen, and those a snapshot covers (LSN ≤ after) are skipped")
    func replay() throws {
        let harness = Harness()
        try write(harness, batches: [3, 1, 4])
        let (recovery, replayed) = try harness.recover()
        #expect(replayed == (1...8).map { Replayed(lsn: $0, payload: payload($0)) })
        #expect(recovery.nextLSN == 9 && recovery.firstLSN == 1 && recovery.recordCount == 8)
        let (_, afterFive) = try harness.recover(after: 5)
        #expect(afterFive.map(\.lsn) == [6, 7, 8])
    }

    @Test("a torn tail is cut at the last good record with one log line, and appending continues after it")
    func tornTailIsCut() throws {
        let harness = Harness()
        try write(harness, batches: [2, 2])
        let name = try #require(harness.segments.first)
        let good = try #require(harness.disk.bytes(harness.path(name)))
        var torn = good
        RecordEncoder(salt: 0).append(lsn: 5, syncedThrough: 4, payload: payload(5), to: &torn)
        harness.disk.overwrite(harness.path(name), with: Array(torn.dropLast(3)) + [0, 0, 0, 0])
        let (recovery, replayed) = try harness.recover()
        #expect(replayed.map(\.lsn) == [1, 2, 3, 4] && recovery.nextLSN == 5)
        #expect(recovery.notes.count == 1 && harness.log.all == recovery.notes)
        #expect(recovery.notes[0].contains("cut a torn tail from \(name) at offset \(good.count) (LSN 5)"))
        #expect(harness.disk.durableBytes(harness.path(name)) == good)
        try write(harness, batches: [1])
        let (again, all) = try harness.recover()
        #expect(all.map(\.lsn) == [1, 2, 3, 4, 5] && again.notes.isEmpty)
    }

    @Test("a corrupt middle record stops the open with the segment, the offset and --repair named, changing nothing")
    func corruptMiddleStops() throws {
        let harness = Harness()
        try write(harness, batches: [1, 1, 1])
        let name = try #require(harness.segments.first)
        var bytes = try #require(harness.disk.bytes(harness.path(name)))
        let second = JournalFormat.segmentHeaderSize + RecordEncoder.encodedSize(payloadSize: 24)
        bytes[second + JournalFormat.recordHeaderSize + 3] ^= 0x40
        harness.disk.overwrite(harness.path(name), with: bytes)
        #expect {
            try harness.recover()
        } throws: { error in
            let text = "\(error)"
            return text.contains("journal segment \(name) is corrupt at offset \(second) (LSN 2)")
                && text.contains("through LSN 1") && text.contains("--repair")
        }
        #expect(harness.disk.bytes(harness.path(name)) == bytes)
    }

    @Test("a repair keeps the records before the damage and sets the rest aside as .dropped, later segments too")
    func repair() throws {
        let harness = Harness()
        let options = JournalOptions(segmentSizeLimit: 200)
        try write(harness, batches: [2, 2, 2, 2], options: options)
        let segments = harness.segments
        #expect(segments.count >= 3)
        let first = segments[0]
        var bytes = try #require(harness.disk.bytes(harness.path(first)))
        let second = JournalFormat.segmentHeaderSize + RecordEncoder.encodedSize(payloadSize: 24)
        bytes[second + 5] ^= 0x01
        harness.disk.overwrite(harness.path(first), with: bytes)
        let (recovery, replayed) = try harness.recover(repair: true)
        #expect(replayed.map(\.lsn) == [1] && recovery.nextLSN == 2 && recovery.segmentCount == 1)
        #expect(recovery.notes.count == 1 && recovery.notes[0].contains("repaired \(first)"))
        #expect(harness.segments == [first])
        #expect(harness.disk.bytes(harness.path(first + ".dropped")) == Array(bytes[second...]))
        for later in segments.dropFirst() { #expect(harness.disk.bytes(harness.path(later + ".dropped")) != nil) }
        try write(harness, batches: [1])
        #expect(try harness.recover().1.map(\.lsn) == [1, 2])
    }

    @Test("a damaged segment header is corruption; a repair sets the whole segment aside")
    func corruptHeader() throws {
        let harness = Harness()
        try write(harness, batches: [1, 1], options: JournalOptions(segmentSizeLimit: 60))
        let segments = harness.segments
        #expect(segments.count == 2)
        var bytes = try #require(harness.disk.bytes(harness.path(segments[1])))
        bytes[13] ^= 0xFF
        harness.disk.overwrite(harness.path(segments[1]), with: bytes)
        #expect(throws: JournalOpenError.self) { try harness.recover() }
        let (recovery, replayed) = try harness.recover(repair: true)
        #expect(replayed.map(\.lsn) == [1] && recovery.nextLSN == 2 && harness.segments == [segments[0]])
    }

    @Test("a segment whose name and header disagree on its first LSN is corrupt (a rotation could overwrite it)")
    func misnamedSegment() throws {
        let harness = Harness()
        try write(harness, batches: [1, 1], options: JournalOptions(segmentSizeLimit: 60))
        let second = try #require(harness.segments.last)
        try harness.disk.rename(harness.path(second), to: harness.path(SegmentName.name(firstLSN: 7)))
        #expect {
            try harness.recover()
        } throws: { error in
            "\(error)".contains("named for LSN 7 but its header says LSN 2")
        }
    }

    @Test("a segment from a later format version is refused, even with repair, and left alone")
    func futureVersion() throws {
        let harness = Harness()
        let name = SegmentName.name(firstLSN: 1)
        let future = SegmentHeader(salt: 1, firstLSN: 1, version: 9).encoded() + [1, 2, 3]
        harness.disk.overwrite(harness.path(name), with: future)
        for repair in [false, true] {
            #expect(throws: JournalOpenError.unsupportedVersion(segment: name, found: 9)) {
                try harness.recover(repair: repair)
            }
        }
        #expect(harness.disk.bytes(harness.path(name)) == future)
        #expect(JournalOpenError.unsupportedVersion(segment: name, found: 9).description.contains("version 9 is newer"))
    }

    @Test("a segment left as .tmp by an interrupted rotation is removed; other files are ignored")
    func unfinishedSegment() throws {
        let harness = Harness()
        try write(harness, batches: [1])
        harness.disk.overwrite(harness.path(SegmentName.name(firstLSN: 2) + ".tmp"), with: [0x89, 0x4C])
        harness.disk.overwrite(harness.path("notes.txt"), with: Array("hello".utf8))
        let (recovery, _) = try harness.recover()
        #expect(recovery.nextLSN == 2)
        #expect(harness.disk.names(in: harness.directory) == ["notes.txt", SegmentName.name(firstLSN: 1)])
    }

    @Test("segments a snapshot covers wholly are not read, and damage in them does not matter; the rest is checked as before")
    func coveredSegmentsAreNotRead() throws {
        let harness = Harness()
        for first: UInt64 in [1, 4, 7] {
            let segment = segmentBytes(first: first, count: 3)
            harness.disk.overwrite(harness.path(SegmentName.name(firstLSN: first)), with: segment)
        }
        // Damage inside the first segment: corruption for a whole replay, nothing for one after LSN 3.
        var first = try #require(harness.disk.bytes(harness.path(SegmentName.name(firstLSN: 1))))
        first[40] ^= 0xFF
        harness.disk.overwrite(harness.path(SegmentName.name(firstLSN: 1)), with: first)
        #expect(throws: JournalOpenError.self) { try harness.recover() }
        let (recovery, replayed) = try harness.recover(after: 3)
        #expect(replayed.map(\.lsn) == [4, 5, 6, 7, 8, 9])
        #expect(recovery.nextLSN == 10 && recovery.firstLSN == 1 && recovery.recordCount == 9)
        // A snapshot that covers only part of the second segment: it is read whole, its early records skipped.
        #expect(try harness.recover(after: 5).1.map(\.lsn) == [6, 7, 8, 9])
    }

    @Test("records a snapshot needs that the journal no longer has are reported, not skipped")
    func missingRecords() throws {
        let harness = Harness()
        harness.disk.overwrite(
            harness.path(SegmentName.name(firstLSN: 10)), with: SegmentHeader(salt: 1, firstLSN: 10).encoded())
        #expect(throws: JournalOpenError.missingRecords(after: 5, journalStartsAt: 10)) {
            try harness.recover(after: 5)
        }
        #expect(throws: JournalOpenError.endsBeforeSnapshot(after: 20, journalEndsAt: 9)) {
            try harness.recover(after: 20)
        }
        #expect(try harness.recover(after: 9).0.nextLSN == 10)
        #expect(try Harness().recover(after: 41).0.nextLSN == 42)
    }

    @Test("on the real disk: written, closed, reopened and replayed, across rotated segments")
    func realDisk() throws {
        let root = try FileSystem.makeTemporaryDirectory(prefix: "livehub-journal-")
        let directory = root + "/journal"
        defer {
            for name in (try? FileSystem.listDirectory(directory)) ?? [] {
                try? FileSystem.remove(directory + "/" + name)
            }
            try? FileSystem.removeDirectory(directory)
            try? FileSystem.removeDirectory(root)
        }
        let recovery = try JournalRecovery.open(directory: directory, log: { _ in }, record: { _, _ in })
        let appender = try SegmentAppender(
            recovery: recovery, disk: PosixJournalDisk(), options: JournalOptions(segmentSizeLimit: 300),
            counters: JournalCounters(), now: 0, log: { _ in })
        for first in stride(from: UInt64(1), through: 19, by: 2) {
            #expect(appender.write([batch(first, 2)], now: 0)[0].ack?.durable == true)
        }
        appender.close()
        #expect(try FileSystem.listDirectory(directory).count > 2)
        var replayed: [UInt64] = []
        _ = try JournalRecovery.open(
            directory: directory, log: { _ in },
            record: { lsn, bytes in
                #expect(Array(bytes) == payload(lsn))
                replayed.append(lsn)
            })
        #expect(replayed == Array(1...20))
    }
}

/// A whole segment of `count` records from LSN `first`, each synced before the next was written.
func segmentBytes(first: UInt64, count: Int) -> [UInt8] {
    var bytes = SegmentHeader(salt: 7, firstLSN: first).encoded()
    let encoder = RecordEncoder(salt: 7)
    for lsn in first..<first + UInt64(count) {
        encoder.append(lsn: lsn, syncedThrough: lsn - 1, payload: payload(lsn), to: &bytes)
    }
    return bytes
}
