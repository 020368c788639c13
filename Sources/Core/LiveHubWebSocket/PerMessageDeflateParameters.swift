/// The permessage-deflate parameters in force on a connection after negotiation (RFC 7692 §7.1).
/// Window bits are the effective maxima: 15 when the parameter was not negotiated.
public struct PerMessageDeflateParameters: Sendable, Hashable {
    /// The server resets its compression context after every message (RFC 7692 §7.1.1.1).
    public var serverNoContextTakeover: Bool
    /// The client resets its compression context after every message (RFC 7692 §7.1.1.2).
    public var clientNoContextTakeover: Bool
    /// Largest LZ77 window the server compresses with (RFC 7692 §7.1.2.1).
    public var serverMaxWindowBits: Int
    /// Largest LZ77 window the client compresses with (RFC 7692 §7.1.2.2).
    public var clientMaxWindowBits: Int

    public init(
        serverNoContextTakeover: Bool = false, clientNoContextTakeover: Bool = false, serverMaxWindowBits: Int = 15,
        clientMaxWindowBits: Int = 15
    ) {
        self.serverNoContextTakeover = serverNoContextTakeover
        self.clientNoContextTakeover = clientNoContextTakeover
        self.serverMaxWindowBits = serverMaxWindowBits
        self.clientMaxWindowBits = clientMaxWindowBits
    }

    /// Whether the sender in `role` resets its compressor after each message.
    public func senderResetsContext(_ role: WebSocketRole) -> Bool {
        role == .server ? serverNoContextTakeover : clientNoContextTakeover
    }

    /// The window the sender in `role` compresses with.
    public func senderWindowBits(_ role: WebSocketRole) -> Int {
        role == .server ? serverMaxWindowBits : clientMaxWindowBits
    }
}
