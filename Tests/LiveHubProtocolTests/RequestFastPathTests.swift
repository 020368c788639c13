import Foundation
import LiveHubDomain
import Testing

@testable import LiveHubProtocol

/// `RequestDecoder` reads `message.send` and `typing` with `FlatRequestScanner` and everything else with
/// the general path (`JSONParser`, then `FieldReader`). These tests hold it to one promise: for every
/// input the result, value or error, is exactly the general path's; and the fast path is really taken
/// for ordinary requests.
@Suite("Request decoding fast path")
struct RequestFastPathTests {
    typealias Outcome = Result<RequestEnvelope, RequestDecodingFailure>

    static func general(_ bytes: [UInt8]) -> Outcome {
        bytes.withUnsafeBytes { buffer in
            Result { () throws(RequestDecodingFailure) in try RequestDecoder.decodeGeneral(buffer) }
        }
    }

    static func fast(_ bytes: [UInt8]) -> RequestEnvelope? {
        bytes.withUnsafeBytes(FlatRequestScanner.envelope)
    }

    /// The outcome spelled out: unlike `==`, which compares strings by canonical equivalence, this tells
    /// "é" from "e\u{301}", so the comparison is byte for byte.
    static func spelled(_ outcome: Outcome) -> String {
        String(reflecting: outcome)
    }

    /// Expects both public entry points to give exactly the general path's outcome, and the fast path,
    /// when it answers, the general path's value. Returns whether the fast path answered.
    @discardableResult
    static func expectSameAsGeneralPath(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let expected = general(bytes)
        let fromArray = Result { () throws(RequestDecodingFailure) in try RequestDecoder.decode(bytes) }
        let fromBuffer = bytes.withUnsafeBytes { buffer in
            Result { () throws(RequestDecodingFailure) in try RequestDecoder.decode(buffer) }
        }
        let input = String(decoding: bytes, as: UTF8.self)
        #expect(spelled(fromArray) == spelled(expected), "\(input)", sourceLocation: sourceLocation)
        #expect(spelled(fromBuffer) == spelled(expected), "\(input)", sourceLocation: sourceLocation)
        #expect(fromArray == expected, "\(input)", sourceLocation: sourceLocation)
        guard let answer = fast(bytes) else { return false }
        #expect(spelled(.success(answer)) == spelled(expected), "\(input)", sourceLocation: sourceLocation)
        return true
    }

    /// `expectSameAsGeneralPath` for each input; returns how many took the fast path.
    static func expectSameAsGeneralPath(_ inputs: [[UInt8]], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        inputs.filter { expectSameAsGeneralPath($0, sourceLocation: sourceLocation) }.count
    }

    static let requestExamples = files(
        under: protocolDirectory().appendingPathComponent("examples/requests"), withExtension: "json")

    @Test("every request example decodes as the general path decodes it; message.send and typing take the fast path")
    func examples() throws {
        #expect(Self.requestExamples.count >= 30)
        for url in Self.requestExamples {
            let bytes = try contentsWithoutTrailingNewline(url)
            let tookFastPath = Self.expectSameAsGeneralPath(bytes)
            let name = url.lastPathComponent
            let isHot = name.hasPrefix("message.send") || name == "typing.json"
            #expect(tookFastPath == isHot, "\(name)")
        }
    }

    @Test("every single-byte deletion, duplication and replacement in a request decodes as the general path does")
    func byteEdits() {
        let variants = RequestVariants.byteEdits()
        let fastCount = Self.expectSameAsGeneralPath(variants)
        #expect(variants.count > 10_000)
        // Edits inside text keep a request valid (fast); most others break it (general path).
        #expect(fastCount > 500)
        #expect(fastCount < variants.count / 2)
    }

    @Test("a message.send's members in any of their 720 orders take the fast path, with the general path's result")
    func memberOrder() {
        for text in RequestVariants.reorderedSends() {
            #expect(Self.expectSameAsGeneralPath(Array(text.utf8)), "\(text)")
        }
    }

