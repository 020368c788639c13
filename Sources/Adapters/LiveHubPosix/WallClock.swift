#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock time (CLOCK_REALTIME) for timestamps people read; timeouts use `MonotonicClock`.
public enum WallClock {
    public static func millisecondsSinceEpoch() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec / 1_000_000)
    }
}
