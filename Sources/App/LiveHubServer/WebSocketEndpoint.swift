/// What a WebSocket route does with a session. Called on the session's loop thread; the payload
/// memory is valid only during the call (it points into the loop's receive buffer).
protocol WebSocketEndpoint: AnyObject {
    func sessionOpened(_ session: Connection, wildcard: String?)
    func received(text: UnsafeRawBufferPointer, from session: Connection)
    func received(binary: UnsafeRawBufferPointer, from session: Connection)
    func sessionClosed(_ session: Connection)
}

/// `/echo`: every message comes straight back (conformance runs and benchmarks).
final class EchoEndpoint: WebSocketEndpoint {
    func sessionOpened(_ session: Connection, wildcard: String?) {}
    func received(text: UnsafeRawBufferPointer, from session: Connection) { session.send(.text, text) }
    func received(binary: UnsafeRawBufferPointer, from session: Connection) { session.send(.binary, binary) }
    func sessionClosed(_ session: Connection) {}
}
