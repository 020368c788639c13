/// Reads a segment's bytes back into records and decides how it ends: clean, a torn tail, or corruption.
///
/// ## Torn tail or corruption in the middle
///
/// A crash can leave the end of the last segment in any state: the file system may have extended the
/// file with zeros the write never filled, written only some of a write's pages (in any order), or cut
/// a record inside its size field. None of that was acknowledged under `--fsync group`, because an ack
/// waits for the `fdatasync` that covers the record. Damage to a record that *was* acknowledged is
/// corruption, and silently dropping it (with every good record after it) is what recovery must never do.
///
/// The two are told apart by what the damaged record's successors vouch for. Every record carries
/// `syncedThrough`, the highest LSN that was durable when it was written. Scanning stops at the first
/// bad record (expected LSN `n`, at offset `P`); then:
///
/// 1. A record that checks out but carries the wrong LSN: **corrupt** (a gap or a repeat). Torn writes
///    damage checksums; they do not renumber records.
/// 2. Damage in a segment that is not the last: **corrupt**. A segment is synced before the next one is
///    created, so only the last can hold an unsynced write.
/// 3. A damaged segment header: **corrupt**. A segment gets its final name only after its header is
///    durable (written under a temporary name, synced, renamed), so a named segment never has a torn header.
/// 4. Otherwise the bytes after `P` are searched, offset by offset, for whole records (header checksum,
///    then payload checksum, both salted with this segment's salt). If one of them has
///    `syncedThrough ≥ n`, LSN `n` had been synced, and possibly acknowledged, before that record was
///    written: **corrupt**. If none does, everything from `P` was written after the last sync that
///    completed: a **torn tail**, cut at `P`.
///
/// The header checksum is what makes a damaged size field harmless: the size is never followed before
/// its checksum holds, so a torn or flipped size cannot swallow good records or point past the end.
/// Zeros never parse as a record (LSN 0 is invalid), so a zero-filled tail is a torn tail.
///
/// The rule's one blind spot is inherent to any log that syncs only its data: damage to the last group
/// of records after their sync, with nothing written since, looks exactly like a torn write, and is cut
/// (with the log line saying so). Under `interval` and `off`, `syncedThrough` lags the acks, so a crash
/// there can cut acknowledged records: that is those modes' documented risk.
public enum SegmentScanner {
    /// Scans one segment. `expectedFirstLSN` is the LSN the previous segment's records lead to (nil for
    /// the first segment); `isLastSegment` says whether a torn tail is possible here.
    public static func scan(
        _ bytes: UnsafeRawBufferPointer, expectedFirstLSN: UInt64?, isLastSegment: Bool
    ) throws(UnsupportedJournalVersion) -> SegmentScan {
        let header: SegmentHeader
        switch SegmentHeader.decode(bytes) {
        case .success(let decoded): header = decoded
        case .failure(.unsupportedVersion(let found)): throw UnsupportedJournalVersion(found: found)
        case .failure(let problem):
            let damage = SegmentDamage(
                offset: 0, droppedBytes: bytes.count, expectedLSN: expectedFirstLSN ?? 1, droppedWholeRecords: 0,
                reason: "damaged segment header: \(problem)")
            return SegmentScan(
                header: nil, records: [], goodSize: 0, nextLSN: expectedFirstLSN ?? 1, end: .corrupt(damage))
        }
        let headerSize = JournalFormat.segmentHeaderSize
        if let expectedFirstLSN, header.firstLSN != expectedFirstLSN {
            let damage = SegmentDamage(
                offset: 0, droppedBytes: bytes.count, expectedLSN: expectedFirstLSN, droppedWholeRecords: 0,
                reason: "the segment starts at LSN \(header.firstLSN) where LSN \(expectedFirstLSN) was expected")
            return SegmentScan(
                header: header, records: [], goodSize: 0, nextLSN: expectedFirstLSN, end: .corrupt(damage))
        }

        var records: [ScannedRecord] = []
        var offset = headerSize
        var nextLSN = header.firstLSN
        while offset < bytes.count {
            switch RecordHeader.read(bytes, at: offset, salt: header.salt) {
            case .success(let record):
                let payloadStart = offset + JournalFormat.recordHeaderSize
                guard record.lsn == nextLSN else {
                    let damage = SegmentDamage(
                        offset: offset, droppedBytes: bytes.count - offset, expectedLSN: nextLSN,
                        droppedWholeRecords: 0,
                        reason: "a whole record numbered LSN \(record.lsn) where LSN \(nextLSN) was expected "
                            + "(\(record.lsn > nextLSN ? "records are missing" : "a record repeats"))")
                    return SegmentScan(
                        header: header, records: records, goodSize: offset, nextLSN: nextLSN, end: .corrupt(damage))
                }
                records.append(
                    ScannedRecord(
                        lsn: record.lsn, syncedThrough: record.syncedThrough,
                        payload: payloadStart..<payloadStart + record.payloadSize))
                offset = payloadStart + record.payloadSize
                nextLSN += 1
            case .failure(let problem):
                let end = classify(
                    bytes, damageAt: offset, problem: problem, expectedLSN: nextLSN, salt: header.salt,
                    isLastSegment: isLastSegment)
                return SegmentScan(header: header, records: records, goodSize: offset, nextLSN: nextLSN, end: end)
            }
        }
        return SegmentScan(header: header, records: records, goodSize: offset, nextLSN: nextLSN, end: .clean)
    }

