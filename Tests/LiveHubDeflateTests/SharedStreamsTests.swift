import LiveHubDeflate
import LiveHubWebSocket
import Testing

/// Connections without context takeover borrow their loop's zlib streams for each message, so an idle
/// connection holds no zlib memory, and many connections interleave on the same streams.
@Suite("shared zlib streams")
struct SharedStreamsTests {
    static let configuration = PerMessageDeflateConfiguration(minimumMessageSizeToCompress: 0)
    static let noTakeover = PerMessageDeflateParameters(
        serverNoContextTakeover: true, clientNoContextTakeover: true, serverMaxWindowBits: 15, clientMaxWindowBits: 15)

    static func compress(_ deflater: PerMessageDeflater, _ text: String) -> [UInt8] {
        var output: [UInt8] = []
        let done = Array(text.utf8).withUnsafeBytes { deflater.compress($0, into: &output) }
        #expect(done)
        return output
    }

    static func inflate(_ inflater: PerMessageInflater, _ fragments: [[UInt8]]) -> String? {
        var output: [UInt8] = []
        for (index, fragment) in fragments.enumerated() {
            let outcome = fragment.withUnsafeBytes {
                inflater.inflate($0, isFinal: index == fragments.count - 1, into: &output, limit: 1 << 20)
            }
            guard outcome == .ok else { return nil }
        }
        return String(decoding: output, as: UTF8.self)
    }

    @Test("without context takeover, connections borrow the loop's streams and hold none between messages")
    func borrowedStreams() {
        let shared = SharedZlibStreams(configuration: Self.configuration)
        let servers = (0..<3).map { _ in
            PerMessageDeflater(parameters: Self.noTakeover, role: .server, configuration: Self.configuration, shared: shared)
        }
        let receivers = (0..<3).map { _ in PerMessageInflater(parameters: Self.noTakeover, role: .client, shared: shared) }
        for round in 0..<4 {
            for (index, server) in servers.enumerated() {
                let text = "connection \(index), round \(round): " + String(repeating: "chat message ", count: 30)
                let compressed = Self.compress(server, text)
                #expect(compressed.count < text.utf8.count / 3)
                #expect(Self.inflate(receivers[index], [compressed]) == text)
                #expect(!server.holdsStream)
                #expect(!receivers[index].holdsStream)
            }
        }
    }

    @Test("a fragmented message interleaved with whole messages of other connections inflates on its own stream")
    func fragmentedMessageOwnStream() {
        let shared = SharedZlibStreams(configuration: Self.configuration)
        let sender = PerMessageDeflater(parameters: Self.noTakeover, role: .client, configuration: Self.configuration)
        let fragmentedReceiver = PerMessageInflater(parameters: Self.noTakeover, role: .server, shared: shared)
        let otherReceiver = PerMessageInflater(parameters: Self.noTakeover, role: .server, shared: shared)
        let long = String(repeating: "a long message in three frames. ", count: 50)
        let compressed = Self.compress(sender, long)
        let third = compressed.count / 3
        var output: [UInt8] = []
        let first = Array(compressed[..<third]).withUnsafeBytes {
            fragmentedReceiver.inflate($0, isFinal: false, into: &output, limit: 1 << 20)
        }
        #expect(first == .ok)
        #expect(fragmentedReceiver.holdsStream)
        // Another connection's whole message uses the shared stream in between.
        let short = "someone else's message, whole " + String(repeating: "x", count: 40)
        #expect(Self.inflate(otherReceiver, [Self.compress(sender, short)]) == short)
        let rest = Array(compressed[third...]).withUnsafeBytes {
            fragmentedReceiver.inflate($0, isFinal: true, into: &output, limit: 1 << 20)
        }
        #expect(rest == .ok)
        #expect(String(decoding: output, as: UTF8.self) == long)
        #expect(!fragmentedReceiver.holdsStream)
    }

    @Test("a corrupt message on a borrowed stream does not spoil the next connection's message")
    func corruptMessageResetsSharedStream() {
        let shared = SharedZlibStreams(configuration: Self.configuration)
        let sender = PerMessageDeflater(parameters: Self.noTakeover, role: .client, configuration: Self.configuration)
        let victim = PerMessageInflater(parameters: Self.noTakeover, role: .server, shared: shared)
        let attacker = PerMessageInflater(parameters: Self.noTakeover, role: .server, shared: shared)
        var output: [UInt8] = []
        let garbage: [UInt8] = [0xFF, 0xFF, 0xFF, 0x00, 0x12, 0x34]
        let outcome = garbage.withUnsafeBytes { attacker.inflate($0, isFinal: true, into: &output, limit: 1 << 20) }
        #expect(outcome == .corrupt)
        let text = "an honest message " + String(repeating: "y", count: 60)
        #expect(Self.inflate(victim, [Self.compress(sender, text)]) == text)
    }
}
