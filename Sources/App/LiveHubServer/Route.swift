import LiveHubHTTP

/// What an HTTP request can be routed to. WebSocket routes upgrade; the rest answer plain HTTP.
enum Route: Sendable {
    case health
    case echo
    case room

    var isWebSocket: Bool {
        switch self {
        case .health: return false
        case .echo, .room: return true
        }
    }

    static func makeRouter(configuration: ServerConfiguration) -> HTTPRouter<Route> {
        var router = HTTPRouter<Route>()
        router.add("GET", "/healthz", .health)
        // Bench and conformance routes exist only when asked for: they are not part of the product.
        if configuration.echoEnabled { router.add("GET", "/echo", .echo) }
        if configuration.benchRoomsEnabled { router.add("GET", "/room/*", .room) }
        return router
    }
}
