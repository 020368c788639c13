#if canImport(Glibc)
import Glibc
#endif

/// A lock around `State` with a condition variable: a thread can sleep until the state is ready, or
/// until a deadline. For a worker thread that sleeps when idle (the journal writer): `Mutex` has no way
/// to wait, and an event loop's epoll is more machinery than a queue needs.
///
/// The condition uses CLOCK_MONOTONIC, so deadlines are `MonotonicClock` nanoseconds and a wall-clock
/// step neither fires nor delays them.
public final class ConditionLock<State> {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var state: State

    public init(_ state: State) {
        self.state = state
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` with the lock held.
    public func withLock<Result, Failure: Error>(
        _ body: (inout State) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }

    /// Sleeps (with the lock released) until `ready` holds or the monotonic clock reaches `deadline`
    /// (nil: no deadline), then runs `body` with the lock held. `ready` is checked with the lock held.
    public func withLock<Result>(
        waitingUntil ready: (borrowing State) -> Bool, deadline: UInt64?, _ body: (inout State) -> Result
    ) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !ready(state) {
            guard let deadline else {
                pthread_cond_wait(condition, mutex)
                continue
            }
            if MonotonicClock.now() >= deadline { break }
            var time = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
            _ = pthread_cond_timedwait(condition, mutex, &time)
        }
        return body(&state)
    }

    /// Wakes one waiting thread (it re-checks its condition).
    public func signal() { pthread_cond_signal(condition) }

    /// Wakes every waiting thread.
    public func broadcast() { pthread_cond_broadcast(condition) }
}

// Every access to `state` happens with the mutex held, so the lock may be shared across threads
// whenever the state itself may cross them.
extension ConditionLock: @unchecked Sendable where State: Sendable {}
