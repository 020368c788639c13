/// A point in time: milliseconds since the Unix epoch.
///
/// The domain never reads a clock. The shell passes the current `Instant` into every call, so tests
/// use fixed values and a replayed journal reproduces exactly the same state.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// This instant moved forward by `milliseconds` (backward when negative).
    public func adding(milliseconds: Int64) -> Instant {
        Instant(millisecondsSinceEpoch: millisecondsSinceEpoch + milliseconds)
    }

    /// This instant moved forward by whole `seconds`.
    public func adding(seconds: Int64) -> Instant {
        adding(milliseconds: seconds * 1_000)
    }

    /// Milliseconds from `earlier` to this instant; never negative, so a clock that steps back
    /// cannot produce negative wait or handle times.
    public func milliseconds(since earlier: Instant) -> Int64 {
        max(0, millisecondsSinceEpoch - earlier.millisecondsSinceEpoch)
    }

    public static func < (left: Instant, right: Instant) -> Bool {
        left.millisecondsSinceEpoch < right.millisecondsSinceEpoch
    }

    public var description: String { "\(millisecondsSinceEpoch)ms" }
}
