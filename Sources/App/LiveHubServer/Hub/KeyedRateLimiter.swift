import Synchronization

/// Token buckets per key (a source address, a user), shared by every loop (a client's connections may
/// land on any loop through SO_REUSEPORT). For what costs work each time and comes rarely, such as
/// minting tokens or opening a hub connection: one lock is cheap at such rates. Time is passed in
/// (monotonic nanoseconds).
final class KeyedRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var refilledAt: UInt64
    }

    private let perMinute: Double
    private let burst: Double
    /// Beyond this many tracked keys, full buckets (idle keys) are forgotten.
    private let maxTracked: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    init(perMinute: Double, burst: Double, maxTracked: Int = 10_000) {
        self.perMinute = perMinute
        self.burst = burst
        self.maxTracked = maxTracked
    }

    /// Takes one token for `key`; returns nil when allowed, else the seconds until the next token.
    func admit(_ key: String, now: UInt64) -> Int? {
        buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: burst, refilledAt: now)
            let elapsed = Double(now &- bucket.refilledAt) / 1e9
            bucket.tokens = min(burst, bucket.tokens + elapsed * perMinute / 60)
            bucket.refilledAt = now
            defer {
                buckets[key] = bucket
                if buckets.count > maxTracked { forgetIdle(&buckets, now: now) }
            }
            guard bucket.tokens >= 1 else {
                return max(1, Int(((1 - bucket.tokens) * 60 / perMinute).rounded(.up)))
            }
            bucket.tokens -= 1
            return nil
        }
    }

    /// Drops keys whose bucket has refilled completely: forgetting them changes nothing.
    private func forgetIdle(_ buckets: inout [String: Bucket], now: UInt64) {
        let refill = burst * 60 / perMinute
        buckets = buckets.filter { Double(now &- $0.value.refilledAt) / 1e9 < refill }
    }
}
