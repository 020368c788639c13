import Testing

@testable import LiveHubHTTP

@Suite("Routing")
struct HTTPRouterTests {
    private var router: HTTPRouter<String> {
        var router = HTTPRouter<String>()
        router.add("GET", "/healthz", "health")
        router.add("GET", "/room/*", "room")
        router.add("DELETE", "/room/*", "delete-room")
        router.add("POST", "/room/special", "special")
        router.add("GET", "/room/deep/*", "deep")
        router.add("PUT", "/*", "any")
        return router
    }

    @Test(
        "routes resolve by exactness, prefix length and method",
        arguments: [
            ("GET", "/healthz", RouteMatch<String>.found("health", wildcard: nil)),
            ("HEAD", "/healthz", .found("health", wildcard: nil)),
            ("GET", "/room/42", .found("room", wildcard: "42")),
            ("GET", "/room/a/b", .found("room", wildcard: "a/b")),
            ("DELETE", "/room/42", .found("delete-room", wildcard: "42")),
            ("GET", "/room/deep/x", .found("deep", wildcard: "x")),
            ("POST", "/room/special", .found("special", wildcard: nil)),
            ("GET", "/room/special", .found("room", wildcard: "special")),
            ("PUT", "/anything", .found("any", wildcard: "anything")),
            ("GET", "/nowhere", .methodNotAllowed(allowed: ["PUT"])),
            ("POST", "/healthz", .methodNotAllowed(allowed: ["GET", "HEAD", "PUT"])),
            ("POST", "/room/42", .methodNotAllowed(allowed: ["DELETE", "GET", "HEAD", "PUT"])),
            ("get", "/healthz", .methodNotAllowed(allowed: ["GET", "HEAD", "PUT"])),
        ])
    func resolution(method: String, path: String, expected: RouteMatch<String>) {
        #expect(router.route(method: method, path: path) == expected)
    }

    @Test("a prefix pattern needs a non-empty rest; unknown paths are not found")
    func emptyWildcard() {
        var router = HTTPRouter<String>()
        router.add("GET", "/room/*", "room")
        #expect(router.route(method: "GET", path: "/room/") == .notFound)
        #expect(router.route(method: "GET", path: "/room") == .notFound)
        #expect(router.route(method: "GET", path: "/other") == .notFound)
    }

    @Test("registering a method and path again replaces the handler; an explicit HEAD wins over GET")
    func replacement() {
        var router = HTTPRouter<String>()
        router.add("GET", "/x", "old")
        router.add("GET", "/x", "new")
        router.add("HEAD", "/x", "head")
        #expect(router.route(method: "GET", path: "/x") == .found("new", wildcard: nil))
        #expect(router.route(method: "HEAD", path: "/x") == .found("head", wildcard: nil))
    }
}
