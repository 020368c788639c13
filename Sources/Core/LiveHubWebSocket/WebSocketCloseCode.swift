/// A close status code carried in the first two bytes of a close frame (RFC 6455 §7.4).
public struct WebSocketCloseCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16

    @inlinable
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// 1000: the purpose of the connection has been fulfilled.
    public static let normalClosure = WebSocketCloseCode(rawValue: 1000)
    /// 1001: the server is going down or a browser navigates away.
    public static let goingAway = WebSocketCloseCode(rawValue: 1001)
    /// 1002: the peer broke the protocol.
    public static let protocolError = WebSocketCloseCode(rawValue: 1002)
    /// 1003: a data type this endpoint cannot accept.
    public static let unsupportedData = WebSocketCloseCode(rawValue: 1003)
    /// 1005: reserved; means "the close frame carried no code". Never sent on the wire.
    public static let noStatusReceived = WebSocketCloseCode(rawValue: 1005)
    /// 1006: reserved; means "the connection dropped without a close frame". Never sent on the wire.
    public static let abnormalClosure = WebSocketCloseCode(rawValue: 1006)
    /// 1007: message data inconsistent with its type (for example text that is not UTF-8).
    public static let invalidPayloadData = WebSocketCloseCode(rawValue: 1007)
    /// 1008: a message violated this endpoint's policy.
    public static let policyViolation = WebSocketCloseCode(rawValue: 1008)
    /// 1009: a frame or message is larger than this endpoint accepts.
    public static let messageTooBig = WebSocketCloseCode(rawValue: 1009)
    /// 1010: the client expected the server to negotiate an extension.
    public static let mandatoryExtension = WebSocketCloseCode(rawValue: 1010)
    /// 1011: the server met an unexpected condition.
    public static let internalError = WebSocketCloseCode(rawValue: 1011)
    /// 1013: a temporary condition (overload); the client may reconnect later.
    public static let tryAgainLater = WebSocketCloseCode(rawValue: 1013)

    /// Whether a peer may legitimately send this code in a close frame.
    ///
    /// RFC 6455 §7.4.1 defines 1000–1003 and 1007–1011; 1004 is reserved, and 1005, 1006 and 1015 are
    /// reserved for local reporting and "MUST NOT be set as a status code in a Close control frame".
    /// §7.4.2: 0–999 are unused, 1000–2999 belong to the protocol (unassigned ones are invalid until an
    /// extension or revision defines them), 3000–3999 are registered with IANA and 4000–4999 are private.
    /// 1012–1014 (service restart, try again later, bad gateway) were registered with IANA after the RFC;
    /// we accept them because we send 1013 ourselves. 1015 stays invalid (local TLS-failure report).
    public static func isValidReceived(_ code: WebSocketCloseCode) -> Bool {
        switch code.rawValue {
        case 1000...1003, 1007...1014: return true
        case 3000...4999: return true
        default: return false
        }
    }

    public var description: String { String(rawValue) }
}
