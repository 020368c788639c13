import CLiveHubSystem

#if canImport(Glibc)
import Glibc
#endif

/// A non-blocking listening TCP socket.
///
/// With `reusePort`, every event loop binds its own socket to the same address and the kernel spreads
/// new connections across them (SO_REUSEPORT), so no acceptor thread hands connections around.
public struct ListeningSocket: Sendable {
    public let fd: Int32
    public let address: SocketAddress

    public init(binding address: SocketAddress, reusePort: Bool, backlog: Int32 = 4096) throws(SystemError) {
        let fd = try performCall("socket") { socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }
        var one: Int32 = 1
        let size = socklen_t(MemoryLayout<Int32>.size)
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, size)
        if reusePort { _ = setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, size) }
        let bound = address.withSockAddr { bind(fd, $0, $1) }
        if bound != 0 {
            let code = errno
            SocketIO.close(fd)
            throw SystemError(call: "bind(\(address))", code: code)
        }
        if listen(fd, backlog) != 0 {
            let code = errno
            SocketIO.close(fd)
            throw SystemError(call: "listen", code: code)
        }
        self.fd = fd
        self.address = try ListeningSocket.localAddress(of: fd)
    }

    /// The address the kernel actually bound (resolves port 0 to the chosen port).
    public static func localAddress(of fd: Int32) throws(SystemError) -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        if result != 0 { throw SystemError(call: "getsockname", code: errno) }
        guard let address = withUnsafePointer(to: &storage, { SocketAddress.from($0) }) else {
            throw SystemError(call: "getsockname", code: EAFNOSUPPORT)
        }
        return address
    }

    /// The address of the peer of a connected socket (getpeername); nil if it is gone.
    public static func peerAddress(of fd: Int32) -> SocketAddress? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &length) }
        }
        guard result == 0 else { return nil }
        return withUnsafePointer(to: &storage) { SocketAddress.from($0) }
    }

    /// Accepts one pending connection as a non-blocking, close-on-exec descriptor; nil when none is waiting.
    public func accept() throws(SystemError) -> Int32? {
        while true {
            let client = livehub_accept4(fd, nil, nil)
            if client >= 0 { return client }
            let code = errno
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return nil
            // The connection died between SYN and accept: routine, try the next one.
            case ECONNABORTED, EPROTO: continue
            default: throw SystemError(call: "accept4", code: code)
            }
        }
    }

    public func close() { SocketIO.close(fd) }
}
