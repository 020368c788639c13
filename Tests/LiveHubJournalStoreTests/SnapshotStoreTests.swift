import LiveHubJournal
import LiveHubPosix
import Synchronization
import Testing

@testable import LiveHubJournalStore

#if canImport(Glibc)
import Glibc
#endif

@Suite("snapshots on disk and sealing the journal")
struct SnapshotStoreTests {
    private func store(_ disk: FakeDisk, kept: Int = 2) -> SnapshotStore {
        SnapshotStore(directory: "/data/snapshots", journalDirectory: "/data/journal", disk: disk, kept: kept)
    }

    @Test("Snapshots: a snapshot is published only whole and durable: .tmp, fsync, rename, directory fsync")
    func publishedDurably() throws {
        let disk = FakeDisk()
        let snapshots = store(disk)
        let payload = Array("state".utf8)
        let published = try snapshots.write(lsn: 42, payload: payload) {
            // Not published yet: only the synced temporary file exists.
            #expect(disk.names(in: "/data/snapshots") == [SnapshotName.name(lsn: 42) + ".tmp"])
            #expect(disk.durableBytes("/data/snapshots/" + SnapshotName.name(lsn: 42) + ".tmp") == nil)
            #expect(disk.bytes("/data/snapshots/" + SnapshotName.name(lsn: 42) + ".tmp")?.count == 48 + payload.count)
            return true
        }
        #expect(published)
        // A crash now keeps the published snapshot, whole.
        let image = disk.crashImage(seed: 1)
        let path = "/data/snapshots/" + SnapshotName.name(lsn: 42)
        #expect(image.bytes(path) == SnapshotFormat.encode(lsn: 42, payload: payload))
        let read = try store(image).read(SnapshotStore.Entry(name: SnapshotName.name(lsn: 42), lsn: 42)).get()
        #expect(read.lsn == 42 && Array(read.payload) == payload)
    }

    @Test("Snapshots: one the caller may not publish (the journal could not sync through it) is removed, not renamed")
    func notPublished() throws {
        let disk = FakeDisk()
        #expect(try store(disk).write(lsn: 7, payload: [1, 2, 3]) { false } == false)
        #expect(disk.names(in: "/data/snapshots") == [])
    }

    @Test("Snapshots: leftovers of a stopped writer (.tmp) are removed when listing; the list is newest first")
    func listing() throws {
        let disk = FakeDisk()
        let snapshots = store(disk)
        for lsn: UInt64 in [5, 50, 9] { _ = try snapshots.write(lsn: lsn, payload: [UInt8(lsn)]) { true } }
        disk.overwrite("/data/snapshots/" + SnapshotName.name(lsn: 60) + ".tmp", with: [0, 1])
        #expect(try snapshots.list().map(\.lsn) == [50, 9, 5])
        #expect(disk.names(in: "/data/snapshots").allSatisfy { !$0.hasSuffix(".tmp") })
    }

    @Test(
        "Snapshots: the newest two are kept, older ones deleted, and the journal segments the older kept one covers wholly are deleted; never the last segment"
    )
    func retentionRule() throws {
        let disk = FakeDisk()
        let snapshots = store(disk)
        for first: UInt64 in [1, 100, 200, 300] {
            disk.overwrite("/data/journal/" + SegmentName.name(firstLSN: first), with: SegmentHeader(salt: 1, firstLSN: first).encoded())
        }
        _ = try snapshots.write(lsn: 250, payload: [1]) { true }
        // One snapshot: nothing goes, so a damaged one can still fall back to the whole journal.
        #expect(try snapshots.prune() == SnapshotStore.Pruned())
        _ = try snapshots.write(lsn: 350, payload: [2]) { true }
        // Two: the journal is kept from the older one (LSN 250) on: 1…99 and 100…199 go.
        let pruned = try snapshots.prune()
        #expect(pruned.snapshots == [])
        #expect(pruned.segments == [SegmentName.name(firstLSN: 1), SegmentName.name(firstLSN: 100)])
        _ = try snapshots.write(lsn: 400, payload: [3]) { true }
        let next = try snapshots.prune()
        #expect(next.snapshots == [SnapshotName.name(lsn: 250)])
        // Kept from LSN 350 on: 200…299 goes, 300… is the last segment and stays.
        #expect(next.segments == [SegmentName.name(firstLSN: 200)])
        #expect(disk.names(in: "/data/journal") == [SegmentName.name(firstLSN: 300)])
        #expect(disk.durableBytes("/data/journal/" + SegmentName.name(firstLSN: 200)) == nil)
    }

