import LiveHubDeflate
import LiveHubDomain
import LiveHubPosix
import LiveHubProtocol
import LiveHubTestSupport
import Testing

@testable import LiveHubServer

#if canImport(Glibc)
import Glibc
#endif

/// A web root made by the test: a few files, a folder, a large file, hidden files and symbolic links
/// pointing out of the root (to a secret beside it).
final class TestWebRoot {
    let base: String
    var root: String { base + "/public" }
    static let largeSize = 3 * 1024 * 1024 + 17

    init() throws {
        var template = Array("/tmp/livehub-web-XXXXXX".utf8CString)
        guard let directory = mkdtemp(&template) else { throw TestClientError("mkdtemp: errno \(errno)") }
        base = String(cString: directory)
        for folder in ["/public", "/public/assets", "/public/assets/js", "/outside"] {
            guard mkdir(base + folder, 0o755) == 0 else { throw TestClientError("mkdir \(folder)") }
        }
        try write("/outside/secret.txt", Array("the hub secret\n".utf8))
        try write("/public/agent.html", Array(Self.page.utf8))
        try write("/public/index.html", Array("<!doctype html><title>shop</title>".utf8))
        try write("/public/assets/js/app.js", Array(String(repeating: "export const value = 42;\n", count: 200).utf8))
        try write("/public/assets/logo.png", [0x89, 0x50, 0x4E, 0x47] + [UInt8](repeating: 7, count: 100))
        try write("/public/assets/.env", Array("HIDDEN=1".utf8))
        try write("/public/assets/big.bin", (0..<Self.largeSize).map { UInt8($0 % 251) })
        guard symlink(base + "/outside/secret.txt", base + "/public/assets/leak.txt") == 0,
            symlink(base + "/outside", base + "/public/assets/out") == 0
        else { throw TestClientError("symlink: errno \(errno)") }
    }

    static let page = "<!doctype html><html><head><title>agent</title></head><body>"
        + String(repeating: "<p>The agent console, repeated so that it compresses.</p>\n", count: 40) + "</body></html>"

    func write(_ path: String, _ bytes: [UInt8]) throws {
        guard let file = fopen(base + path, "wb") else { throw TestClientError("fopen \(path)") }
        defer { fclose(file) }
        guard bytes.withUnsafeBytes({ fwrite($0.baseAddress, 1, $0.count, file) }) == bytes.count else {
            throw TestClientError("short write \(path)")
        }
    }

    deinit {
        for path in [
            "/public/assets/leak.txt", "/public/assets/out", "/public/assets/big.bin", "/public/assets/.env",
            "/public/assets/logo.png", "/public/assets/js/app.js", "/public/index.html", "/public/agent.html",
            "/outside/secret.txt",
        ] { unlink(base + path) }
        for folder in ["/public/assets/js", "/public/assets", "/public", "/outside", ""] { rmdir(base + folder) }
    }
}

/// One parsed HTTP response.
struct RawResponse {
    let status: Int
    let headers: [(String, String)]
    let body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    init(_ bytes: [UInt8]) {
        let end = TransportEndpointTests.headEnd(in: bytes) ?? bytes.count
        let head = String(decoding: bytes[0..<end], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        status = Int(lines.first?.split(separator: " ")[1] ?? "0") ?? 0
        headers = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        body = Array(bytes[end...])
    }
}

@Suite("Static pages")
struct StaticFilesTests {
    static func get(_ server: TestServer, _ target: String, headers: [String] = [], method: String = "GET") throws
        -> RawResponse
    {
        let extra = headers.map { $0 + "\r\n" }.joined()
        return RawResponse(
            try serverBytes(server, "\(method) \(target) HTTP/1.1\r\nHost: x\r\n\(extra)Connection: close\r\n\r\n"))
    }

    static func serverBytes(_ server: TestServer, _ request: String) throws -> [UInt8] {
        let socket = try server.connect()
        try socket.send(request)
        return try TransportEndpointTests.readToEnd(socket)
    }

    // MARK: Pure rules

    @Test(
        "a request path that is not a plain relative path is refused, however it is spelled",
        arguments: [
            "..", "%2e%2e", "%2E%2E/agent.html", "..%2fhub-secret", "js/../../x", "js/%2e%2e/%2e%2e/x", "js\\..\\x",
            "js%5c..%5cx", "%00", "js/%00app.js", "js//app.js", ".env", "js/.hidden", "%", "%2", "%zz", "%ff%fe",
            "js/app.js%0a", "/etc/passwd", "",
        ])
    func refusedPaths(_ path: String) {
        #expect(StaticRequest.relativePath(path) == nil)
    }

