import LiveHubProtocol

/// Decoding of the request `hubload acks` sends, as the I/O loop does it for every frame: from the
/// received bytes in place (`HubSession` hands `RequestDecoder` the connection's read buffer).
enum DecodeBench {
    static let request = Array(
        #"{"type":"message.send","id":"m","conversationId":"c123","text":"ack run xxxxxxxxxxxxxxxxxxxxxxxx"}"#.utf8)

    /// Returns a checksum so the work cannot be optimised away.
    static func run(iterations: Int) -> Int {
        request.withUnsafeBytes { measureDecode($0, iterations: iterations) }
    }

    @inline(never)
    static func measureDecode(_ bytes: UnsafeRawBufferPointer, iterations: Int) -> Int {
        var decoded = 0
        for _ in 0..<iterations {
            do {
                let request = try RequestDecoder.decode(bytes)
                if case .sendMessage = request.command { decoded += 1 }
            } catch {
                decoded -= 1
            }
        }
        return decoded
    }
}
