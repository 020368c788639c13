import Testing

@testable import LiveHubWebSocket

private func bytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 1) } }

/// Runs `stream` whole, byte by byte and split at every offset, and checks every way gives `expected`.
private func expectActions(
    _ stream: [UInt8], _ expected: [RecordedAction], role: WebSocketRole = .server, maxFramePayload: Int = 1 << 24,
    maxMessageSize: Int = 1 << 24, sourceLocation: SourceLocation = #_sourceLocation
) {
    for (way, actions) in Feeding.allWays(
        stream,
        makeDriver: {
            Driver(role: role, maxFramePayload: maxFramePayload, maxMessageSize: maxMessageSize)
        })
    {
        #expect(actions == expected, "fed \(way)", sourceLocation: sourceLocation)
    }
}

@Suite("WebSocket state machine: messages")
struct StateMachineMessageTests {
    @Test("unfragmented text and binary messages are delivered in order")
    func unfragmented() {
        let stream = Frames.text("Hello") + Frames.frame(.binary, bytes(300)) + Frames.text("")
        expectActions(stream, [.text("Hello"), .binary(bytes(300)), .text("")])
    }

    @Test("an unfragmented message is delivered from the caller's buffer, unmasked in place")
    func zeroCopy() {
        var machine = WebSocketStateMachine(configuration: WebSocketConfiguration(role: .server))
        var buffer = Frames.text("zero copy")
        var cursor = 0
        buffer.withUnsafeMutableBytes { raw in
            guard case .deliverText(let payload) = machine.nextAction(in: raw, cursor: &cursor) else {
                Issue.record("expected text")
                return
            }
            #expect(payload.baseAddress == UnsafeRawPointer(raw.baseAddress! + 6))
            #expect(Array(payload) == Array("zero copy".utf8))
            #expect(machine.nextAction(in: raw, cursor: &cursor) == nil)
        }
        #expect(cursor == buffer.count)
    }

    @Test("a fragmented message is assembled, with control frames between its fragments")
    func fragmentedWithInterleavedControl() {
        let stream =
            Frames.text("Hel", fin: false) + Frames.frame(.ping, Array("p".utf8))
            + Frames.frame(.continuation, Array("lo, ".utf8), fin: false) + Frames.frame(.pong, [])
            + Frames.frame(.continuation, Array("world".utf8))
        expectActions(stream, [.pong(Array("p".utf8)), .pongReceived, .text("Hello, world")])
    }

    @Test("a fragmented binary message with empty fragments", arguments: [1, 2, 5])
    func fragmentedBinary(fragments: Int) {
        let message = bytes(1000)
        var stream: [UInt8] = []
        let size = message.count / fragments
        for index in 0..<fragments {
            let part = Array(message[(index * size)..<(index == fragments - 1 ? message.count : (index + 1) * size)])
            stream += Frames.frame(index == 0 ? .binary : .continuation, part, fin: false)
        }
        stream += Frames.frame(.continuation, [])
        expectActions(stream, [.binary(message)])
    }

    @Test("a multi-byte scalar split across fragments is valid")
    func scalarAcrossFragments() {
        let euro: [UInt8] = [0xE2, 0x82, 0xAC]
        let stream =
            Frames.frame(.text, [euro[0]], fin: false) + Frames.frame(.continuation, [euro[1]], fin: false)
            + Frames.frame(.continuation, [euro[2]])
        expectActions(stream, [.text(euro)])
    }

    @Test("every length class is delivered intact", arguments: [0, 125, 126, 65535, 65536])
    func lengthClasses(length: Int) {
        var driver = Driver()
        #expect(driver.feed(Frames.frame(.binary, bytes(length))) == [.binary(bytes(length))])
    }

    @Test("client role reads unmasked server frames")
    func clientRole() {
        expectActions(Frames.frame(.text, Array("hi".utf8), masked: false), [.text("hi")], role: .client)
    }