    @Test(
        "Snapshots: a crash at any step of writing and pruning leaves whole snapshots only, and the journal a usable one needs"
    )
    func crashAtEveryStep() throws {
        func prepared() throws -> FakeDisk {
            let disk = FakeDisk()
            for first: UInt64 in [1, 100, 200, 300] {
                let path = "/data/journal/" + SegmentName.name(firstLSN: first)
                disk.overwrite(path, with: SegmentHeader(salt: 1, firstLSN: first).encoded())
            }
            _ = try store(disk).write(lsn: 150, payload: [1]) { true }
            _ = try store(disk).write(lsn: 250, payload: [2]) { true }
            return disk
        }
        var crashes = 0
        for operation in 1...200 {
            let disk = try prepared()
            disk.crash(atOperation: disk.operations + operation, seed: UInt64(operation))
            _ = try store(disk).write(lsn: 350, payload: Array(repeating: 3, count: 100)) { true }
            _ = try store(disk).prune()
            guard let image = disk.takenCrashImage else { break }
            crashes += 1
            let snapshots = store(image)
            let usable = try snapshots.list().filter { (try? snapshots.read($0).get()) != nil }
            #expect(try snapshots.list() == usable, "operation \(operation): a named snapshot that does not read")
            let newest = try #require(usable.first, "operation \(operation)")
            let firstSegment = image.names(in: "/data/journal").compactMap(SegmentName.firstLSN(of:)).min() ?? 0
            #expect(firstSegment <= newest.lsn + 1, "operation \(operation): the journal after the snapshot is gone")
        }
        #expect(crashes > 5)
    }

    @Test("Snapshots: a damaged or misnamed snapshot file is refused with the reason")
    func damaged() throws {
        let disk = FakeDisk()
        let snapshots = store(disk)
        _ = try snapshots.write(lsn: 3, payload: [1, 2, 3]) { true }
        let path = "/data/snapshots/" + SnapshotName.name(lsn: 3)
        var bytes = try #require(disk.bytes(path))
        bytes[bytes.count - 1] ^= 1
        disk.overwrite(path, with: bytes)
        guard case .failure(let failure) = snapshots.read(SnapshotStore.Entry(name: SnapshotName.name(lsn: 3), lsn: 3))
        else {
            Issue.record("a damaged snapshot was read")
            return
        }
        #expect(failure == .format(.payloadChecksumMismatch))
        disk.overwrite("/data/snapshots/" + SnapshotName.name(lsn: 4), with: SnapshotFormat.encode(lsn: 9, payload: []))
        #expect(throws: SnapshotReadFailure.self) {
            try snapshots.read(SnapshotStore.Entry(name: SnapshotName.name(lsn: 4), lsn: 4)).get()
        }
    }

    /// A writer under `--fsync off` on `harness`'s journal.
    private func offWriter(_ harness: Harness) throws -> JournalWriter {
        let (recovery, _) = try harness.recover()
        return try JournalWriter.start(
            after: recovery, disk: harness.disk, options: JournalOptions(sync: .off)) { [log = harness.log] in log.append($0) }
    }

    /// Seals and waits (10 s at most) for the answer: `.some(nil)` when the journal could not sync.
    private func seal(_ writer: JournalWriter) -> UInt64?? {
        let sealed = Mutex<UInt64??>(nil)
        writer.seal { lsn in sealed.withLock { $0 = .some(lsn) } }
        let deadline = MonotonicClock.now() + 10_000_000_000
        while sealed.withLock({ $0 == nil }) && MonotonicClock.now() < deadline { usleep(1000) }
        return sealed.withLock { $0 }
    }

    @Test("Journal: seal syncs whatever the mode, reports the durable LSN, and the next batch starts a new segment")
    func seal() throws {
        let harness = Harness()
        let writer = try offWriter(harness)
        defer { writer.close() }
        let completions = Completions()
        writer.append(batch(1, 3)) { completions.add($0) }
        let sealed = seal(writer)
        _ = completions.wait(for: 1)
        #expect(sealed == .some(3))
        let first = harness.path(SegmentName.name(firstLSN: 1))
        #expect(harness.disk.durableBytes(first) == harness.disk.bytes(first))
        writer.append(batch(4)) { completions.add($0) }
        _ = completions.wait(for: 2)
        #expect(harness.segments == [SegmentName.name(firstLSN: 1), SegmentName.name(firstLSN: 4)])
    }

    @Test("Journal: seal reports nothing durable while the disk fails, so no snapshot covers what could be lost")
    func sealWhileFailing() throws {
        let harness = Harness()
        let writer = try offWriter(harness)
        defer { writer.close() }
        let completions = Completions()
        writer.append(batch(1, 2)) { completions.add($0) }
        _ = completions.wait(for: 1)
        harness.disk.failSyncs(10)
        #expect(seal(writer) == .some(nil))
    }
}

