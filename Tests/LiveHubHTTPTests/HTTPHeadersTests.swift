import Testing

@testable import LiveHubHTTP

@Suite("HTTPHeaders and query values")
struct HTTPHeadersTests {
    private let headers: HTTPHeaders = [
        "Connection": "keep-alive, Upgrade", "Upgrade": "WebSocket", "X-Multi": "a", "x-multi": " b ,, C ",
    ]

    @Test("lookup is case-insensitive and returns the first value")
    func lookup() {
        #expect(headers["connection"] == "keep-alive, Upgrade")
        #expect(headers["X-MULTI"] == "a")
        #expect(headers["Missing"] == nil)
        #expect(headers.contains(name: "upgrade"))
    }

    @Test("values(for:) returns every value in order")
    func values() {
        #expect(headers.values(for: "x-multi") == ["a", " b ,, C "])
    }

    @Test("tokens(for:) splits at commas, trims, lowercases and drops empty elements")
    func tokens() {
        #expect(headers.tokens(for: "X-Multi") == ["a", "b", "c"])
        #expect(headers.tokens(for: "Connection") == ["keep-alive", "upgrade"])
        #expect(headers.containsToken("UPGRADE", for: "connection"))
        #expect(!headers.containsToken("close", for: "connection"))
    }

    @Test("iteration preserves order and spelling; add, replace and remove work")
    func mutation() {
        var copy = headers
        copy.add(name: "A", value: "1")
        copy.replaceOrAdd(name: "x-MULTI", value: "z")
        copy.remove(name: "upgrade")
        #expect(copy.map(\.name) == ["Connection", "A", "x-MULTI"])
        #expect(copy.count == 3)
        #expect(!copy.isEmpty)
    }

    @Test(
        "queryValue decodes percent escapes and plus, compares decoded names, and reports absence",
        arguments: [
            ("name", "a b"), ("x", "1 2"), ("flag", ""), ("missing", nil), ("sp ace", "yes"), ("bad", "%zz%4"),
            ("utf", "é"), ("dup", "first"),
        ] as [(String, String?)])
    func queryValue(name: String, expected: String?) {
        let head = HTTPRequestHead(
            method: "GET", target: "/p?name=a%20b&x=1+2&flag&sp%20ace=yes&bad=%zz%4&utf=%C3%A9&dup=first&dup=second",
            isHTTP11OrLater: true, headers: ["Host": "h"])
        #expect(head.queryValue(name) == expected)
    }

    @Test("a target without a query has no query values")
    func noQuery() {
        let head = HTTPRequestHead(method: "GET", target: "/p", isHTTP11OrLater: true, headers: [:])
        #expect(head.query == nil)
        #expect(head.queryValue("p") == nil)
    }

    @Test("percent-decoding keeps + in paths and repairs invalid UTF-8")
    func percentDecoding() {
        #expect(HTTPPercentEncoding.decode("a+b%2Fc", plusAsSpace: false) == "a+b/c")
        #expect(HTTPPercentEncoding.decode("%FF", plusAsSpace: false) == "\u{FFFD}")
        #expect(HTTPPercentEncoding.decode("%", plusAsSpace: true) == "%")
    }
}
