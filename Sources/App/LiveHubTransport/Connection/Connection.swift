import LiveHubDeflate
import LiveHubHTTP
import LiveHubPosix
import LiveHubTLS
import LiveHubWebSocket

/// One client socket on one loop, from accept to close: HTTP first, then (after an upgrade) WebSocket.
///
/// The protocol logic lives in the pure cores (`HTTPRequestParser`, `WebSocketStateMachine`); this class
/// only moves bytes between them and the socket. Byte budget: an idle WebSocket holds the fields
/// below and no heap buffers (input and output arrays are empty unless a frame is partial or the
/// peer is not reading).
public final class Connection: EventLoopHandler {
    /// `unowned(unsafe)`: a checked `unowned` costs a retain/release on every access, and this is read
    /// several times per message. Sound because the context closes every connection before it goes away.
    public unowned(unsafe) let context: LoopContext
    let fd: Int32
    /// Unique in this process; log lines carry it as `conn=ID`.
    public let id: UInt64
    var registration: RegistrationID?
    // `@exclusivity(unchecked)` below: these hot properties are used only on this object's thread, by
    // straight-line code that never reaches them again while one of them is being changed. The run-time
    // exclusivity checks they skip cost about 5,000 instructions per message.send across the I/O and hub
    // loops (callgrind, 63.6k -> 58.5k); debug and release builds alike skip them for these only.
    @exclusivity(unchecked) var phase: ConnectionPhase = .http
    var indexInLoop = -1

    // Input.
    var http: HTTPSession?
    @exclusivity(unchecked) var machine: WebSocketStateMachine?
    /// The WebSocket route's per-connection state and behaviour, set at the upgrade.
    var session: (any WebSocketSession)?
    /// Bytes of a frame that has not fully arrived yet (empty almost always).
    @exclusivity(unchecked) var inboundCarry: [UInt8] = []
    var tls: TLSSession?

    // Output.
    var deflater: PerMessageDeflater?
    /// Unsent bytes and the rules for writing them (cork, backlog, close after flush). 17 bytes: the
    /// one-byte fields below fill its tail, so the connection is no larger than with loose fields.
    @exclusivity(unchecked) var output = OutboundQueue()
    @exclusivity(unchecked) var isDirty = false
    /// The interest registered with epoll now (`.readable` at registration).
    var watchedEvents: IOEvents = .readable
    /// HTTP backpressure: while this connection's unsent output is over the limit, its requests are
    /// neither read nor parsed, so a pipelining client that does not read its responses is held back
    /// by TCP instead of growing our memory.
    var isInputPaused = false
    /// The peer shut down its sending side while we still had HTTP responses for it: they are
    /// written first, then the connection closes (RFC 9112 §9.6: a half-close is not an abort).
    var peerInputEnded = false

    // Time (read by `ConnectionTimerPolicy`).
    var timestamps: ConnectionTimestamps
    var armedTimerDeadline: UInt64 = 0
    /// SIOCOUTQ when the HTTP idle deadline last passed (see `peerIsTakingResponses`).
    var lastUnacknowledgedBytes = 0

    init(context: LoopContext, fd: Int32, tls: TLSSession?) {
        self.context = context
        self.fd = fd
        self.id = context.shared.makeConnectionID()
        self.tls = tls
        self.http = HTTPSession(limits: context.configuration.http)
        let now = context.loop.now
        timestamps = ConnectionTimestamps(
            lastReceived: now, phaseDeadline: context.timerPolicy.handshakeDeadline(acceptedAt: now))
    }

    /// permessage-deflate was negotiated: a frame encoded once for many recipients does not fit, since
    /// this connection's frames are compressed with its own context.
    public var compressesOutput: Bool { deflater != nil }

    /// This connection as seen from other threads.
    public var reference: ConnectionReference {
        ConnectionReference(loop: context.loop, loopIndex: context.index, connection: LoopConfined(value: self))
    }

    // MARK: EventLoopHandler

    public func handleIO(_ events: IOEvents) {
        if events.contains(.writable) { flush() }
        guard events.contains(.readable) || events.contains(.hangup) else { return }
        if isReadingInput {
            readAvailable()
        } else if events.contains(.hangup) {
            // Not reading, so this is EPOLLERR/EPOLLHUP: nobody will take the output we still hold.
            log(.debug, "event=http.hangup queued_bytes=\(queuedByteCount)")
            abort()
        }
    }

    var isReadingInput: Bool { !isInputPaused && !peerInputEnded }

    private func readAvailable() {
        let buffer = context.receiveBuffer
        for _ in 0..<4 where phase != .closed && isReadingInput {
            let result: IOResult
            do {
                result = try SocketIO.read(fd, into: buffer)
            } catch {
                log(.debug, "event=read.error error=\"\(error)\"")
                abort()
                return
            }
            guard case .processed(let count) = result else { return }
            guard count > 0 else {
                peerClosedInput()
                return
            }
            timestamps.lastReceived = context.loop.now
            let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
            if tls != nil {
                receiveCiphertext(chunk)
            } else {
                context.corkedConnection = ObjectIdentifier(self)
                consume(chunk)
                context.corkedConnection = nil
                uncork()
            }
            if count < buffer.count { return }
        }
    }

