import Testing

@testable import LiveHubWebSocket

private let lengthClasses = [0, 125, 126, 65535, 65536]
private let allOpcodes: [WebSocketOpcode] = [.continuation, .text, .binary, .close, .ping, .pong]

private func payload(count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) } }

@Suite("Frame encoding and header decoding")
struct FrameCodecTests {
    @Test(
        "every opcode and length class round-trips through the encoder and decoder, masked and unmasked",
        arguments: allOpcodes, lengthClasses)
    func roundTrip(opcode: WebSocketOpcode, length: Int) {
        for masked in [true, false] {
            let original = payload(count: length)
            var bytes: [UInt8] = []
            FrameEncoder.appendFrame(opcode: opcode, payload: original, maskKey: masked ? 0xA1B2_C3D4 : nil, to: &bytes)
            let decoder = FrameDecoder(role: masked ? .server : .client, maxFramePayload: 1 << 20)
            let outcome = bytes.withUnsafeBytes { decoder.decodeHeader($0) }
            if opcode.isControl && length > 125 {
                // RFC 6455 §5.5: such a frame can be written but must be refused by a receiver.
                #expect(outcome == .violation(.controlFrameTooLong))
                continue
            }
            guard case .header(let header) = outcome else {
                Issue.record("expected a header, got \(outcome)")
                continue
            }
            #expect(header.opcode == opcode)
            #expect(header.fin)
            #expect(!header.rsv1)
            #expect(header.payloadLength == length)
            #expect(header.maskKey == (masked ? 0xA1B2_C3D4 : nil))
            #expect(header.frameLength == bytes.count)
            #expect(header.headerLength == FrameEncoder.headerSize(payloadLength: length, masked: masked))
            var body = Array(bytes[header.headerLength...])
            if let key = header.maskKey {
                if length > 0 { #expect(body != original) }
                body.withUnsafeMutableBytes { WebSocketMasking.apply(maskKey: key, to: $0) }
            }
            #expect(body == original)
        }
    }

    @Test("headers use the shortest length encoding", arguments: zip(lengthClasses, [2, 2, 4, 4, 10]))
    func headerSizes(length: Int, expected: Int) {
        #expect(FrameEncoder.headerSize(payloadLength: length, masked: false) == expected)
        #expect(FrameEncoder.headerSize(payloadLength: length, masked: true) == expected + 4)
        var buffer = [UInt8](repeating: 0, count: FrameEncoder.maximumHeaderSize)
        let written = buffer.withUnsafeMutableBytes {
            FrameEncoder.writeHeader(
                fin: false, rsv1: true, opcode: .binary, payloadLength: length, maskKey: nil, into: $0)
        }
        #expect(written == expected)
        #expect(buffer[0] == 0x42)
    }

    @Test("the RFC 6455 §5.7 examples encode byte for byte")
    func rfcExamples() {
        var unmasked: [UInt8] = []
        FrameEncoder.appendFrame(opcode: .text, payload: Array("Hello".utf8), to: &unmasked)
        #expect(unmasked == [0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])
        var masked: [UInt8] = []
        FrameEncoder.appendFrame(opcode: .text, payload: Array("Hello".utf8), maskKey: 0x37FA_213D, to: &masked)
        #expect(masked == [0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])
        var fragments: [UInt8] = []
        FrameEncoder.appendFrame(fin: false, opcode: .text, payload: Array("Hel".utf8), to: &fragments)
        FrameEncoder.appendFrame(opcode: .continuation, payload: Array("lo".utf8), to: &fragments)
        #expect(fragments == [0x01, 0x03, 0x48, 0x65, 0x6C, 0x80, 0x02, 0x6C, 0x6F])
        var big: [UInt8] = []
        FrameEncoder.appendFrame(opcode: .binary, payload: [UInt8](repeating: 0, count: 256), to: &big)
        #expect(Array(big.prefix(4)) == [0x82, 0x7E, 0x01, 0x00])
        var huge: [UInt8] = []
        FrameEncoder.appendFrame(opcode: .binary, payload: [UInt8](repeating: 0, count: 65536), to: &huge)
        #expect(Array(huge.prefix(10)) == [0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0])
    }

    @Test("masking eight bytes at a time matches the byte-by-byte definition at every length and key phase")
    func maskingMatchesDefinition() {
        let key: UInt32 = 0x0102_0304
        let keyBytes: [UInt8] = [1, 2, 3, 4]
        for length in 0..<40 {
            for phase in 0..<4 {
                let original = payload(count: length)
                var fast = original
                fast.withUnsafeMutableBytes { WebSocketMasking.apply(maskKey: key, to: $0, keyOffset: phase) }
                let reference = original.enumerated().map { $0.element ^ keyBytes[($0.offset + phase) % 4] }
                #expect(fast == reference, "length \(length) phase \(phase)")
            }
        }
    }

    @Test("a close frame without a code has an empty payload")
    func emptyClose() {
        var bytes: [UInt8] = []
        FrameEncoder.appendCloseFrame(code: nil, reason: "ignored", to: &bytes)
        #expect(bytes == [0x88, 0x00])
    }

    @Test("a long close reason is cut to 123 bytes on a UTF-8 boundary")
    func closeReasonTruncation() {
        // 122 ASCII bytes then a two-byte scalar: 124 bytes, so the scalar must go entirely.
        let reason = String(repeating: "a", count: 122) + "é" + "tail"
        var bytes: [UInt8] = []
        FrameEncoder.appendCloseFrame(code: .goingAway, reason: reason, to: &bytes)
        #expect(bytes[1] == 2 + 122)
        #expect(Array(bytes[2..<4]) == [0x03, 0xE9])
        #expect(bytes.count == 2 + 124)
        let short: [UInt8] = {
            var output: [UInt8] = []
            FrameEncoder.appendCloseFrame(code: .normalClosure, reason: "bye", maskKey: 0x1122_3344, to: &output)
            return output
        }()
        var driver = Driver(role: .server)
        #expect(driver.feed(short) == [.close(1000, Array("bye".utf8)), .closeConnection])
    }

    @Test("a reason of exactly 123 bytes is kept whole")
    func closeReasonAtLimit() {
        var bytes: [UInt8] = []
        FrameEncoder.appendCloseFrame(code: .normalClosure, reason: String(repeating: "é", count: 61) + "x", to: &bytes)
        #expect(bytes[1] == 125)
    }

    @Test("non-contiguous payload collections encode like arrays")
    func collectionOverload() {
        var fromRange: [UInt8] = []
        FrameEncoder.appendFrame(opcode: .binary, payload: (0..<200).lazy.map { UInt8($0) }, maskKey: 7, to: &fromRange)
        var fromArray: [UInt8] = []
        FrameEncoder.appendFrame(opcode: .binary, payload: (0..<200).map { UInt8($0) }, maskKey: 7, to: &fromArray)
        #expect(fromRange == fromArray)
    }
}

@Suite("Frame header decoding rules")
struct FrameDecoderTests {
    private func decode(_ bytes: [UInt8], role: WebSocketRole = .server, max: Int = 1 << 20) -> FrameDecoder.Outcome {
        bytes.withUnsafeBytes { FrameDecoder(role: role, maxFramePayload: max).decodeHeader($0) }
    }

