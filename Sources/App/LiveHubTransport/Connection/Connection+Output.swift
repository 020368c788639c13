import LiveHubPosix
import LiveHubWebSocket

/// Output: everything sent to a connection is appended to one of three places, then written with as
/// few syscalls as possible.
/// - While the connection processes its own input it is *corked*: output goes to the loop's shared
///   cork buffer and is written once when the input is done (a batch of echoes = one write).
/// - Output from elsewhere (a room broadcast) goes to `pending` and the connection is flushed once at
///   the end of the loop iteration.
/// - TLS connections queue plaintext, encrypted at flush time.
/// Whatever the socket does not take stays in `pending` (bounded by `maxOutboundBytes`) until EPOLLOUT.
extension Connection {
    var isCorked: Bool { context.corkedConnection == ObjectIdentifier(self) }

    /// Output accepted but not on the socket yet, TLS records included.
    var hasUnsentOutput: Bool {
        queuedByteCount > 0 || (tls?.connection.pendingCiphertextCount ?? 0) > 0
    }

    /// Bytes accepted for this connection but not yet written to the socket.
    var queuedByteCount: Int {
        pending.count - pendingStart + (isCorked ? context.corkBuffer.count : 0) + (tls?.plaintextOut.count ?? 0)
    }

    /// Appends output through `write`, which receives the buffer to append to.
    /// The backlog is checked *before* appending: a consumer is slow when output keeps arriving while
    /// its earlier output is still unsent past the limit. One large message on a reading consumer is
    /// fine; memory stays bounded by the limit plus one message.
    @inline(__always)
    func appendOutput(_ write: (inout [UInt8]) -> Void) {
        if phase == .webSocket && queuedByteCount > context.configuration.maxOutboundBytes {
            slowConsumerDetected()
            return
        }
        if let tls {
            write(&tls.plaintextOut)
            context.markDirty(self)
        } else if isCorked {
            write(&context.corkBuffer)
        } else {
            write(&pending)
            context.markDirty(self)
        }
    }

    /// Sends a data message, compressed when permessage-deflate was negotiated (RFC 7692 §6).
    /// Compression is per message: a short message, or one zlib fails on, goes out uncompressed
    /// (RSV1 clear), which RFC 7692 §6.1 allows and which leaves the peer's context intact.
    public func send(_ opcode: WebSocketOpcode, _ payload: UnsafeRawBufferPointer) {
        guard phase == .webSocket else { return }  // RFC 6455 §5.5.1: no data frames after our close.
        context.messagesSent &+= 1
        if let deflater, payload.count >= context.configuration.deflate.minimumMessageSizeToCompress {
            var compressed: [UInt8] = []
            swap(&compressed, &context.compressScratch)
            compressed.removeAll(keepingCapacity: true)
            let didCompress = deflater.compress(payload, into: &compressed)
            if didCompress {
                compressed.withUnsafeBytes { bytes in
                    appendOutput { FrameEncoder.appendFrame(rsv1: true, opcode: opcode, payload: bytes, to: &$0) }
                }
            }
            swap(&compressed, &context.compressScratch)
            if didCompress { return }
            log(.warning, "event=deflate.error bytes=\(payload.count) fallback=uncompressed")
        }
        appendOutput { FrameEncoder.appendFrame(opcode: opcode, payload: payload, to: &$0) }
    }

    /// Sends a frame that was encoded once for many recipients.
    public func sendEncodedFrame(_ frame: UnsafeRawBufferPointer) {
        guard phase == .webSocket else { return }
        context.messagesSent &+= 1
        appendOutput { $0.append(contentsOf: frame) }
    }

    /// A consumer that stopped reading: close with 1008 instead of growing memory without limit.
    private func slowConsumerDetected() {
        log(.warning, "event=ws.slow_consumer queued_bytes=\(queuedByteCount) limit=\(context.configuration.maxOutboundBytes)")
        closeWebSocket(code: .policyViolation, reason: "outbound buffer limit exceeded")
    }

