import CZlib
import LiveHubWebSocket

/// Compresses outgoing messages for permessage-deflate (RFC 7692 §7.2.1). Confined to one thread.
///
/// Memory: the zlib stream (about `2^(windowBits+2) + 2^(memoryLevel+9)` bytes, 256 KiB at 15/8) exists
/// only from the first compressed message on, and only between messages when context takeover is in force.
/// Without context takeover the loop's shared stream is borrowed for each message instead.
public final class PerMessageDeflater {
    private let windowBits: Int32
    private let resetsContext: Bool
    private let level: Int32
    private let memoryLevel: Int32
    private let minimumMessageSize: Int
    private var stream: ZlibStream?
    /// The loop's streams, used instead of `stream` when the context is reset after every message.
    private let shared: SharedZlibStreams?

    /// `role` is our side: a server compresses with the server's parameters. `shared`: the loop's streams
    /// to borrow when no context is taken over between messages.
    public init(
        parameters: PerMessageDeflateParameters, role: WebSocketRole, configuration: PerMessageDeflateConfiguration,
        shared: SharedZlibStreams? = nil
    ) {
        // zlib silently turns an 8-bit raw deflate window into 9; negotiation never agrees to 8 for our side.
        self.windowBits = Int32(min(max(parameters.senderWindowBits(role), 9), 15))
        self.resetsContext = parameters.senderResetsContext(role)
        self.level = Int32(min(max(configuration.compressionLevel, -1), 9))
        self.memoryLevel = Int32(min(max(configuration.memoryLevel, 1), 9))
        self.minimumMessageSize = max(0, configuration.minimumMessageSizeToCompress)
        self.shared = resetsContext ? shared : nil
    }

    deinit { stream?.end() }

    /// Whether a zlib stream is currently allocated (for memory tests and metrics).
    public var holdsStream: Bool { stream != nil }

    /// Appends the compressed payload of `message` to `output`: the DEFLATE blocks of a sync flush with the
    /// trailing 00 00 FF FF removed (RFC 7692 §7.2.1). Returns false, leaving `output` untouched, when the
    /// message should go out uncompressed instead (shorter than the configured minimum, or zlib failed);
    /// an uncompressed message does not touch the compression context, so this is always safe.
    public func compress(_ message: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Bool {
        guard message.count >= minimumMessageSize, message.count <= Int(UInt32.max) else { return false }
        if let shared {
            guard let borrowed = shared.deflater(windowBits: windowBits) else { return false }
            defer { _ = deflateReset(borrowed.pointer) }
            return compress(message, with: borrowed, into: &output)
        }
        if stream == nil {
            stream = ZlibStream(kind: .deflate(level: level, memoryLevel: memoryLevel), windowBits: windowBits)
        }
        guard let stream else { return false }
        let succeeded = compress(message, with: stream, into: &output)
        // RFC 7692 §7.1.1.1: without context takeover the next message starts from an empty window; freeing the
        // stream (rather than deflateReset) also returns its memory while the connection is idle.
        if !succeeded || resetsContext { releaseStream() }
        return succeeded
    }

    private func compress(_ message: UnsafeRawBufferPointer, with stream: ZlibStream, into output: inout [UInt8]) -> Bool {
        let zstream = stream.pointer
        let start = output.count
        var produced = start
        zstream.pointee.next_in = UnsafeMutablePointer(
            mutating: message.baseAddress?.assumingMemoryBound(to: Bytef.self))
        zstream.pointee.avail_in = UInt32(message.count)
        // deflateBound covers the worst case of Z_FINISH; a sync flush adds at most a few bytes more.
        var room = Int(deflateBound(zstream, UInt(message.count))) + 16
        var succeeded = true
        while true {
            output.append(contentsOf: repeatElement(0, count: room))
            var status: Int32 = Z_OK
            var outputFull = false
            output.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                zstream.pointee.next_out = (base + produced).assumingMemoryBound(to: Bytef.self)
                zstream.pointee.avail_out = UInt32(buffer.count - produced)
                // Z_SYNC_FLUSH ends the message on a byte boundary with an empty stored block (RFC 7692 §7.2.1).
                status = deflate(zstream, Z_SYNC_FLUSH)
                produced = buffer.count - Int(zstream.pointee.avail_out)
                outputFull = zstream.pointee.avail_out == 0
            }
            output.removeLast(output.count - produced)
            // Z_BUF_ERROR only means "no progress possible", which a completed flush can report.
            guard status == Z_OK || status == Z_BUF_ERROR else {
                succeeded = false
                break
            }
            // zlib docs: when deflate fills the output buffer, call again with more room to finish the flush.
            if !outputFull { break }
            room = max(room, 1024)
        }
        zstream.pointee.next_in = nil
        zstream.pointee.avail_in = 0
        zstream.pointee.next_out = nil
        zstream.pointee.avail_out = 0
        // RFC 7692 §7.2.1: the flushed data must end in 00 00 FF FF, which is removed.
        if succeeded && produced == start {
            // zlib emits nothing for an empty message right after a flush; RFC 7692 §7.2.3.6: a single 0x00
            // (an empty stored block once the receiver appends 00 00 FF FF) is a valid compressed empty message.
            output.append(0x00)
        } else if succeeded && produced - start >= 4 && output[produced - 4] == 0x00 && output[produced - 3] == 0x00
            && output[produced - 2] == 0xFF && output[produced - 1] == 0xFF
        {
            output.removeLast(4)
        } else {
            succeeded = false
        }
        if !succeeded {
            output.removeLast(output.count - start)
            return false
        }
        return true
    }

    /// Frees the zlib stream; the next compressed message creates a fresh one.
    public func releaseStream() {
        stream?.end()
        stream = nil
    }
}
