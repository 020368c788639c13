import Synchronization

/// How long the journal's `fdatasync` calls take, as a cumulative histogram for `/metrics`: the number
/// an operator looks at first when acknowledgements slow down. Bumped by the writer thread once per
/// sync (thousands per second at most), read by a scrape from any thread.
final class SyncLatencyHistogram: Sendable {
    /// Upper bounds in seconds: a local SSD syncs in well under a millisecond, a network disk or a
    /// saturated one in tens of milliseconds or worse.
    static let bounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]

    private struct Counts {
        var buckets = [Int](repeating: 0, count: SyncLatencyHistogram.bounds.count)
        var count = 0
        var sumNanoseconds: UInt64 = 0
    }

    private let counts = Mutex(Counts())

    func record(nanoseconds: UInt64) {
        let seconds = Double(nanoseconds) / 1e9
        counts.withLock { counts in
            if let bucket = Self.bounds.firstIndex(where: { seconds <= $0 }) { counts.buckets[bucket] += 1 }
            counts.count += 1
            counts.sumNanoseconds &+= nanoseconds
        }
    }

    var snapshot: JournalSyncLatency {
        counts.withLock { counts in
            var cumulative = 0
            let buckets = zip(Self.bounds, counts.buckets).map { bound, count in
                cumulative += count
                return (upperBound: bound, count: cumulative)
            }
            return JournalSyncLatency(
                buckets: buckets, count: counts.count, sumSeconds: Double(counts.sumNanoseconds) / 1e9)
        }
    }
}

/// The journal's sync latencies so far: cumulative counts per upper bound (seconds), Prometheus-style.
public struct JournalSyncLatency: Equatable, Sendable {
    public var buckets: [(upperBound: Double, count: Int)]
    /// Every sync, the slow ones beyond the last bound included.
    public var count: Int
    public var sumSeconds: Double

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.count == rhs.count && lhs.sumSeconds == rhs.sumSeconds
            && lhs.buckets.map(\.upperBound) == rhs.buckets.map(\.upperBound)
            && lhs.buckets.map(\.count) == rhs.buckets.map(\.count)
    }
}
