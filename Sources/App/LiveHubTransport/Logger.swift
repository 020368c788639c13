import LiveHubPosix

/// Severity of a log line; lines below the configured level are skipped before formatting.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable {
    case trace, debug, info, warning, error

    public init?(name: String) {
        switch name.lowercased() {
        case "trace": self = .trace
        case "debug": self = .debug
        case "info": self = .info
        case "warning", "warn": self = .warning
        case "error": self = .error
        default: return nil
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    var label: String {
        switch self {
        case .trace: return "TRACE"
        case .debug: return "DEBUG"
        case .info: return "INFO "
        case .warning: return "WARN "
        case .error: return "ERROR"
        }
    }
}

/// Writes one line per event to stderr: UTC timestamp, level, the loop, then `key=value` fields, so a
/// person at 3 a.m. can grep for a connection id or an event name.
public struct Logger: Sendable {
    public let level: LogLevel
    public let label: String

    public init(level: LogLevel, label: String = "main") {
        self.level = level
        self.label = label
    }

    public func labeled(_ label: String) -> Logger { Logger(level: level, label: label) }

    @inline(__always)
    public func isEnabled(_ level: LogLevel) -> Bool { level >= self.level }

    public func log(_ level: LogLevel, _ message: @autoclosure () -> String) {
        guard level >= self.level else { return }
        let line = "\(Self.timestamp()) \(level.label) [\(label)] \(message())\n"
        StandardStreams.writeError(line)
    }

    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }

    /// ISO 8601 UTC with milliseconds, from the wall clock (log readers correlate with other systems).
    static func timestamp() -> String { WallClock.iso8601(millisecondsSinceEpoch: WallClock.millisecondsSinceEpoch()) }
}
