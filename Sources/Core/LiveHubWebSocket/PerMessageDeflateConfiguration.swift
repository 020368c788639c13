/// What this server is willing to negotiate for permessage-deflate (RFC 7692) and how it compresses.
public struct PerMessageDeflateConfiguration: Sendable, Hashable {
    /// Offer acceptance is switched off entirely when false.
    public var enabled: Bool
    /// Always reset our compressor after each message (RFC 7692 §7.1.1.1), trading ratio for memory:
    /// the deflate stream is freed between messages.
    public var serverNoContextTakeover: Bool
    /// Ask the client to reset its compressor after each message (RFC 7692 §7.1.1.2), so our inflater can
    /// be freed between messages.
    public var clientNoContextTakeover: Bool
    /// Our largest compression window, 9–15 (8 is raised to 9: zlib cannot deflate raw streams with an
    /// 8-bit window and silently uses 9).
    public var serverMaxWindowBits: Int
    /// The largest window we ask the client to use, 8–15; only sent when the client offered
    /// `client_max_window_bits` (RFC 7692 §7.1.2.2).
    public var clientMaxWindowBits: Int
    /// zlib compression level, 0–9 (or -1 for zlib's default, 6).
    public var compressionLevel: Int
    /// zlib memLevel, 1–9: memory for the compressor's internal state (8 is zlib's default; lower saves
    /// memory per connection at some cost in ratio and speed).
    public var memoryLevel: Int
    /// Messages shorter than this are sent uncompressed: DEFLATE cannot shrink them.
    public var minimumMessageSizeToCompress: Int

    public init(
        enabled: Bool = true, serverNoContextTakeover: Bool = false, clientNoContextTakeover: Bool = false,
        serverMaxWindowBits: Int = 15, clientMaxWindowBits: Int = 15, compressionLevel: Int = 6, memoryLevel: Int = 8,
        minimumMessageSizeToCompress: Int = 64
    ) {
        self.enabled = enabled
        self.serverNoContextTakeover = serverNoContextTakeover
        self.clientNoContextTakeover = clientNoContextTakeover
        self.serverMaxWindowBits = serverMaxWindowBits
        self.clientMaxWindowBits = clientMaxWindowBits
        self.compressionLevel = compressionLevel
        self.memoryLevel = memoryLevel
        self.minimumMessageSizeToCompress = minimumMessageSizeToCompress
    }
}