@Suite("archive files")
struct ArchiveFilesTests {
    static let directory = "/data/archive"

    private func records(_ disk: FakeDisk, _ group: String, _ file: String) throws -> [[UInt8]]? {
        try ArchiveFiles.records(directory: Self.directory, group: group, file: file, disk: disk)
    }

    @Test("Archive: one group commit appends every record and syncs each file it touched once; new files and groups are durable by name")
    func groupCommit() throws {
        let disk = FakeDisk()
        let writer = ArchiveWriter(directory: Self.directory, disk: disk, log: { _ in })
        let entries = (0..<10).map { ArchiveWriter.Entry(group: "2026-12-04", file: "c00000\($0 % 2).archive", payload: payload(UInt64($0))) }
        try writer.append(entries)
        #expect(try records(disk, "2026-12-04", "c000000.archive") == stride(from: 0, to: 10, by: 2).map { payload(UInt64($0)) })
        #expect(try records(disk, "2026-12-04", "c000001.archive") == stride(from: 1, to: 10, by: 2).map { payload(UInt64($0)) })
        let syncs = disk.fileSyncs
        try writer.append([ArchiveWriter.Entry(group: "2026-12-04", file: "c000000.archive", payload: [9])])
        #expect(disk.fileSyncs == syncs + 1)
        // What a crash keeps: everything appended (synced) and the names (directories synced).
        let image = disk.crashImage(seed: 3)
        #expect(try records(image, "2026-12-04", "c000000.archive")?.count == 6)
        #expect(try records(disk, "2026-12-05", "c000000.archive") == nil)
    }

    @Test("Archive: a torn tail left by a crash is cut (one log line) before the file is appended to again")
    func tornTail() throws {
        let disk = FakeDisk()
        let log = LogLines()
        try ArchiveWriter(directory: Self.directory, disk: disk, log: { log.append($0) })
            .append([ArchiveWriter.Entry(group: "d", file: "f", payload: payload(1))])
        let path = Self.directory + "/d/f"
        let good = try #require(disk.bytes(path))
        disk.overwrite(path, with: good + [1, 0, 0, 0, 2])  // half a record header
        #expect(try records(disk, "d", "f") == [payload(1)])
        try ArchiveWriter(directory: Self.directory, disk: disk, log: { log.append($0) })
            .append([ArchiveWriter.Entry(group: "d", file: "f", payload: payload(2))])
        #expect(try records(disk, "d", "f") == [payload(1), payload(2)])
        #expect(log.all.count == 1 && log.all[0].contains("cut a torn tail"))
    }

    @Test("Archive: a damaged file is set aside, its good records stay readable, and new records go to a fresh file")
    func damagedFile() throws {
        let disk = FakeDisk()
        let log = LogLines()
        let first = ArchiveWriter(directory: Self.directory, disk: disk, log: { log.append($0) })
        // Three groups: the third record vouches that the second was durable, so damage there is corruption.
        for lsn: UInt64 in [1, 2, 3] { try first.append([ArchiveWriter.Entry(group: "d", file: "f", payload: payload(lsn))]) }
        first.close()
        let path = Self.directory + "/d/f"
        var bytes = try #require(disk.bytes(path))
        bytes[32 + (28 + 24) + 28 + 3] ^= 0xFF  // inside the second record's payload
        disk.overwrite(path, with: bytes)
        try ArchiveWriter(directory: Self.directory, disk: disk, log: { log.append($0) })
            .append([ArchiveWriter.Entry(group: "d", file: "f", payload: payload(4))])
        #expect(disk.names(in: Self.directory + "/d") == ["f", "f.damaged"])
        #expect(try records(disk, "d", "f") == [payload(4), payload(1)])
        #expect(log.all.contains { $0.contains("is damaged; set aside as") })
    }

    @Test("Archive: removing a group deletes its files and the directory, durably")
    func removeGroup() throws {
        let disk = FakeDisk()
        let writer = ArchiveWriter(directory: Self.directory, disk: disk, log: { _ in })
        try writer.append([
            ArchiveWriter.Entry(group: "old", file: "a", payload: [1]), ArchiveWriter.Entry(group: "new", file: "a", payload: [2]),
        ])
        #expect(try writer.groups() == ["new", "old"])
        try writer.removeGroup("old")
        #expect(try writer.groups() == ["new"])
        #expect(try records(disk, "old", "a") == nil)
        #expect(disk.crashImage(seed: 1, keepingUnsynced: false).names(in: Self.directory + "/old") == [])
        // A later record for the same group starts it again.
        try writer.append([ArchiveWriter.Entry(group: "old", file: "a", payload: [3])])
        #expect(try records(disk, "old", "a") == [[3]])
    }
}
