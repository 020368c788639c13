/// Decodes a chunked request body (RFC 9112 §7.1) incrementally, one byte of framing at a time
/// and chunk data in bulk, so each input byte is examined once however the stream is split.
///
/// ```
/// chunked-body = *chunk last-chunk trailer-section CRLF
/// chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
/// ```
/// Chunk extensions are skipped (bounded); trailer fields are validated and discarded, because
/// nothing in this server reads them (RFC 9110 §6.5.1 allows a recipient to ignore them).
struct ChunkedBodyDecoder {
    /// Where the decoder is within the chunked grammar.
    private enum State {
        case readingChunkSize
        case skippingChunkExtension
        case expectingChunkSizeLineFeed
        case readingChunkData(remaining: Int)
        case expectingDataCarriageReturn
        case expectingDataLineFeed
        case startingTrailerLine
        case readingTrailerName
        case readingTrailerValue
        case expectingTrailerLineFeed
        case expectingFinalLineFeed
        case finished
    }

    /// Chunk extensions are legal but useless to us. Their total over the whole body is bounded so
    /// a stream of tiny chunks with long extensions cannot cost far more than the body limit.
    static let maxChunkExtensionBytes = 4096
    /// More hex digits than this in one chunk size is refused even when they are leading zeros.
    static let maxChunkSizeDigits = 16

    private let limits: HTTPLimits
    private var state = State.readingChunkSize
    private var chunkSize = 0
    private var chunkSizeDigits = 0
    private var extensionBytes = 0
    private var trailerBytes = 0
    private var trailerCount = 0
    private(set) var body: [UInt8] = []

    init(limits: HTTPLimits) {
        self.limits = limits
    }

    /// Consumes as much of `bytes` as belongs to the body; returns how many bytes were used and
    /// whether the body (including its trailer section) is complete.
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> (
        consumed: Int, isComplete: Bool
    ) {
        var index = 0
        while index < bytes.count {
            if case .readingChunkData(let remaining) = state {
                let take = min(remaining, bytes.count - index)
                body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + take)]))
                index += take
                state =
                    remaining == take ? .expectingDataCarriageReturn : .readingChunkData(remaining: remaining - take)
                continue
            }
            try step(bytes[index])
            index += 1
            if case .finished = state { return (index, true) }
        }
        return (index, false)
    }

    /// Advances the framing state by one byte.
    private mutating func step(_ byte: UInt8) throws(HTTPParseError) {
        switch state {
        case .readingChunkSize:
            if let digit = ASCII.hexValue(byte) {
                chunkSize = chunkSize &* 16 &+ digit
                chunkSizeDigits += 1
                if chunkSizeDigits > ChunkedBodyDecoder.maxChunkSizeDigits { throw .invalidChunkedEncoding }
                // Checked per digit, so the size can never overflow before it is refused.
                if chunkSize > limits.maxBodyBytes - body.count { throw .bodyTooLarge }
            } else if chunkSizeDigits > 0, byte == ASCII.semicolon || ASCII.isWhitespace(byte) {
                state = .skippingChunkExtension
            } else if chunkSizeDigits > 0, byte == ASCII.carriageReturn {
                state = .expectingChunkSizeLineFeed
            } else {
                throw .invalidChunkedEncoding
            }
        case .skippingChunkExtension:
            extensionBytes += 1
            if byte == ASCII.carriageReturn {
                state = .expectingChunkSizeLineFeed
            } else if !ASCII.isFieldValueCharacter(byte) || extensionBytes > ChunkedBodyDecoder.maxChunkExtensionBytes {
                throw .invalidChunkedEncoding
            }
        case .expectingChunkSizeLineFeed:
            guard byte == ASCII.lineFeed else { throw .invalidChunkedEncoding }
            state = chunkSize == 0 ? .startingTrailerLine : .readingChunkData(remaining: chunkSize)
            chunkSize = 0
            chunkSizeDigits = 0
        case .readingChunkData:
            // Handled in bulk by decode(_:); unreachable here.
            throw .invalidChunkedEncoding
        case .expectingDataCarriageReturn:
            guard byte == ASCII.carriageReturn else { throw .invalidChunkedEncoding }
            state = .expectingDataLineFeed
        case .expectingDataLineFeed:
            guard byte == ASCII.lineFeed else { throw .invalidChunkedEncoding }
            state = .readingChunkSize
        case .startingTrailerLine:
            try countTrailerByte()
            if byte == ASCII.carriageReturn {
                state = .expectingFinalLineFeed
            } else if ASCII.isTokenCharacter(byte) {
                state = .readingTrailerName
            } else {
                // Includes leading whitespace: obs-fold is not accepted in trailers either (RFC 9112 §5.2).
                throw .invalidChunkedEncoding
            }
        case .readingTrailerName:
            try countTrailerByte()
            if byte == ASCII.colon {
                state = .readingTrailerValue
            } else if !ASCII.isTokenCharacter(byte) {
                throw .invalidChunkedEncoding
            }
        case .readingTrailerValue:
            try countTrailerByte()
            if byte == ASCII.carriageReturn {
                state = .expectingTrailerLineFeed
            } else if !ASCII.isFieldValueCharacter(byte) {
                throw .invalidChunkedEncoding
            }
        case .expectingTrailerLineFeed:
            try countTrailerByte()
            guard byte == ASCII.lineFeed else { throw .invalidChunkedEncoding }
            trailerCount += 1
            if trailerCount > limits.maxHeaderCount { throw .trailersTooLarge }
            state = .startingTrailerLine
        case .expectingFinalLineFeed:
            guard byte == ASCII.lineFeed else { throw .invalidChunkedEncoding }
            state = .finished
        case .finished:
            break
        }
    }

    private mutating func countTrailerByte() throws(HTTPParseError) {
        trailerBytes += 1
        if trailerBytes > limits.maxHeaderBytes { throw .trailersTooLarge }
    }

    /// Hands over the decoded body, leaving the decoder empty.
    mutating func takeBody() -> [UInt8] {
        defer { body = [] }
        return body
    }
}
