import CLiveHubSystem
import LiveHubWebSocket

#if canImport(Glibc)
import Glibc
#endif

/// One client WebSocket of a load run over non-blocking loopback TCP: masked frames out, unmasked
/// frames in. Setup steps wait with `poll` and a timeout; the measured phase drives it from epoll.
final class LoadSocket {
    let fd: Int32
    let label: String
    /// Received bytes not yet parsed into frames; `inboundStart` marks what was already consumed.
    private var inbound: [UInt8] = []
    private var inboundStart = 0
    /// Bytes the kernel did not take yet (the measured phase waits for EPOLLOUT when this is not empty).
    private(set) var outbound: [UInt8] = []
    private let decoder = FrameDecoder(role: .client, maxFramePayload: 1 << 24)
    private var fragmented: [UInt8] = []
    private var maskSeed: UInt32

    init(host: String, port: UInt16, label: String, timeoutSeconds: Double) throws(LoadError) {
        self.label = label
        maskSeed = UInt32(truncatingIfNeeded: livehub_monotonic_nanoseconds()) | 1
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoadError("\(label): socket: errno \(errno)") }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(fd)
            throw LoadError("\(label): '\(host)' is not an IPv4 address")
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 && errno != EINPROGRESS {
            let code = errno
            close(fd)
            throw LoadError("\(label): connect to \(host):\(port): errno \(code)")
        }
        do {
            try wait(for: Int16(POLLOUT), timeoutSeconds: timeoutSeconds, step: "connect")
        } catch {
            close(fd)
            throw error
        }
        var socketError: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length)
        if socketError != 0 {
            close(fd)
            throw LoadError("\(label): connect to \(host):\(port): errno \(socketError)")
        }
    }

    deinit { close(fd) }

    // MARK: Writing

    /// Queues one masked text frame and writes as much as the kernel takes now.
    func sendText(_ payload: [UInt8]) throws(LoadError) {
        maskSeed ^= maskSeed << 13
        maskSeed ^= maskSeed >> 17
        maskSeed ^= maskSeed << 5
        FrameEncoder.appendFrame(opcode: .text, payload: payload, maskKey: maskSeed, to: &outbound)
        try flush()
    }

    func sendRaw(_ bytes: [UInt8]) throws(LoadError) {
        outbound += bytes
        try flush()
    }

    /// Writes queued bytes until the kernel would block.
    func flush() throws(LoadError) {
        var written = 0
        while written < outbound.count {
            let count = outbound.withUnsafeBytes { bytes in
                send(fd, bytes.baseAddress.map { $0 + written }, bytes.count - written, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                written += count
            } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                break
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                throw LoadError("\(label): send: errno \(errno)")
            }
        }
        if written == outbound.count {
            outbound.removeAll(keepingCapacity: true)
        } else if written > 0 {
            outbound.removeFirst(written)
        }
    }

    // MARK: Reading

    /// Reads everything the kernel has now into the inbound buffer. False when the server closed.
    @discardableResult
    func readAvailable(scratch: UnsafeMutableRawBufferPointer) throws(LoadError) -> Bool {
        while true {
            let count = recv(fd, scratch.baseAddress, scratch.count, 0)
            if count > 0 {
                if inboundStart > 0 && inboundStart == inbound.count {
                    inbound.removeAll(keepingCapacity: true)
                    inboundStart = 0
                }
                inbound.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
                if count < scratch.count { return true }
            } else if count == 0 {
                return false
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                return true
            } else if errno != EINTR {
                throw LoadError("\(label): recv: errno \(errno)")
            }
        }
    }

    /// Hands each complete text message to `body`, answers pings, and fails on a close or bad frame.
    func forEachMessage(_ body: (UnsafeRawBufferPointer) throws(LoadError) -> Void) throws(LoadError) {
        while true {
            let available = inbound.count - inboundStart
            guard available > 0 else { break }
            let outcome = inbound.withUnsafeBytes { decoder.decodeHeader(UnsafeRawBufferPointer(rebasing: $0[inboundStart...])) }
            switch outcome {
            case .needMoreBytes:
                return
            case .violation(let violation):
                throw LoadError("\(label): protocol violation from the server: \(violation)")
            case .header(let header):
                guard available >= header.frameLength else { return }
                let payloadStart = inboundStart + header.headerLength
                let payloadEnd = payloadStart + header.payloadLength
                inboundStart += header.frameLength
                switch header.opcode {
                case .ping:
                    let payload = Array(inbound[payloadStart..<payloadEnd])
                    maskSeed = maskSeed &* 1_664_525 &+ 1_013_904_223
                    FrameEncoder.appendFrame(opcode: .pong, payload: payload, maskKey: maskSeed, to: &outbound)
                    try flush()
                case .pong:
                    break
                case .close:
                    throw LoadError("\(label): the server closed the WebSocket")
                case .text, .binary, .continuation:
                    if header.fin && fragmented.isEmpty {
                        // withUnsafeBytes only rethrows untyped errors: carry ours out by hand.
                        var thrown: LoadError? = nil
                        inbound.withUnsafeBytes { bytes in
                            do throws(LoadError) {
                                try body(UnsafeRawBufferPointer(rebasing: bytes[payloadStart..<payloadEnd]))
                            } catch { thrown = error }
                        }
                        if let thrown { throw thrown }
                    } else {
                        fragmented += inbound[payloadStart..<payloadEnd]
                        if header.fin {
                            let message = fragmented
                            fragmented.removeAll()
                            var thrown: LoadError? = nil
                            message.withUnsafeBytes { bytes in
                                do throws(LoadError) { try body(bytes) } catch { thrown = error }
                            }
                            if let thrown { throw thrown }
                        }
                    }
                }
            }
        }
        if inboundStart == inbound.count {
            inbound.removeAll(keepingCapacity: true)
            inboundStart = 0
        } else if inboundStart > inbound.count / 2 {
            // A partial frame is left: drop what was consumed so the buffer cannot grow without end.
            inbound.removeFirst(inboundStart)
            inboundStart = 0
        }
    }

    /// Blocks (with poll) until `events` are ready; fails after the timeout, naming the step.
    func wait(for events: Int16, timeoutSeconds: Double, step: String) throws(LoadError) {
        var descriptor = pollfd(fd: fd, events: events, revents: 0)
        let result = poll(&descriptor, 1, Int32(timeoutSeconds * 1000))
        if result == 0 { throw LoadError("\(label): \(step) timed out after \(timeoutSeconds) s") }
        if result < 0 && errno != EINTR { throw LoadError("\(label): poll: errno \(errno)") }
    }

    /// Hands the bytes received and not yet consumed to `take`, which returns how many it consumed
    /// (for a protocol other than WebSocket: `RedisFanoutRun`'s RESP replies).
    func consumeInbound(_ take: (UnsafeRawBufferPointer) -> Int) {
        let consumed = inbound.withUnsafeBytes { take(UnsafeRawBufferPointer(rebasing: $0[inboundStart...])) }
        inboundStart += max(0, consumed)
        if inboundStart == inbound.count {
            inbound.removeAll(keepingCapacity: true)
            inboundStart = 0
        } else if inboundStart > inbound.count / 2 {
            inbound.removeFirst(inboundStart)
            inboundStart = 0
        }
    }

    /// Takes the bytes up to and including the end of an HTTP response head, if one has arrived.
    func takeResponseHead() -> [UInt8]? {
        let terminator: [UInt8] = [13, 10, 13, 10]
        guard inbound.count - inboundStart >= 4 else { return nil }
        for index in inboundStart...(inbound.count - 4) where inbound[index..<(index + 4)].elementsEqual(terminator) {
            let head = Array(inbound[inboundStart..<(index + 4)])
            inboundStart = index + 4
            return head
        }
        return nil
    }
}
