import LiveHubPosix
import LiveHubWebSocket

/// Timeouts. The rules live in `ConnectionTimerPolicy`; this extension keeps the one wheel entry per
/// connection and carries out the policy's decisions (pings, closes, the SIOCOUTQ look, logging).
extension Connection {
    func armTimer(at deadline: UInt64) {
        guard let registration, ConnectionTimerPolicy.needsScheduling(deadline, armed: armedTimerDeadline) else { return }
        armedTimerDeadline = deadline
        context.loop.scheduleTimer(for: registration, at: deadline)
    }

    public func handleTimer() {
        armedTimerDeadline = 0
        let now = context.loop.now
        let policy = context.timerPolicy
        let drainDeadline = context.isDraining ? context.drainDeadline : nil
        var decision = policy.decide(phase, timestamps, drainDeadline: drainDeadline, now: now)
        if decision == .checkHTTPProgress {
            // Looked at only when the deadline passes, so the hot path never pays the ioctl.
            let unacknowledged = SocketIO.unacknowledgedSendBytes(fd) ?? 0
            decision = policy.decideHTTPIdle(unacknowledged: unacknowledged, previous: lastUnacknowledgedBytes, now: now)
            lastUnacknowledgedBytes = unacknowledged
            if case .rearm(let deadline) = decision { timestamps.phaseDeadline = deadline }
        }
        switch decision {
        case .rearm(let deadline):
            armTimer(at: deadline)
        case .sendPing(let next):
            releaseIdleBuffers()
            timestamps.lastPingSent = now
            appendOutput { FrameEncoder.appendFrame(opcode: .ping, payload: EmptyCollection<UInt8>(), to: &$0) }
            armTimer(at: next)
        case .closeIdle where phase == .webSocket:
            log(.debug, "event=ws.idle_timeout silent_ms=\((now &- timestamps.lastReceived) / 1_000_000)")
            closeWebSocket(code: .goingAway, reason: "idle timeout")
            flush()
        case .closeIdle:
            log(.debug, "event=http.timeout requests_served=\(http?.requestsServed ?? 0)")
            finalClose()
        case .closeIncompleteMessage:
            let held = machine?.assemblyBufferCapacity ?? 0
            log(.info, "event=ws.message_timeout held_bytes=\(held + inboundCarry.count)")
            closeWebSocket(code: .policyViolation, reason: "message incomplete after the message timeout")
            flush()
        case .closeTimedOut:
            log(.debug, "event=close.timeout phase=\(phase)")
            abort()
        case .abortForDrain:
            log(.info, "event=drain.timeout phase=\(phase)")
            abort()
        case .checkHTTPProgress, .ignore:
            break
        }
    }

    /// A connection silent for a heartbeat interval gives back its output storage and, for wss, the
    /// TLS memory buffers (which keep their largest allocation, e.g. the handshake flight, forever).
    /// Done here rather than after every read so busy connections do not reallocate all the time.
    private func releaseIdleBuffers() {
        output.releaseStorageIfDrained()
        tls?.connection.releaseBuffersIfIdle()
    }
}
