import CZlib
import LiveHubWebSocket

/// Decompresses incoming permessage-deflate messages (RFC 7692 §7.2.2) for `WebSocketStateMachine`.
/// Confined to one thread.
///
/// Memory: the zlib stream (about `2^windowBits` bytes plus 7 KiB) exists from the first compressed message
/// on; without context takeover it is freed after every message. The inflated size is checked while
/// inflating, so a small compressed frame that expands hugely (a "zip bomb") is stopped at the limit.
public final class PerMessageInflater: MessageInflater {
    private let windowBits: Int32
    private let resetsContext: Bool
    private var stream: ZlibStream?
    /// The peer ended its DEFLATE stream (a block with BFINAL set) inside the current message.
    private var streamEnded = false
    /// The loop's streams: a message that arrives whole, on a connection without context takeover,
    /// borrows one instead of allocating its own.
    private let shared: SharedZlibStreams?

    /// The 4 bytes the sender removed from each message (RFC 7692 §7.2.2).
    private static let tail: [UInt8] = [0x00, 0x00, 0xFF, 0xFF]

    /// `role` is our side: a server inflates with the client's parameters.
    public init(parameters: PerMessageDeflateParameters, role: WebSocketRole, shared: SharedZlibStreams? = nil) {
        let peer: WebSocketRole = role == .server ? .client : .server
        // A zlib-based peer that agreed to 8 bits really compresses with 9 (zlib raises raw 8 to 9), and a
        // larger inflate window is always safe, so never inflate with less than 9.
        self.windowBits = Int32(min(max(parameters.senderWindowBits(peer), 9), 15))
        self.resetsContext = parameters.senderResetsContext(peer)
        self.shared = resetsContext ? shared : nil
    }

    deinit { stream?.end() }

    /// Whether a zlib stream is currently allocated (for memory tests and metrics).
    public var holdsStream: Bool { stream != nil }

    public func inflate(_ input: UnsafeRawBufferPointer, isFinal: Bool, into output: inout [UInt8], limit: Int)
        -> InflateOutcome
    {
        // A whole message (one frame) without context takeover: inflate it with the loop's stream, so
        // nothing stays allocated for this connection. A fragmented one needs a stream of its own, since
        // other connections' messages may come between its frames.
        if stream == nil, isFinal, let shared, let borrowed = shared.inflater(windowBits: windowBits) {
            streamEnded = false
            var outcome = run(borrowed.pointer, input: input, output: &output, limit: limit)
            if outcome == .ok && !streamEnded {
                outcome = Self.tail.withUnsafeBytes { run(borrowed.pointer, input: $0, output: &output, limit: limit) }
            }
            _ = inflateReset(borrowed.pointer)
            streamEnded = false
            return outcome
        }
        if stream == nil {
            stream = ZlibStream(kind: .inflate, windowBits: windowBits)
            streamEnded = false
        }
        // zlib could not allocate its state: we cannot hold this message (RFC 6455 §7.4.1, 1009).
        guard let stream else { return .tooBig }
        var outcome = run(stream.pointer, input: input, output: &output, limit: limit)
        if outcome == .ok && isFinal && !streamEnded {
            // RFC 7692 §7.2.2: append 00 00 FF FF to the message's payload before inflating its end.
            outcome = Self.tail.withUnsafeBytes { run(stream.pointer, input: $0, output: &output, limit: limit) }
        }
        if outcome != .ok {
            abandonMessage()
        } else if isFinal {
            endMessage()
        }
        return outcome
    }

    public func abandonMessage() {
        stream?.end()
        stream = nil
        streamEnded = false
    }

    /// RFC 7692 §7.2.2: with no context takeover the peer starts each message from an empty window, so the
    /// stream can go (and its memory with it). A peer that ended its stream with BFINAL starts a new one.
    private func endMessage() {
        if resetsContext {
            abandonMessage()
        } else if streamEnded, let stream {
            _ = inflateReset(stream.pointer)
            streamEnded = false
        }
    }

    /// Inflates all of `input`, appending to `output` but never beyond `limit` bytes.
    private func run(
        _ zstream: UnsafeMutablePointer<z_stream>, input: UnsafeRawBufferPointer, output: inout [UInt8], limit: Int
    ) -> InflateOutcome {
        guard input.count > 0 else { return .ok }
        // Data after the end of the peer's DEFLATE stream is not DEFLATE data.
        if streamEnded { return .corrupt }
        guard input.count <= Int(UInt32.max) else { return .tooBig }
        zstream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        zstream.pointee.avail_in = UInt32(input.count)
        defer {
            zstream.pointee.next_in = nil
            zstream.pointee.avail_in = 0
            zstream.pointee.next_out = nil
            zstream.pointee.avail_out = 0
        }
        var chunk = min(max(input.count * 4, 4096), 256 * 1024)
        while true {
            // Offer one byte more than the limit allows: producing it proves the message is too big, early.
            let allowance = limit - output.count
            guard allowance >= 0 else { return .tooBig }
            let room = min(chunk, allowance + 1)
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: room))
            var status: Int32 = Z_OK
            var produced = 0
            var outputFull = false
            output.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                zstream.pointee.next_out = (base + start).assumingMemoryBound(to: Bytef.self)
                zstream.pointee.avail_out = UInt32(room)
                status = CZlib.inflate(zstream, Z_SYNC_FLUSH)
                produced = room - Int(zstream.pointee.avail_out)
                outputFull = zstream.pointee.avail_out == 0
            }
            output.removeLast(room - produced)
            if output.count > limit { return .tooBig }
            switch status {
            case Z_OK:
                break
            case Z_STREAM_END:
                streamEnded = true
                return zstream.pointee.avail_in == 0 ? .ok : .corrupt
            case Z_BUF_ERROR:
                // No progress possible: all input is consumed and nothing more is pending.
                if !outputFull { return .ok }
            default:
                // Z_DATA_ERROR (invalid DEFLATE data, distance too far back), Z_NEED_DICT, Z_MEM_ERROR.
                return .corrupt
            }
            if zstream.pointee.avail_in == 0 && !outputFull { return .ok }
            chunk = min(chunk * 2, 1024 * 1024)
        }
    }
}
