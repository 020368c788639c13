import LiveHubDeflate
import LiveHubWebSocket
import Testing

private let everything = PerMessageDeflateConfiguration(minimumMessageSizeToCompress: 0)

private func compress(_ deflater: PerMessageDeflater, _ message: [UInt8]) -> [UInt8]? {
    var output: [UInt8] = []
    let compressed = message.withUnsafeBytes { deflater.compress($0, into: &output) }
    return compressed ? output : nil
}

private func inflate(
    _ inflater: PerMessageInflater, _ fragments: [[UInt8]], limit: Int = 1 << 24
) -> (InflateOutcome, [UInt8]) {
    var output: [UInt8] = []
    for (index, fragment) in fragments.enumerated() {
        let outcome = fragment.withUnsafeBytes {
            inflater.inflate($0, isFinal: index == fragments.count - 1, into: &output, limit: limit)
        }
        if outcome != .ok { return (outcome, output) }
    }
    return (.ok, output)
}

private let sampleMessages: [[UInt8]] = [
    Array("Hello".utf8),
    Array(String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 40).utf8),
    [],
    (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) },
    Array("Hello".utf8),
    Array(String(repeating: "abcdefghijklmnopqrstuvwxyz", count: 2000).utf8),
]

@Suite("permessage-deflate codec")
struct DeflateTests {
    @Test("the RFC 7692 §7.2.3.1 'Hello' example inflates and is what we produce")
    func helloExample() {
        let inflater = PerMessageInflater(parameters: PerMessageDeflateParameters(), role: .client)
        let (outcome, output) = inflate(inflater, [[0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]])
        #expect(outcome == .ok)
        #expect(output == Array("Hello".utf8))
        let deflater = PerMessageDeflater(
            parameters: PerMessageDeflateParameters(), role: .server, configuration: everything)
        #expect(compress(deflater, Array("Hello".utf8)) == [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00])
    }

    @Test("the RFC 7692 §7.2.3.2 shared-window example inflates with context takeover")
    func sharedWindowExample() {
        let inflater = PerMessageInflater(parameters: PerMessageDeflateParameters(), role: .client)
        #expect(inflate(inflater, [[0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]]).1 == Array("Hello".utf8))
        #expect(inflate(inflater, [[0xF2, 0x00, 0x11, 0x00, 0x00]]).1 == Array("Hello".utf8))
        // The same second message refers back to the first one, so without the shared window it cannot inflate.
        let fresh = PerMessageInflater(parameters: PerMessageDeflateParameters(), role: .client)
        #expect(inflate(fresh, [[0xF2, 0x00, 0x11, 0x00, 0x00]]).0 == .corrupt)
    }

    @Test(
        "messages round-trip for every window size, with and without context takeover",
        arguments: 9...15, [false, true])
    func roundTrips(windowBits: Int, noContextTakeover: Bool) {
        let parameters = PerMessageDeflateParameters(
            serverNoContextTakeover: noContextTakeover, clientNoContextTakeover: noContextTakeover,
            serverMaxWindowBits: windowBits, clientMaxWindowBits: windowBits)
        let deflater = PerMessageDeflater(parameters: parameters, role: .server, configuration: everything)
        let inflater = PerMessageInflater(parameters: parameters, role: .client)
        for message in sampleMessages {
            guard let compressed = compress(deflater, message) else {
                Issue.record("compression refused")
                continue
            }
            #expect(Array(compressed.suffix(4)) != [0, 0, 0xFF, 0xFF] || compressed.count < 4)
            // Split the payload into three fragments, as a sender fragmenting a compressed message would.
            let third = compressed.count / 3
            let fragments = [
                Array(compressed[..<third]), Array(compressed[third..<(2 * third)]), Array(compressed[(2 * third)...]),
            ]
            let (outcome, output) = inflate(inflater, fragments)
            #expect(outcome == .ok)
            #expect(output == message)
            // Without context takeover both sides free their zlib streams between messages.
            #expect(deflater.holdsStream == !noContextTakeover)
            #expect(inflater.holdsStream == !noContextTakeover)
        }
    }

    @Test("context takeover makes a repeated message smaller")
    func contextTakeoverHelps() {
        let message = Array(String(repeating: "context takeover pays off. ", count: 10).utf8)
        let keeping = PerMessageDeflater(
            parameters: PerMessageDeflateParameters(), role: .server, configuration: everything)
        let first = compress(keeping, message)
        let second = compress(keeping, message)
        #expect((second?.count ?? .max) < (first?.count ?? 0))
    }

    @Test("messages below the minimum size are left uncompressed and the output untouched")
    func minimumSize() {
        let deflater = PerMessageDeflater(
            parameters: PerMessageDeflateParameters(), role: .server,
            configuration: PerMessageDeflateConfiguration(minimumMessageSizeToCompress: 64))
        var output: [UInt8] = [1, 2, 3]
        let compressed = Array("short".utf8).withUnsafeBytes { deflater.compress($0, into: &output) }
        #expect(!compressed)
        #expect(output == [1, 2, 3])
        #expect(!deflater.holdsStream)
    }

    @Test("a zip bomb stops at the limit instead of inflating everything")
    func bombLimit() {
        let deflater = PerMessageDeflater(
            parameters: PerMessageDeflateParameters(), role: .client, configuration: everything)
        let bomb = compress(deflater, [UInt8](repeating: 0, count: 8 << 20)) ?? []
        #expect(bomb.count < 20_000)
        let inflater = PerMessageInflater(parameters: PerMessageDeflateParameters(), role: .server)
        let limit = 64 * 1024
        let (outcome, output) = inflate(inflater, [bomb], limit: limit)
        #expect(outcome == .tooBig)
        #expect(output.count <= limit + 1)
        #expect(!inflater.holdsStream)
    }

    @Test("a message inflating to exactly the limit is accepted")
    func exactlyAtLimit() {
        let deflater = PerMessageDeflater(
            parameters: PerMessageDeflateParameters(), role: .client, configuration: everything)
        let message = [UInt8](repeating: 7, count: 10_000)
        let compressed = compress(deflater, message) ?? []
        let inflater = PerMessageInflater(parameters: PerMessageDeflateParameters(), role: .server)
        let (outcome, output) = inflate(inflater, [compressed], limit: 10_000)
        #expect(outcome == .ok)
        #expect(output == message)
    }

    @Test("garbage is reported as corrupt")
    func corrupt() {
        let inflater = PerMessageInflater(parameters: PerMessageDeflateParameters(), role: .server)
        #expect(inflate(inflater, [[0xFF, 0xFF, 0xFF, 0xFF, 0x00]]).0 == .corrupt)
    }

    @Test("a final block (BFINAL) ends the message and the next message starts a new stream")
    func finalBlock() {
        // Raw DEFLATE of "Hi" with BFINAL set: a fixed-Huffman final block.
        let inflater = PerMessageInflater(parameters: PerMessageDeflateParameters(), role: .client)
        let finalHello: [UInt8] = [0xF3, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]
        #expect(inflate(inflater, [finalHello]) == (.ok, Array("Hello".utf8)))
        #expect(inflate(inflater, [[0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]]) == (.ok, Array("Hello".utf8)))
    }
}