    /// Routes received plaintext to the current phase.
    func consume(_ chunk: UnsafeMutableRawBufferPointer) {
        switch phase {
        case .http: consumeHTTP(chunk)
        case .webSocket, .closing: consumeWebSocket(chunk)
        case .lingering, .closed: break  // Discarded: we are only waiting for EOF.
        }
    }

    private func receiveCiphertext(_ chunk: UnsafeMutableRawBufferPointer) {
        guard let tls else { return }
        tls.connection.feedCiphertext(UnsafeRawBufferPointer(chunk))
        let plaintext = context.plaintextBuffer
        reading: while phase != .closed {
            switch tls.connection.readPlaintext(into: plaintext) {
            case .bytes(let count):
                consume(UnsafeMutableRawBufferPointer(rebasing: plaintext[0..<count]))
            case .wantMoreCiphertext:
                break reading
            case .closedByPeer:
                peerClosedInput()
                return
            case .failed(let error):
                log(.debug, "event=tls.error error=\"\(error)\"")
                abort()
                return
            }
        }
        // Handshake records or a TLS alert may be waiting even when the application wrote nothing.
        if tls.connection.pendingCiphertextCount > 0 || !tls.plaintextOut.isEmpty { context.markDirty(self) }
    }

    /// EOF from the peer.
    private func peerClosedInput() {
        switch phase {
        case .webSocket:
            // RFC 6455 §7.1.5: the connection closed without a close frame; the close code is 1006.
            log(.debug, "event=ws.closed code=1006 reason=\"peer closed TCP without a close frame\"")
            finalClose()
        case .http where hasUnsentOutput:
            // A half-closed client still reads: finish its responses, then close.
            peerInputEnded = true
            updateInterest()
            closeWhenFlushed()
        case .http, .closing, .lingering:
            finalClose()
        case .closed:
            break
        }
    }

    // MARK: Closing

    /// Flushes what is queued, then shuts down our write side and waits (bounded) for the peer's EOF.
    func closeWhenFlushed() {
        guard phase != .closed, phase != .lingering else { return }
        output.closeWhenFlushed()
        // Corked: `uncork` finishes the close once the batch is written.
        if output.isReadyToLinger(plaintext: tls?.plaintextOut.count ?? 0) && !isCorked {
            flush()
        }
    }

    func startLingering() {
        guard phase != .lingering, phase != .closed else { return }
        phase = .lingering
        output.closeStarted()
        if let tls {
            tls.connection.shutdown()
            var alert: [UInt8] = []
            tls.connection.takeCiphertext(into: &alert)
            alert.withUnsafeBytes { _ = try? SocketIO.write(fd, $0) }
        }
        if peerInputEnded {
            // The peer's EOF already arrived: there is nothing to wait for.
            finalClose()
            return
        }
        // Lingering reads (and discards) until EOF, even if HTTP backpressure had paused input.
        isInputPaused = false
        updateInterest()
        SocketIO.shutdownWrite(fd)
        timestamps.phaseDeadline = context.timerPolicy.closeDeadline(closingAt: context.loop.now)
        armTimer(at: timestamps.phaseDeadline)
    }

    /// Closes with RST: for peers that broke the protocol at the transport level or ran out of time.
    func abort() {
        guard phase != .closed else { return }
        SocketIO.setAbortiveClose(fd)
        finalClose()
    }

    /// Releases everything. Safe to call more than once.
    func finalClose() {
        guard phase != .closed else { return }
        phase = .closed
        session?.closed(self)
        session = nil
        if let registration { context.loop.deregister(registration, fd: fd) }
        registration = nil
        SocketIO.close(fd)
        output.discard()
        inboundCarry = []
        machine = nil
        http = nil
        tls = nil
        deflater = nil
        context.forget(self)
    }

    /// Refuses the connection before reading anything: `response`, then a graceful close that reads
    /// (and discards) what the client sends until its EOF, so its request never turns into a reset.
    func refuse(with response: HTTPResponse) {
        http = nil
        respond(response, keepAlive: false)
    }

    /// Drain on shutdown: WebSockets get 1001, HTTP connections close after their current response.
    func beginShutdown() {
        switch phase {
        case .webSocket: closeWebSocket(code: .goingAway, reason: "server shutting down")
        case .http: closeWhenFlushed()
        case .closing, .lingering, .closed: break
        }
    }

    public func log(_ level: LogLevel, _ message: @autoclosure () -> String) {
        guard context.logger.isEnabled(level) else { return }
        context.logger.log(level, "conn=\(id) \(message())")
    }
}

/// HTTP-phase state, boxed so an upgraded connection does not carry the parser's fields inline.
final class HTTPSession {
    var parser: HTTPRequestParser
    var requestsServed = 0
    /// A request whose endpoint answers later; nothing more is parsed until it does.
    var awaitedAnswer: AwaitedAnswer?
    /// A response body being streamed; nothing more is parsed until it ends.
    var stream: HTTPBodyStream?
    /// True while `parseRequests` runs, so an answer completed inside it does not re-enter it.
    var isParsing = false
    init(limits: HTTPLimits) { parser = HTTPRequestParser(limits: limits) }

    /// A response is still being produced: requests behind it wait (responses go out in order).
    var isAnswering: Bool { awaitedAnswer != nil || stream != nil }
}

/// A TLS connection plus the plaintext waiting to be encrypted.
final class TLSSession {
    let connection: TLSConnection
    var plaintextOut: [UInt8] = []
    init(connection: TLSConnection) { self.connection = connection }
}
