import LiveHubDomain
import LiveHubTransport

/// Everything the server can be told: the transport's settings (reachable directly, e.g.
/// `configuration.port`, through dynamic member lookup) plus the hub's. Defaults are the embedded demo
/// settings `swift run livehub` uses.
@dynamicMemberLookup
public struct ServerConfiguration: Sendable {
    /// Listening, TLS, limits and timeouts: everything the transport needs.
    public var transport = TransportConfiguration()
    /// Serve `/echo` (every message comes back): for conformance runs and benchmarks.
    public var echoEnabled = false
    /// Serve `/room/NAME` (each message goes to every member of the room): bench-only.
    public var benchRoomsEnabled = false

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
    /// Customer sessions (and refreshes) each source address may mint per minute, sustained…
    public var customerSessionsPerMinute = 10.0
    /// …and at once; beyond it, 429 with `Retry-After`.
    public var customerSessionsBurst = 20.0
    /// The longest lifetime (`exp` minus now) of a token the hub accepts, whoever signed it: a leaked
    /// token cannot be good for years.
    public var maxTokenLifetimeSeconds: Int64 = 86_400
    /// The folder the pages are served from (`--web-root`); nil = the resource bundle SwiftPM copies
    /// next to the executable (`StaticCatalog.defaultRoot`).
    public var webRoot: String?

    public init() {}

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<TransportConfiguration, Value>) -> Value {
        get { transport[keyPath: keyPath] }
        set { transport[keyPath: keyPath] = newValue }
    }
}
