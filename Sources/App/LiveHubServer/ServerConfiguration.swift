import LiveHubDomain
import LiveHubJournalStore
import LiveHubPosix
import LiveHubProtocol
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

    /// The hub's data directory (`--data-dir`, which must exist): the server locks it and keeps the
    /// journal in `journal/` and snapshots in `snapshots/` (the newest usable one plus the journal after
    /// it are replayed at start), and closed conversations in `archive/`. nil: no lock and no journal, an in-memory hub whose
    /// acknowledgements promise nothing (tests of everything else).
    public var dataDirectory: String?
    /// When the journal syncs, and so what an acknowledgement promises (`--fsync`).
    public var journalSync: JournalSyncMode = .group
    /// Start on a corrupt journal by keeping what is before the damage (`--repair`).
    public var repairJournal = false
    /// The journal's file operations; tests put a disk with faults here.
    public var journalDisk: any JournalDisk = PosixJournalDisk()
    /// When snapshots are written and how many are kept (`--snapshot-mib`).
    public var snapshots = SnapshotSettings()
    /// Closed conversations are removed from disk this many days after the UTC day they closed on
    /// (`--retention-days`, or `"storage": {"retentionDays"}` in the configuration file).
    public var retentionDays = 90
    /// How long a closed conversation stays in memory before it is archived (`--archive-after`); nil:
    /// the configuration's `timing.closedInMemorySeconds` (10 minutes by default).
    public var closedInMemoryMilliseconds: Int64?
    /// How often retention is checked.
    public var retentionCheckMilliseconds: Int64 = 3_600_000
    /// The clock retention measures against; tests move it.
    public var retentionClock: @Sendable () -> Instant = { Instant(millisecondsSinceEpoch: WallClock.millisecondsSinceEpoch()) }

    public init() {}

    /// Takes a configuration file's settings: the hub's, and those of customer sessions when the file
    /// has them (its origins are added to `--allow-origin`'s).
    public mutating func apply(_ file: ConfigurationFile.Contents) {
        hub = file.hub
        if let storage = file.storage { retentionDays = storage.retentionDays }
        guard let sessions = file.customerSessions else { return }
        allowAnonymousCustomers = sessions.anonymous
        customerTokenSeconds = sessions.tokenSeconds
        customerSessionsPerMinute = sessions.perMinute
        customerSessionsBurst = sessions.burst
        if let origins = sessions.allowedOrigins {
            transport.allowedOrigins = (transport.allowedOrigins ?? []) + origins
        }
    }

    /// The hub's configuration with `--archive-after` laid over its timing.
    var effectiveHub: Configuration {
        var configuration = hub
        if let closedInMemoryMilliseconds { configuration.timing.closedInMemoryMilliseconds = closedInMemoryMilliseconds }
        return configuration
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<TransportConfiguration, Value>) -> Value {
        get { transport[keyPath: keyPath] }
        set { transport[keyPath: keyPath] = newValue }
    }
}
