// journalbench: this disk's raw fdatasync rate, and the journal writer's group-commit throughput.
//
//   journalbench fsync-rate [--dir D] [--seconds S] [--bytes 4096]
//       one file, append BYTES then fdatasync, in a loop: syncs/s and sync latency
//   journalbench group [--dir D] [--seconds S] [--writers 16] [--bytes 200] [--mode group|interval|off]
//       WRITERS threads, each appending a one-record batch and waiting for its ack, in a loop:
//       acknowledged records/s, syncs/s, records per sync, ack latency
//
// Build with -c release. D defaults to /tmp (a fresh directory inside it is removed afterwards).
import LiveHubJournal
import LiveHubJournalStore
import LiveHubPosix
import Synchronization

struct Arguments {
    var command = ""
    var directory = "/tmp"
    var seconds = 5.0
    var bytes: Int?
    var writers = 16
    var mode = JournalSyncMode.group

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        command = rest.popFirst() ?? ""
        while let flag = rest.popFirst() {
            let value = rest.popFirst() ?? ""
            switch flag {
            case "--dir": directory = value
            case "--seconds": seconds = Double(value) ?? seconds
            case "--bytes": bytes = Int(value)
            case "--writers": writers = Int(value) ?? writers
            case "--mode": mode = JournalSyncMode(rawValue: value) ?? mode
            default: fail("unknown option \(flag)")
            }
        }
    }
}

func fail(_ message: String) -> Never {
    StandardStreams.writeError("journalbench: \(message)\n")
    ProcessExit.now(64)
}

/// Nanoseconds as milliseconds with two decimals.
func milliseconds(_ nanoseconds: UInt64) -> String {
    let hundredths = (nanoseconds + 5_000) / 10_000
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

func percentile(_ sorted: [UInt64], _ fraction: Double) -> UInt64 {
    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}

func removeTree(_ directory: String) {
    for name in (try? FileSystem.listDirectory(directory)) ?? [] {
        let path = directory + "/" + name
        if (try? FileSystem.listDirectory(path)) != nil { removeTree(path) } else { try? FileSystem.remove(path) }
    }
    try? FileSystem.removeDirectory(directory)
}

/// Raw fdatasync rate: append then sync, one at a time.
func fsyncRate(_ arguments: Arguments) throws {
    let directory = try FileSystem.makeTemporaryDirectory(in: arguments.directory, prefix: "journalbench-")
    defer { removeTree(directory) }
    let file = try AppendOnlyFile.create(directory + "/raw")
    defer { file.close() }
    let block = [UInt8](repeating: 0xA5, count: arguments.bytes ?? 4096)
    var latencies: [UInt64] = []
    let start = MonotonicClock.now()
    let end = start + UInt64(arguments.seconds * 1e9)
    var now = start
    while now < end {
        try file.append(block)
        try file.synchronize()
        let after = MonotonicClock.now()
        latencies.append(after - now)
        now = after
    }
    latencies.sort()
    let elapsed = Double(now - start) / 1e9
    print(
        "fsync-rate bytes=\(block.count) syncs=\(latencies.count) seconds=\(elapsed) "
            + "syncs_per_s=\(Int(Double(latencies.count) / elapsed)) p10_ms=\(milliseconds(percentile(latencies, 0.1))) "
            + "p50_ms=\(milliseconds(percentile(latencies, 0.5))) p90_ms=\(milliseconds(percentile(latencies, 0.9))) "
            + "p99_ms=\(milliseconds(percentile(latencies, 0.99)))")
}

/// One producer's wait for its batch's ack.
final class Waiter: Sendable {
    let done = ConditionLock<Bool>(false)
}

/// Group commit: WRITERS threads, one batch in flight each.
func groupCommit(_ arguments: Arguments) throws {
    let directory = try FileSystem.makeTemporaryDirectory(in: arguments.directory, prefix: "journalbench-")
    defer { removeTree(directory) }
    let recovery = try JournalRecovery.open(directory: directory, log: { _ in }, record: { _, _ in })
    let writer = try JournalWriter.start(after: recovery, options: JournalOptions(sync: arguments.mode)) {
        StandardStreams.writeError("journal: \($0)\n")
    }
    let payload = [UInt8](repeating: 0x5A, count: arguments.bytes ?? 200)
    let sequencer = Mutex<UInt64>(recovery.nextLSN)
    let stopAt = MonotonicClock.now() + UInt64(arguments.seconds * 1e9)
    let failures = Atomic<Int>(0)
    let latencies = Mutex<[UInt64]>([])
    let start = MonotonicClock.now()
    let threads = try (0..<arguments.writers).map { _ in
        try LoopThread.start(name: "bench-writer") {
            let waiter = Waiter()
            var mine: [UInt64] = []
            mine.reserveCapacity(200_000)
            while MonotonicClock.now() < stopAt {
                waiter.done.withLock { $0 = false }
                let sent = MonotonicClock.now()
                sequencer.withLock { next in
                    writer.append(JournalBatch(firstLSN: next, records: [payload])) { result in
                        if case .failure = result { failures.add(1, ordering: .relaxed) }
                        waiter.done.withLock { $0 = true }
                        waiter.done.signal()
                    }
                    next += 1
                }
                waiter.done.withLock(waitingUntil: { $0 }, deadline: nil) { _ in }
                mine.append(MonotonicClock.now() - sent)
            }
            latencies.withLock { $0 += mine }
        }
    }
    for thread in threads { thread.join() }
    let elapsed = Double(MonotonicClock.now() - start) / 1e9
    writer.close()
    let statistics = writer.statistics
    let sorted = latencies.withLock { $0.sorted() }
    print(
        "group mode=\(arguments.mode.rawValue) writers=\(arguments.writers) bytes=\(payload.count) "
            + "acked=\(sorted.count) seconds=\(Int(elapsed * 100) / 100) "
            + "acked_per_s=\(Int(Double(sorted.count) / elapsed)) syncs_per_s=\(Int(Double(statistics.syncs) / elapsed)) "
            + "records_per_write=\(statistics.writes > 0 ? statistics.records / statistics.writes : 0) "
            + "p50_ms=\(milliseconds(percentile(sorted, 0.5))) p99_ms=\(milliseconds(percentile(sorted, 0.99))) "
            + "failures=\(failures.load(ordering: .relaxed))")
}

let arguments = Arguments(CommandLine.arguments)
do {
    switch arguments.command {
    case "fsync-rate": try fsyncRate(arguments)
    case "group": try groupCommit(arguments)
    default: fail("usage: journalbench fsync-rate|group [--dir D] [--seconds S] [--bytes N] [--writers N] [--mode M]")
    }
} catch {
    fail("\(error)")
}
