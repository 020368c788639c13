import CLiveHubSystem

/// How the process's heap gives memory back to the system.
public enum Memory {
    /// Serves allocations of `bytes` or more straight from mmap, so freeing one returns it to the
    /// system at once. glibc otherwise raises this threshold by itself (up to 32 MiB) after the first
    /// large free, and a burst of large messages then stays in RSS long after their connections closed.
    public static func returnLargeAllocationsToTheSystem(atLeast bytes: Int = 256 * 1024) {
        livehub_set_mmap_threshold(Int32(clamping: bytes))
    }

    /// Gives free pages at the top and inside the heap back to the system (malloc_trim). Walks the
    /// heap: call it rarely (after a burst of closes, or once a minute), never per message.
    public static func trimFreeHeap() {
        livehub_malloc_trim()
    }
}
