import Testing

@testable import LiveHubWebSocket

/// SplitMix64: a tiny deterministic generator, so every run explores the same inputs.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// A valid client stream: a random mix of messages, fragments and control frames.
private func validStream(_ random: inout SeededGenerator) -> [UInt8] {
    var stream: [UInt8] = []
    for _ in 0..<Int.random(in: 1...6, using: &random) {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: stream += Frames.text(String(repeating: "é", count: Int.random(in: 0...70, using: &random)))
        case 1:
            stream += Frames.frame(
                .binary, (0..<Int.random(in: 0...300, using: &random)).map { UInt8(truncatingIfNeeded: $0) }, fin: false
            )
            stream += Frames.frame(.ping, [1, 2, 3])
            stream += Frames.frame(.continuation, [9, 9])
        case 2:
            stream += Frames.frame(
                .ping,
                (0..<Int.random(in: 0...125, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
        default: stream += Frames.frame(.pong, [])
        }
    }
    if Bool.random(using: &random) { stream += Frames.close(1000, Array("bye".utf8)) }
    return stream
}

@Suite("Fuzzing the state machine")
struct FuzzTests {
    @Test("random and mutated streams never crash or hang and always end in actions, a close, or need-more-data")
    func boundedFuzz() {
        var random = SeededGenerator(state: 0x5EED_1234)
        for iteration in 0..<1500 {
            var stream: [UInt8]
            switch iteration % 3 {
            case 0:
                stream = (0..<Int.random(in: 0...200, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
            case 1:
                stream = validStream(&random)
                for _ in 0..<Int.random(in: 1...4, using: &random) where !stream.isEmpty {
                    let index = Int.random(in: 0..<stream.count, using: &random)
                    stream[index] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
                }
            default:
                stream = validStream(&random)
            }
            // Small limits so that size rules are exercised too.
            var driver = Driver(maxFramePayload: 4096, maxMessageSize: 256)
            var offset = 0
            var calls = 0
            while offset < stream.count {
                let size = Int.random(in: 1...32, using: &random)
                let end = min(stream.count, offset + size)
                driver.feed(stream[offset..<end])
                offset = end
                calls += 1
            }
            // The machine consumed what it could; an error close must be followed by closeConnection and
            // be the last thing it said.
            let actions = driver.actions
            if let closeIndex = actions.firstIndex(where: { $0.closeCode != nil || $0 == .close(nil, []) }) {
                #expect(actions.count == closeIndex + 2, "iteration \(iteration): \(actions)")
                #expect(actions.last == .closeConnection, "iteration \(iteration)")
                #expect(driver.machine.state == .closed)
            } else {
                #expect(driver.machine.state == .open, "iteration \(iteration)")
                #expect(driver.pending.count <= stream.count)
            }
            if iteration % 3 == 2 {
                // Unmutated valid streams never fail: they end in messages and maybe a normal close.
                #expect(
                    !actions.contains { [1002, 1007].contains($0.closeCode ?? 0) }, "iteration \(iteration): \(actions)"
                )
            }
            #expect(calls > 0 || stream.isEmpty)
        }
    }
}