    @Test("every strict prefix of a header asks for more bytes", arguments: lengthClasses)
    func prefixesNeedMore(length: Int) {
        let bytes = Frames.frame(.binary, payload(count: length))
        let headerLength = FrameEncoder.headerSize(payloadLength: length, masked: true)
        for cut in 0..<headerLength { #expect(decode(Array(bytes[..<cut])) == .needMoreBytes) }
        if case .header = decode(Array(bytes[..<headerLength])) {} else { Issue.record("header expected") }
    }

    @Test("a 64-bit length with the top bit set is a protocol error")
    func lengthTopBit() {
        let bytes: [UInt8] = [0x82, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4]
        #expect(decode(bytes) == .violation(.payloadLengthOverflow))
        #expect(WebSocketProtocolViolation.payloadLengthOverflow.closeCode == .protocolError)
    }

    @Test("non-minimal length encodings are accepted")
    func nonMinimalLengths() {
        let sixteen: [UInt8] = [0x82, 0xFE, 0x00, 0x05, 1, 2, 3, 4]
        let sixtyFour: [UInt8] = [0x82, 0xFF, 0, 0, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4]
        for bytes in [sixteen, sixtyFour] {
            guard case .header(let header) = decode(bytes) else {
                Issue.record("expected header")
                continue
            }
            #expect(header.payloadLength == 5)
        }
    }

    @Test("reserved opcodes are protocol errors", arguments: [3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF] as [UInt8])
    func reservedOpcodes(opcode: UInt8) {
        #expect(decode(Frames.raw(firstByte: 0x80 | opcode)) == .violation(.reservedOpcode))
    }

    @Test("RSV2 and RSV3 are protocol errors", arguments: [0x20, 0x10, 0x30] as [UInt8])
    func reservedBits(bits: UInt8) {
        #expect(decode(Frames.raw(firstByte: 0x82 | bits)) == .violation(.reservedBitSet))
    }

    @Test("servers refuse unmasked frames and clients refuse masked ones")
    func maskingDirection() {
        #expect(decode(Frames.frame(.text, [], masked: false), role: .server) == .violation(.unmaskedFrame))
        #expect(decode(Frames.frame(.text, [], masked: true), role: .client) == .violation(.maskedFrame))
    }

    @Test("the frame size limit applies at header time, before the payload arrives")
    func frameLimitAtHeaderTime() {
        let header: [UInt8] = [0x82, 0xFF, 0, 0, 0, 0, 0x01, 0, 0, 0]  // 16 MiB, no mask key yet, no payload
        #expect(decode(header, max: 1 << 20) == .violation(.frameTooBig))
        #expect(decode([0x82, 0xFE, 0x01, 0x00], max: 255) == .violation(.frameTooBig))
        #expect(WebSocketProtocolViolation.frameTooBig.closeCode == .messageTooBig)
    }

    @Test("control frames must be final and at most 125 bytes")
    func controlFrameRules() {
        #expect(decode(Frames.frame(.ping, [], fin: false)) == .violation(.fragmentedControlFrame))
        #expect(decode(Frames.frame(.ping, payload(count: 126))) == .violation(.controlFrameTooLong))
        if case .header = decode(Frames.frame(.ping, payload(count: 125))) {} else { Issue.record("125 is allowed") }
    }
}
