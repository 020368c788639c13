import CLiveHubSystem

/// Nanoseconds from CLOCK_MONOTONIC: immune to wall-clock steps, used for every timeout.
public enum MonotonicClock {
    @inline(__always)
    public static func now() -> UInt64 { livehub_monotonic_nanoseconds() }
}
