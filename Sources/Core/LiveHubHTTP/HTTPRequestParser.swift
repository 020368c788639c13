/// An incremental HTTP/1.1 request parser for one connection: append bytes as they arrive, then
/// call `nextRequest()` until it returns nil. Handles keep-alive and pipelining.
///
/// Each byte is scanned once: the parser remembers where the previous scan stopped, parses each
/// head line as soon as its LF arrives, and copies a body only once it is complete (fixed length)
/// or chunk by chunk (chunked). Limits are enforced before the bytes they bound are buffered:
/// an over-long line fails as soon as it is longer than allowed, a too-large Content-Length fails
/// at header time.
///
/// Line endings: CRLF only. RFC 9112 §2.2 lets a recipient accept a bare LF, but this server
/// rejects it (and any bare CR) with 400, so it can never frame a message differently from a
/// strict intermediary in front of it. Empty lines before a request line are ignored (§2.2) and
/// count against `maxHeaderBytes`.
///
/// After an error, every later call throws the same error; the caller answers with `error.status`
/// and closes the connection.
public struct HTTPRequestParser: Sendable {
    /// Where the parser is in the current request.
    private enum Stage: Sendable {
        case awaitingRequestLine
        case readingFieldLines
        case readingFixedBody(length: Int)
        case readingChunkedBody
        case failed(HTTPParseError)
    }

    /// Buffers above this capacity are released once drained, so idle connections stay small.
    private static let retainedCapacity = 4096

    /// The limits this parser enforces.
    public let limits: HTTPLimits
    private var buffer: [UInt8] = []
    /// Start of the first byte not yet returned as part of a request.
    private var requestStart = 0
    /// Start of the head line being scanned.
    private var lineStart = 0
    /// Next byte to examine; everything before it has been scanned.
    private var scanIndex = 0
    private var bodyStart = 0
    private var stage = Stage.awaitingRequestLine
    private var builder = RequestHeadBuilder()
    private var fieldCount = 0
    private var pendingHead: HTTPRequestHead?
    private var continueExpected = false
    private var chunkedDecoder: ChunkedBodyDecoder

