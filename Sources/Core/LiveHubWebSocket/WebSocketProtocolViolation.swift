/// Every way a peer can break the protocol, each mapped to the close code we answer with.
public enum WebSocketProtocolViolation: Sendable, Hashable, CaseIterable {
    /// RFC 6455 §5.2: RSV1–3 must be 0 unless an extension defines them.
    case reservedBitSet
    /// RFC 7692 §6.1: RSV1 is only allowed on the first frame of a data message.
    case compressedBitOnContinuationOrControl
    /// RFC 6455 §5.2: opcodes 3–7 and 0xB–0xF are reserved; receiving one fails the connection.
    case reservedOpcode
    /// RFC 6455 §5.5: control frames must not be fragmented.
    case fragmentedControlFrame
    /// RFC 6455 §5.5: control frames carry at most 125 bytes.
    case controlFrameTooLong
    /// RFC 6455 §5.1: a server must close the connection on an unmasked client frame.
    case unmaskedFrame
    /// RFC 6455 §5.1: a client must close the connection on a masked server frame.
    case maskedFrame
    /// RFC 6455 §5.2: "the most significant bit MUST be 0" in a 64-bit payload length.
    case payloadLengthOverflow
    /// A frame declares a payload larger than `maxFramePayload` (RFC 6455 §7.4.1: 1009).
    case frameTooBig
    /// A message grows beyond `maxMessageSize`, before or after inflation (RFC 6455 §7.4.1: 1009).
    case messageTooBig
    /// RFC 6455 §5.4: a continuation frame with no message in progress.
    case unexpectedContinuation
    /// RFC 6455 §5.4: a new data frame while a fragmented message is still in progress.
    case expectedContinuation
    /// RFC 6455 §5.5.1: a close payload of one byte cannot hold a status code.
    case closePayloadTooShort
    /// RFC 6455 §7.4: the close frame carries a code that must not appear on the wire.
    case invalidCloseCode
    /// RFC 6455 §5.5.1: the close reason must be UTF-8; §8.1: invalid UTF-8 fails the connection with 1007.
    case invalidCloseReason
    /// RFC 6455 §8.1: a text message that is not valid UTF-8.
    case invalidUTF8
    /// RFC 7692 §7.2.2: the compressed payload cannot be inflated (RFC 6455 §7.4.1: 1007, data
    /// inconsistent with the message type).
    case corruptCompressedData

    /// The close code sent to the peer.
    public var closeCode: WebSocketCloseCode {
        switch self {
        case .frameTooBig, .messageTooBig: return .messageTooBig
        case .invalidCloseReason, .invalidUTF8, .corruptCompressedData: return .invalidPayloadData
        default: return .protocolError
        }
    }

    /// A short reason sent in the close frame, stored in static memory so it can be handed out as a pointer.
    public var reason: StaticString {
        switch self {
        case .reservedBitSet: return "reserved bit set"
        case .compressedBitOnContinuationOrControl: return "RSV1 on a continuation or control frame"
        case .reservedOpcode: return "reserved opcode"
        case .fragmentedControlFrame: return "fragmented control frame"
        case .controlFrameTooLong: return "control frame longer than 125 bytes"
        case .unmaskedFrame: return "client frames must be masked"
        case .maskedFrame: return "server frames must not be masked"
        case .payloadLengthOverflow: return "payload length has its top bit set"
        case .frameTooBig: return "frame too big"
        case .messageTooBig: return "message too big"
        case .unexpectedContinuation: return "continuation without a message"
        case .expectedContinuation: return "data frame inside a fragmented message"
        case .closePayloadTooShort: return "close payload of one byte"
        case .invalidCloseCode: return "invalid close code"
        case .invalidCloseReason: return "close reason is not UTF-8"
        case .invalidUTF8: return "text message is not UTF-8"
        case .corruptCompressedData: return "cannot inflate message"
        }
    }
}
