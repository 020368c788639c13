import CLiveHubSystem

#if canImport(Glibc)
import Glibc
#endif

/// Facts about the process's CPU and descriptor budget.
public enum Processor {
    /// CPUs this process may run on (sched_getaffinity), so a server pinned to one CPU runs one loop.
    public static var availableCPUCount: Int { Int(livehub_affinity_cpu_count()) }

    /// Raises the soft open-files limit to the hard limit and returns it (the server's connection budget).
    @discardableResult
    public static func raiseOpenFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return Int(limit.rlim_cur)
    }
}
