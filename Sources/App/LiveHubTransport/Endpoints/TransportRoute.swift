import LiveHubHTTP
import LiveHubPosix

/// What a route leads to: an HTTP endpoint or a WebSocket endpoint.
///
/// `@unchecked Sendable` only because `HTTPRouter` asks for it: each loop builds its own router with its
/// own endpoints (see `TransportServer.start`), and neither ever leaves that loop's thread.
public enum TransportRoute: @unchecked Sendable {
    case http(any HTTPEndpoint)
    case webSocket(any WebSocketEndpoint)
}

/// Carries a loop-confined object across threads. Safe only because the value is touched exclusively
/// from code running on its own loop (via `EventLoop.execute`).
public struct LoopConfined<Value: AnyObject>: @unchecked Sendable {
    public let value: Value
    public init(value: Value) { self.value = value }
}

/// A connection as seen from another thread: work for it is posted to its loop.
public struct ConnectionReference: Sendable {
    public let loop: EventLoop
    public let loopIndex: Int
    let connection: LoopConfined<Connection>

    /// Runs `work` with the connection on its own loop, during that loop's next iteration.
    public func execute(_ work: @escaping @Sendable (Connection) -> Void) {
        let connection = self.connection
        loop.execute { work(connection.value) }
    }

    /// The connection itself, for code already running on `loop` (e.g. a batch posted there).
    public func onLoop() -> Connection { connection.value }
}

/// `/healthz`: `{"status":"ok","connections":N}`, or 503 `draining` once the server drains.
public final class HealthEndpoint: HTTPEndpoint {
    public init() {}

    public func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        let draining = context.loop.isDraining
        let body = "{\"status\":\"\(draining ? "draining" : "ok")\",\"connections\":\(context.loop.openConnectionCount)}"
        return .response(.json(draining ? .serviceUnavailable : .ok, body))
    }
}
