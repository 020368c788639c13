import LiveHubJournal
import LiveHubPosix

/// The writer thread's side of the journal: the open segment, how much of it is durable, rotation, and
/// what a failure undoes. Synchronous and confined to one thread, so its rules are tested without one.
///
/// **Failure rule.** When a write or sync fails, the batches of that write fail, and so does every later
/// batch in the group (it would follow a missing one). The file is cut back to its last good end and
/// synced, so the journal never holds a record that was not acknowledged after one that failed, nor a
/// half-written record in the middle. Then writing resumes with the next batch that continues the
/// journal. If the cut itself fails, every batch is refused until a retry of the cut succeeds (on the
/// next batch, and every sync interval).
///
/// The "last good end" depends on the mode. `group` and `interval` cut back to the last completed sync:
/// a failed `fdatasync` can leave the kernel's copy of the unsynced pages marked clean but never
/// written (Linux reports the error once), so bytes since the last good sync cannot be trusted, in the
/// file or in a retry of the sync. `interval` keeps its acknowledged-but-unsynced bytes (at most one
/// interval's worth) and writes them again. `off` promises nothing beyond the page cache, so it cuts
/// back only the failed write.
final class SegmentAppender {
    private let directory: String
    private let disk: any JournalDisk
    private let options: JournalOptions
    private let log: @Sendable (String) -> Void
    let counters: JournalCounters

    private var file: (any JournalFile)?
    private var encoder = RecordEncoder(salt: 0)
    /// The LSN the next batch must start at.
    private(set) var nextLSN: UInt64
    /// The highest LSN a completed sync covers; written into each record as `syncedThrough`.
    private(set) var durableLSN: UInt64
    /// The current segment's size covered by the last completed sync.
    private var durableSize = 0
    /// The current segment's size through the last accepted batch.
    private var committedSize = 0
    /// `interval`: the accepted (acknowledged) bytes after `durableSize`, written again if a sync fails.
    private var unsynced: [UInt8] = []
    /// A failure whose cut-back has not succeeded yet: nothing is written until `heal` succeeds.
    private(set) var damage: FileSystem.Failure?
    /// A rotation failed part-way: the next batch goes to a new segment whatever its size, so no record
    /// lands in the old one after a new one may have appeared.
    private var mustRotate = false
    /// The bytes of the batches being written, reused from group to group.
    private var buffer: [UInt8] = []
    private var lastSync: UInt64
    private var lastHealAttempt: UInt64 = 0

    init(
        recovery: JournalRecovery, disk: any JournalDisk, options: JournalOptions, counters: JournalCounters,
        now: UInt64, log: @escaping @Sendable (String) -> Void
    ) throws(FileSystem.Failure) {
        directory = recovery.directory
        self.disk = disk
        self.options = options
        self.counters = counters
        self.log = log
        nextLSN = recovery.nextLSN
        durableLSN = recovery.nextLSN - 1  // recovery synced the tail
        lastSync = now
        if let tail = recovery.tail {
            let opened = try disk.openForAppending(directory + "/" + tail.name)
            file = opened
            encoder = RecordEncoder(salt: tail.header.salt)
            durableSize = opened.size
            committedSize = opened.size
        }
    }

    // MARK: Writing

