import LiveHubHTTP
import LiveHubWebSocket

/// What the transport can be told: where to listen, TLS, limits and timeouts. It knows no route;
/// the application hands those to `TransportServer.start`. Limits are enforced as early as possible
/// (frame size at header time, request head while parsing, outbound bytes on every enqueue).
public struct TransportConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 asks the kernel for a free port; the chosen one is in `TransportServer.address`.
    public var port: UInt16 = 8080
    /// Event loops (threads). nil = the CPUs this process may run on (sched_getaffinity).
    public var threads: Int?
    public var tlsCertificatePath: String?
    public var tlsPrivateKeyPath: String?
    public var logLevel: LogLevel = .info

    public var http = HTTPLimits()
    public var webSocket = WebSocketConfiguration(role: .server)
    /// No context takeover in either direction by default: every message is compressed on its own, with
    /// the loop's shared zlib streams, so an idle connection holds no compression memory (a browser
    /// offers permessage-deflate on every connection). `--deflate-context-takeover` trades that memory
    /// for a better ratio on long conversations.
    public var deflate = PerMessageDeflateConfiguration(serverNoContextTakeover: true, clientNoContextTakeover: true)
    /// Browser origins allowed to open WebSockets; nil accepts any (non-browser clients send none).
    public var allowedOrigins: [String]?

    /// A connection whose unsent bytes exceed this is a consumer that stopped reading: it is closed
    /// with 1008 instead of growing memory without limit.
    public var maxOutboundBytes = 4 * 1024 * 1024
    /// HTTP pipelining: while a connection's unsent responses exceed this (or `maxOutboundBytes`, if
    /// smaller), its next requests are not read. Small, so a client pipelining requests it never reads
    /// the answers to holds little server memory; streamed bodies have their own watermark.
    public var httpPipelineBytes = 256 * 1024
    /// Beyond this many open connections, new ones get 503 and are closed.
    public var maxConnections = 19_500

    /// From accept until the WebSocket handshake (or a first HTTP request) completes.
    public var handshakeTimeoutSeconds = 10.0
    /// An idle keep-alive HTTP connection is closed after this.
    public var httpIdleTimeoutSeconds = 30.0
    /// After this long without receiving anything, the server sends a ping.
    public var heartbeatIntervalSeconds = 30.0
    /// After this long without receiving anything (not even a pong), the connection is closed (1001).
    public var idleTimeoutSeconds = 75.0
    /// A WebSocket message still incomplete this long after its first bytes arrived is closed (1008).
    public var messageTimeoutSeconds = 60.0
    /// How long to wait for the peer's close frame after sending ours.
    public var closeTimeoutSeconds = 5.0
    /// On SIGINT/SIGTERM: how long connections get to finish their close handshakes.
    public var drainTimeoutSeconds = 5.0

    public init() {}
}

extension Double {
    /// Seconds to monotonic nanoseconds, saturating instead of trapping on absurd inputs.
    var nanoseconds: UInt64 {
        guard self > 0 else { return 0 }
        guard self < 1e9 else { return UInt64.max / 4 }
        return UInt64(self * 1e9)
    }
}
