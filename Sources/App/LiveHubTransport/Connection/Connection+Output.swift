import LiveHubPosix
import LiveHubWebSocket

/// Output: the connection appends to the right place (the loop's cork buffer while corked, TLS
/// plaintext, or its `OutboundQueue`) and carries out the queue's writes through the socket. The rules
/// (cork, backlog, outbound limit, retained storage, close after flush, HTTP backpressure thresholds)
/// live in `OutboundQueue`.
extension Connection {
    var isCorked: Bool { context.corkedConnection == ObjectIdentifier(self) }

    /// Output accepted but not on the socket yet, TLS records included.
    var hasUnsentOutput: Bool {
        queuedByteCount > 0 || (tls?.connection.pendingCiphertextCount ?? 0) > 0
    }

    /// Bytes accepted for this connection but not yet written to the socket.
    @inline(__always)
    var queuedByteCount: Int {
        output.unsentCount(corked: isCorked ? context.corkBuffer.count : 0, plaintext: tls?.plaintextOut.count ?? 0)
    }

    /// Appends output through `write`, which receives the buffer to append to. A WebSocket over the
    /// outbound limit is a slow consumer (`OutboundQueue.isSlowConsumer`, checked before appending).
    @inline(__always)
    func appendOutput(_ write: (inout [UInt8]) -> Void) {
        if phase == .webSocket
            && OutboundQueue.isSlowConsumer(unsent: queuedByteCount, limit: context.configuration.maxOutboundBytes)
        {
            slowConsumerDetected()
            return
        }
        if let tls {
            write(&tls.plaintextOut)
            context.markDirty(self)
        } else if isCorked {
            write(&context.corkBuffer)
        } else {
            output.append(write)
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

    /// Writes the cork buffer after this connection's input was processed: one write, behind the
    /// backlog if there is one.
    func uncork() {
        if !context.corkBuffer.isEmpty {
            guard phase != .closed else {
                context.corkBuffer.removeAll(keepingCapacity: true)
                return
            }
            var socket = SocketDescriptorWriter(fd: fd)
            if case .failed(let error) = output.uncork(&context.corkBuffer, to: &socket) {
                writeFailed(error)
                return
            }
            updateInterest()
        }
        afterWrite()
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
            output.append { tls.connection.takeCiphertext(into: &$0) }
        }
        var socket = SocketDescriptorWriter(fd: fd)
        if case .failed(let error) = output.flush(to: &socket) {
            writeFailed(error)
            return
        }
        updateInterest()
        afterWrite()
    }

    /// After a write pass: close once everything is out, pull more of a streamed body, or read again
    /// once backpressure has drained the output.
    @inline(__always)
    private func afterWrite() {
        if output.isReadyToLinger(plaintext: tls?.plaintextOut.count ?? 0) {
            startLingering()
        } else if http?.stream != nil {
            pumpStream()
        } else if isInputPaused && OutboundQueue.mayResumeInput(unsent: queuedByteCount) && !(http?.isAnswering ?? false) {
            resumeInput()  // The socket took the whole backlog that paused input.
        }
    }

    private func writeFailed(_ error: SystemError) {
        log(.debug, "event=write.error error=\"\(error)\"")
        abort()
    }

    /// EPOLLOUT only while a backlog exists, EPOLLIN only while input is read (level-triggered:
    /// otherwise either would fire continuously).
    func updateInterest() {
        var wanted: IOEvents = isReadingInput ? .readable : []
        if output.hasBacklog { wanted.insert(.writable) }
        guard wanted != watchedEvents, let registration else { return }
        watchedEvents = wanted
        context.loop.modify(registration, fd: fd, interest: wanted)
    }
}
