/// The receiving side of one WebSocket connection: frame decoding, fragmentation, UTF-8 validation,
/// decompression and the closing handshake, as a pull-style state machine with no I/O.
///
/// The caller appends received bytes to its own buffer and calls `nextAction(in:cursor:)` until it returns
/// nil, performing each action before the next call; the machine never calls back into the caller.
/// Unfragmented, uncompressed messages and control-frame payloads are handed out as pointers into the
/// caller's buffer (unmasked in place, no copy). Fragmented or compressed messages are assembled in one
/// internal buffer that is reused while frames keep arriving and released whenever the machine runs out of
/// input with no message in progress, so an idle connection holds no heap memory beyond the inflater.
///
/// Size: about 64 bytes (configuration 24, inflater existential 16, buffer 8, small state).
public struct WebSocketStateMachine {
    /// Kind of the fragmented or compressed message being assembled.
    private struct MessageInProgress {
        var isText: Bool
        var isCompressed: Bool
    }

    /// The limits and role this machine was created with.
    public let configuration: WebSocketConfiguration
    private let inflater: (any MessageInflater)?
    /// Closing-handshake progress.
    public private(set) var state: WebSocketConnectionState = .open
    /// `closeConnection` must be returned by the next call (it follows a `sendClose` we returned).
    private var closeConnectionPending = false
    private var message: MessageInProgress?
    private var messageBuffer: [UInt8] = []
    private var validator = UTF8Validator()

    /// `inflater` is given only when permessage-deflate was negotiated; it makes RSV1 legal on the first
    /// frame of a data message (RFC 7692 §6).
    public init(configuration: WebSocketConfiguration, inflater: (any MessageInflater)? = nil) {
        self.configuration = configuration
        self.inflater = inflater
    }

    /// True while a fragmented message has been started and not finished.
    public var isMessageInProgress: Bool { message != nil }

    /// Heap bytes held for message assembly (0 for an idle connection).
    public var assemblyBufferCapacity: Int { messageBuffer.capacity }

    /// Decodes the next frame(s) at `bytes[cursor...]`, unmasking in place, and returns the next action,
    /// advancing `cursor` past consumed bytes. Nil means "need more bytes": keep `bytes[cursor...]`,
    /// append more data and call again. Nil is also returned forever once `closeConnection` was returned.
    /// Payload pointers stay valid until the next mutating call (and while the caller keeps its bytes).
    public mutating func nextAction(in bytes: UnsafeMutableRawBufferPointer, cursor: inout Int) -> WebSocketAction? {
        if closeConnectionPending {
            closeConnectionPending = false
            return .closeConnection
        }
        guard state != .closed else { return nil }
        precondition(cursor >= 0 && cursor <= bytes.count, "cursor outside the buffer")
        let decoder = FrameDecoder(role: configuration.role, maxFramePayload: configuration.maxFramePayload)
        while true {
            let remaining = UnsafeMutableRawBufferPointer(rebasing: bytes[cursor...])
            let header: FrameHeader
            switch decoder.decodeHeader(UnsafeRawBufferPointer(remaining)) {
            case .needMoreBytes:
                releaseIdleMemory()
                return nil
            case .violation(let violation):
                return fail(violation)
            case .header(let decoded):
                header = decoded
            }
            // Stateful checks run before waiting for the payload, so limits apply before anything is buffered.
            if let violation = sequenceViolation(header) { return fail(violation) }
            guard remaining.count >= header.frameLength else {
                releaseIdleMemory()
                return nil
            }
            let payload = UnsafeMutableRawBufferPointer(
                rebasing: remaining[header.headerLength..<header.frameLength])
            if let maskKey = header.maskKey { WebSocketMasking.apply(maskKey: maskKey, to: payload) }
            cursor += header.frameLength
            if let action = handleFrame(header, payload: UnsafeRawBufferPointer(payload)) { return action }
        }
    }

    /// Starts a close we initiate (shutdown 1001, slow consumer 1008, idle timeout…). Returns true when the
    /// caller must now send a close frame with `code`; the state becomes `closeSent` and the peer's close
    /// frame will complete the handshake (RFC 6455 §7.1.2). Returns false if a close was already under way.
    public mutating func initiateClose(code: WebSocketCloseCode) -> Bool {
        guard state == .open, !closeConnectionPending else { return false }
        state = .closeSent
        abandonMessage()
        return true
    }

    // MARK: - Rules

    /// Rules that depend on the header and on the message in progress.
    private func sequenceViolation(_ header: FrameHeader) -> WebSocketProtocolViolation? {
        // RFC 7692 §6: only permessage-deflate gives RSV1 a meaning; without it RSV1 is reserved (RFC 6455 §5.2).
        let rsv1Violation: WebSocketProtocolViolation =
            inflater == nil ? .reservedBitSet : .compressedBitOnContinuationOrControl
        if header.opcode.isControl {
            // RFC 7692 §6.1: an extension's RSV1 applies to data messages only.
            return header.rsv1 ? rsv1Violation : nil
        }
        // RFC 6455 §5.5.1: after sending a close frame, incoming data is discarded unread.
        guard state == .open else { return nil }
        switch header.opcode {
        case .continuation:
            // RFC 6455 §5.4: a continuation needs a message in progress.
            guard let message else { return .unexpectedContinuation }
            // RFC 7692 §6.1: RSV1 is set on the first frame only.
            if header.rsv1 { return rsv1Violation }
            if !message.isCompressed && header.payloadLength > configuration.maxMessageSize - messageBuffer.count {
                return .messageTooBig
            }
        default:
            // RFC 6455 §5.4: fragments of one message are not interleaved with another data message.
            if message != nil { return .expectedContinuation }
            if header.rsv1 && inflater == nil { return .reservedBitSet }
            if !header.rsv1 && header.payloadLength > configuration.maxMessageSize { return .messageTooBig }
        }
        return nil
    }

