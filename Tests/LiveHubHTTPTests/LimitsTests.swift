import Testing

@testable import LiveHubHTTP

@Suite("Limits are enforced as early as possible")
struct LimitsTests {
    private static let limits = HTTPLimits(
        maxRequestLineBytes: 32, maxHeaderBytes: 96, maxHeaderCount: 3, maxBodyBytes: 16)

    @Test("a request line at the limit is accepted; one byte more is 414")
    func requestLineLimit() {
        let atLimit = "GET /" + String(repeating: "a", count: 32 - 14) + " HTTP/1.1"
        #expect(atLimit.utf8.count == 32)
        #expect(parseSingle(atLimit + "\r\nHost: a\r\n\r\n", limits: Self.limits) != nil)
        let error = parseError(
            "GET /a" + String(repeating: "a", count: 32 - 14) + " HTTP/1.1\r\nHost: a\r\n\r\n", limits: Self.limits)
        #expect(error == .requestLineTooLong)
        #expect(error?.status == .uriTooLong)
    }

    @Test("a request line that never ends fails once it passes the limit, without waiting for LF")
    func endlessRequestLine() throws {
        var parser = HTTPRequestParser(limits: Self.limits)
        parser.append(Array("GET /".utf8))
        var fed = 5
        var failure: HTTPParseError?
        while failure == nil, fed < 1000 {
            parser.append([UInt8(ascii: "a")])
            fed += 1
            do throws(HTTPParseError) { _ = try parser.nextRequest() } catch { failure = error }
        }
        #expect(failure == .requestLineTooLong)
        #expect(fed == 32 + 2)
    }

    @Test("a head beyond maxHeaderBytes is 431, at every split")
    func headLimit() {
        let request = "GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "v", count: 70) + "\r\n\r\n"
        #expect(request.utf8.count > 96)
        let error = parseError(request, limits: Self.limits)
        #expect(error == .headTooLarge)
        #expect(error?.status == .requestHeaderFieldsTooLarge)
    }

    @Test("a head exactly at maxHeaderBytes is accepted")
    func headAtLimit() {
        let fixed = "GET / HTTP/1.1\r\nHost: a\r\nX: \r\n\r\n"
        let request =
            "GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "v", count: 96 - fixed.utf8.count) + "\r\n\r\n"
        #expect(request.utf8.count == 96)
        #expect(parseSingle(request, limits: Self.limits) != nil)
    }

    @Test("a head that never ends fails once it passes maxHeaderBytes")
    func endlessHead() throws {
        var parser = HTTPRequestParser(limits: Self.limits)
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\nX: ".utf8))
        var failure: HTTPParseError?
        var fed = parser.bufferedByteCount
        while failure == nil, fed < 1000 {
            parser.append([UInt8(ascii: "v")])
            fed += 1
            do throws(HTTPParseError) { _ = try parser.nextRequest() } catch { failure = error }
        }
        #expect(failure == .headTooLarge)
        #expect(fed == 97)
    }

    @Test("leading empty lines count against the head limit")
    func endlessEmptyLines() {
        let error = parseError(String(repeating: "\r\n", count: 60) + "GET / HTTP/1.1\r\n", limits: Self.limits)
        #expect(error == .headTooLarge)
    }

    @Test("exactly maxHeaderCount fields are accepted; one more is 431")
    func headerCount() {
        #expect(parseSingle("GET / HTTP/1.1\r\nHost: a\r\nB: 1\r\nC: 2\r\n\r\n", limits: Self.limits) != nil)
        let error = parseError("GET / HTTP/1.1\r\nHost: a\r\nB: 1\r\nC: 2\r\nD: 3\r\n\r\n", limits: Self.limits)
        #expect(error == .tooManyHeaders)
        #expect(error?.status == .requestHeaderFieldsTooLarge)
    }

    @Test("the default limits are 8 KiB, 16 KiB, 100 fields and 1 MiB")
    func defaults() {
        #expect(
            HTTPLimits()
                == HTTPLimits(
                    maxRequestLineBytes: 8192, maxHeaderBytes: 16384, maxHeaderCount: 100, maxBodyBytes: 1_048_576))
    }
}
