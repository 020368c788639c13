import LiveHubProtocol

/// Decoding of the request `hubload acks` sends, as the I/O loop does it for every frame.
enum DecodeBench {
    static let request = Array(
        #"{"type":"message.send","id":"m","conversationId":"c123","text":"ack run xxxxxxxxxxxxxxxxxxxxxxxx"}"#.utf8)

    /// Returns a checksum so the work cannot be optimised away.
    static func run(iterations: Int) -> Int { measureDecode(request, iterations: iterations) }

    @inline(never)
    static func measureDecode(_ bytes: [UInt8], iterations: Int) -> Int {
        var decoded = 0
        for _ in 0..<iterations {
            if (try? RequestDecoder.decode(bytes)) != nil { decoded += 1 }
        }
        return decoded
    }
}
