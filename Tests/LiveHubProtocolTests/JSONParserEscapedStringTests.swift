import LiveHubProtocol
import Testing

/// Strings with escapes take their own path through `JSONParser` (decoded into a buffer, plain runs
/// copied whole), which `RequestDecoder`'s fast path also relies on.
@Suite("JSON parser: strings with escapes")
struct JSONParserEscapedStringTests {
    @Test("runs of plain text before, between and after escapes come through unchanged")
    func runsAroundEscapes() throws {
        let run = String(repeating: "abcdefgh", count: 20)
        let cases: [(String, String)] = [
            (#""\n""#, "\n"), (#""\n\t\"\\""#, "\n\t\"\\"), (#""a\nb""#, "a\nb"),
            ("\"\(run)\\n\(run)é😀\\u00e9\(run)\"", "\(run)\n\(run)é😀é\(run)"),
            (#""\u0041\u0042x\ud83d\ude00y""#, "ABx😀y"), (#""x\/""#, "x/"),
        ]
        for (json, expected) in cases {
            let value = try JSONParser.parse(json)
            #expect(value == .string(expected), "\(json)")
            #expect(value.stringValue.map { Array($0.utf8) } == Array(expected.utf8), "\(json)")
        }
    }

    @Test(
        "a control character, the end of input or invalid UTF-8 after an escape is refused where it is",
        arguments: [
            (Array(#""a\nb"#.utf8) + [0x01, 0x22], JSONParseError.Reason.controlCharacterInString, 5),
            (Array(#""a\nbc"#.utf8), .unexpectedEnd, 6),
            (Array(#""a\"#.utf8), .unexpectedEnd, 3),
            (Array(#""\n"#.utf8) + [0xFF, 0x22], .invalidUTF8, 1),
            (Array(#""\n"#.utf8) + [0xC3], .unexpectedEnd, 4),
        ] as [([UInt8], JSONParseError.Reason, Int)])
    func refusals(bytes: [UInt8], reason: JSONParseError.Reason, offset: Int) throws {
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
        #expect(error.reason == reason)
        #expect(error.offset == offset)
    }
}