    @Test("plain relative paths are decoded once")
    func acceptedPaths() {
        #expect(StaticRequest.relativePath("js/app.js") == "js/app.js")
        #expect(StaticRequest.relativePath("a%20b.css") == "a b.css")
        #expect(StaticRequest.relativePath("%252e%252e") == "%2e%2e")  // Decoded once: a name, not "..".
        #expect(StaticRequest.relativePath("caf%C3%A9.txt") == "café.txt")
    }

    @Test(
        "Accept-Encoding: gzip, x-gzip or * with q above 0 (RFC 9110 §12.5.3)",
        arguments: [
            ("gzip", true), ("gzip, deflate, br", true), ("br;q=1.0, gzip;q=0.8", true), ("x-gzip", true),
            ("*", true), ("gzip;q=0", false), ("*;q=0", false), ("deflate", false), ("", false),
            ("gzip;q=0, *", false), ("identity", false), ("GZIP", true),
        ])
    func acceptEncoding(_ field: String, _ expected: Bool) {
        #expect(StaticRequest.acceptsGzip(field.isEmpty ? [] : [field]) == expected)
    }

    @Test("If-None-Match matches a listed tag (weakly) or *")
    func ifNoneMatch() {
        #expect(StaticRequest.matches(["\"a\""], tag: "\"a\""))
        #expect(StaticRequest.matches(["\"x\", W/\"a\""], tag: "\"a\""))
        #expect(StaticRequest.matches(["*"], tag: "\"a\""))
        #expect(!StaticRequest.matches(["\"a-gz\""], tag: "\"a\""))
        #expect(!StaticRequest.matches([], tag: "\"a\""))
    }

    @Test("content types by extension")
    func contentTypes() {
        #expect(ContentTypes.type(forPath: "agent.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.type(forPath: "assets/js/app.js") == "text/javascript; charset=utf-8")
        #expect(ContentTypes.type(forPath: "assets/css/a.css") == "text/css; charset=utf-8")
        #expect(ContentTypes.type(forPath: "assets/favicon.svg") == "image/svg+xml")
        #expect(ContentTypes.type(forPath: "a.png") == "image/png")
        #expect(ContentTypes.type(forPath: "noextension") == "application/octet-stream")
        #expect(!ContentTypes.isCompressible("image/png"))
    }

    // MARK: The catalog

    @Test("the walk skips hidden files and every symbolic link, so nothing outside the root is read")
    func catalogWalk() throws {
        let web = try TestWebRoot()
        let catalog = try StaticCatalog.load(root: web.root)
        #expect(Set(catalog.assets.keys) == ["agent.html", "index.html", "assets/js/app.js", "assets/logo.png", "assets/big.bin"])
        #expect(catalog.skipped.contains("assets/leak.txt"))
        #expect(catalog.skipped.contains("assets/out"))
        #expect(!catalog.assets.values.contains { String(decoding: $0.identity, as: UTF8.self).contains("the hub secret") })
        // Text compresses; a PNG is not touched; identical content gets the identical tag.
        #expect(catalog.assets["agent.html"]?.gzip != nil)
        #expect(catalog.assets["assets/logo.png"]?.gzip == nil)
        let again = try StaticCatalog.load(root: web.root)
        #expect(again.assets["agent.html"]?.identityTag == catalog.assets["agent.html"]?.identityTag)
    }

    @Test("a missing web root is an error naming the folder, not a crash")
    func missingRoot() {
        #expect(throws: StaticCatalog.LoadError.self) { try StaticCatalog.load(root: "/nonexistent/livehub-pages") }
    }

    // MARK: Over sockets

