/// The outcome of routing a request.
public enum RouteMatch<Handler: Sendable>: Sendable {
    /// A route matched; `wildcard` is what a `/*` pattern captured (never empty), nil for exact routes.
    case found(Handler, wildcard: String?)
    /// No route has this path.
    case notFound
    /// Routes have this path, but not for this method: answer 405 with `Allow: <allowed>`
    /// (RFC 9110 §15.5.6). `allowed` is sorted and includes HEAD wherever GET is routed.
    case methodNotAllowed(allowed: [String])
}

extension RouteMatch: Equatable where Handler: Equatable {}

/// Maps a method and a path to a handler.
///
/// A pattern is either exact (`/healthz`) or a prefix ending in `/*` (`/room/*`) that captures the
/// rest of the path, which must be non-empty (`/room/` alone does not match). Exact routes win
/// over prefixes, and longer prefixes over shorter ones. HEAD is served by the GET handler unless
/// a HEAD route exists (RFC 9110 §9.3.2). Paths are compared as sent (still percent-encoded).
public struct HTTPRouter<Handler: Sendable>: Sendable {
    /// The handlers registered for one pattern, by method.
    private struct Route: Sendable {
        var prefix: String
        var handlers: [(method: String, handler: Handler)]

        func handler(for method: String) -> Handler? {
            if let match = handlers.first(where: { $0.method == method }) { return match.handler }
            if method == "HEAD" { return handlers.first(where: { $0.method == "GET" })?.handler }
            return nil
        }

        var allowedMethods: [String] {
            var methods = handlers.map(\.method)
            if methods.contains("GET"), !methods.contains("HEAD") { methods.append("HEAD") }
            return methods
        }
    }

    private var exactRoutes: [String: Route] = [:]
    /// Sorted longest prefix first, so the most specific prefix is tried first.
    private var prefixRoutes: [Route] = []

    /// Creates an empty router.
    public init() {}

    /// Registers `handler` for `method` on `path`; registering the same pair again replaces it.
    public mutating func add(_ method: String, _ path: String, _ handler: Handler) {
        if path.hasSuffix("/*") {
            let prefix = String(path.dropLast())
            if let index = prefixRoutes.firstIndex(where: { $0.prefix == prefix }) {
                HTTPRouter.register(method, handler, in: &prefixRoutes[index])
            } else {
                var route = Route(prefix: prefix, handlers: [])
                HTTPRouter.register(method, handler, in: &route)
                prefixRoutes.append(route)
                prefixRoutes.sort { $0.prefix.utf8.count > $1.prefix.utf8.count }
            }
        } else {
            var route = exactRoutes[path] ?? Route(prefix: path, handlers: [])
            HTTPRouter.register(method, handler, in: &route)
            exactRoutes[path] = route
        }
    }

    private static func register(_ method: String, _ handler: Handler, in route: inout Route) {
        route.handlers.removeAll { $0.method == method }
        route.handlers.append((method: method, handler: handler))
    }

    /// Finds the handler for `method` on `path`. When some route has the path but none has the
    /// method, the answer lists the methods of every route that has the path.
    public func route(method: String, path: String) -> RouteMatch<Handler> {
        var allowed: Set<String> = []
        if let route = exactRoutes[path] {
            if let handler = route.handler(for: method) { return .found(handler, wildcard: nil) }
            allowed.formUnion(route.allowedMethods)
        }
        for route in prefixRoutes where path.hasPrefix(route.prefix) && path.utf8.count > route.prefix.utf8.count {
            let rest = String(path.utf8.dropFirst(route.prefix.utf8.count)) ?? ""
            if let handler = route.handler(for: method) { return .found(handler, wildcard: rest) }
            allowed.formUnion(route.allowedMethods)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed.sorted())
    }
}
