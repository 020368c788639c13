import LiveHubProtocol
import Testing

@Suite("JSON parser fuzzing")
struct JSONFuzzTests {
    static let seeds: [String] = [
        #"{"type":"message.send","id":"r1","conversationId":"c1","text":"hi \u00e9 \ud83d\ude00","visibility":"public"}"#,
        #"[1,2.5e-3,-0,true,false,null,{"a":[{}],"b":"\\\"x"}]"#,
        #"{"rows":[{"conversationId":"c1","waitSeconds":12,"agentId":null}]}"#,
    ]

    /// Random bytes biased toward JSON's own punctuation, so the parser gets deep into its states.
    static func randomInput(using generator: inout SeededGenerator) -> [UInt8] {
        let alphabet = Array(#"{}[]",:\-0123456789.eE+tfnrulasu"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xED, 0xFF, 0x20]
        let length = Int.random(in: 0...64, using: &generator)
        return (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
    }

    /// A valid document with a few bytes changed, inserted, deleted or duplicated.
    static func mutatedInput(using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = Array((seeds.randomElement(using: &generator) ?? "").utf8)
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            guard !bytes.isEmpty else { break }
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
            case 1: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
            case 2: bytes.remove(at: index)
            default: bytes.insert(contentsOf: bytes[index...].prefix(8), at: index)
            }
        }
        return bytes
    }

    @Test("random and mutated inputs end in a value or an error, never a crash", arguments: [1, 2, 3, 4] as [UInt64])
    func fuzz(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var values = 0
        var errors = 0
        for round in 0..<5_000 {
            let input =
                round.isMultiple(of: 2)
                ? Self.randomInput(using: &generator) : Self.mutatedInput(using: &generator)
            do {
                let value = try JSONParser.parse(input)
                values += 1
                // Whatever parses must serialize to text that parses to the same value.
                #expect(try JSONParser.parse(value.serialized()) == value)
            } catch {
                errors += 1
                #expect(error.offset >= 0 && error.offset <= input.count)
            }
        }
        #expect(values + errors == 5_000)
        #expect(errors > 0)
    }

    @Test("mutated requests are decoded or refused with invalid_message")
    func requestFuzz() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<3_000 {
            let input = Self.mutatedInput(using: &generator)
            do {
                _ = try RequestDecoder.decode(input)
            } catch {
                #expect(error.error.code == "invalid_message")
            }
        }
    }
}
