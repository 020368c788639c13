import LiveHubProtocol
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    @Test("parses every kind of value")
    func parsesEveryKind() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2, 3.5, 1e3, true, false, null, "x"], "b": {}} "#)
        let expected = JSONValue.object(
            JSONObject([
                "a": .array([
                    .integer(1), .integer(-2), .double(3.5), .double(1000), .bool(true), .bool(false), .null,
                    .string("x"),
                ]),
                "b": .object(JSONObject()),
            ]))
        #expect(value == expected)
    }

    @Test("keeps integers exact across the whole Int64 range and falls back to Double beyond it")
    func integerRange() throws {
        #expect(try JSONParser.parse("9223372036854775807") == .integer(Int64.max))
        #expect(try JSONParser.parse("-9223372036854775808") == .integer(Int64.min))
        #expect(try JSONParser.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try JSONParser.parse("-0") == .integer(0))
    }

    @Test("decodes every escape, including surrogate pairs")
    func escapes() throws {
        let value = try JSONParser.parse(#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20ac\ud83d\ude00""#)
        #expect(value == .string("\"\\/\u{8}\u{c}\n\r\tAé€😀"))
    }

    @Test("passes raw UTF-8 through")
    func rawUTF8() throws {
        #expect(try JSONParser.parse("\"héllo 😀\"") == .string("héllo 😀"))
    }

    @Test(
        "refuses what RFC 8259 does not allow",
        arguments: [
            "", " ", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "1e", "+1", "-", "[1 2]", "{\"a\" 1}", "{1:2}",
            "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "[", "{", "1 2", "// comment", "NaN",
            "Infinity", "'a'", "\"\u{1}\"", "\"tab\there\"", "1e999", "[1]]", "\u{FEFF}1",
        ])
    func refusesInvalid(text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test("refuses lone surrogates", arguments: [#""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, #""\ud800x""#])
    func loneSurrogates(text: String) throws {
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse(text) }
        #expect(error.reason == .loneSurrogate)
    }

    @Test(
        "refuses invalid UTF-8 in strings",
        arguments: [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]])
    func invalidUTF8(bytes: [UInt8]) throws {
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
        #expect(error.reason == .invalidUTF8)
    }

    @Test("refuses duplicate keys")
    func duplicateKeys() throws {
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse(#"{"a":1,"a":2}"#) }
        #expect(error.reason == .duplicateKey("a"))
        #expect(error.offset == 7)
    }

    @Test("enforces the nesting limit")
    func depthLimit() throws {
        let deepEnough = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSONParser.parse(deepEnough) }
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse(tooDeep) }
        #expect(error.reason == .tooDeep(limit: 64))
        let hostile = String(repeating: "{\"a\":", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(hostile) }
    }

    @Test("reports a short reason with the offset")
    func errorDescription() throws {
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse("[1,}") }
        #expect(error.description == "unexpected byte 0x7D at offset 3")
    }

    @Test("keeps object members in written order")
    func memberOrder() throws {
        let value = try JSONParser.parse(#"{"z":1,"a":2,"m":3}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
    }
}

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("escapes quotes, backslashes and every control character, and nothing else")
    func escaping() {
        var text = "\"\\/é😀"
        for scalar in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        let output = String(decoding: JSONValue.string(text).serialized(), as: UTF8.self)
        #expect(
            output == #""\"\\/é😀\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
                + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f""#)
    }

    @Test("writes compact text that parses back to the same value")
    func roundTrip() throws {
        let text = #"{"b":[1,-9223372036854775808,0.5,1e+100,true,null,"x\n"],"a":{"c":{}},"d":[]}"#
        let value = try JSONParser.parse(text)
        #expect(String(decoding: value.serialized(), as: UTF8.self) == text)
    }
}
