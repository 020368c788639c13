import LiveHubDomain
import LiveHubHTTP
import LiveHubWebSocket

/// Everything the server can be told. Defaults are the embedded demo settings `swift run livehub` uses.
/// Limits are enforced as early as possible (frame size at header time, request head while parsing,
/// outbound bytes on every enqueue).
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 asks the kernel for a free port; the chosen one is printed as `listening on HOST:PORT`.
    public var port: UInt16 = 8080
    /// Event loops (threads). nil = the CPUs this process may run on (sched_getaffinity).
    public var threads: Int?
    /// Serve `/echo` (every message comes back): for conformance runs and benchmarks.
    public var echoEnabled = false
    /// Serve `/room/NAME` (each message goes to every member of the room): bench-only.
    public var benchRoomsEnabled = false
    public var tlsCertificatePath: String?
    public var tlsPrivateKeyPath: String?
    public var logLevel: LogLevel = .info

    public var http = HTTPLimits()
    public var webSocket = WebSocketConfiguration(role: .server)
    public var deflate = PerMessageDeflateConfiguration()
    /// Browser origins allowed to open WebSockets; nil accepts any (non-browser clients send none).
    public var allowedOrigins: [String]?

    /// A connection whose unsent bytes exceed this is a consumer that stopped reading: it is closed
    /// with 1008 instead of growing memory without limit.
    public var maxOutboundBytes = 4 * 1024 * 1024
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
    /// How long to wait for the peer's close frame after sending ours.
    public var closeTimeoutSeconds = 5.0
    /// On SIGINT/SIGTERM: how long connections get to finish their close handshakes.
    public var drainTimeoutSeconds = 5.0

    /// The conversation hub's queues, agents and settings (`--config`; the embedded demo otherwise).
    public var hub = Configuration.demo
    /// HS256 key for hub tokens; the executable keeps it in `--data-dir/hub-secret`. Empty = every
    /// `/v1/ws` upgrade is refused with 401.
    public var hubSecret: [UInt8] = []
    public var hubLimits = HubLimits()
    /// `POST /v1/customer-sessions` mints customer tokens for anonymous chat widgets.
    public var allowAnonymousCustomers = true
    /// Lifetime of tokens minted for anonymous customers.
    public var customerTokenSeconds: Int64 = 3600

    public init() {}

    var tlsEnabled: Bool { tlsCertificatePath != nil }
}

extension Double {
    /// Seconds to monotonic nanoseconds, saturating instead of trapping on absurd inputs.
    var nanoseconds: UInt64 {
        guard self > 0 else { return 0 }
        guard self < 1e9 else { return UInt64.max / 4 }
        return UInt64(self * 1e9)
    }
}