    private mutating func handleFrame(_ header: FrameHeader, payload: UnsafeRawBufferPointer) -> WebSocketAction? {
        switch header.opcode {
        case .ping:
            // RFC 6455 §5.5.2: answer with a pong carrying the same data; not after we sent a close (§5.5.1).
            return state == .open ? .sendPong(payload) : nil
        case .pong:
            return state == .open ? .pongReceived : nil
        case .close:
            return handleClose(payload)
        case .text, .binary:
            guard state == .open else { return nil }
            let isText = header.opcode == .text
            if header.fin && !header.rsv1 {
                // The common case: a whole message in one frame, delivered from the caller's buffer.
                if isText && !UTF8Validator.isValid(payload) { return fail(.invalidUTF8) }
                return isText ? .deliverText(payload) : .deliverBinary(payload)
            }
            messageBuffer.removeAll(keepingCapacity: true)
            validator.reset()
            message = MessageInProgress(isText: isText, isCompressed: header.rsv1)
            return appendFragment(payload, isFinal: header.fin)
        case .continuation:
            guard state == .open else { return nil }
            return appendFragment(payload, isFinal: header.fin)
        }
    }

    /// Adds one fragment (inflated if needed) to the message buffer, validating text as it arrives.
    private mutating func appendFragment(_ payload: UnsafeRawBufferPointer, isFinal: Bool) -> WebSocketAction? {
        guard let message else { return fail(.unexpectedContinuation) }
        let start = messageBuffer.count
        if message.isCompressed {
            guard let inflater else { return fail(.reservedBitSet) }
            switch inflater.inflate(
                payload, isFinal: isFinal, into: &messageBuffer, limit: configuration.maxMessageSize)
            {
            case .ok: break
            case .tooBig: return fail(.messageTooBig)
            case .corrupt: return fail(.corruptCompressedData)
            }
        } else {
            messageBuffer.append(contentsOf: payload)
        }
        if message.isText {
            // RFC 6455 §8.1 and Autobahn 6.x: fail fast, at the first fragment that cannot be UTF-8.
            let stillValid = messageBuffer.withUnsafeBytes { buffer in
                validator.feed(UnsafeRawBufferPointer(rebasing: buffer[start...]))
            }
            if !stillValid || (isFinal && !validator.isComplete) { return fail(.invalidUTF8) }
        }
        guard isFinal else { return nil }
        self.message = nil
        // The pointer outlives the closure: the array is neither mutated nor released until the next
        // mutating call, and a native array's storage does not move while it is left alone.
        let assembled = messageBuffer.withUnsafeBytes { $0 }
        return message.isText ? .deliverText(assembled) : .deliverBinary(assembled)
    }

    /// RFC 6455 §5.5.1: validate the close payload, then echo it or complete our own close.
    private mutating func handleClose(_ payload: UnsafeRawBufferPointer) -> WebSocketAction? {
        var code: WebSocketCloseCode? = nil
        var reason = UnsafeRawBufferPointer(start: nil, count: 0)
        if payload.count == 1 { return fail(.closePayloadTooShort) }
        if payload.count >= 2 {
            let received = WebSocketCloseCode(rawValue: UInt16(payload[0]) << 8 | UInt16(payload[1]))
            // RFC 6455 §7.4: reserved and unassigned codes must not appear on the wire.
            guard WebSocketCloseCode.isValidReceived(received) else { return fail(.invalidCloseCode) }
            reason = UnsafeRawBufferPointer(rebasing: payload[2...])
            // RFC 6455 §5.5.1: the reason is UTF-8 (§8.1: invalid UTF-8 → 1007).
            guard UTF8Validator.isValid(reason) else { return fail(.invalidCloseReason) }
            code = received
        }
        abandonMessage()
        switch state {
        case .open:
            // RFC 6455 §5.5.1: answer with a close frame echoing the code; §7.1.1: the server then closes TCP.
            state = .closed
            closeConnectionPending = true
            return .sendClose(code: code, reason: reason)
        case .closeSent:
            // The peer answered our close: the closing handshake is complete.
            state = .closed
            return .closeConnection
        case .closed:
            return nil
        }
    }

    /// RFC 6455 §7.1.7: _Fail the WebSocket Connection_ — send a close with the matching code (unless we
    /// already sent one), then close the TCP connection.
    private mutating func fail(_ violation: WebSocketProtocolViolation) -> WebSocketAction? {
        abandonMessage()
        switch state {
        case .open:
            state = .closed
            closeConnectionPending = true
            let reason = violation.reason
            return .sendClose(
                code: violation.closeCode,
                reason: UnsafeRawBufferPointer(start: reason.utf8Start, count: reason.utf8CodeUnitCount))
        case .closeSent:
            state = .closed
            return .closeConnection
        case .closed:
            return nil
        }
    }

    private mutating func abandonMessage() {
        if let message, message.isCompressed { inflater?.abandonMessage() }
        message = nil
        messageBuffer = []
    }

    /// An idle connection keeps no assembly buffer.
    private mutating func releaseIdleMemory() {
        if message == nil && messageBuffer.capacity > 0 { messageBuffer = [] }
    }
}