    @Test("an idle machine holds no assembly buffer after a fragmented message")
    func idleMemory() {
        var driver = Driver()
        driver.feed(Frames.text("a", fin: false) + Frames.frame(.continuation, bytes(0)) + Frames.text("b", fin: false))
        #expect(driver.machine.isMessageInProgress)
        driver.feed(Frames.frame(.continuation, Array("c".utf8)))
        #expect(driver.actions == [.text("a"), .text("bc")])
        #expect(!driver.machine.isMessageInProgress)
        #expect(driver.machine.assemblyBufferCapacity == 0)
    }
}

@Suite("WebSocket state machine: violations and close codes")
struct StateMachineViolationTests {
    private func failure(_ violation: WebSocketProtocolViolation) -> [RecordedAction] {
        [.close(violation.closeCode.rawValue, Array(violation.reason.description.utf8)), .closeConnection]
    }

    @Test("RSV1 without a negotiated extension → 1002")
    func rsv1WithoutExtension() {
        expectActions(Frames.frame(.text, Array("x".utf8), rsv1: true), failure(.reservedBitSet))
    }

    @Test("an unknown opcode → 1002, even after good messages")
    func unknownOpcode() {
        expectActions(Frames.text("ok") + Frames.raw(firstByte: 0x83), [.text("ok")] + failure(.reservedOpcode))
    }

    @Test("a fragmented ping → 1002")
    func fragmentedPing() { expectActions(Frames.frame(.ping, [], fin: false), failure(.fragmentedControlFrame)) }

    @Test("a 126-byte ping → 1002")
    func longPing() { expectActions(Frames.frame(.ping, bytes(126)), failure(.controlFrameTooLong)) }

    @Test("a continuation with no message started → 1002")
    func strayContinuation() {
        expectActions(Frames.frame(.continuation, Array("x".utf8)), failure(.unexpectedContinuation))
    }

    @Test("a new text frame inside a fragmented message → 1002")
    func dataInsideFragmentedMessage() {
        expectActions(Frames.text("a", fin: false) + Frames.text("b"), failure(.expectedContinuation))
    }

    @Test("an unmasked frame to a server → 1002")
    func unmaskedToServer() { expectActions(Frames.frame(.text, [], masked: false), failure(.unmaskedFrame)) }

    @Test("a one-byte close payload → 1002")
    func oneByteClose() { expectActions(Frames.frame(.close, [0x03]), failure(.closePayloadTooShort)) }

    @Test(
        "invalid close codes → 1002", arguments: [0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535] as [UInt16])
    func invalidCloseCodes(code: UInt16) { expectActions(Frames.close(code), failure(.invalidCloseCode)) }

    @Test("a close reason that is not UTF-8 → 1007")
    func closeReasonNotUTF8() { expectActions(Frames.close(1000, [0xFF]), failure(.invalidCloseReason)) }

    @Test("an invalid UTF-8 text message → 1007")
    func invalidText() { expectActions(Frames.frame(.text, [0x48, 0xC0, 0xAF]), failure(.invalidUTF8)) }

    @Test("invalid UTF-8 fails at the offending fragment, before the message ends (fail fast)")
    func failFastAcrossFragments() {
        var driver = Driver()
        #expect(driver.feed(Frames.text("valid ", fin: false)) == [])
        #expect(driver.feed(Frames.frame(.continuation, [0xED, 0xA0], fin: false)) == failure(.invalidUTF8))
        #expect(driver.feed(Frames.frame(.continuation, [0x80])) == [])
    }

    @Test("a text message cut inside a scalar → 1007 at its last fragment")
    func truncatedScalarAtEnd() {
        expectActions(
            Frames.frame(.text, [0xE2, 0x82], fin: false) + Frames.frame(.continuation, []), failure(.invalidUTF8))
    }

    @Test("a frame above maxFramePayload → 1009 as soon as its header arrives")
    func frameTooBig() {
        var driver = Driver(maxFramePayload: 1000)
        let frame = Frames.frame(.binary, bytes(1001))
        #expect(driver.feed(frame.prefix(8)) == failure(.frameTooBig))
        expectActions(frame, failure(.frameTooBig), maxFramePayload: 1000)
    }