    @Test(
        "every kind of value in every member, lengths at the limits, escapes, invalid UTF-8, duplicate, extra and misspelt members decode as the general path does"
    )
    func ruleVariants() {
        let variants = RequestVariants.ruleVariants()
        let fastCount = Self.expectSameAsGeneralPath(variants)
        #expect(variants.count > 1_000)
        #expect(fastCount > 200)
    }

    @Test(
        "randomly edited requests (several edits each) decode as the general path does", arguments: [1, 2] as [UInt64])
    func randomEdits(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let alphabet = Array(#"{}[]",:\-0123456789.eEtfnulsy "#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xED, 0xFF]
        for _ in 0..<5_000 {
            var bytes = Array((RequestVariants.editedRequests.randomElement(using: &generator) ?? "").utf8)
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                let byte = alphabet.randomElement(using: &generator) ?? 0
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[index] = byte
                case 1: bytes.insert(byte, at: index)
                case 2: if bytes.count > 1 { bytes.remove(at: index) }
                default: bytes.insert(contentsOf: bytes[index...].prefix(6), at: index)
                }
            }
            Self.expectSameAsGeneralPath(bytes)
        }
    }

    /// Ordinary requests, in every spelling clients use, all of which must stay on the fast path.
    static let ordinaryRequests: [String] = [
        #"{"type":"message.send","id":"m","conversationId":"c123","text":"ack run xxxxxxxxxxxxxxxxxxxxxxxx"}"#,
        #"{"type":"message.send","conversationId":"c1","text":""}"#,
        #"{"type":"message.send","id":0,"conversationId":"c1","text":"hi","visibility":"internal","clientMsgId":"m1"}"#,
        #"{"type":"message.send","id":-0,"conversationId":"c1","text":"hi"}"#,
        #"{"type":"message.send","id":9223372036854775807,"conversationId":"c1","text":"hi"}"#,
        #"{"type":"message.send","id":-9223372036854775808,"conversationId":"c1","text":"hi"}"#,
        #"{"type":"message.send","id":"r","conversationId":"c1","text":"line one\nline \"two\"\t\\ \/ \b\f\r"}"#,
        #"{"type":"message.send","id":"r","conversationId":"c1","text":"caf\u00e9 \u00E9 \ud83d\ude00 \u0000"}"#,
        #"{"type":"message.send","id":"é","conversationId":"ç1","text":"Grüße 😀 e\#u{301} 日本語"}"#,
        #"{"type":"message.send","id":"r","conversationId":"\u0063\u0031","text":"x","clientMsgId":"\"m\""}"#,
        " \t\r\n{ \"type\" : \"message.send\" ,\n \"conversationId\" : \"c1\" , \"text\" : \"x\" } \r\n\t",
        #"{"type":"typing","conversationId":"c1"}"#,
        #"{"conversationId":"c1","id":"t-1","type":"typing"}"#,
        #"{"type":"typing","id":42,"conversationId":"a long conversation id with spaces and ü"}"#,
    ]

    @Test("ordinary requests take the fast path: escapes, non-ASCII, whitespace, integer ids at the Int64 edges")
    func ordinaryRequestsAreFast() {
        for text in Self.ordinaryRequests {
            #expect(Self.expectSameAsGeneralPath(Array(text.utf8)), "\(text)")
        }
    }

    @Test("ids of 128 bytes and identifiers of 256 bytes take the fast path; one byte more is the general path's error")
    func lengthLimits() throws {
        for id in RequestVariants.strings(ofBytes: 128) {
            #expect(Self.expectSameAsGeneralPath(Array(RequestVariants.send(replacing: "id", with: id).utf8)))
        }
        for id in RequestVariants.strings(ofBytes: 129) {
            let bytes = Array(RequestVariants.send(replacing: "id", with: id).utf8)
            #expect(!Self.expectSameAsGeneralPath(bytes))
            #expect(throws: RequestDecodingFailure.self) { try RequestDecoder.decode(bytes) }
        }
        for member in ["conversationId", "clientMsgId"] {
            for value in RequestVariants.strings(ofBytes: 256) {
                #expect(Self.expectSameAsGeneralPath(Array(RequestVariants.send(replacing: member, with: value).utf8)))
            }
            for value in RequestVariants.strings(ofBytes: 257) + [#""""#] {
                let bytes = Array(RequestVariants.send(replacing: member, with: value).utf8)
                #expect(!Self.expectSameAsGeneralPath(bytes))
                let failure = try #require(throws: RequestDecodingFailure.self) { try RequestDecoder.decode(bytes) }
                #expect(
                    failure.error
                        == .invalidMessage(
                            "message.send: field '\(member)' must be a non-empty id of at most 256 bytes"))
            }
        }
    }

    /// Requests the fast path must leave to the general path, one per rule.
    static let leftToTheGeneralPath: [String] = [
        #"{"type":"message.send","conversationId":"c1","text":"a","text":"b"}"#,
        #"{"type":"message.send","conversationId":"c1","text":"a","text":"a"}"#,
        #"{"type":"message.send","conversationId":"c1","text":"a","colour":"red"}"#,
        #"{"type":"message.send","conversationId":"c1","text":null}"#,
        #"{"type":"message.send","conversationId":"c1","text":"a","visibility":null}"#,
        #"{"type":"message.send","conversationId":"c1","text":{"a":"b"}}"#,
        #"{"type":"message.send","id":1.0,"conversationId":"c1","text":"a"}"#,
        #"{"type":"message.send","id":1e2,"conversationId":"c1","text":"a"}"#,
        #"{"type":"message.send","id":9223372036854775808,"conversationId":"c1","text":"a"}"#,
        #"{"type":"message.send","id":01,"conversationId":"c1","text":"a"}"#,
        #"{"type":"message.send","id":true,"conversationId":"c1","text":"a"}"#,
        #"{"type":"message.send","id":"","conversationId":"c1","text":"a"}"#,
        #"{"type":"message.send","conversationId":7,"text":"a"}"#,
        #"{"type":"message.send","conversationId":"c1","text":"\ud83d"}"#,
        #"{"type":"message.send","conversationId":"c1","text":"\ude00\ud83d"}"#,
        #"{"type":"message.send","conversationId":"c1","text":"\q"}"#,
        #"{"t\u0079pe":"message.send","conversationId":"c1","text":"a"}"#,
        #"{"type":"message.send","conversationId":"c1","text":"a","visibility":"secret"}"#,
        #"{"type":"message.send","conversationId":"c1","text":"a"} {}"#,
        #"{"type":"message.send","conversationId":"c1","text":"a",}"#,
        #"{"type":"message.send","conversationId":"c1"}"#,
        #"{"type":"typing","conversationId":"c1","text":"a"}"#,
        #"{"type":"typing","conversationId":"c1","visibility":"public"}"#,
        #"{"type":"conversation.end","conversationId":"c1"}"#,
        #"{"type":"Typing","conversationId":"c1"}"#,
        "{\"type\":\"typing\",\"conversationId\":\"c\u{1}\"}",
        #"[{"type":"typing","conversationId":"c1"}]"#, "", "{}",
    ]

    @Test(
        "the fast path leaves duplicates, unknown members, null, non-integers, nesting, bad escapes, lone surrogates and other types to the general path"
    )
    func fallbacks() {
        for text in Self.leftToTheGeneralPath {
            #expect(!Self.expectSameAsGeneralPath(Array(text.utf8)), "\(text)")
        }
        for invalid in RequestVariants.invalidUTF8 {
            let bytes =
                Array(#"{"type":"message.send","conversationId":"c1","text":"a"#.utf8) + invalid + Array(#""}"#.utf8)
            #expect(!Self.expectSameAsGeneralPath(bytes))
            #expect(throws: RequestDecodingFailure.self) { try RequestDecoder.decode(bytes) }
        }
    }
}