    @Test("a page: its type, CSP, ETag, no-cache, gzip when accepted, 304 on If-None-Match")
    func servedPage() throws {
        let web = try TestWebRoot()
        let server = try TestServer { $0.webRoot = web.root }
        let plain = try Self.get(server, "/agent")
        #expect(plain.status == 200)
        #expect(plain.header("Content-Type") == "text/html; charset=utf-8")
        #expect(plain.header("Content-Security-Policy") == StaticFileEndpoint.contentSecurityPolicy)
        #expect(plain.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
        #expect(plain.header("Cache-Control") == "no-cache")
        #expect(plain.header("X-Content-Type-Options") == "nosniff")
        #expect(plain.header("Vary") == "Accept-Encoding")
        #expect(plain.header("Content-Encoding") == nil)
        #expect(plain.body.elementsEqual(TestWebRoot.page.utf8))
        let tag = try #require(plain.header("ETag"))

        let zipped = try Self.get(server, "/agent", headers: ["Accept-Encoding: gzip, br"])
        #expect(zipped.header("Content-Encoding") == "gzip")
        #expect(zipped.body.count < plain.body.count / 4)
        #expect(Gzip.decompress(zipped.body).map { $0 == plain.body } == true)
        #expect(zipped.header("ETag") != tag)

        let notModified = try Self.get(server, "/agent", headers: ["If-None-Match: \(tag)"])
        #expect(notModified.status == 304)
        #expect(notModified.body.isEmpty)
        #expect(notModified.header("ETag") == tag)
        #expect(notModified.header("Content-Length") == nil)
        #expect(try Self.get(server, "/agent", headers: ["If-None-Match: \"other\""]).status == 200)

        let head = try Self.get(server, "/agent", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.header("Content-Length") == String(TestWebRoot.page.utf8.count))
        #expect(try Self.get(server, "/agent", method: "POST").status == 405)
    }

    @Test("assets are public to other origins (the widget) and carry no document headers")
    func servedAsset() throws {
        let web = try TestWebRoot()
        let server = try TestServer { $0.webRoot = web.root }
        let script = try Self.get(server, "/assets/js/app.js")
        #expect(script.status == 200)
        #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
        #expect(script.header("Access-Control-Allow-Origin") == "*")
        #expect(script.header("Content-Security-Policy") == nil)
        let image = try Self.get(server, "/assets/logo.png", headers: ["Accept-Encoding: gzip"])
        #expect(image.header("Content-Type") == "image/png")
        #expect(image.header("Content-Encoding") == nil && image.header("Vary") == nil)
    }

