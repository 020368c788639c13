import Testing

@testable import LiveHubHTTP

@Suite("Message body framing (RFC 9112 §6, §7)")
struct BodyFramingTests {
    private static let head = "POST /upload HTTP/1.1\r\nHost: a\r\n"

    @Test("a Content-Length body is read exactly")
    func contentLength() {
        let outcome = parseEverySplit(Self.head + "Content-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.requests.map(\.body) == [Array("hello".utf8), []])
    }

    @Test("a body that has not fully arrived means need-more-data")
    func partialBody() {
        let outcome = parseEverySplit(Self.head + "Content-Length: 10\r\n\r\nhello")
        #expect(outcome.requests.isEmpty)
        #expect(outcome.error == nil)
        #expect(outcome.bufferedByteCount > 0)
    }

    @Test(
        "Content-Length duplicates that agree are accepted (RFC 9110 §8.6)",
        arguments: [
            "Content-Length: 3\r\nContent-Length: 3\r\n", "Content-Length: 3, 3\r\n", "content-length: 003\r\n",
        ])
    func agreeingDuplicates(fields: String) {
        #expect(parseSingle(Self.head + fields + "\r\nabc")?.body == Array("abc".utf8))
    }

    @Test(
        "invalid Content-Length values are rejected with 400",
        arguments: [
            "Content-Length: 3\r\nContent-Length: 4\r\n", "Content-Length: 3, 4\r\n", "Content-Length: +3\r\n",
            "Content-Length: -1\r\n", "Content-Length: 3a\r\n", "Content-Length:\r\n", "Content-Length: 0x10\r\n",
            "Content-Length: 3,\r\n", "Content-Length: 99999999999999999999999x\r\n",
        ])
    func invalidContentLength(fields: String) {
        let error = parseError(Self.head + fields + "\r\nabcd")
        #expect(error == .invalidContentLength)
        #expect(error?.status == .badRequest)
    }

    @Test(
        "a Content-Length above the limit is refused with 413 before any body byte arrives",
        arguments: ["1048577", "99999999999999999999999999999"])
    func contentLengthTooLarge(length: String) {
        let error = parseError(Self.head + "Content-Length: \(length)\r\n\r\n")
        #expect(error == .bodyTooLarge)
        #expect(error?.status == .payloadTooLarge)
    }

    @Test("a Content-Length exactly at the limit is accepted")
    func contentLengthAtLimit() {
        let limits = HTTPLimits(maxBodyBytes: 4)
        #expect(parseSingle(Self.head + "Content-Length: 4\r\n\r\nabcd", limits: limits)?.body.count == 4)
        #expect(parseError(Self.head + "Content-Length: 5\r\n\r\n", limits: limits) == .bodyTooLarge)
    }

    @Test("a chunked body is decoded, with extensions, uppercase hex and trailers")
    func chunked() {
        let body = "5\r\nhello\r\nA;name=value; other\r\n0123456789\r\n000\r\nTrailer-Field: x\r\n\r\n"
        let outcome = parseEverySplit(
            Self.head + "Transfer-Encoding: chunked\r\n\r\n" + body + "GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.requests.map(\.body) == [Array("hello0123456789".utf8), []])
    }

    @Test("Transfer-Encoding tokens are case-insensitive and may span lines")
    func chunkedCaseInsensitive() {
        #expect(
            parseSingle(Self.head + "Transfer-Encoding: Chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n")?.body == [
                UInt8(ascii: "x")
            ])
    }

    @Test("both Content-Length and Transfer-Encoding are rejected with 400 (RFC 9112 §6.3)")
    func bothFramings() {
        let error = parseError(Self.head + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        #expect(error == .contentLengthWithTransferEncoding)
        #expect(error?.status == .badRequest)
    }

    @Test("transfer codings other than chunked get 501", arguments: ["gzip, chunked", "deflate,chunked"])
    func unsupportedCodings(value: String) {
        let error = parseError(Self.head + "Transfer-Encoding: \(value)\r\n\r\n")
        #expect(error == .unsupportedTransferCoding)
        #expect(error?.status == .notImplemented)
    }

    @Test(
        "chunked not final, chunked twice, empty or on HTTP/1.0 is rejected with 400",
        arguments: [
            Self.head + "Transfer-Encoding: chunked, gzip\r\n\r\n", Self.head + "Transfer-Encoding: gzip\r\n\r\n",
            Self.head + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
            Self.head + "Transfer-Encoding: \r\n\r\n", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n",
        ])
    func invalidTransferEncoding(input: String) {
        #expect(parseError(input) == .invalidTransferEncoding)
    }

    @Test(
        "malformed chunked bodies are rejected with 400",
        arguments: [
            "x\r\n", "\r\n", "5\r\nhelloX\r\n", "5\r\nhello\rX", "5\nhello\r\n", "5\r\rhello", "0\r\n X: y\r\n\r\n",
            "0\r\nX y: z\r\n\r\n", "0\r\nX: \u{1}\r\n\r\n", "0\r\n\rX", "5;\u{1}\r\n", "00000000000000001\r\n",
        ])
    func malformedChunks(body: String) {
        let error = parseError(Self.head + "Transfer-Encoding: chunked\r\n\r\n" + body)
        #expect(error == .invalidChunkedEncoding)
        #expect(error?.status == .badRequest)
    }

    @Test("a chunk size beyond the body limit is refused with 413 as soon as it is read")
    func chunkTooLarge() {
        let limits = HTTPLimits(maxBodyBytes: 8)
        #expect(parseError(Self.head + "Transfer-Encoding: chunked\r\n\r\n9", limits: limits) == .bodyTooLarge)
        #expect(
            parseError(Self.head + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF", limits: limits)
                == .bodyTooLarge)
    }

    @Test("chunks adding up beyond the body limit are refused with 413")
    func chunksAccumulateToLimit() {
        let limits = HTTPLimits(maxBodyBytes: 8)
        let encoded = Self.head + "Transfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n4\r\nefgh\r\n"
        #expect(parseEverySplit(encoded + "0\r\n\r\n", limits: limits).requests.first?.body.count == 8)
        #expect(parseError(encoded + "1\r\n", limits: limits) == .bodyTooLarge)
    }

    @Test("a trailer section beyond the head limits is refused with 431")
    func trailersTooLarge() {
        let limits = HTTPLimits(maxHeaderBytes: 64, maxHeaderCount: 2)
        let prefix = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
        #expect(parseError(prefix + "A: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: limits) == .trailersTooLarge)
        #expect(parseError(prefix + "A: " + String(repeating: "x", count: 80), limits: limits) == .trailersTooLarge)
    }

    @Test("a 1 MiB chunked body in small chunks is decoded with bounded buffering")
    func largeChunkedBody() throws {
        var parser = HTTPRequestParser()
        parser.append(Array((Self.head + "Transfer-Encoding: chunked\r\n\r\n").utf8))
        let chunk = Array("400\r\n".utf8) + [UInt8](repeating: 0x61, count: 1024) + Array("\r\n".utf8)
        var maximumBuffered = 0
        for _ in 0..<1024 {
            parser.append(chunk)
            #expect(try parser.nextRequest() == nil)
            maximumBuffered = max(maximumBuffered, parser.bufferedByteCount)
        }
        parser.append(Array("0\r\n\r\n".utf8))
        let request = try #require(try parser.nextRequest())
        #expect(request.body.count == 1024 * 1024)
        #expect(maximumBuffered < 8 * 1024)
    }
}
