import CLiveHubSystem

#if canImport(Glibc)
import Glibc
#endif

/// SIGINT/SIGTERM delivered as a readable descriptor instead of an async signal handler.
///
/// `block()` must run before any other thread starts, so every thread inherits the blocked mask and
/// the signal is only ever consumed here.
public struct TerminationSignals: Sendable {
    private let fd: Int32

    public static func block() throws(SystemError) -> TerminationSignals {
        let fd = livehub_signalfd_for_termination()
        if fd < 0 { throw SystemError(call: "signalfd", code: errno) }
        return TerminationSignals(fd: fd)
    }

    /// Blocks until SIGINT or SIGTERM arrives; returns the signal number.
    public func wait() -> Int32 {
        var info = [UInt8](repeating: 0, count: 128)  // struct signalfd_siginfo
        while true {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, -1)
            if ready < 0 && errno != EINTR { return SIGTERM }
            let count = info.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count >= 4 {
                return info.withUnsafeBytes { Int32(bitPattern: $0.loadUnaligned(as: UInt32.self)) }
            }
        }
    }
}
