import CLiveHubSystem

#if canImport(Glibc)
    import Glibc
#endif

/// The measured phase the closed-loop runs share (`AckRun` against the hub, `RedisFanoutRun` against
/// Redis): one epoll loop over the run's sockets that writes what the kernel refused before, hands each
/// socket with input to the run, and reads the server's CPU time over the window. It runs until the
/// window is over and nothing is in flight, or the drain deadline passes.
final class ClosedLoopPoller {
    let sockets: [LoadSocket]
    private let epollFD: Int32
    private var writeArmed: [Bool]

    init(sockets: [LoadSocket]) throws(LoadError) {
        self.sockets = sockets
        writeArmed = Array(repeating: false, count: sockets.count)
        epollFD = livehub_epoll_create()
        guard epollFD >= 0 else { throw LoadError("epoll_create1: errno \(errno)") }
        for (index, socket) in sockets.enumerated()
        where livehub_epoll_ctl(epollFD, LIVEHUB_EPOLL_CTL_ADD, socket.fd, LIVEHUB_EPOLLIN, UInt64(index)) != 0 {
            close(epollFD)
            throw LoadError("epoll_ctl: errno \(errno)")
        }
    }

    deinit { close(epollFD) }

    /// Waits for EPOLLOUT only while the socket has bytes the kernel did not take.
    func updateWriteInterest(_ index: Int) {
        let wantsWrite = !sockets[index].outbound.isEmpty
        guard wantsWrite != writeArmed[index] else { return }
        writeArmed[index] = wantsWrite
        let interest = wantsWrite ? LIVEHUB_EPOLLIN | LIVEHUB_EPOLLOUT : LIVEHUB_EPOLLIN
        _ = livehub_epoll_ctl(epollFD, LIVEHUB_EPOLL_CTL_MOD, sockets[index].fd, interest, UInt64(index))
    }

    /// Polls until `windowEnd` has passed and `inFlight()` is false, or until `deadline`. `readable`
    /// gets each socket whose input was read, with the time. Returns the server's CPU seconds over the
    /// window (from `serverPID`), when it could be read.
    func run(
        windowStart: UInt64, windowEnd: UInt64, deadline: UInt64, serverPID: Int32?,
        scratch: UnsafeMutableRawBufferPointer, inFlight: () -> Bool,
        readable: (_ index: Int, _ now: UInt64) throws(LoadError) -> Void
    ) throws(LoadError) -> Double? {
        var serverCPUAtStart: Double?
        var serverCPU: Double?
        let capacity = 512
        var events = [UInt32](repeating: 0, count: capacity)
        var tokens = [UInt64](repeating: 0, count: capacity)
        while true {
            var now = livehub_monotonic_nanoseconds()
            if serverCPUAtStart == nil && now >= windowStart {
                serverCPUAtStart = serverPID.flatMap(cpuSeconds(ofProcess:)) ?? -1
            }
            if now >= windowEnd && serverCPU == nil, let before = serverCPUAtStart, before >= 0,
                let after = serverPID.flatMap(cpuSeconds(ofProcess:))
            {
                serverCPU = after - before
            }
            if now >= windowEnd && (!inFlight() || now >= deadline) { return serverCPU }
            let ready = events.withUnsafeMutableBufferPointer { eventBuffer in
                tokens.withUnsafeMutableBufferPointer { tokenBuffer in
                    livehub_epoll_wait(epollFD, eventBuffer.baseAddress, tokenBuffer.baseAddress, Int32(capacity), 5)
                }
            }
            guard ready >= 0 || errno == EINTR else { throw LoadError("epoll_wait: errno \(errno)") }
            now = livehub_monotonic_nanoseconds()
            for position in 0..<Int(max(0, ready)) {
                let index = Int(tokens[position])
                if events[position] & LIVEHUB_EPOLLOUT != 0 {
                    try sockets[index].flush()
                    updateWriteInterest(index)
                }
                if events[position] & (LIVEHUB_EPOLLIN | LIVEHUB_EPOLLHUP | LIVEHUB_EPOLLERR) != 0 {
                    guard try sockets[index].readAvailable(scratch: scratch) else {
                        throw LoadError("\(sockets[index].label): the server closed the connection during the run")
                    }
                    try readable(index, now)
                }
            }
        }
    }
}
