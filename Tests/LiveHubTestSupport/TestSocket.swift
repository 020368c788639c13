import LiveHubTLS

#if canImport(Glibc)
import Glibc
#endif

/// A failure in the test client, with enough context to read the test log.
public struct TestClientError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A blocking loopback TCP client with a receive timeout, so a test that waits for bytes that never
/// come fails after `timeoutSeconds` instead of hanging the suite. Optionally speaks TLS.
public final class TestSocket {
    public let fd: Int32
    private var tls: TLSConnection?
    private var plaintextBacklog: [UInt8] = []

    public init(port: UInt16, host: String = "127.0.0.1", timeoutSeconds: Int = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestClientError("socket: errno \(errno)") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw TestClientError("connect to \(host):\(port): errno \(code)")
        }
    }

    deinit { close(fd) }

    /// Shrinks the kernel receive buffer (for slow-consumer tests: the server's output backs up sooner).
    public func setReceiveBufferSize(_ bytes: Int32) {
        var value = bytes
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &value, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Shrinks the kernel send buffer (for backpressure tests: the client blocks sooner once the
    /// server stops reading).
    public func setSendBufferSize(_ bytes: Int32) {
        var value = bytes
        setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &value, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Sends what the kernel takes right now (plain TCP only): the byte count, 0 when it would block.
    public func sendWithoutBlocking(_ bytes: ArraySlice<UInt8>) throws -> Int {
        let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
        if count >= 0 { return count }
        if errno == EAGAIN || errno == EWOULDBLOCK { return 0 }
        throw TestClientError("send: errno \(errno)")
    }

    /// Waits up to `milliseconds` until the socket can take bytes or has bytes (or EOF) to read.
    public func waitUntilReady(writable: Bool, readable: Bool, milliseconds: Int32) -> (writable: Bool, readable: Bool) {
        var events: Int16 = 0
        if writable { events |= Int16(POLLOUT) }
        if readable { events |= Int16(POLLIN) }
        var descriptor = pollfd(fd: fd, events: events, revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return (false, false) }
        let hangup = descriptor.revents & Int16(POLLHUP | POLLERR) != 0
        return (descriptor.revents & Int16(POLLOUT) != 0, descriptor.revents & Int16(POLLIN) != 0 || hangup)
    }

    /// Performs a TLS handshake over this socket; afterwards `send`/`receive` carry plaintext.
    public func startTLS(trusting certificatePEM: [UInt8]) throws {
        let context = try TLSClientContext(trustingCertificatePEM: certificatePEM)
        let connection = try TLSConnection(context: context, serverName: "localhost")
        connection.startHandshake()
        tls = connection
        try pumpCiphertextOut()
        while !connection.isHandshakeComplete {
            let chunk = try receiveRaw()
            guard !chunk.isEmpty else { throw TestClientError("server closed during the TLS handshake") }
            chunk.withUnsafeBytes { connection.feedCiphertext($0) }
            try drainPlaintext()
            try pumpCiphertextOut()
        }
    }

    public func send(_ bytes: [UInt8]) throws {
        guard let tls else {
            try sendRaw(bytes)
            return
        }
        var offset = 0
        while offset < bytes.count {
            let result = bytes.withUnsafeBytes { tls.writePlaintext(UnsafeRawBufferPointer(rebasing: $0[offset...])) }
            switch result {
            case .written(let count): offset += count
            case .failed(let error): throw TestClientError("TLS write: \(error)")
            }
            try pumpCiphertextOut()
        }
    }

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Returns the next bytes available (waiting up to the timeout); empty means the server closed.
    /// `maxBytes` caps one read of a plain socket (a slow reader takes a little at a time).
    public func receive(maxBytes: Int = 65_536) throws -> [UInt8] {
        guard tls != nil else { return try receiveRaw(maxBytes: maxBytes) }
        while plaintextBacklog.isEmpty {
            let chunk = try receiveRaw()
            if chunk.isEmpty { return [] }
            chunk.withUnsafeBytes { tls?.feedCiphertext($0) }
            if try drainPlaintext() { break }
            try pumpCiphertextOut()
        }
        defer { plaintextBacklog = [] }
        return plaintextBacklog
    }

    /// True when the peer has closed (EOF or reset) within the timeout.
    public func waitForClose() -> Bool {
        var scratch = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET }
        }
    }

    public func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// A read ended in ECONNRESET (which `receive` reports as an empty read, like EOF).
    public private(set) var sawReset = false

    // MARK: Raw transport

    private func sendRaw(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw TestClientError("send: errno \(errno)") }
            offset += count
        }
    }

    private func receiveRaw(maxBytes: Int = 65_536) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maxBytes)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == ECONNRESET {
                sawReset = true
                return []
            }
            throw TestClientError("recv: errno \(errno) (timeout or error)")
        }
        return Array(buffer[0..<count])
    }

    private func pumpCiphertextOut() throws {
        guard let tls, tls.pendingCiphertextCount > 0 else { return }
        var out: [UInt8] = []
        tls.takeCiphertext(into: &out)
        try sendRaw(out)
    }

    /// Moves decrypted bytes to the backlog; true if the peer sent close_notify.
    @discardableResult
    private func drainPlaintext() throws -> Bool {
        guard let tls else { return false }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let result = buffer.withUnsafeMutableBytes { tls.readPlaintext(into: $0) }
            switch result {
            case .bytes(let count): plaintextBacklog += buffer[0..<count]
            case .wantMoreCiphertext: return false
            case .closedByPeer: return true
            case .failed(let error): throw TestClientError("TLS read: \(error)")
            }
        }
    }
}