    /// Writes a group of batches: one write per segment they fall in, and under `group` one sync that
    /// covers them all. Returns each batch's result, in order.
    func write(_ batches: [JournalBatch], now: UInt64) -> [JournalWriteResult] {
        var acks = [JournalAck?](repeating: nil, count: batches.count)
        var refusals = [JournalWriteFailure.Reason?](repeating: nil, count: batches.count)
        var stop = heal(announce: true, now: now)
        var run: [Int] = []
        var runEnd = nextLSN
        buffer.removeAll(keepingCapacity: true)
        for (index, batch) in batches.enumerated() {
            if let stop {
                refusals[index] = .disk(stop)
                continue
            }
            guard batch.firstLSN == runEnd else {
                refusals[index] = .outOfSequence(firstLSN: batch.firstLSN)
                continue
            }
            if let large = batch.records.first(where: { $0.count > JournalFormat.maximumPayloadSize }) {
                refusals[index] = .tooLarge(bytes: large.count)
                continue
            }
            let size = batch.records.reduce(0) { $0 + RecordEncoder.encodedSize(payloadSize: $1.count) }
            if needsNewSegment(adding: size) {
                if !run.isEmpty {
                    stop = flush(run, of: batches, through: runEnd, now: now, acks: &acks)
                    if let stop { for earlier in run { refusals[earlier] = .disk(stop) } }
                    run.removeAll()
                }
                if stop == nil { stop = rotate(now: now) }
                if let stop {
                    refusals[index] = .disk(stop)
                    continue
                }
            }
            for (offset, payload) in batch.records.enumerated() {
                encoder.append(lsn: runEnd + UInt64(offset), syncedThrough: durableLSN, payload: payload, to: &buffer)
            }
            run.append(index)
            runEnd += UInt64(batch.records.count)
        }
        if !run.isEmpty, stop == nil, let failure = flush(run, of: batches, through: runEnd, now: now, acks: &acks) {
            for index in run { refusals[index] = .disk(failure) }
        }
        return (0..<batches.count).map { index in
            if let ack = acks[index] { return .success(ack) }
            counters.failedBatches.add(1, ordering: .relaxed)
            return .failure(JournalWriteFailure(reason: refusals[index] ?? .closed, nextLSN: nextLSN))
        }
    }

    /// Writes the buffered run (and syncs it under `group`); on success acknowledges its batches.
    private func flush(
        _ run: [Int], of batches: [JournalBatch], through runEnd: UInt64, now: UInt64, acks: inout [JournalAck?]
    ) -> FileSystem.Failure? {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard let file else { preconditionFailure("a run is written only into an open segment") }
        do throws(FileSystem.Failure) {
            try file.append(buffer)
            counters.writes.add(1, ordering: .relaxed)
            if options.sync == .group {
                try timedSynchronize(file)
                counters.syncs.add(1, ordering: .relaxed)
                durableSize = file.size
                durableLSN = runEnd - 1
                lastSync = now
            }
        } catch {
            return fail(error, refusing: run.count, now: now)
        }
        if options.sync == .interval { unsynced.append(contentsOf: buffer) }
        committedSize = file.size
        nextLSN = runEnd
        var records = 0
        for index in run {
            acks[index] = JournalAck(lsns: batches[index].lsns, durable: options.sync == .group)
            records += batches[index].records.count
        }
        counters.batches.add(run.count, ordering: .relaxed)
        counters.records.add(records, ordering: .relaxed)
        counters.bytes.add(buffer.count, ordering: .relaxed)
        return nil
    }

    private func needsNewSegment(adding size: Int) -> Bool {
        guard let file, !mustRotate else { return true }
        let used = file.size + buffer.count
        return used > JournalFormat.segmentHeaderSize && used + size > options.segmentSizeLimit
    }

    // MARK: Segments

    /// Seals the current segment (synced, whatever the mode: only the last segment may hold an unsynced
    /// write, which the torn-tail rule relies on) and starts one at `nextLSN`. The new segment is written
    /// as `.tmp`, synced, renamed, and the directory synced, so a named segment's header is always durable.
    private func rotate(now: UInt64) -> FileSystem.Failure? {
        if let file, file.size > durableSize {
            do throws(FileSystem.Failure) {
                try timedSynchronize(file)
            } catch {
                return fail(error, refusing: 0, now: now)
            }
            counters.syncs.add(1, ordering: .relaxed)
            markSynced(size: file.size, now: now)
        }
        let path = directory + "/" + SegmentName.name(firstLSN: nextLSN)
        let temporary = path + SegmentName.temporarySuffix
        let header = SegmentHeader(salt: UInt32.random(in: .min ... .max), firstLSN: nextLSN)
        do throws(FileSystem.Failure) {
            try? disk.remove(temporary)  // left by an earlier failed attempt
            let created = try disk.create(temporary)
            defer { created.close() }
            try created.append(header.encoded())
            try created.synchronize()
            try disk.rename(temporary, to: path)
            try disk.synchronizeDirectory(directory)
            let opened = try disk.openForAppending(path)
            file?.close()
            file = opened
        } catch {
            try? disk.remove(temporary)
            mustRotate = true
            log("journal: cannot start segment \(path): \(error)")
            return error
        }
        encoder = RecordEncoder(salt: header.salt)
        durableSize = JournalFormat.segmentHeaderSize
        committedSize = durableSize
        mustRotate = false
        counters.segmentsCreated.add(1, ordering: .relaxed)
        return nil
    }

