import LiveHubProtocol
import Testing

/// The writer stores through a pointer into room it reserved itself; whatever the input, it never writes
/// past that room and its text reads back exactly.
@Suite("JSON writer buffer")
struct JSONWriterBufferTests {
    /// Strings that stress the escape scan: every length around the eight-byte word, escapes at every
    /// position, multi-byte characters split across words, and a long text.
    static func awkwardStrings() -> [String] {
        var strings: [String] = ["", "\"", "\\", "\u{0}", "\u{1f}", "\u{7f}", "🙂", "é", String(repeating: "x", count: 100_000)]
        let alphabet: [String] = ["a", "\"", "\\", "\n", "\u{1}", "é", "🙂", "\u{1f}", " ", "~"]
        var generator = SeededGenerator(seed: 11)
        for length in 0...40 {
            for _ in 0..<8 {
                strings.append((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined())
            }
        }
        strings.append(String(repeating: "🙂\u{0}\"\\ünï ", count: 10_000))
        return strings
    }

    @Test("any string, long or short, with control characters, quotes or emoji, reads back unchanged from any starting capacity")
    func stringsReadBack() throws {
        for text in Self.awkwardStrings() {
            for capacity in [0, 1, 7, 64] {
                var writer = JSONWriter(capacity: capacity)
                writer.beginArray()
                writer.string(text)
                writer.beginObject()
                writer.key(text)
                writer.integer(Int64.min)
                writer.endObject()
                writer.endArray()
                let value = try JSONParser.parse(writer.finish())
                var member = JSONObject()
                member[text] = .integer(Int64.min)
                let expected = JSONValue.array([.string(text), .object(member)])
                #expect(value == expected, "length \(text.utf8.count), capacity \(capacity)")
            }
        }
    }

    @Test("integers from Int64.min to Int64.max print in decimal exactly as Swift prints them")
    func integers() {
        var numbers: [Int64] = [Int64.min, Int64.min + 1, Int64.max, Int64.max - 1, 0, -1, 1]
        var power: Int64 = 1
        for _ in 0..<18 {
            numbers += [power - 1, power, power + 1, -power, -(power - 1)]
            power *= 10
        }
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<1000 { numbers.append(Int64(bitPattern: generator.next()) >> (generator.next() % 64)) }
        for number in numbers {
            var writer = JSONWriter(capacity: 0)
            writer.integer(number)
            #expect(String(decoding: writer.finish(), as: UTF8.self) == String(number))
        }
    }

    @Test("bytes leaves the writer as it was; finish hands the text over and starts it empty")
    func bytesAndFinish() {
        var writer = JSONWriter(capacity: 4)
        writer.beginObject()
        writer.key("a")
        writer.integer(Int64.min)
        #expect(writer.bytes == Array(#"{"a":-9223372036854775808"#.utf8))
        writer.endObject()
        #expect(writer.bytes == Array(#"{"a":-9223372036854775808}"#.utf8))
        #expect(writer.finish() == Array(#"{"a":-9223372036854775808}"#.utf8))
        #expect(writer.bytes.isEmpty)
        writer.string("again")
        #expect(writer.finish() == Array(#""again""#.utf8))
    }
}
