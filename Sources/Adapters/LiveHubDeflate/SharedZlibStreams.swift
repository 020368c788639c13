import CZlib
import LiveHubWebSocket

/// zlib streams that one event loop lends to its connections which negotiated no context takeover
/// (RFC 7692 §7.1.1): each message starts from an empty window anyway, so one stream per window size
/// can serve every such connection in turn and is reset after each message. An idle connection then
/// holds no zlib memory at all (about 300 KiB per compressor and 40 KiB per decompressor otherwise),
/// and a busy one does not pay a stream setup per message. The same design as uWebSockets' shared
/// compressor. Confined to the loop's thread.
public final class SharedZlibStreams {
    private let level: Int32
    private let memoryLevel: Int32
    /// By window bits (9–15): a connection's negotiated window decides which stream it borrows.
    private var deflaters: [Int32: ZlibStream] = [:]
    private var inflaters: [Int32: ZlibStream] = [:]

    public init(configuration: PerMessageDeflateConfiguration) {
        level = Int32(min(max(configuration.compressionLevel, -1), 9))
        memoryLevel = Int32(min(max(configuration.memoryLevel, 1), 9))
    }

    deinit {
        for stream in deflaters.values { stream.end() }
        for stream in inflaters.values { stream.end() }
    }

    /// A reset compressor for `windowBits`; the caller resets it again (`deflateReset`) after the message.
    func deflater(windowBits: Int32) -> ZlibStream? {
        if let stream = deflaters[windowBits] { return stream }
        let stream = ZlibStream(kind: .deflate(level: level, memoryLevel: memoryLevel), windowBits: windowBits)
        deflaters[windowBits] = stream
        return stream
    }

    /// A reset decompressor for `windowBits`; the caller resets it again (`inflateReset`) after the message.
    func inflater(windowBits: Int32) -> ZlibStream? {
        if let stream = inflaters[windowBits] { return stream }
        let stream = ZlibStream(kind: .inflate, windowBits: windowBits)
        inflaters[windowBits] = stream
        return stream
    }
}
