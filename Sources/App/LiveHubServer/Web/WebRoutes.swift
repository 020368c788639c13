import LiveHubDomain
import LiveHubHTTP
import LiveHubProtocol
import LiveHubTransport

/// The browser-facing routes: the three pages, the embeddable widget, their assets and the staff
/// directory. Each loop gets its own endpoint objects over the one shared, immutable catalog.
enum WebRoutes {
    /// Page routes and the file each serves.
    static let pages: [(route: String, file: String)] = [
        ("/", "index.html"),
        ("/agent", "agent.html"),
        ("/supervisor", "supervisor.html"),
        ("/widget.js", "widget.js"),
    ]

    static func add(
        to router: inout HTTPRouter<TransportRoute>, catalog: StaticCatalog, configuration: Configuration,
        authentication: HubAuthentication?
    ) {
        for page in pages {
            router.add("GET", page.route, .http(StaticFileEndpoint(catalog: catalog, target: .file(page.file))))
        }
        router.add("GET", "/assets/*", .http(StaticFileEndpoint(catalog: catalog, target: .folder("assets"))))
        router.add(
            "GET", "/v1/directory",
            .http(DirectoryEndpoint(configuration: configuration, authentication: authentication)))
    }
}

/// Links that open a page signed in (`…/agent#token=…`): the token rides in the fragment, which the
/// browser never sends to any server; the page moves it to session storage and removes it from the
/// address bar.
public enum PageLinks {
    /// The page a role signs in to: agents to the console, supervisors and admins to the dashboard.
    public static func path(forRole role: String) -> String? {
        switch role {
        case "agent": return "/agent"
        case "supervisor", "admin": return "/supervisor"
        default: return nil
        }
    }

    /// `http://HOST:PORT` (https with TLS) for a listening address: a wildcard bind address (0.0.0.0,
    /// ::) becomes the loopback address, and IPv6 hosts get brackets.
    public static func baseURL(host: String, port: UInt16, tls: Bool) -> String {
        var shown = host
        if shown == "0.0.0.0" || shown.isEmpty { shown = "127.0.0.1" }
        if shown == "::" || shown == "[::]" { shown = "[::1]" }
        if shown.contains(":") && !shown.hasPrefix("[") { shown = "[\(shown)]" }
        return "\(tls ? "https" : "http")://\(shown):\(port)"
    }

    /// `base` + the role's page + `#token=…`; nil for roles without a page.
    public static func link(base: String, role: String, token: String) -> String? {
        guard let path = path(forRole: role) else { return nil }
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        return trimmed + path + "#token=" + token
    }

    /// The startup lines for the embedded demo: the widget page, then one signed-in link per demo user
    /// (every agent, every supervisor, and an admin), valid `ttlSeconds`.
    public static func demoLines(
        base: String, configuration: Configuration, secret: [UInt8], nowSeconds: Int64, ttlSeconds: Int64
    ) -> [String] {
        guard !secret.isEmpty else { return [] }
        let issuer = TokenIssuer(secret: secret)
        func link(_ role: Role, _ id: UserId, _ name: String) -> String {
            let claims = TokenClaims(
                subject: id, role: role, name: name, expiresAt: nowSeconds + ttlSeconds, issuedAt: nowSeconds)
            return self.link(base: base, role: role.wireName, token: issuer.issue(claims)) ?? base
        }
        let hours = ttlSeconds >= 3600 ? "\(ttlSeconds / 3600) h" : "\(ttlSeconds) s"
        var lines = [
            "pages, signed in as the demo's people (links valid \(hours); whoever has a link is that person):",
            "  chat widget on a demo shop: \(base)/",
        ]
        for agent in configuration.agents {
            lines.append("  agent console, \(agent.name): \(link(.agent, agent.id, agent.name))")
        }
        for supervisor in configuration.supervisors {
            lines.append("  supervisor dashboard, \(supervisor.name): \(link(.supervisor, supervisor.id, supervisor.name))")
        }
        lines.append("  supervisor settings, admin: \(link(.admin, UserId("admin"), "Admin"))")
        return lines
    }
}
