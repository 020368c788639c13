import LiveHubTLS
import Synchronization

/// State shared by every loop. Everything here is either immutable or atomic.
final class SharedTransportState: Sendable {
    let configuration: TransportConfiguration
    let tlsContext: TLSServerContext?
    let openConnections = Atomic<Int>(0)
    let nextConnectionID = Atomic<UInt64>(1)

    init(configuration: TransportConfiguration, tlsContext: TLSServerContext?) {
        self.configuration = configuration
        self.tlsContext = tlsContext
    }

    func makeConnectionID() -> UInt64 {
        nextConnectionID.wrappingAdd(1, ordering: .relaxed).oldValue
    }
}
