import LiveHubWebSocket

/// An action with its payload copied out, so it can be compared after the machine moves on.
enum RecordedAction: Equatable, CustomStringConvertible {
    case text([UInt8])
    case binary([UInt8])
    case pong([UInt8])
    case pongReceived
    case close(UInt16?, [UInt8])
    case closeConnection

    init(_ action: WebSocketAction) {
        switch action {
        case .deliverText(let payload): self = .text(Array(payload))
        case .deliverBinary(let payload): self = .binary(Array(payload))
        case .sendPong(let payload): self = .pong(Array(payload))
        case .pongReceived: self = .pongReceived
        case .sendClose(let code, let reason): self = .close(code?.rawValue, Array(reason))
        case .closeConnection: self = .closeConnection
        }
    }

    static func text(_ string: String) -> RecordedAction { .text(Array(string.utf8)) }

    /// The close code of an error close, if this is one.
    var closeCode: UInt16? {
        if case .close(let code, _) = self { return code }
        return nil
    }

    var description: String {
        switch self {
        case .text(let bytes): return "text(\(bytes.count) bytes)"
        case .binary(let bytes): return "binary(\(bytes.count) bytes)"
        case .pong(let bytes): return "pong(\(bytes.count) bytes)"
        case .pongReceived: return "pongReceived"
        case .close(let code, let reason):
            return "close(\(code.map(String.init) ?? "nil"), \(String(decoding: reason, as: UTF8.self)))"
        case .closeConnection: return "closeConnection"
        }
    }
}

/// Plays the caller of `WebSocketStateMachine`: keeps unconsumed bytes, appends each chunk, pulls actions.
struct Driver {
    var machine: WebSocketStateMachine
    var pending: [UInt8] = []
    var actions: [RecordedAction] = []

    init(
        role: WebSocketRole = .server, maxFramePayload: Int = 1 << 24, maxMessageSize: Int = 1 << 24,
        inflater: (any MessageInflater)? = nil
    ) {
        machine = WebSocketStateMachine(
            configuration: WebSocketConfiguration(
                role: role, maxFramePayload: maxFramePayload, maxMessageSize: maxMessageSize),
            inflater: inflater)
    }

    /// Feeds one chunk and returns the actions it produced.
    @discardableResult
    mutating func feed(_ chunk: some Collection<UInt8>) -> [RecordedAction] {
        var buffer = pending
        buffer.append(contentsOf: chunk)
        var machine = self.machine
        var produced: [RecordedAction] = []
        var cursor = 0
        buffer.withUnsafeMutableBytes { bytes in
            while let action = machine.nextAction(in: bytes, cursor: &cursor) {
                produced.append(RecordedAction(action))
            }
        }
        self.machine = machine
        pending = Array(buffer[cursor...])
        actions += produced
        return produced
    }
}

/// The ways every parser test feeds a byte stream.
enum Feeding {
    /// Feeds `bytes` whole, one by one, and split in two at every offset; returns each way's actions.
    static func allWays(
        _ bytes: [UInt8], makeDriver: () -> Driver
    ) -> [(String, [RecordedAction])] {
        var results: [(String, [RecordedAction])] = []
        var whole = makeDriver()
        whole.feed(bytes)
        results.append(("whole", whole.actions))
        var single = makeDriver()
        for byte in bytes { single.feed(CollectionOfOne(byte)) }
        results.append(("one by one", single.actions))
        if bytes.count > 1 {
            for offset in 1..<bytes.count {
                var split = makeDriver()
                split.feed(bytes[..<offset])
                split.feed(bytes[offset...])
                results.append(("split at \(offset)", split.actions))
            }
        }
        return results
    }
}

/// Builds frames as a client (masked) or server (unmasked) would send them.
enum Frames {
    static let maskKey: UInt32 = 0x37FA_213D

    static func frame(
        _ opcode: WebSocketOpcode, _ payload: [UInt8], fin: Bool = true, rsv1: Bool = false, masked: Bool = true
    ) -> [UInt8] {
        var output: [UInt8] = []
        FrameEncoder.appendFrame(
            fin: fin, rsv1: rsv1, opcode: opcode, payload: payload, maskKey: masked ? maskKey : nil, to: &output)
        return output
    }

    static func text(_ string: String, fin: Bool = true) -> [UInt8] { frame(.text, Array(string.utf8), fin: fin) }

    static func close(_ code: UInt16, _ reason: [UInt8] = []) -> [UInt8] {
        frame(.close, [UInt8(code >> 8), UInt8(code & 0xFF)] + reason)
    }

    /// A frame with hand-set first byte, for reserved opcodes and bits the encoder cannot express.
    static func raw(firstByte: UInt8, payload: [UInt8] = []) -> [UInt8] {
        var output = frame(.binary, payload)
        output[0] = firstByte
        return output
    }
}
