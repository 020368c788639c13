import Testing

@testable import LiveHubHTTP

/// SplitMix64: a tiny, seedable generator so the fuzz run is identical on every machine.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

@Suite("Bounded fuzzing of the request parser")
struct ParserFuzzTests {
    private static let validRequests = [
        "GET / HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET /room/1?x=%20&y=+ HTTP/1.1\r\nHost: example.com:8080\r\nConnection: keep-alive, Upgrade\r\n"
            + "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
        "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhello world",
        "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4;e=1\r\nwiki\r\n5\r\npedia\r\n0\r\nT: v\r\n\r\n",
        "HEAD /x HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        "\r\nOPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
    ].map { Array($0.utf8) }

    private static let fragments = [
        "\r\n", "\n", "\r", " ", "\t", ":", ",", "Content-Length: 5\r\n", "Content-Length: 999999999\r\n",
        "Transfer-Encoding: chunked\r\n", "Transfer-Encoding: gzip\r\n", "0\r\n\r\n", "ffffffff\r\n", "HTTP/1.0",
        "HTTP/2.0", "Host: a\r\n", "\r\n\r\n", " folded\r\n", "%", "\u{0}",
    ].map { Array($0.utf8) }

    private static let interestingBytes: [UInt8] = [
        0x0D, 0x0A, 0x20, 0x09, 0x3A, 0x2C, 0x30, 0x61, 0x00, 0x7F, 0xFF, 0x3B,
    ]

    /// Small limits so the size checks are reached by short inputs too.
    private static let limits = HTTPLimits(
        maxRequestLineBytes: 64, maxHeaderBytes: 256, maxHeaderCount: 8, maxBodyBytes: 128)

    private static func mutate(_ input: inout [UInt8], using generator: inout SplitMix64) {
        guard !input.isEmpty else { return }
        let position = Int.random(in: 0..<input.count, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0:
            input[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
        case 1:
            input.insert(interestingBytes.randomElement(using: &generator) ?? 0, at: position)
        case 2:
            let length = Int.random(in: 1...8, using: &generator)
            input.removeSubrange(position..<min(input.count, position + length))
        case 3:
            let length = Int.random(in: 1...16, using: &generator)
            input.insert(contentsOf: input[position..<min(input.count, position + length)], at: position)
        case 4:
            input.insert(contentsOf: fragments.randomElement(using: &generator) ?? [], at: position)
        default:
            input.removeSubrange(position...)
        }
    }

    private static func randomChunks(of input: [UInt8], using generator: inout SplitMix64) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        var offset = 0
        while offset < input.count {
            let end = min(input.count, offset + Int.random(in: 1...48, using: &generator))
            chunks.append(Array(input[offset..<end]))
            offset = end
        }
        return chunks
    }

    @Test("random and mutated request streams end in requests, an error or need-more-data, identically at any split")
    func fuzz() {
        var generator = SplitMix64(seed: 0x6C69_7665_6875_62)
        var endedWithRequestsOnly = 0
        var endedWithError = 0
        var endedNeedingData = 0
        var statuses: Set<Int> = []
        for iteration in 0..<10_000 {
            var input: [UInt8] = []
            if iteration % 10 == 9 {
                // Pure noise, biased toward bytes that matter to HTTP.
                for _ in 0..<Int.random(in: 0...200, using: &generator) {
                    input.append(
                        Bool.random(using: &generator)
                            ? UInt8.random(in: 0...255, using: &generator)
                            : (Self.interestingBytes.randomElement(using: &generator) ?? 0))
                }
            } else {
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    input += Self.validRequests.randomElement(using: &generator) ?? []
                }
                for _ in 0..<Int.random(in: 0...3, using: &generator) {
                    Self.mutate(&input, using: &generator)
                }
            }
            var whole = parse(chunks: [input], limits: Self.limits)
            var split = parse(chunks: Self.randomChunks(of: input, using: &generator), limits: Self.limits)
            // Buffer compaction legitimately depends on read sizes; what was parsed must not.
            whole.bufferedByteCount = 0
            split.bufferedByteCount = 0
            #expect(whole == split, "iteration \(iteration): \(input)")
            if iteration % 50 == 0 {
                var bytewise = parse(chunks: input.map { [$0] }, limits: Self.limits)
                bytewise.bufferedByteCount = 0
                #expect(whole == bytewise, "iteration \(iteration) byte by byte")
            }
            let outcome = parse(chunks: [input], limits: Self.limits)
            if let error = outcome.error {
                endedWithError += 1
                statuses.insert(error.status.code)
            } else if outcome.bufferedByteCount > 0 {
                endedNeedingData += 1
            } else {
                endedWithRequestsOnly += 1
            }
        }
        // The run must exercise every ending and a variety of statuses, or it proves little.
        #expect(endedWithRequestsOnly > 500)
        #expect(endedWithError > 500)
        #expect(endedNeedingData > 500)
        #expect(statuses.isSuperset(of: [400, 413, 505]))
    }
}
