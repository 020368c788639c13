import LiveHubProtocol
import LiveHubTLS
import Synchronization

/// State shared by every loop. Everything here is either immutable or atomic/locked.
final class SharedServerState: Sendable {
    let configuration: ServerConfiguration
    let tlsContext: TLSServerContext?
    let openConnections = Atomic<Int>(0)
    let nextConnectionID = Atomic<UInt64>(1)
    let rooms = RoomDirectory()
    let tokenVerifier: TokenVerifier?
    let tokenIssuer: TokenIssuer?

    init(configuration: ServerConfiguration, tlsContext: TLSServerContext?) {
        self.configuration = configuration
        self.tlsContext = tlsContext
        let secret = configuration.hubSecret
        tokenVerifier = secret.isEmpty ? nil : TokenVerifier(secret: secret)
        tokenIssuer = secret.isEmpty ? nil : TokenIssuer(secret: secret)
    }

    func makeConnectionID() -> UInt64 {
        nextConnectionID.wrappingAdd(1, ordering: .relaxed).oldValue
    }
}
