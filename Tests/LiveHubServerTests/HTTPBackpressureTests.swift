import LiveHubTestSupport
import Testing

/// A pipelining client that does not read its responses must not make the server buffer without
/// limit: once a connection's unsent output passes `maxOutboundBytes`, the server stops reading its
/// requests until the output drains, and TCP pushes back on the client.
@Suite("HTTP backpressure over real sockets")
struct HTTPBackpressureTests {
    static let request = Array("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
    /// Far more than the kernel buffers hold once the server stops reading (1.5–3.8 MB of requests
    /// here, most of it as responses in the server's autotuned send buffer); a server that never
    /// stops reading takes it all.
    static let sendBound = 24 << 20

    /// Pipelines requests without reading a response until the socket stays unwritable for a second
    /// (or `sendBound` is reached); returns the number of request bytes the kernel took.
    private static func pipelineUntilBlocked(_ socket: TestSocket, blockedAfterMilliseconds: Int32 = 1_000) throws -> Int {
        let batch = Array([[UInt8]](repeating: request, count: 100).joined())
        var sent = 0
        while sent < sendBound {
            let count = try socket.sendWithoutBlocking(batch[(sent % batch.count)...])
            if count > 0 {
                sent += count
            } else if !socket.waitUntilReady(writable: true, readable: false, milliseconds: blockedAfterMilliseconds).writable {
                break
            }
        }
        return sent
    }

    /// Reads until EOF, sending `tail` whenever the socket has room; returns everything received.
    private static func readToEnd(_ socket: TestSocket, sending tail: [UInt8] = []) throws -> [UInt8] {
        var tail = tail[...]
        var received: [UInt8] = []
        while true {
            let ready = socket.waitUntilReady(writable: !tail.isEmpty, readable: true, milliseconds: 5_000)
            if ready.writable { tail = tail.dropFirst(try socket.sendWithoutBlocking(tail)) }
            if ready.readable {
                let chunk = try socket.receive()
                if chunk.isEmpty { return received }
                received += chunk
            } else if !ready.writable {
                throw TestClientError("no progress for 5 s after \(received.count) bytes")
            }
        }
    }

    /// The bytes that complete a request the kernel took only `partial` bytes of (none when whole).
    private static func rest(ofRequestCutAt partial: Int) -> [UInt8] {
        partial == 0 ? [] : Array(request[partial...])
    }

    private static func responseCount(_ bytes: [UInt8]) -> Int {
        String(decoding: bytes, as: UTF8.self).ranges(of: "HTTP/1.1 200 ").count
    }

    private static func pipeliningClient(_ server: TestServer) throws -> TestSocket {
        let socket = try server.connect()
        socket.setSendBufferSize(4096)  // The receive buffer keeps its default: a tiny one drains slowly.
        return socket
    }

    @Test("HTTP backpressure: a pipelining client that does not read is no longer read from, then gets every response in order")
    func pipeliningWithoutReadingIsBounded() throws {
        let server = try TestServer { $0.maxOutboundBytes = 1024 }
        let socket = try Self.pipeliningClient(server)
        let sent = try Self.pipelineUntilBlocked(socket)
        #expect(sent < Self.sendBound, "the server kept reading requests whose responses nobody read")
        // Finish the request cut at the block, then ask the server to close after one more.
        let partial = sent % Self.request.count
        let tail = Self.rest(ofRequestCutAt: partial) + Array("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8)
        let received = try Self.readToEnd(socket, sending: tail)
        let expected = sent / Self.request.count + (partial == 0 ? 0 : 1) + 1
        #expect(Self.responseCount(received) == expected)
        #expect(String(decoding: received.suffix(400), as: UTF8.self).contains("Connection: close"))
    }

    @Test("HTTP half-close: a client that pipelines and then shuts down its write side still gets every response")
    func halfCloseAfterPipeliningGetsEveryResponse() throws {
        let server = try TestServer { $0.maxOutboundBytes = 1024 }
        let socket = try Self.pipeliningClient(server)
        let sent = try Self.pipelineUntilBlocked(socket)
        #expect(sent < Self.sendBound)
        let partial = sent % Self.request.count
        // Complete the last request so every request sent is whole, then half-close.
        var remaining = Self.rest(ofRequestCutAt: partial)[...]
        var received: [UInt8] = []
        while !remaining.isEmpty {
            let ready = socket.waitUntilReady(writable: true, readable: true, milliseconds: 5_000)
            if ready.writable { remaining = remaining.dropFirst(try socket.sendWithoutBlocking(remaining)) }
            if ready.readable {
                let chunk = try socket.receive()
                guard !chunk.isEmpty else { throw TestClientError("the server closed before the last request") }
                received += chunk
            }
        }
        socket.shutdownWrite()
        received += try Self.readToEnd(socket)
        #expect(Self.responseCount(received) == sent / Self.request.count + (partial == 0 ? 0 : 1))
    }

    /// The end-to-end proof of the keep-alive idle rule's wiring (the SIOCOUTQ look on a real socket);
    /// the rule itself, with and without reader progress, is tested on a fake clock in
    /// LiveHubTransportTests (ConnectionTimerPolicyTests).
    @Test("HTTP idle timeout: a client that reads its backlog slowly is not cut off while it makes progress")
    func slowReaderIsNotCutOff() throws {
        let server = try TestServer {
            $0.maxOutboundBytes = 1024
            $0.httpIdleTimeoutSeconds = 2
        }
        let socket = try Self.pipeliningClient(server)
        let sent = try Self.pipelineUntilBlocked(socket, blockedAfterMilliseconds: 300)
        // Read 16 KiB every 100 ms for 5 s (two and a half idle timeouts), then the rest. The kernel
        // holds megabytes of responses, so the server produces none while this goes on. The timeout
        // leaves a test thread descheduled on a loaded machine seconds of slack.
        var received: [UInt8] = []
        for _ in 0..<50 {
            _ = socket.waitUntilReady(writable: false, readable: false, milliseconds: 100)
            let chunk = try socket.receive(maxBytes: 16_384)
            #expect(!chunk.isEmpty, "the server closed a connection whose client was reading")
            guard !chunk.isEmpty else { return }
            received += chunk
        }
        let partial = sent % Self.request.count
        let tail = Self.rest(ofRequestCutAt: partial) + Array("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8)
        received += try Self.readToEnd(socket, sending: tail)
        #expect(Self.responseCount(received) == sent / Self.request.count + (partial == 0 ? 0 : 1) + 1)
    }
}
