import Testing

@testable import LiveHubHTTP

@Suite("Keep-alive, pipelining and handing over unconsumed bytes")
struct PipeliningTests {
    @Test("pipelined requests come out in order, bodies and all, however the stream is split")
    func pipelined() {
        let stream =
            "GET /a HTTP/1.1\r\nHost: a\r\n\r\n"
            + "POST /b HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi"
            + "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nyo\r\n0\r\n\r\n"
            + "GET /d HTTP/1.0\r\n\r\n"
        let outcome = parseEverySplit(stream)
        #expect(outcome.error == nil)
        #expect(outcome.requests.map(\.target) == ["/a", "/b", "/c", "/d"])
        #expect(outcome.requests.map(\.body) == [[], Array("hi".utf8), Array("yo".utf8), []])
        #expect(outcome.requests.map(\.keepAlive) == [true, true, true, false])
        #expect(outcome.bufferedByteCount == 0)
    }

    @Test("nextRequest returns nil until a request is complete, then the request")
    func needMoreData() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\n".utf8))
        #expect(try parser.nextRequest() == nil)
        #expect(parser.bufferedByteCount == 25)
        parser.append(Array("\r\n".utf8))
        #expect(try parser.nextRequest()?.head.target == "/")
        #expect(try parser.nextRequest() == nil)
    }

    @Test("bytes behind an upgrade request are handed over exactly, at every split")
    func unconsumedAfterUpgrade() throws {
        let handshake = Array(
            "GET /ws HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n".utf8)
        let frames: [UInt8] = [0x81, 0x85, 1, 2, 3, 4, 0x69, 0x67, 0x6F, 0x68, 0x6E, 0x0D, 0x0A]
        let input = handshake + frames
        for split in everySplit(of: input) {
            var parser = HTTPRequestParser()
            var request: HTTPRequest?
            var fed = 0
            for chunk in split.chunks where request == nil {
                parser.append(chunk)
                fed += chunk.count
                request = try parser.nextRequest()
            }
            #expect(request?.head.headers["upgrade"] == "websocket", "\(split.label)")
            let rest = parser.takeUnconsumedBytes()
            #expect(rest == Array(input[handshake.count..<fed]), "\(split.label)")
            #expect(parser.bufferedByteCount == 0)
        }
    }

    @Test("after an error every later call throws the same error, and appends are ignored")
    func errorIsSticky() {
        var parser = HTTPRequestParser()
        parser.append(Array("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.invalidHeaderName) { try parser.nextRequest() }
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.invalidHeaderName) { try parser.nextRequest() }
        #expect(parser.bufferedByteCount == 0)
    }

    @Test("an error in a later pipelined request still yields the earlier requests first")
    func errorAfterGoodRequests() {
        let outcome = parseEverySplit("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/9.9\r\n\r\n")
        #expect(outcome.requests.map(\.target) == ["/1"])
        #expect(outcome.error == .unsupportedVersion)
    }

    @Test("many pipelined requests are parsed in linear time with a compacted buffer")
    func manyPipelined() throws {
        var parser = HTTPRequestParser()
        let one = Array("GET /x HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        var stream: [UInt8] = []
        for _ in 0..<5_000 { stream += one }
        var parsed = 0
        var offset = 0
        while offset < stream.count {
            let end = min(stream.count, offset + 4096)
            parser.append(Array(stream[offset..<end]))
            offset = end
            while try parser.nextRequest() != nil { parsed += 1 }
            #expect(parser.bufferedByteCount < one.count)
        }
        #expect(parsed == 5_000)
    }
}

@Suite("Expect: 100-continue")
struct ExpectContinueTests {
    @Test(
        "the parser asks for 100 Continue once, only for HTTP/1.1 with a pending body",
        arguments: [
            ("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", true),
            ("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nTransfer-Encoding: chunked\r\n\r\n", true),
            ("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", false),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n", false),
            ("GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n", false),
        ])
    func expectContinue(head: String, expected: Bool) throws {
        var parser = HTTPRequestParser()
        parser.append(Array(head.utf8))
        let request = try parser.nextRequest()
        let first = parser.takeExpectContinue()
        let second = parser.takeExpectContinue()
        #expect(first == expected)
        #expect(!second)
        #expect((request == nil) == head.hasPrefix("POST"))
    }

    @Test("the interim response is byte-exact")
    func continueBytes() {
        #expect(HTTPResponse.continueBytes == Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
    }
}
