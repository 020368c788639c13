import LiveHubServer

/// Starts a real server in-process on an ephemeral loopback port, for integration tests.
public final class TestServer {
    /// The HS256 key every test server signs hub tokens with.
    public static let hubSecret: [UInt8] = Array("livehub-test-secret-0123456789abcdef".utf8)

    public let server: HubServer
    public var port: UInt16 { server.address.port }

    public init(_ configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.threads = 1
        configuration.echoEnabled = true
        configuration.benchRoomsEnabled = true
        configuration.logLevel = .error
        configuration.hubSecret = TestServer.hubSecret
        configure(&configuration)
        server = try HubServer.start(configuration: configuration)
    }

    /// A connected client socket.
    public func connect(timeoutSeconds: Int = 5) throws -> TestSocket {
        try TestSocket(port: port, timeoutSeconds: timeoutSeconds)
    }

    /// A client that completed the WebSocket handshake on `path`.
    public func webSocket(_ path: String = "/echo", extraHeaders: [String] = []) throws -> TestWebSocketClient {
        let client = TestWebSocketClient(socket: try connect())
        let status = try client.handshake(path: path, extraHeaders: extraHeaders)
        guard status == 101 else { throw TestClientError("handshake to \(path) answered \(status)") }
        return client
    }

    /// Sends raw bytes and returns everything the server sends until it closes (or the timeout).
    public func exchange(_ request: String) throws -> String {
        let socket = try connect()
        try socket.send(request)
        var received: [UInt8] = []
        while true {
            let chunk = try socket.receive()
            if chunk.isEmpty { break }
            received += chunk
        }
        return String(decoding: received, as: UTF8.self)
    }

    private var stopped = false

    public func stop() {
        guard !stopped else { return }
        stopped = true
        server.shutdown()
        server.waitUntilStopped()
    }

    deinit { stop() }
}