    /// Creates a parser enforcing `limits`.
    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
        chunkedDecoder = ChunkedBodyDecoder(limits: limits)
    }

    /// Bytes received but not yet returned as part of a request.
    public var bufferedByteCount: Int { buffer.count - requestStart }

    /// Appends received bytes. Ignored once the parser has failed.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if case .failed = stage { return }
        bytes.withMemoryRebound(to: UInt8.self) { buffer.append(contentsOf: $0) }
    }

    /// Appends received bytes (convenience for tests and small inputs).
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next complete request, or nil when more bytes are needed. Call again after each request:
    /// a pipelined stream may already hold the next one.
    public mutating func nextRequest() throws(HTTPParseError) -> HTTPRequest? {
        if case .failed(let error) = stage { throw error }
        do throws(HTTPParseError) {
            return try advance()
        } catch {
            stage = .failed(error)
            buffer = []
            requestStart = 0
            throw error
        }
    }

    /// True once per request whose head asked for `Expect: 100-continue` and whose body has not
    /// arrived yet: the caller should then send `HTTPResponse.continueBytes` (RFC 9110 §10.1.1),
    /// otherwise clients such as curl pause before sending the body. Call after `nextRequest()`
    /// returned nil. The expectation is ignored for HTTP/1.0, as the RFC requires.
    public mutating func takeExpectContinue() -> Bool {
        defer { continueExpected = false }
        return continueExpected
    }

    private static func expectsContinue(_ head: HTTPRequestHead) -> Bool {
        head.isHTTP11OrLater && head.headers.containsToken("100-continue", for: "Expect")
    }

    /// Returns the bytes after the last request returned, and resets the parser to empty.
    ///
    /// Meant for a connection that stops speaking HTTP after a request (a WebSocket upgrade): the
    /// client may already have sent frames behind its handshake. Called in the middle of a request,
    /// it returns that request's unparsed bytes too (a chunked body already partly decoded is lost).
    public mutating func takeUnconsumedBytes() -> [UInt8] {
        let remaining = Array(buffer[requestStart...])
        buffer = []
        startNextRequest(at: 0)
        return remaining
    }

    private mutating func advance() throws(HTTPParseError) -> HTTPRequest? {
        while true {
            switch stage {
            case .awaitingRequestLine, .readingFieldLines:
                guard let lineFeed = findLineFeed() else {
                    try checkIncompleteLine()
                    return nil
                }
                if let request = try consumeHeadLine(endingAt: lineFeed) { return request }
            case .readingFixedBody(let length):
                guard buffer.count - bodyStart >= length else { return nil }
                let end = bodyStart + length
                return finishRequest(body: Array(buffer[bodyStart..<end]), end: end)
            case .readingChunkedBody:
                let start = scanIndex
                let bytesSoFar = buffer
                let (consumed, isComplete) = try bytesSoFar.withUnsafeBufferPointer { bytes throws(HTTPParseError) in
                    try chunkedDecoder.decode(UnsafeBufferPointer(rebasing: bytes[start...]))
                }
                scanIndex += consumed
                if isComplete { return finishRequest(body: chunkedDecoder.takeBody(), end: scanIndex) }
                discardDecodedChunkedBytes()
                return nil
            case .failed(let error):
                throw error
            }
        }
    }

    /// Finds the next LF from where the last scan stopped, moving `scanIndex` past what was read.
    private mutating func findLineFeed() -> Int? {
        let start = scanIndex
        let found: Int? = buffer.withUnsafeBufferPointer { bytes in
            var index = start
            while index < bytes.count {
                if bytes[index] == ASCII.lineFeed { return index }
                index += 1
            }
            return nil
        }
        scanIndex = found.map { $0 + 1 } ?? buffer.count
        return found
    }

    /// Enforces the limits on a line whose LF has not arrived yet, so a client cannot make the
    /// parser buffer more than the limits by never ending a line.
    private func checkIncompleteLine() throws(HTTPParseError) {
        // One byte of slack: the pending bytes may end with the CR of the line's CRLF.
        if case .awaitingRequestLine = stage, scanIndex - lineStart > limits.maxRequestLineBytes + 1 {
            throw .requestLineTooLong
        }
        if scanIndex - requestStart > limits.maxHeaderBytes { throw .headTooLarge }
    }

    /// Handles one complete head line; returns a request when the head ends one without a body.
    private mutating func consumeHeadLine(endingAt lineFeed: Int) throws(HTTPParseError) -> HTTPRequest? {
        let start = lineStart
        lineStart = lineFeed + 1
        let isRequestLine: Bool
        if case .awaitingRequestLine = stage { isRequestLine = true } else { isRequestLine = false }
        // Limits first, with the same one byte of slack for the CR as `checkIncompleteLine`, so the
        // error for a given stream is the same however it was split into reads.
        if isRequestLine, lineFeed - start > limits.maxRequestLineBytes + 1 { throw .requestLineTooLong }
        if lineFeed + 1 - requestStart > limits.maxHeaderBytes { throw .headTooLarge }
        // RFC 9112 §2.2: CRLF is the line terminator; a bare LF is rejected (see the type comment).
        guard lineFeed > start, buffer[lineFeed - 1] == ASCII.carriageReturn else { throw .invalidLineEnding }
        let contentEnd = lineFeed - 1

        if contentEnd == start {
            // RFC 9112 §2.2: ignore empty lines before the request line; after it, the head is done.
            return isRequestLine ? nil : try finishHead(bodyStart: lineFeed + 1)
        }
        // A local reference to the storage (no copy): reading it while `builder` mutates keeps
        // the accesses to `self` disjoint.
        let bytesSoFar = buffer
        try bytesSoFar.withUnsafeBufferPointer { bytes throws(HTTPParseError) in
            let content = UnsafeBufferPointer(rebasing: bytes[start..<contentEnd])
            // RFC 9112 §2.2: a bare CR inside a line is invalid.
            if content.contains(ASCII.carriageReturn) { throw .invalidLineEnding }
            if isRequestLine {
                try builder.acceptRequestLine(content)
            } else {
                try builder.acceptFieldLine(content)
            }
        }
        if isRequestLine {
            stage = .readingFieldLines
        } else {
            fieldCount += 1
            if fieldCount > limits.maxHeaderCount { throw .tooManyHeaders }
        }
        return nil
    }

    /// Validates the complete head and chooses how to read the body.
    private mutating func finishHead(bodyStart: Int) throws(HTTPParseError) -> HTTPRequest? {
        let (head, framing) = try builder.finish(limits: limits)
        self.bodyStart = bodyStart
        scanIndex = bodyStart
        switch framing {
        case .none:
            pendingHead = head
            return finishRequest(body: [], end: bodyStart)
        case .length(let length):
            pendingHead = head
            continueExpected = HTTPRequestParser.expectsContinue(head)
            stage = .readingFixedBody(length: length)
        case .chunked:
            pendingHead = head
            continueExpected = HTTPRequestParser.expectsContinue(head)
            chunkedDecoder = ChunkedBodyDecoder(limits: limits)
            stage = .readingChunkedBody
        }
        return nil
    }

    /// Returns the pending request and prepares for the next one, which starts at `end`.
    private mutating func finishRequest(body: [UInt8], end: Int) -> HTTPRequest? {
        guard let head = pendingHead else { return nil }
        pendingHead = nil
        if end == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= HTTPRequestParser.retainedCapacity)
            startNextRequest(at: 0)
        } else if end >= buffer.count - end {
            // More consumed than left: moving the rest costs less than what was parsed since the
            // last move, so compaction stays linear over the connection's lifetime.
            buffer.removeSubrange(..<end)
            startNextRequest(at: 0)
        } else {
            startNextRequest(at: end)
        }
        return HTTPRequest(head: head, body: body)
    }

    /// While a chunked body streams in, its framing bytes are no longer needed once decoded:
    /// dropping them keeps the buffer near the size of one read, not of the whole encoded body.
    private mutating func discardDecodedChunkedBytes() {
        guard scanIndex >= buffer.count - scanIndex, scanIndex > 0 else { return }
        buffer.removeSubrange(..<scanIndex)
        requestStart = 0
        lineStart = 0
        bodyStart = 0
        scanIndex = 0
    }

    private mutating func startNextRequest(at index: Int) {
        requestStart = index
        lineStart = index
        scanIndex = index
        bodyStart = index
        stage = .awaitingRequestLine
        builder = RequestHeadBuilder()
        fieldCount = 0
        pendingHead = nil
        continueExpected = false
    }
}
