import LiveHubDomain
import LiveHubPosix

extension WallClock {
    /// The domain's clock value for "now": the shell reads the clock, the core is handed the value.
    static func now() -> Instant { Instant(millisecondsSinceEpoch: millisecondsSinceEpoch()) }
}
