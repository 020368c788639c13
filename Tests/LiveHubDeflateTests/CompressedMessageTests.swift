import LiveHubDeflate
import LiveHubWebSocket
import Testing

/// A client-side deflater producing what a browser would send.
private func clientCompressed(_ messages: [String], parameters: PerMessageDeflateParameters) -> [[UInt8]] {
    let deflater = PerMessageDeflater(
        parameters: parameters, role: .client,
        configuration: PerMessageDeflateConfiguration(minimumMessageSizeToCompress: 0))
    return messages.map { message in
        var output: [UInt8] = []
        _ = Array(message.utf8).withUnsafeBytes { deflater.compress($0, into: &output) }
        return output
    }
}

private func masked(_ opcode: WebSocketOpcode, _ payload: [UInt8], fin: Bool = true, rsv1: Bool = false) -> [UInt8] {
    var output: [UInt8] = []
    FrameEncoder.appendFrame(fin: fin, rsv1: rsv1, opcode: opcode, payload: payload, maskKey: 0x1234_5678, to: &output)
    return output
}

/// Feeds a stream into a server state machine with an inflater and returns the actions as strings.
private func run(
    _ chunks: [ArraySlice<UInt8>], parameters: PerMessageDeflateParameters, maxMessageSize: Int = 1 << 24
) -> [String] {
    var machine = WebSocketStateMachine(
        configuration: WebSocketConfiguration(role: .server, maxMessageSize: maxMessageSize),
        inflater: PerMessageInflater(parameters: parameters, role: .server))
    var pending: [UInt8] = []
    var results: [String] = []
    for chunk in chunks {
        pending += chunk
        var cursor = 0
        pending.withUnsafeMutableBytes { bytes in
            while let action = machine.nextAction(in: bytes, cursor: &cursor) {
                switch action {
                case .deliverText(let text): results.append("text:" + String(decoding: text, as: UTF8.self))
                case .deliverBinary(let data): results.append("binary:\(data.count)")
                case .sendClose(let code, _): results.append("close:\(code?.rawValue ?? 0)")
                case .closeConnection: results.append("closeConnection")
                case .sendPong: results.append("pong")
                case .pongReceived: results.append("pongReceived")
                }
            }
        }
        pending.removeFirst(cursor)
    }
    return results
}

/// Whole, byte by byte and split at every offset.
private func allWays(_ stream: [UInt8]) -> [[ArraySlice<UInt8>]] {
    var ways: [[ArraySlice<UInt8>]] = [[stream[...]], stream.indices.map { stream[$0...$0] }]
    for offset in 1..<stream.count { ways.append([stream[..<offset], stream[offset...]]) }
    return ways
}

@Suite("Compressed messages through the state machine")
struct CompressedMessageTests {
    @Test(
        "compressed messages, whole and fragmented, inflate to the original text however the bytes arrive",
        arguments: [false, true])
    func compressedStream(noContextTakeover: Bool) {
        let parameters = PerMessageDeflateParameters(clientNoContextTakeover: noContextTakeover)
        let texts = ["Hello", "Hello", String(repeating: "ünïcödé ", count: 20), "Hello"]
        let payloads = clientCompressed(texts, parameters: parameters)
        var stream: [UInt8] = []
        stream += masked(.text, payloads[0], rsv1: true)
        stream += masked(.text, payloads[1], rsv1: true)
        // Third message in three fragments, RSV1 on the first only (RFC 7692 §6.1), a ping in between.
        let third = payloads[2]
        let cut = third.count / 3
        stream += masked(.text, Array(third[..<cut]), fin: false, rsv1: true)
        stream += masked(.ping, [])
        stream += masked(.continuation, Array(third[cut..<(2 * cut)]), fin: false)
        stream += masked(.continuation, Array(third[(2 * cut)...]))
        // An uncompressed message in between does not disturb the compression context.
        stream += masked(.text, Array("plain".utf8))
        stream += masked(.text, payloads[3], rsv1: true)
        let expected = ["text:Hello", "text:Hello", "pong", "text:" + texts[2], "text:plain", "text:Hello"]
        for way in allWays(stream) { #expect(run(way, parameters: parameters) == expected) }
    }

    @Test("RSV1 on a continuation frame → 1002")
    func rsv1OnContinuation() {
        let payload = clientCompressed(["Hello, world"], parameters: PerMessageDeflateParameters())[0]
        let stream =
            masked(.text, Array(payload[..<2]), fin: false, rsv1: true)
            + masked(.continuation, Array(payload[2...]), rsv1: true)
        #expect(run([stream[...]], parameters: PerMessageDeflateParameters()) == ["close:1002", "closeConnection"])
    }

    @Test("RSV1 on a control frame → 1002")
    func rsv1OnControl() {
        #expect(
            run([masked(.ping, [], rsv1: true)[...]], parameters: PerMessageDeflateParameters()) == [
                "close:1002", "closeConnection",
            ])
    }

    @Test("compressed text that inflates to invalid UTF-8 → 1007")
    func invalidInflatedText() {
        let deflater = PerMessageDeflater(
            parameters: PerMessageDeflateParameters(), role: .client,
            configuration: PerMessageDeflateConfiguration(minimumMessageSizeToCompress: 0))
        var payload: [UInt8] = []
        _ = [0x48, 0xED, 0xA0, 0x80].withUnsafeBytes { deflater.compress($0, into: &payload) }
        #expect(
            run([masked(.text, payload, rsv1: true)[...]], parameters: PerMessageDeflateParameters()) == [
                "close:1007", "closeConnection",
            ])
    }

    @Test("corrupt compressed data → 1007")
    func corruptData() {
        #expect(
            run([masked(.binary, [0xFF, 0xFF, 0xFF], rsv1: true)[...]], parameters: PerMessageDeflateParameters()) == [
                "close:1007", "closeConnection",
            ])
    }

    @Test("a small frame inflating beyond maxMessageSize → 1009")
    func bombThroughStateMachine() {
        let deflater = PerMessageDeflater(
            parameters: PerMessageDeflateParameters(), role: .client,
            configuration: PerMessageDeflateConfiguration(minimumMessageSizeToCompress: 0))
        var payload: [UInt8] = []
        _ = [UInt8](repeating: 0x41, count: 1 << 20).withUnsafeBytes { deflater.compress($0, into: &payload) }
        #expect(
            run(
                [masked(.binary, payload, rsv1: true)[...]], parameters: PerMessageDeflateParameters(),
                maxMessageSize: 4096)
                == ["close:1009", "closeConnection"])
    }
}
