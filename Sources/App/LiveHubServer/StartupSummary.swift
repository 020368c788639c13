import LiveHubDomain
import LiveHubPosix

/// What `livehub serve` prints after `listening on HOST:PORT`, for the person who just started it:
/// where the data is, which configuration is loaded (for the embedded demo: its people, queues and
/// channels), and how to get a token.
public enum StartupSummary {
    public static func lines(
        address: String, dataDirectory: String, configPath: String?, configuration: Configuration,
        recovery: RecoverySummary? = nil
    ) -> [String] {
        let source = configPath.map { "configuration: \($0)" } ?? "configuration: the embedded demo (--config PATH for your own)"
        let queues = configuration.queues.map { "\($0.id.rawValue) (\($0.name))" }.joined(separator: ", ")
        let agents = configuration.agents.map { "\($0.id.rawValue) (\($0.name))" }.joined(separator: ", ")
        let supervisors = configuration.supervisors.map { "\($0.id.rawValue) (\($0.name))" }.joined(separator: ", ")
        var lines = [
            "data directory: \(dataDirectory)",
        ]
        if let recovery { lines.append(recovery.line) }
        lines += [
            source,
            "  queues: \(queues.isEmpty ? "none" : queues)",
            "  agents: \(agents.isEmpty ? "none" : agents)",
            "  supervisors: \(supervisors.isEmpty ? "none" : supervisors)",
        ]
        if let agent = configuration.agents.first {
            lines.append(
                "a token for a WebSocket client: livehub token --role agent --sub \(agent.id.rawValue) --data-dir \(dataDirectory)")
        }
        lines.append("customer tokens for a chat widget: POST http://\(address)/v1/customer-sessions")
        lines.append("health: http://\(address)/healthz · stop with Ctrl-C (drains, then exits 0)")
        return lines
    }

    /// The lines about the browser pages: where they are and, for the embedded demo, one signed-in
    /// link per demo person (`PageLinks.demoLines`), so a newcomer's first minute is: start, open, chat.
    public static func pageLines(
        base: String, webRoot: String?, problem: String?, isDemo: Bool, configuration: Configuration,
        secret: [UInt8], tokenSeconds: Int64
    ) -> [String] {
        guard webRoot != nil else {
            return ["pages: not served (\(problem ?? "no web root")); --web-root PATH names the folder"]
        }
        guard isDemo else {
            return [
                "pages: \(base)/ (chat widget demo), \(base)/agent, \(base)/supervisor; "
                    + "a signed-in link: livehub token --link --role agent --sub ID --url \(base)"
            ]
        }
        return PageLinks.demoLines(
            base: base, configuration: configuration, secret: secret,
            nowSeconds: WallClock.millisecondsSinceEpoch() / 1000, ttlSeconds: tokenSeconds)
    }
}
