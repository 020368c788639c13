import LiveHubPosix
import LiveHubWebSocket

/// Timeouts. Each connection keeps at most one entry in the loop's timer wheel: when it fires, the
/// connection works out its real next deadline from its timestamps and re-arms, so activity never
/// touches the wheel.
extension Connection {
    func armTimer(at deadline: UInt64) {
        guard let registration else { return }
        if armedTimerDeadline != 0 && armedTimerDeadline <= deadline { return }
        armedTimerDeadline = deadline
        context.loop.scheduleTimer(for: registration, at: deadline)
    }

    public func handleTimer() {
        armedTimerDeadline = 0
        let now = context.loop.now
        if context.drainDeadlinePassed() {
            log(.info, "event=drain.timeout phase=\(phase)")
            abort()
            return
        }
        switch phase {
        case .http:
            if now < phaseDeadline {
                armTimer(at: phaseDeadline)
            } else if peerIsTakingResponses() {
                phaseDeadline = now &+ context.httpIdleTimeout
                armTimer(at: phaseDeadline)
            } else {
                let served = http?.requestsServed ?? 0
                log(.debug, "event=http.timeout requests_served=\(served)")
                finalClose()
            }
        case .webSocket:
            heartbeat(now: now)
        case .closing, .lingering:
            if now >= phaseDeadline {
                log(.debug, "event=close.timeout phase=\(phase)")
                abort()
            } else {
                armTimer(at: phaseDeadline)
            }
        case .closed:
            break
        }
    }

    /// Whether an HTTP client the idle deadline caught is still reading responses (a slow reader of a
    /// pipelined backlog): the kernel's unacknowledged byte count moved since the last look. A client
    /// that reads nothing is therefore closed after two idle timeouts instead of one. Looked at only
    /// when the deadline passes, so the hot path never pays the ioctl.
    private func peerIsTakingResponses() -> Bool {
        let unacknowledged = SocketIO.unacknowledgedSendBytes(fd) ?? 0
        defer { lastUnacknowledgedBytes = unacknowledged }
        return unacknowledged > 0 && unacknowledged != lastUnacknowledgedBytes
    }

    /// A connection silent for a heartbeat interval gives back its output storage and, for wss, the
    /// TLS memory buffers (which keep their largest allocation, e.g. the handshake flight, forever).
    /// Done here rather than after every read so busy connections do not reallocate all the time.
    private func releaseIdleBuffers() {
        output.releaseStorageIfDrained()
        tls?.connection.releaseBuffersIfIdle()
    }

    /// Pings after every heartbeat interval in which the peer sent nothing and was not pinged, answered
    /// or not, so the path never stays quiet longer than the interval (proxies and NATs drop quiet
    /// connections); closes the peer (1001) once it has been silent for the idle timeout. Waking only
    /// at the timeout after a ping would let an answering peer go unpinged for up to that long.
    private func heartbeat(now: UInt64) {
        let silence = now &- lastReceived
        if silence >= context.idleTimeout {
            log(.debug, "event=ws.idle_timeout silent_ms=\(silence / 1_000_000)")
            closeWebSocket(code: .goingAway, reason: "idle timeout")
            flush()
            return
        }
        if now &- max(lastReceived, lastPingSent) >= context.heartbeatInterval {
            releaseIdleBuffers()
            lastPingSent = now
            appendOutput { FrameEncoder.appendFrame(opcode: .ping, payload: EmptyCollection<UInt8>(), to: &$0) }
        }
        let nextPing = max(lastReceived, lastPingSent) &+ context.heartbeatInterval
        armTimer(at: max(min(nextPing, lastReceived &+ context.idleTimeout), now &+ 1))
    }
}
