import CLiveHubSystem

#if canImport(Glibc)
import Glibc
#endif

/// Non-blocking reads and writes on a connected stream socket.
public enum SocketIO {
    /// Reads into `buffer`; `.processed(0)` means the peer closed its side.
    @inline(__always)
    public static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> IOResult {
        try performIO("read") { Glibc.read(fd, buffer.baseAddress, buffer.count) }
    }

    /// Writes `bytes`; MSG_NOSIGNAL so a vanished peer is an EPIPE error, never a SIGPIPE.
    @inline(__always)
    public static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) -> IOResult {
        try performIO("send") { send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Writes two buffers with one syscall (pending backlog + freshly corked bytes).
    public static func write(
        _ fd: Int32, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer
    ) throws(SystemError) -> IOResult {
        var vectors = (
            iovec(iov_base: UnsafeMutableRawPointer(mutating: first.baseAddress), iov_len: first.count),
            iovec(iov_base: UnsafeMutableRawPointer(mutating: second.baseAddress), iov_len: second.count)
        )
        return try withUnsafeMutableBytes(of: &vectors) { raw throws(SystemError) -> IOResult in
            var header = msghdr()
            header.msg_iov = raw.baseAddress?.assumingMemoryBound(to: iovec.self)
            header.msg_iovlen = 2
            return try performIO("sendmsg") { sendmsg(fd, &header, Int32(MSG_NOSIGNAL)) }
        }
    }

    /// Closes a descriptor. EINTR is not retried: on Linux the descriptor is released either way.
    public static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }

    /// Half-closes the write side so the peer reads EOF after our last bytes (used before a lingering close).
    public static func shutdownWrite(_ fd: Int32) {
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    /// Sets SO_LINGER {on, 0}: close sends RST instead of FIN, used for abortive closes of misbehaving peers.
    public static func setAbortiveClose(_ fd: Int32) {
        var value = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &value, socklen_t(MemoryLayout<linger>.size))
    }

    /// Bytes the kernel holds for the peer that it has not acknowledged yet (SIOCOUTQ); nil on error.
    /// A value that changes between two looks means the peer is reading.
    public static func unacknowledgedSendBytes(_ fd: Int32) -> Int? {
        let queued = livehub_unacknowledged_send_bytes(fd)
        return queued >= 0 ? Int(queued) : nil
    }

    /// Disables Nagle: chat messages are small and latency matters more than packet count.
    public static func setNoDelay(_ fd: Int32) {
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }
}

extension SocketIO {
    /// Opens a spare descriptor (`/dev/null`) a listener keeps for the moment the process runs out:
    /// closing it frees one slot to accept and refuse a client cleanly. -1 if none could be opened.
    public static func openReserveDescriptor() -> Int32 {
        open("/dev/null", O_RDONLY | O_CLOEXEC)
    }
}
