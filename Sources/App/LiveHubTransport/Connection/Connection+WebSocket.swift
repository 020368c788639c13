import LiveHubWebSocket

/// The WebSocket phase: feed bytes to the protocol state machine and carry out its actions.
extension Connection {
    func consumeWebSocket(_ chunk: UnsafeMutableRawBufferPointer) {
        defer { noteMessageProgress() }
        if inboundCarry.isEmpty {
            // Fast path: whole frames straight from the loop's receive buffer, unmasked in place.
            let consumed = runMachine(on: chunk)
            if consumed < chunk.count && phase != .closed && phase != .lingering {
                inboundCarry.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[consumed...]))
            }
            return
        }
        // A frame was split across reads: append and decode from the carried bytes. The carry is moved
        // out first so that actions (which may close the connection) never touch it while it is in use.
        var carry: [UInt8] = []
        swap(&carry, &inboundCarry)
        carry.append(contentsOf: UnsafeRawBufferPointer(chunk))
        let consumed = carry.withUnsafeMutableBytes { runMachine(on: $0) }
        if consumed < carry.count && phase != .closed && phase != .lingering {
            carry.removeFirst(consumed)
            inboundCarry = carry
        }
    }

    /// Starts the message deadline when a message (or a frame) is left incomplete after a read, and
    /// clears it once none is: a client may not hold a half-sent message open forever.
    @inline(__always)
    private func noteMessageProgress() {
        let inProgress = !inboundCarry.isEmpty || machine?.isMessageInProgress == true
        if !inProgress {
            timestamps.messageStartedAt = 0
        } else if timestamps.messageStartedAt == 0 && phase == .webSocket {
            timestamps.messageStartedAt = context.loop.now
            armTimer(at: context.timerPolicy.messageDeadline(startedAt: timestamps.messageStartedAt))
        }
    }

    /// Returns how many bytes the machine consumed.
    private func runMachine(on bytes: UnsafeMutableRawBufferPointer) -> Int {
        var cursor = 0
        while phase == .webSocket || phase == .closing {
            guard let action = machine?.nextAction(in: bytes, cursor: &cursor) else { break }
            perform(action)
        }
        return cursor
    }

    private func perform(_ action: WebSocketAction) {
        switch action {
        case .deliverText(let payload):
            context.messagesReceived &+= 1
            session?.received(text: payload, from: self)
        case .deliverBinary(let payload):
            context.messagesReceived &+= 1
            session?.received(binary: payload, from: self)
        case .sendPong(let payload):
            // RFC 6455 §5.5.3: a pong carries the ping's payload. Control frames are never compressed.
            appendOutput { FrameEncoder.appendFrame(opcode: .pong, payload: payload, to: &$0) }
        case .pongReceived:
            break  // Receiving anything already refreshed `lastReceived`.
        case .sendClose(let code, let reason):
            if let code, code != .normalClosure, code != .goingAway, phase == .webSocket {
                log(.debug, "event=ws.protocol_error code=\(code.rawValue) reason=\"\(String(decoding: reason, as: UTF8.self))\"")
            }
            // Phase first: the close frame must not be refused by the outbound limit check.
            enterClosing()
            appendOutput { FrameEncoder.appendCloseFrame(code: code, reason: String(decoding: reason, as: UTF8.self), to: &$0) }
        case .closeConnection:
            closeWhenFlushed()
        }
    }

    /// Server-initiated close (idle, drain, slow consumer, policy): send a close frame and wait for the
    /// peer's answer, bounded by the close timeout.
    public func closeWebSocket(code: WebSocketCloseCode, reason: String) {
        guard phase == .webSocket, machine?.initiateClose(code: code) == true else { return }
        log(.debug, "event=ws.close_sent code=\(code.rawValue) reason=\"\(reason)\"")
        enterClosing()
        appendOutput { FrameEncoder.appendCloseFrame(code: code, reason: reason, to: &$0) }
    }

    private func enterClosing() {
        guard phase == .webSocket else { return }
        phase = .closing
        timestamps.phaseDeadline = context.timerPolicy.closeDeadline(closingAt: context.loop.now)
        armTimer(at: timestamps.phaseDeadline)
    }
}
