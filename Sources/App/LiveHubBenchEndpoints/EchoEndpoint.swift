import LiveHubHTTP
import LiveHubTransport

/// `/echo` (bench and conformance only): every message comes straight back. One session object serves
/// every connection, since echo keeps no per-connection state: an idle echo socket allocates nothing.
public final class EchoEndpoint: WebSocketEndpoint, WebSocketSession {
    public init() {}

    public var subprotocols: [String] { [] }

    public func admit(_ request: HTTPRequestHead, wildcard: String?, on connection: Connection) -> WebSocketAdmission {
        .accept(self)
    }

    public func opened(_ connection: Connection) {}
    public func received(text: UnsafeRawBufferPointer, from connection: Connection) { connection.send(.text, text) }
    public func received(binary: UnsafeRawBufferPointer, from connection: Connection) { connection.send(.binary, binary) }
    public func closed(_ connection: Connection) {}
}
