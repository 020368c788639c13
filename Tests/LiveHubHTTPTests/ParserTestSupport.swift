import Testing

@testable import LiveHubHTTP

/// A comparable digest of a parsed request, so whole outcomes can be compared with `==`.
struct RequestSummary: Equatable, CustomStringConvertible {
    var method: String
    var target: String
    var isHTTP11OrLater: Bool
    var keepAlive: Bool
    var headers: [String]
    var body: [UInt8]

    init(_ request: HTTPRequest) {
        method = request.head.method
        target = request.head.target
        isHTTP11OrLater = request.head.isHTTP11OrLater
        keepAlive = request.head.keepAlive
        headers = request.head.headers.map { "\($0.name): \($0.value)" }
        body = request.body
    }

    var description: String { "\(method) \(target) \(headers) body=\(body.count)" }
}

/// Everything a parser produced from one input: the requests, then the error (if any).
struct ParsedStream: Equatable {
    var requests: [RequestSummary] = []
    var error: HTTPParseError?
    /// Bytes held by the parser at the end (need-more-data when non-zero and no error).
    var bufferedByteCount = 0
}

/// Feeds `chunks` in order, draining requests after each one.
func parse(chunks: [[UInt8]], limits: HTTPLimits = HTTPLimits()) -> ParsedStream {
    var parser = HTTPRequestParser(limits: limits)
    var result = ParsedStream()
    for chunk in chunks {
        parser.append(chunk)
        do throws(HTTPParseError) {
            while let request = try parser.nextRequest() {
                result.requests.append(RequestSummary(request))
            }
        } catch {
            result.error = error
            return result
        }
    }
    result.bufferedByteCount = parser.bufferedByteCount
    return result
}

/// The input whole, one byte at a time, and split in two at every offset.
func everySplit(of input: [UInt8]) -> [(label: String, chunks: [[UInt8]])] {
    var splits: [(label: String, chunks: [[UInt8]])] = [("whole", [input]), ("byte by byte", input.map { [$0] })]
    if input.count > 1 {
        for offset in 1..<input.count {
            splits.append(("split at \(offset)", [Array(input[..<offset]), Array(input[offset...])]))
        }
    }
    return splits
}

/// Parses `text` whole, byte by byte and split at every offset, expects all outcomes to agree,
/// and returns the outcome.
func parseEverySplit(
    _ text: String, limits: HTTPLimits = HTTPLimits(), sourceLocation: SourceLocation = #_sourceLocation
) -> ParsedStream {
    parseEverySplit(Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
}

func parseEverySplit(
    _ input: [UInt8], limits: HTTPLimits = HTTPLimits(), sourceLocation: SourceLocation = #_sourceLocation
) -> ParsedStream {
    let whole = parse(chunks: [input], limits: limits)
    for split in everySplit(of: input).dropFirst() {
        let outcome = parse(chunks: split.chunks, limits: limits)
        if outcome != whole {
            Issue.record("\(split.label): \(outcome) differs from whole: \(whole)", sourceLocation: sourceLocation)
            break
        }
    }
    return whole
}

/// Parses and expects exactly one request and no error; returns it.
func parseSingle(
    _ text: String, limits: HTTPLimits = HTTPLimits(), sourceLocation: SourceLocation = #_sourceLocation
) -> RequestSummary? {
    let outcome = parseEverySplit(text, limits: limits, sourceLocation: sourceLocation)
    #expect(outcome.error == nil, sourceLocation: sourceLocation)
    #expect(outcome.requests.count == 1, sourceLocation: sourceLocation)
    return outcome.requests.first
}

/// Parses and returns the error every split ends in (recording an issue when there is none).
func parseError(
    _ text: String, limits: HTTPLimits = HTTPLimits(), sourceLocation: SourceLocation = #_sourceLocation
) -> HTTPParseError? {
    let outcome = parseEverySplit(text, limits: limits, sourceLocation: sourceLocation)
    #expect(outcome.error != nil, "expected an error", sourceLocation: sourceLocation)
    return outcome.error
}