    // MARK: Syncing and failures

    /// When `tick` next has work: the interval sync, or a retry of a failed cut-back.
    func nextDeadline() -> UInt64? {
        if damage != nil { return lastHealAttempt + options.syncIntervalNanoseconds }
        guard options.sync == .interval, committedSize > durableSize else { return nil }
        return lastSync + options.syncIntervalNanoseconds
    }

    /// The interval sync, and retries of a failed cut-back.
    func tick(now: UInt64) {
        if damage != nil {
            if now >= lastHealAttempt + options.syncIntervalNanoseconds { _ = heal(announce: true, now: now) }
            return
        }
        guard options.sync == .interval, let file, committedSize > durableSize,
            now >= lastSync + options.syncIntervalNanoseconds
        else { return }
        do throws(FileSystem.Failure) {
            try timedSynchronize(file)
        } catch {
            _ = fail(error, refusing: 0, now: now)
            return
        }
        counters.syncs.add(1, ordering: .relaxed)
        markSynced(size: file.size, now: now)
    }

    private func markSynced(size: Int, now: UInt64) {
        durableSize = size
        committedSize = size
        durableLSN = nextLSN - 1
        unsynced.removeAll(keepingCapacity: true)
        lastSync = now
    }

    /// Records a failed write or sync and cuts back at once; one log line either way.
    private func fail(_ error: FileSystem.Failure, refusing batches: Int, now: UInt64) -> FileSystem.Failure {
        damage = error
        let refused = batches > 0 ? "\(batches) batch(es) refused; " : ""
        if let stillDamaged = heal(announce: false, now: now) {
            log(
                "journal: \(error): \(refused)cannot cut the segment back to its last good end (\(stillDamaged)); "
                    + "writes are refused until it can")
        } else {
            log("journal: \(error): \(refused)cut back to the last good end; writing continues at LSN \(nextLSN)")
        }
        return error
    }

    /// If a failure is pending: cuts the file back to its last good end, rewrites `interval`'s
    /// acknowledged bytes, and syncs. Returns the failure that still stands, if any.
    private func heal(announce: Bool, now: UInt64) -> FileSystem.Failure? {
        guard damage != nil else { return nil }
        lastHealAttempt = now
        guard let file else {
            damage = nil
            return nil
        }
        do throws(FileSystem.Failure) {
            try file.truncate(at: options.sync == .off ? committedSize : durableSize)
            if !unsynced.isEmpty { try file.append(unsynced) }
            try timedSynchronize(file)
        } catch {
            damage = error
            return error
        }
        counters.syncs.add(1, ordering: .relaxed)
        markSynced(size: file.size, now: lastSync)
        damage = nil
        if announce { log("journal: the disk takes writes again; writing continues at LSN \(nextLSN)") }
        return nil
    }

    /// Syncs the segment whatever the mode and makes the next batch start a new one (when this one holds
    /// records). Returns the highest durable LSN, or nil while a failure stands.
    func seal(now: UInt64) -> UInt64? {
        if heal(announce: true, now: now) != nil { return nil }
        guard let file else { return durableLSN }
        if file.size > durableSize {
            do throws(FileSystem.Failure) {
                try file.synchronize()
            } catch {
                _ = fail(error, refusing: 0, now: now)
                return nil
            }
            counters.syncs.add(1, ordering: .relaxed)
            markSynced(size: file.size, now: now)
        }
        if file.size > JournalFormat.segmentHeaderSize { mustRotate = true }
        return durableLSN
    }

    /// Syncs what is unsynced (any mode: a clean stop leaves everything durable) and closes the segment.
    func close() {
        if let file, damage == nil, file.size > durableSize {
            do throws(FileSystem.Failure) {
                try timedSynchronize(file)
                counters.syncs.add(1, ordering: .relaxed)
            } catch {
                log("journal: the final sync failed: \(error)")
            }
        }
        file?.close()
        file = nil
    }

    /// Syncs and records how long it took (`/metrics`' journal sync latency).
    private func timedSynchronize(_ file: some JournalFile) throws(FileSystem.Failure) {
        let started = MonotonicClock.now()
        try file.synchronize()
        counters.syncLatency.record(nanoseconds: MonotonicClock.now() &- started)
    }
}