    @Test("a message above maxMessageSize → 1009 at the header of the fragment that crosses the limit")
    func messageTooBig() {
        var driver = Driver(maxMessageSize: 100)
        #expect(driver.feed(Frames.frame(.binary, bytes(60), fin: false)) == [])
        #expect(driver.feed(Frames.frame(.continuation, bytes(41)).prefix(6)) == failure(.messageTooBig))
        expectActions(Frames.frame(.binary, bytes(101)), failure(.messageTooBig), maxMessageSize: 100)
        expectActions(
            Frames.frame(.binary, bytes(50), fin: false) + Frames.frame(.continuation, bytes(50)),
            [.binary(bytes(50) + bytes(50))],
            maxMessageSize: 100)
    }

    @Test("after an error the machine returns closeConnection once, then nil forever")
    func terminalAfterError() {
        var driver = Driver()
        driver.feed(Frames.raw(firstByte: 0x83) + Frames.text("ignored"))
        #expect(driver.feed(Frames.text("still ignored")) == [])
        #expect(driver.machine.state == .closed)
        #expect(driver.actions == failure(.reservedOpcode))
    }

    @Test("every violation maps to 1002, 1007 or 1009", arguments: WebSocketProtocolViolation.allCases)
    func closeCodeMapping(violation: WebSocketProtocolViolation) {
        let expected: UInt16
        switch violation {
        case .frameTooBig, .messageTooBig: expected = 1009
        case .invalidUTF8, .invalidCloseReason, .corruptCompressedData: expected = 1007
        default: expected = 1002
        }
        #expect(violation.closeCode.rawValue == expected)
        #expect(violation.reason.utf8CodeUnitCount <= 123)
    }
}

@Suite("WebSocket state machine: closing handshake")
struct StateMachineCloseTests {
    @Test("the peer's close is echoed, then the connection closes, then nothing more")
    func peerInitiatedClose() {
        expectActions(
            Frames.text("last") + Frames.close(1000, Array("bye".utf8)) + Frames.text("after"),
            [.text("last"), .close(1000, Array("bye".utf8)), .closeConnection])
    }

    @Test("an empty close is answered with an empty close")
    func emptyClose() { expectActions(Frames.frame(.close, []), [.close(nil, []), .closeConnection]) }

    @Test(
        "valid close codes are echoed",
        arguments: [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1013, 3000, 3999, 4000, 4999] as [UInt16])
    func validCloseCodes(code: UInt16) { expectActions(Frames.close(code), [.close(code, []), .closeConnection]) }

    @Test("a close in the middle of a fragmented message ends it")
    func closeMidMessage() {
        expectActions(Frames.text("part", fin: false) + Frames.close(1001), [.close(1001, []), .closeConnection])
    }

    @Test("after we initiate a close, data and pings are ignored and the peer's close completes the handshake")
    func serverInitiatedClose() {
        var driver = Driver()
        let first = driver.machine.initiateClose(code: .goingAway)
        let second = driver.machine.initiateClose(code: .goingAway)
        #expect(first)
        #expect(driver.machine.state == .closeSent)
        #expect(!second)
        let stream =
            Frames.text("ignored") + Frames.frame(.ping, []) + Frames.frame(.binary, [1], fin: false)
            + Frames.frame(.continuation, [2]) + Frames.close(1001)
        for (way, actions) in Feeding.allWays(
            stream,
            makeDriver: {
                var driver = Driver()
                _ = driver.machine.initiateClose(code: .goingAway)
                return driver
            })
        {
            #expect(actions == [.closeConnection], "fed \(way)")
        }
    }

    @Test("a protocol error after we sent a close closes without a second close frame")
    func errorWhileClosing() {
        var driver = Driver()
        _ = driver.machine.initiateClose(code: .policyViolation)
        #expect(driver.feed(Frames.raw(firstByte: 0x8F)) == [.closeConnection])
        #expect(driver.machine.state == .closed)
    }

    @Test("initiating a close during a fragmented message drops the partial message")
    func initiateCloseMidMessage() {
        var driver = Driver()
        driver.feed(Frames.text("partial", fin: false))
        let mustSendClose = driver.machine.initiateClose(code: .tryAgainLater)
        #expect(mustSendClose)
        #expect(!driver.machine.isMessageInProgress)
        #expect(
            driver.feed(Frames.frame(.continuation, Array("end".utf8)) + Frames.frame(.close, [])) == [.closeConnection]
        )
    }
}