    @Test("a 3 MiB file is streamed byte for byte, and a keep-alive request after it is answered")
    func largeFileStreams() throws {
        let web = try TestWebRoot()
        let server = try TestServer { $0.webRoot = web.root }
        let bytes = try Self.serverBytes(
            server,
            "GET /assets/big.bin HTTP/1.1\r\nHost: x\r\n\r\nGET /assets/logo.png HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let end = try #require(TransportEndpointTests.headEnd(in: bytes))
        let first = RawResponse(Array(bytes[0..<end]))
        #expect(first.status == 200)
        #expect(first.header("Content-Length") == String(TestWebRoot.largeSize))
        let body = bytes[end..<(end + TestWebRoot.largeSize)]
        #expect(body.elementsEqual((0..<TestWebRoot.largeSize).lazy.map { UInt8($0 % 251) }))
        let second = RawResponse(Array(bytes[(end + TestWebRoot.largeSize)...]))
        #expect(second.status == 200 && second.header("Content-Type") == "image/png")
    }

    @Test(
        "no path traversal: encoded dots, backslashes, NUL, hidden files and links out of the root get 404",
        arguments: [
            "/assets/%2e%2e/agent.html", "/assets/..%2f..%2foutside%2fsecret.txt", "/assets/js%5c..%5c..%5cagent.html",
            "/assets/js/%00app.js", "/assets/.env", "/assets/leak.txt", "/assets/out/secret.txt", "/assets/%2e%2e%2f%2e%2e%2foutside/secret.txt",
            "/assets/js/../../agent.html", "/assets//js/app.js", "/assets/nope.js", "/agent.html", "/nope", "/assets/",
        ])
    func traversal(_ target: String) throws {
        let web = try TestWebRoot()
        let server = try TestServer { $0.webRoot = web.root }
        let response = try Self.get(server, target)
        #expect(response.status == 404)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("the hub secret"))
    }

    @Test("without --web-root the hub serves the pages SwiftPM copied next to the executable")
    func defaultRoot() throws {
        let server = try TestServer()
        #expect(server.server.webRoot?.hasSuffix("livehub_LiveHubWebPages.resources/public") == true)
        for (path, needle) in [("/", "widget.js"), ("/agent", "agent.js"), ("/supervisor", "supervisor.js"), ("/widget.js", "currentScript")] {
            let response = try Self.get(server, path)
            #expect(response.status == 200, "\(path)")
            #expect(String(decoding: response.body, as: UTF8.self).contains(needle), "\(path)")
        }
    }

    @Test("the real pages satisfy their CSP: no inline script, style or event handler; every script is a file")
    func pagesSatisfyPolicy() throws {
        let root = try #require(StaticCatalog.defaultRoot())
        let catalog = try StaticCatalog.load(root: root)
        let documents = catalog.assets.values.filter(\.isDocument)
        #expect(documents.count == 3)
        for document in documents {
            let text = String(decoding: document.identity, as: UTF8.self).lowercased()
            for piece in text.split(separator: "<script").dropFirst() {
                let tag = piece.prefix { $0 != ">" }
                #expect(tag.contains("src="), "\(document.path): an inline script")
            }
            #expect(!text.contains("<style"), "\(document.path)")
            #expect(!text.contains(" style="), "\(document.path)")
            #expect(text.firstRange(of: #/\son[a-z]+=/#) == nil, "\(document.path): an inline event handler")
            #expect(!text.contains("javascript:"), "\(document.path)")
        }
        // Each page's own JavaScript and CSS stays under 150 KB (the browser test measures what loads).
        let code = catalog.assets.values.filter { $0.path.hasSuffix(".js") || $0.path.hasSuffix(".css") }
        #expect(code.reduce(0) { $0 + $1.identity.count } <= 150 * 1024 * 2)
    }

    // MARK: Directory and links

    @Test("GET /v1/directory: staff get names, queues (with the capacity units a conversation takes) and capacities; customers 403; no token 401")
    func directory() throws {
        let server = try TestServer()
        func token(_ role: Role, _ subject: String) -> String {
            let now = WallClock.millisecondsSinceEpoch() / 1000
            return TokenIssuer(secret: TestServer.hubSecret).issue(
                TokenClaims(subject: UserId(subject), role: role, name: subject, expiresAt: now + 600, issuedAt: now))
        }
        #expect(try Self.get(server, "/v1/directory").status == 401)
        let agent = try Self.get(server, "/v1/directory", headers: ["Authorization: Bearer \(token(.agent, "alice"))"])
        #expect(agent.status == 200)
        let body = String(decoding: agent.body, as: UTF8.self)
        #expect(body.contains("{\"id\":\"alice\",\"name\":\"Alice Archer\",\"queues\":[\"general\",\"billing\"],\"capacity\":4}"))
        #expect(body.contains("\"allowedPresences\":[\"available\"]"))
        #expect(body.contains("\"allowedPresences\":[\"available\",\"busy\"],\"capacityUnits\":2}"))
        let customer = try Self.get(server, "/v1/directory", headers: ["Authorization: Bearer \(token(.customer, "c-1"))"])
        #expect(customer.status == 403)
        // A token in the query is ignored here: tokens in URLs end up in logs.
        #expect(try Self.get(server, "/v1/directory?token=\(token(.agent, "alice"))").status == 401)
    }

    @Test("sign-in links: the role's page, the token in the fragment, wildcard hosts made reachable")
    func links() throws {
        #expect(PageLinks.link(base: "http://h:1/", role: "agent", token: "T") == "http://h:1/agent#token=T")
        #expect(PageLinks.link(base: "http://h:1", role: "admin", token: "T") == "http://h:1/supervisor#token=T")
        #expect(PageLinks.link(base: "http://h:1", role: "customer", token: "T") == nil)
        #expect(PageLinks.baseURL(host: "0.0.0.0", port: 8080, tls: false) == "http://127.0.0.1:8080")
        #expect(PageLinks.baseURL(host: "::1", port: 8443, tls: true) == "https://[::1]:8443")
        let lines = PageLinks.demoLines(
            base: "http://127.0.0.1:8080", configuration: .demo, secret: TestServer.hubSecret, nowSeconds: 1_000,
            ttlSeconds: 3_600)
        #expect(lines.count == 2 + Configuration.demo.agents.count + Configuration.demo.supervisors.count + 1)
        #expect(lines.contains { $0.hasPrefix("  agent console, Alice Archer: http://127.0.0.1:8080/agent#token=") })
        #expect(lines.contains { $0.hasPrefix("  supervisor settings, admin: http://127.0.0.1:8080/supervisor#token=") })
        let parsed = try CommandLineParser.parse(["token", "--role", "agent", "--sub", "alice", "--link", "--url", "http://h:9"])
        guard case .token(let options) = parsed else { Issue.record("not a token command"); return }
        #expect(options.link && options.baseURL == "http://h:9")
        #expect(throws: CommandLineError.self) { try CommandLineParser.parse(["token", "--role", "customer", "--sub", "c", "--link"]) }
        guard case .serve(let serve) = try CommandLineParser.parse(["--web-root", "/srv/pages"]) else { return }
        #expect(serve.configuration.webRoot == "/srv/pages")
    }
}
