/// A frame as the test client saw it on the wire (decoded by this file's own small parser, not by the
/// server's, so the server's output is checked independently).
public struct TestFrame: Equatable, CustomStringConvertible {
    public var fin: Bool
    public var rsv1: Bool
    public var opcode: UInt8
    public var payload: [UInt8]

    public var text: String { String(decoding: payload, as: UTF8.self) }
    /// For close frames: the status code, or nil when the payload is empty.
    public var closeCode: UInt16? {
        guard opcode == 8, payload.count >= 2 else { return nil }
        return UInt16(payload[0]) << 8 | UInt16(payload[1])
    }
    public var description: String { "frame(op=\(opcode) fin=\(fin) rsv1=\(rsv1) len=\(payload.count))" }
}

/// A WebSocket client for integration tests: raw HTTP handshake, masked frames out, frames in.
public final class TestWebSocketClient {
    public let socket: TestSocket
    public private(set) var handshakeResponse = ""
    private var buffer: [UInt8] = []

    public init(socket: TestSocket) { self.socket = socket }

    /// Whether bytes already received wait to be decoded (so a frame may be ready without reading).
    public var hasBufferedBytes: Bool { !buffer.isEmpty }

    /// Sends an upgrade request to `path` and reads the response head. Returns the status code.
    @discardableResult
    public func handshake(
        path: String, extraHeaders: [String] = [], key: String = "dGhlIHNhbXBsZSBub25jZQ=="
    ) throws -> Int {
        var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        request += "Sec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\n"
        for header in extraHeaders { request += header + "\r\n" }
        request += "\r\n"
        try socket.send(request)
        return try readResponseHead()
    }

    /// Reads an HTTP response head (and keeps any bytes after it for frame reading).
    public func readResponseHead() throws -> Int {
        let terminator: [UInt8] = [13, 10, 13, 10]
        while true {
            if let end = buffer.firstRange(of: terminator) {
                handshakeResponse = String(decoding: buffer[..<end.upperBound], as: UTF8.self)
                buffer.removeFirst(end.upperBound)
                let parts = handshakeResponse.split(separator: " ", maxSplits: 2)
                guard parts.count >= 2, let status = Int(parts[1]) else {
                    throw TestClientError("bad response head: \(handshakeResponse)")
                }
                return status
            }
            let chunk = try socket.receive()
            guard !chunk.isEmpty else { throw TestClientError("closed before a response head; got \(buffer.count) bytes") }
            buffer += chunk
        }
    }

    /// The value of a header in the handshake response (case-insensitive name).
    public func responseHeader(_ name: String) -> String? {
        for line in handshakeResponse.split(separator: "\r\n").dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 && parts[0].lowercased() == name.lowercased() {
                return parts[1].trimmingPrefix(" ").description
            }
        }
        return nil
    }

    // MARK: Sending

    /// Encodes one masked client frame (RFC 6455 §5.3: clients always mask).
    public static func encodeFrame(
        opcode: UInt8, payload: [UInt8], fin: Bool = true, rsv1: Bool = false, maskKey: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]
    ) -> [UInt8] {
        var frame: [UInt8] = [(fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode]
        if payload.count < 126 {
            frame.append(0x80 | UInt8(payload.count))
        } else if payload.count <= 0xFFFF {
            frame.append(0x80 | 126)
            frame += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        } else {
            frame.append(0x80 | 127)
            for shift in stride(from: 56, through: 0, by: -8) { frame.append(UInt8((payload.count >> shift) & 0xFF)) }
        }
        frame += maskKey
        for (index, byte) in payload.enumerated() { frame.append(byte ^ maskKey[index & 3]) }
        return frame
    }

    public func sendFrame(opcode: UInt8, payload: [UInt8], fin: Bool = true, rsv1: Bool = false) throws {
        try socket.send(Self.encodeFrame(opcode: opcode, payload: payload, fin: fin, rsv1: rsv1))
    }

    public func sendText(_ text: String) throws { try sendFrame(opcode: 1, payload: Array(text.utf8)) }
    public func sendBinary(_ bytes: [UInt8]) throws { try sendFrame(opcode: 2, payload: bytes) }

    public func sendClose(code: UInt16 = 1000, reason: String = "") throws {
        try sendFrame(opcode: 8, payload: [UInt8(code >> 8), UInt8(code & 0xFF)] + Array(reason.utf8))
    }

    // MARK: Receiving

    /// The next frame from the server; nil when the server closed the TCP connection.
    public func receiveFrame() throws -> TestFrame? {
        while true {
            if let frame = try decodeBufferedFrame() { return frame }
            let chunk = try socket.receive()
            if chunk.isEmpty { return nil }
            buffer += chunk
        }
    }

    /// The next data frame, answering pings on the way (as a browser would).
    public func receiveMessageFrame() throws -> TestFrame? {
        while let frame = try receiveFrame() {
            if frame.opcode == 9 {
                try sendFrame(opcode: 10, payload: frame.payload)
                continue
            }
            return frame
        }
        return nil
    }

    private func decodeBufferedFrame() throws -> TestFrame? {
        guard buffer.count >= 2 else { return nil }
        let first = buffer[0]
        let second = buffer[1]
        if second & 0x80 != 0 { throw TestClientError("server sent a masked frame (RFC 6455 §5.1 forbids it)") }
        var length = Int(second & 0x7F)
        var offset = 2
        if length == 126 {
            guard buffer.count >= 4 else { return nil }
            length = Int(buffer[2]) << 8 | Int(buffer[3])
            offset = 4
        } else if length == 127 {
            guard buffer.count >= 10 else { return nil }
            length = buffer[2..<10].reduce(0) { $0 << 8 | Int($1) }
            offset = 10
        }
        guard buffer.count >= offset + length else { return nil }
        let frame = TestFrame(
            fin: first & 0x80 != 0, rsv1: first & 0x40 != 0, opcode: first & 0x0F,
            payload: Array(buffer[offset..<offset + length]))
        buffer.removeFirst(offset + length)
        return frame
    }
}