    /// Scans one segment.
    public static func scan(
        _ bytes: [UInt8], expectedFirstLSN: UInt64?, isLastSegment: Bool
    ) throws(UnsupportedJournalVersion) -> SegmentScan {
        // withUnsafeBytes cannot carry a typed throw through; the version is checked separately.
        let result = bytes.withUnsafeBytes { raw -> Result<SegmentScan, UnsupportedJournalVersion> in
            do throws(UnsupportedJournalVersion) {
                return .success(try scan(raw, expectedFirstLSN: expectedFirstLSN, isLastSegment: isLastSegment))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Rules 2 and 4 (see the type's documentation) for a bad record at `offset`.
    private static func classify(
        _ bytes: UnsafeRawBufferPointer, damageAt offset: Int, problem: RecordHeader.Problem, expectedLSN: UInt64,
        salt: UInt32, isLastSegment: Bool
    ) -> SegmentEnd {
        let dropped = bytes.count - offset
        guard isLastSegment else {
            return .corrupt(
                SegmentDamage(
                    offset: offset, droppedBytes: dropped, expectedLSN: expectedLSN, droppedWholeRecords: 0,
                    reason: "\(problem.description) in a sealed segment (one that a later segment follows)"))
        }
        let later = wholeRecords(in: bytes, after: offset, salt: salt)
        if let voucher = later.first(where: { $0.syncedThrough >= expectedLSN }) {
            return .corrupt(
                SegmentDamage(
                    offset: offset, droppedBytes: dropped, expectedLSN: expectedLSN, droppedWholeRecords: later.count,
                    reason: "\(problem.description), but the record at offset \(voucher.offset) (LSN \(voucher.lsn)) "
                        + "was written after LSN \(voucher.syncedThrough) was synced, so this record had been durable"))
        }
        let zeros = UnsafeRawBufferPointer(rebasing: bytes[offset...]).allSatisfy { $0 == 0 }
        let reason =
            zeros
            ? "a zero-filled tail (space the file system allocated that the write never filled)"
            : "\(problem.description), written after the last completed sync"
        return .tornTail(
            SegmentDamage(
                offset: offset, droppedBytes: dropped, expectedLSN: expectedLSN, droppedWholeRecords: later.count,
                reason: reason))
    }

    private struct LaterRecord {
        let offset: Int
        let lsn: UInt64
        let syncedThrough: UInt64
    }

    /// Every whole record (both checksums hold) found by trying each offset after `damage`. Only runs on
    /// damage; the header's cheap field checks reject almost every offset before any checksum is computed.
    private static func wholeRecords(in bytes: UnsafeRawBufferPointer, after damage: Int, salt: UInt32) -> [LaterRecord]
    {
        var found: [LaterRecord] = []
        var offset = damage + 1
        while bytes.count - offset >= JournalFormat.recordHeaderSize {
            if case .success(let record) = RecordHeader.read(bytes, at: offset, salt: salt) {
                found.append(LaterRecord(offset: offset, lsn: record.lsn, syncedThrough: record.syncedThrough))
                offset += JournalFormat.recordHeaderSize + record.payloadSize
            } else {
                offset += 1
            }
        }
        return found
    }
}
