import LiveHubJournal
import LiveHubPosix
import Synchronization

@testable import LiveHubJournalStore

/// Collects log lines from any thread.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}

/// A journal directory on a disk, with helpers to recover it and to write to it synchronously.
struct Harness {
    let disk: FakeDisk
    let directory = "/data/journal"
    let log = LogLines()

    init(disk: FakeDisk = FakeDisk()) { self.disk = disk }

    /// Opens the journal and returns what it replayed.
    func recover(repair: Bool = false, after: UInt64 = 0) throws -> (JournalRecovery, [Replayed]) {
        var replayed: [Replayed] = []
        let recovery = try JournalRecovery.open(
            directory: directory, disk: disk, repair: repair, after: after, log: { log.append($0) },
            record: { replayed.append(Replayed(lsn: $0, payload: Array($1))) })
        return (recovery, replayed)
    }

    /// Recovers, then an appender that continues the journal.
    func appender(_ options: JournalOptions = JournalOptions(), now: UInt64 = 0) throws -> SegmentAppender {
        let (recovery, _) = try recover()
        return try SegmentAppender(
            recovery: recovery, disk: disk, options: options, counters: JournalCounters(), now: now,
            log: { [log] in log.append($0) })
    }

    /// The segment names in the directory.
    var segments: [String] { disk.names(in: directory).filter { SegmentName.firstLSN(of: $0) != nil } }

    func path(_ name: String) -> String { directory + "/" + name }
}

struct Replayed: Equatable {
    let lsn: UInt64
    let payload: [UInt8]
}

/// A recognisable payload for `lsn`.
func payload(_ lsn: UInt64, size: Int = 24) -> [UInt8] {
    (0..<size).map { UInt8(truncatingIfNeeded: Int(lsn) &* 13 &+ $0) }
}

/// A batch of `count` records starting at `first`, each with `payload(lsn)`.
func batch(_ first: UInt64, _ count: Int = 1, size: Int = 24) -> JournalBatch {
    JournalBatch(firstLSN: first, records: (0..<count).map { payload(first + UInt64($0), size: size) })
}

extension Result where Success == JournalAck, Failure == JournalWriteFailure {
    var ack: JournalAck? { try? get() }
    var failure: JournalWriteFailure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
