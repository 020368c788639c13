import CLiveHubSystem

#if canImport(Glibc)
import Glibc
#endif

/// Starts and joins OS threads for event loops (no Foundation, no Dispatch: one pthread per loop).
public final class LoopThread: @unchecked Sendable {
    // @unchecked: `handle` is written once in `start` before any other thread can see the object,
    // and read only by `join` on the starting thread.
    private var handle: pthread_t?

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    private init() {}

    /// Runs `body` on a new thread named `name` (visible in `top -H` and gdb).
    public static func start(name: String, _ body: @escaping @Sendable () -> Void) throws(SystemError) -> LoopThread {
        let thread = LoopThread()
        let threadName = String(name.prefix(15))
        let box = Unmanaged.passRetained(Box { livehub_set_thread_name(threadName); body() }).toOpaque()
        var handle = pthread_t()
        let result = pthread_create(&handle, nil, { raw in
            guard let raw else { return nil }
            let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
            box.body()
            return nil
        }, box)
        if result != 0 {
            Unmanaged<Box>.fromOpaque(box).release()
            throw SystemError(call: "pthread_create", code: result)
        }
        thread.handle = handle
        return thread
    }

    public func join() {
        if let handle { pthread_join(handle, nil) }
    }
}