    /// Writes the cork buffer after this connection's input was processed.
    func uncork() {
        if !context.corkBuffer.isEmpty {
            context.corkBuffer.withUnsafeBytes { writeCorked($0) }
            context.corkBuffer.removeAll(keepingCapacity: true)
        }
        if closeAfterFlush && pendingStart == pending.count {
            startLingering()
        } else if http?.stream != nil {
            pumpStream()
        } else if isInputPaused && queuedByteCount == 0 && !(http?.isAnswering ?? false) {
            resumeInput()  // The socket took the whole batch that paused input.
        }
    }

    private func writeCorked(_ cork: UnsafeRawBufferPointer) {
        guard phase != .closed else { return }
        let backlog = pending.count - pendingStart
        var written = 0
        do {
            let result: IOResult
            if backlog == 0 {
                result = try SocketIO.write(fd, cork)
            } else {
                // Backlog first, then the new bytes: one vectored write keeps them in order.
                result = try pending.withUnsafeBytes { pendingBytes in
                    try SocketIO.write(fd, UnsafeRawBufferPointer(rebasing: pendingBytes[pendingStart...]), cork)
                }
            }
            if case .processed(let count) = result { written = count }
        } catch {
            log(.debug, "event=write.error error=\"\(error)\"")
            abort()
            return
        }
        if written >= backlog {
            let fromCork = written - backlog
            pending = fromCork < cork.count ? Array(cork[fromCork...]) : []
            pendingStart = 0
        } else {
            pendingStart += written
            pending.append(contentsOf: cork)
        }
        updateInterest()
    }

    /// Writes everything queued (encrypting first for TLS); what the socket refuses waits for EPOLLOUT.
    func flush() {
        guard phase != .closed else { return }
        if let tls {
            if !tls.plaintextOut.isEmpty && tls.connection.isHandshakeComplete {
                let result = tls.plaintextOut.withUnsafeBytes { tls.connection.writePlaintext($0) }
                switch result {
                case .written(let count):
                    tls.plaintextOut.removeFirst(count)
                case .failed(let error):
                    log(.debug, "event=tls.error error=\"\(error)\"")
                    abort()
                    return
                }
            }
            tls.connection.takeCiphertext(into: &pending)
        }
        while pendingStart < pending.count {
            let result: IOResult
            do {
                result = try pending.withUnsafeBytes {
                    try SocketIO.write(fd, UnsafeRawBufferPointer(rebasing: $0[pendingStart...]))
                }
            } catch {
                log(.debug, "event=write.error error=\"\(error)\"")
                abort()
                return
            }
            guard case .processed(let count) = result else { break }
            pendingStart += count
        }
        if pendingStart == pending.count {
            // Keep a small buffer for the next broadcast (no malloc/free per delivered message); drop a
            // large one so a connection that once received a big message does not hold it while idle.
            pending.removeAll(keepingCapacity: pending.capacity <= Self.retainedOutputCapacity)
            pendingStart = 0
        }
        updateInterest()
        if closeAfterFlush && pendingStart == pending.count && (tls?.plaintextOut.isEmpty ?? true) {
            startLingering()
        } else if http?.stream != nil {
            pumpStream()
        } else if isInputPaused && queuedByteCount == 0 && !(http?.isAnswering ?? false) {
            resumeInput()
        }
    }

    /// Output storage a connection keeps between messages: enough for typical chat frames, small next
    /// to the idle-connection budget.
    static let retainedOutputCapacity = 512

    /// EPOLLOUT only while a backlog exists, EPOLLIN only while input is read (level-triggered:
    /// otherwise either would fire continuously).
    func updateInterest() {
        var wanted: IOEvents = isReadingInput ? .readable : []
        if pendingStart < pending.count { wanted.insert(.writable) }
        guard wanted != watchedEvents, let registration else { return }
        watchedEvents = wanted
        context.loop.modify(registration, fd: fd, interest: wanted)
    }
}
