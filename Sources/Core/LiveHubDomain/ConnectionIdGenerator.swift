/// Mints connection ids that never repeat across restarts: `s<boot><nonce>-<n>`.
///
/// `<boot>` is the instant the server started (milliseconds since the epoch, base 36), `<nonce>` a
/// random number drawn at start (base 36, always 7 digits) and `<n>` the connection's number in this
/// process (1, 2, 3 …). Why: a connection id names a session (`welcome.sessionId`, the monitor
/// notifications), and the journal outlives the process. With `s<n>` alone n restarts at 1 in every
/// process, so anything recorded about `s5` would describe whoever got `s5` after a restart. A later
/// start gives a different `<boot>`; the nonce covers two starts in the same millisecond and a clock
/// that stepped back. The nonce has a fixed width, so one prefix spells exactly one (boot, nonce) pair.
///
/// Pure: the caller reads the clock and the random source once, at start, and owns the counter (the
/// server numbers connections with one atomic counter shared by every loop).
public struct ConnectionIdGenerator: Hashable, Sendable {
    /// `s<boot><nonce>`: what every id of this process starts with.
    public let prefix: String

    /// Digits of a `UInt32` nonce in base 36 (`UInt32.max` is `1z141z3`).
    static let nonceDigits = 7

    public init(bootedAt: Instant, nonce: UInt32) {
        let boot = String(UInt64(max(0, bootedAt.millisecondsSinceEpoch)), radix: 36)
        let nonceText = String(nonce, radix: 36)
        let padding = String(repeating: "0", count: Self.nonceDigits - nonceText.count)
        prefix = "s\(boot)\(padding)\(nonceText)"
    }

    /// The id of connection number `number` of this process.
    public func id(number: UInt64) -> ConnectionId {
        ConnectionId("\(prefix)-\(number)")
    }
}
