import Dispatch
import LiveHubHTTP
import LiveHubPosix
import LiveHubTestSupport
import LiveHubTransport
import Synchronization
import Testing

/// The transport's HTTP endpoint protocol over real sockets: answers that come later from another
/// thread, and large bodies streamed with backpressure. A plain `TransportServer` with test endpoints,
/// so these rules are checked without the hub.
@Suite("Transport HTTP endpoints")
struct TransportEndpointTests {
    /// Answers from another thread after `delayMilliseconds`.
    final class DeferredEndpoint: HTTPEndpoint {
        let delayMilliseconds: Int
        init(delayMilliseconds: Int) { self.delayMilliseconds = delayMilliseconds }

        func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
            let responder = context.responder
            let path = request.head.path
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(delayMilliseconds)) {
                responder.send(.text(.ok, "late answer to \(path)\n"))
            }
            return .later
        }
    }

    /// Holds its loop for `milliseconds` (a stand-in for a loop that is busy), then answers.
    final class BusyEndpoint: HTTPEndpoint {
        let milliseconds: Int
        init(milliseconds: Int) { self.milliseconds = milliseconds }

        func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
            let until = MonotonicClock.now() + UInt64(milliseconds) * 1_000_000
            while MonotonicClock.now() < until {}
            return .response(.text(.ok, "done\n"))
        }
    }

    final class NowEndpoint: HTTPEndpoint {
        func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
            .response(.text(.ok, "answer to \(request.head.path)\n"))
        }
    }

    /// Bytes produced so far, read by the test thread while the loop produces.
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    /// Streams `length` bytes of a known pattern (byte i is `i % 251`) and counts what it produced.
    final class PatternStream: HTTPEndpoint, HTTPBodySource {
        let length: Int
        let produced: Counter
        private var offset = 0

        init(length: Int, produced: Counter) {
            self.length = length
            self.produced = produced
        }

        func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
            offset = 0
            return .stream(.init(status: .ok), length: length, body: self)
        }

        func read(into buffer: inout [UInt8], maxBytes: Int) -> Int {
            let count = min(maxBytes, length - offset)
            for index in offset..<(offset + count) { buffer.append(UInt8(index % 251)) }
            offset += count
            produced.value.add(count, ordering: .relaxed)
            return count
        }
    }

    final class Server {
        let transport: TransportServer
        init(maxConnections: Int = 100, routes: @escaping () -> HTTPRouter<TransportRoute>) throws {
            var configuration = TransportConfiguration()
            configuration.port = 0
            configuration.threads = 1
            configuration.maxConnections = maxConnections
            transport = try TransportServer.start(configuration: configuration, logger: Logger(level: .error)) { _ in routes() }
        }
        deinit {
            transport.shutdown()
            transport.waitUntilStopped()
        }
    }

    /// Reads until `count` bytes arrived or EOF.
    static func read(_ socket: TestSocket, count: Int) throws -> [UInt8] {
        var received: [UInt8] = []
        while received.count < count {
            let chunk = try socket.receive(maxBytes: min(1 << 20, count - received.count))
            if chunk.isEmpty { break }
            received += chunk
        }
        return received
    }

    /// Where the response head starting at `start` ends (just past its blank line).
    static func headEnd(in bytes: [UInt8], from start: Int = 0) -> Int? {
        guard bytes.count >= start + 4 else { return nil }
        for index in start...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    static func readToEnd(_ socket: TestSocket) throws -> [UInt8] {
        var received: [UInt8] = []
        while true {
            let chunk = try socket.receive(maxBytes: 1 << 20)
            if chunk.isEmpty { return received }
            received += chunk
        }
    }

    @Test("an endpoint answers later from another thread, and pipelined requests behind it wait their turn")
    func deferredAnswerKeepsPipelineOrder() throws {
        let server = try Server {
            var router = HTTPRouter<TransportRoute>()
            router.add("GET", "/slow", .http(DeferredEndpoint(delayMilliseconds: 150)))
            router.add("GET", "/now", .http(NowEndpoint()))
            return router
        }
        let socket = try TestSocket(port: server.transport.address.port)
        try socket.send(
            "GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /now HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let text = String(decoding: try Self.readToEnd(socket), as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline)
        let answers = lines.filter { $0.hasPrefix("late answer") || $0.hasPrefix("answer to") }
        #expect(answers == ["late answer to /slow", "answer to /now", "late answer to /slow"])
        #expect(lines.filter { $0 == "HTTP/1.1 200 OK" }.count == 3)
    }

    @Test("a streamed body is produced only as fast as the client reads it")
    func streamedBodyHasBackpressure() throws {
        let produced = Counter()
        let length = 64 << 20
        let server = try Server {
            var router = HTTPRouter<TransportRoute>()
            router.add("GET", "/big", .http(PatternStream(length: length, produced: produced)))
            return router
        }
        let socket = try TestSocket(port: server.transport.address.port, timeoutSeconds: 20)
        socket.setReceiveBufferSize(256 * 1024)
        try socket.send("GET /big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        _ = try Self.read(socket, count: 1 << 20)
        // The client stops reading: production must stall at what the kernel buffers and the
        // transport's watermark hold, far below the 64 MiB on offer.
        var stalledAt = -1
        for _ in 0..<100 {
            let before = produced.value.load(ordering: .relaxed)
            _ = socket.waitUntilReady(writable: false, readable: false, milliseconds: 100)  // A 100 ms pause.
            let after = produced.value.load(ordering: .relaxed)
            if before == after {
                stalledAt = after
                break
            }
        }
        #expect(stalledAt > 0 && stalledAt < 24 << 20, "production did not stall below 24 MiB (at \(stalledAt))")
        // Then the rest of the body arrives: every byte that was announced.
        let rest = try Self.readToEnd(socket)
        #expect(produced.value.load(ordering: .relaxed) == length)
        #expect(rest.count + (1 << 20) > length)
    }

    @Test("a streamed response carries its length, arrives byte-exact, and HEAD gets only the head")
    func streamedBodyIsExact() throws {
        let produced = Counter()
        let length = 3_000_001
        let server = try Server {
            var router = HTTPRouter<TransportRoute>()
            router.add("GET", "/big", .http(PatternStream(length: length, produced: produced)))
            return router
        }
        let socket = try TestSocket(port: server.transport.address.port, timeoutSeconds: 20)
        try socket.send("HEAD /big HTTP/1.1\r\nHost: x\r\n\r\nGET /big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let received = try Self.readToEnd(socket)
        let firstEnd = try #require(Self.headEnd(in: received))
        let headHead = String(decoding: received[..<firstEnd], as: UTF8.self)
        #expect(headHead.contains("Content-Length: \(length)"))
        let secondEnd = try #require(Self.headEnd(in: received, from: firstEnd))
        let getHead = String(decoding: received[firstEnd..<secondEnd], as: UTF8.self)
        #expect(getHead.hasPrefix("HTTP/1.1 200 OK") && getHead.contains("Content-Length: \(length)"))
        let body = received[secondEnd...]
        #expect(body.count == length)
        #expect(body.enumerated().allSatisfy { $0.element == UInt8($0.offset % 251) })
    }

    @Test("a client that half-closes right after its request still receives a body larger than the kernel buffers")
    func halfCloseDuringStream() throws {
        let produced = Counter()
        let length = 8 << 20
        let server = try Server {
            var router = HTTPRouter<TransportRoute>()
            router.add("GET", "/big", .http(PatternStream(length: length, produced: produced)))
            return router
        }
        let socket = try TestSocket(port: server.transport.address.port, timeoutSeconds: 20)
        socket.setReceiveBufferSize(64 * 1024)
        try socket.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
        socket.shutdownWrite()
        // A slow reader: the body takes many loop iterations, with the client's FIN already sent.
        var received: [UInt8] = []
        while true {
            let chunk = try socket.receive(maxBytes: 32 * 1024)
            if chunk.isEmpty { break }
            received += chunk
            _ = socket.waitUntilReady(writable: false, readable: false, milliseconds: 1)  // A 1 ms pause.
        }
        let head = try #require(Self.headEnd(in: Array(received.prefix(512))))
        #expect(received.count - head == length)
        #expect(received[head...].enumerated().allSatisfy { $0.element == UInt8($0.offset % 251) })
    }

    @Test("at max connections a client whose request arrived before it was accepted reads the 503 and a clean close")
    func connectionLimitRequestAlreadyArrived() throws {
        let server = try Server(maxConnections: 1) {
            var router = HTTPRouter<TransportRoute>()
            router.add("GET", "/busy", .http(BusyEndpoint(milliseconds: 300)))
            return router
        }
        let port = server.transport.address.port
        let holder = try TestSocket(port: port)
        try holder.send("GET /busy HTTP/1.1\r\nHost: x\r\n\r\n")
        // While the loop is busy, clients connect and send at once: each request waits in the kernel
        // before the listener accepts its connection; a close() with it unread sends a reset.
        let clients = try (0..<30).map { _ in try TestSocket(port: port) }
        for client in clients { try client.send("GET /busy HTTP/1.1\r\nHost: x\r\n\r\n") }
        var answered = 0
        for client in clients {
            var received: [UInt8] = []
            while case let chunk = try client.receive(), !chunk.isEmpty { received += chunk }
            if String(decoding: received, as: UTF8.self).hasPrefix("HTTP/1.1 503 ") && !client.sawReset { answered += 1 }
        }
        #expect(answered == 30, "only \(answered) of 30 read the 503 and a clean close")
    }
}
