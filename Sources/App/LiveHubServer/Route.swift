import LiveHubHTTP

/// What an HTTP request can be routed to. WebSocket routes upgrade; the rest answer plain HTTP.
enum Route: Sendable {
    case health
    case echo
    case room
    case hub
    case customerSessions

    var isWebSocket: Bool {
        switch self {
        case .health, .customerSessions: return false
        case .echo, .room, .hub: return true
        }
    }

    static func makeRouter(configuration: ServerConfiguration) -> HTTPRouter<Route> {
        var router = HTTPRouter<Route>()
        router.add("GET", "/healthz", .health)
        router.add("GET", "/v1/ws", .hub)
        router.add("POST", "/v1/customer-sessions", .customerSessions)
        // Bench and conformance routes exist only when asked for: they are not part of the product.
        if configuration.echoEnabled { router.add("GET", "/echo", .echo) }
        if configuration.benchRoomsEnabled { router.add("GET", "/room/*", .room) }
        return router
    }
}
