import Synchronization

/// Per source address token buckets, shared by every loop (a client's connections may land on any
/// loop through SO_REUSEPORT). For endpoints that cost work per request, such as minting tokens:
/// low request rates, so one lock is cheap. Time is passed in (monotonic nanoseconds).
final class AddressRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var refilledAt: UInt64
    }

    private let perMinute: Double
    private let burst: Double
    /// Beyond this many tracked addresses, full buckets (idle addresses) are forgotten.
    private let maxTracked: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    init(perMinute: Double, burst: Double, maxTracked: Int = 10_000) {
        self.perMinute = perMinute
        self.burst = burst
        self.maxTracked = maxTracked
    }

    /// Takes one token for `address`; returns nil when allowed, else the seconds until the next token.
    func admit(_ address: String, now: UInt64) -> Int? {
        buckets.withLock { buckets in
            var bucket = buckets[address] ?? Bucket(tokens: burst, refilledAt: now)
            let elapsed = Double(now &- bucket.refilledAt) / 1e9
            bucket.tokens = min(burst, bucket.tokens + elapsed * perMinute / 60)
            bucket.refilledAt = now
            defer {
                buckets[address] = bucket
                if buckets.count > maxTracked { forgetIdle(&buckets, now: now) }
            }
            guard bucket.tokens >= 1 else {
                return max(1, Int(((1 - bucket.tokens) * 60 / perMinute).rounded(.up)))
            }
            bucket.tokens -= 1
            return nil
        }
    }

    /// Drops addresses whose bucket has refilled completely: forgetting them changes nothing.
    private func forgetIdle(_ buckets: inout [String: Bucket], now: UInt64) {
        let refill = burst * 60 / perMinute
        buckets = buckets.filter { Double(now &- $0.value.refilledAt) / 1e9 < refill }
    }
}
