@testable import LiveHubTransport

/// Monotonic nanoseconds, written the way the rules are stated (whole milliseconds, so sums are exact).
extension UInt64 {
    static func seconds(_ value: Double) -> UInt64 { milliseconds(value * 1_000) }
    static func milliseconds(_ value: Double) -> UInt64 { UInt64((value).rounded()) * 1_000_000 }
}

/// One connection's timer on a fake clock (no wheel, no sleeping): it keeps one armed deadline, fires
/// it exactly on time (or `lateBy` later, as a coarse wheel does), applies each decision the way
/// `Connection.handleTimer` does, and records what the connection did and when.
struct TimedConnection {
    enum Event: Equatable {
        case ping
        /// An idle close: 1001 for a WebSocket, a plain close for HTTP.
        case closedIdle
        /// The close handshake or the lingering close ran out: RST.
        case abortedTimedOut
        case abortedForDrain
        /// A message stayed incomplete past the message timeout: 1008.
        case closedIncompleteMessage
    }

    /// Something the connection did, and when.
    struct Happening: Equatable, CustomStringConvertible {
        let time: UInt64
        let event: Event
        init(_ time: UInt64, _ event: Event) {
            self.time = time
            self.event = event
        }
        var description: String { "\(event) at \(Double(time) / 1e9) s" }
    }

    let policy: ConnectionTimerPolicy
    var phase: ConnectionPhase
    var timestamps: ConnectionTimestamps
    var armed: UInt64 = 0
    var drainDeadline: UInt64?
    /// Added to every firing: the timer wheel fires up to one tick late.
    var lateBy: UInt64 = 0
    /// The kernel's unacknowledged byte count (SIOCOUTQ) at a given time.
    var unacknowledged: (UInt64) -> Int = { _ in 0 }
    var lastUnacknowledged = 0
    /// When the peer answers a ping, this long after it; nil: it never does.
    var answersPingsAfter: UInt64?
    private(set) var events: [Happening] = []
    /// Receive times still to come (the peer's traffic).
    private var arrivals: [UInt64] = []

    /// A connection just accepted at `now`: the listener arms the handshake deadline.
    static func accepted(at now: UInt64, policy: ConnectionTimerPolicy) -> TimedConnection {
        var connection = TimedConnection(
            policy: policy, phase: .http,
            timestamps: ConnectionTimestamps(lastReceived: now, phaseDeadline: policy.handshakeDeadline(acceptedAt: now)))
        connection.arm(connection.timestamps.phaseDeadline)
        return connection
    }

    /// A keep-alive HTTP connection that sent its last response at `now`.
    static func responded(at now: UInt64, policy: ConnectionTimerPolicy) -> TimedConnection {
        var connection = accepted(at: now, policy: policy)
        connection.timestamps.phaseDeadline = policy.keepAliveDeadline(respondedAt: now)
        connection.arm(connection.timestamps.phaseDeadline)
        return connection
    }

    /// A WebSocket opened at `now`.
    static func webSocket(openedAt now: UInt64, policy: ConnectionTimerPolicy) -> TimedConnection {
        var connection = TimedConnection(
            policy: policy, phase: .webSocket, timestamps: ConnectionTimestamps(lastReceived: now, phaseDeadline: 0))
        connection.arm(policy.firstHeartbeat(openedAt: now))
        return connection
    }

    /// We sent a close frame (`.closing`) or shut down our write side (`.lingering`) at `now`.
    static func closing(_ phase: ConnectionPhase, at now: UInt64, policy: ConnectionTimerPolicy) -> TimedConnection {
        var connection = TimedConnection(
            policy: policy, phase: phase,
            timestamps: ConnectionTimestamps(lastReceived: now, phaseDeadline: policy.closeDeadline(closingAt: now)))
        connection.arm(connection.timestamps.phaseDeadline)
        return connection
    }

    var pings: [UInt64] { events.filter { $0.event == .ping }.map(\.time) }
    /// The first thing that was not a ping: how the connection ended.
    var end: Happening? { events.first { $0.event != .ping } }
    var isOpen: Bool { phase != .closed }

    /// The peer sends something at each of these times.
    mutating func peerSends(at times: [UInt64]) {
        arrivals += times
        arrivals.sort()
    }

    mutating func arm(_ deadline: UInt64) {
        if ConnectionTimerPolicy.needsScheduling(deadline, armed: armed) { armed = deadline }
    }

    /// Runs the clock up to `end`: traffic and timer firings in time order (traffic first on a tie).
    mutating func run(until end: UInt64) {
        while isOpen {
            let timer = armed == 0 ? UInt64.max : armed &+ lateBy
            let arrival = arrivals.first ?? UInt64.max
            let next = min(timer, arrival)
            guard next <= end else { return }
            if arrival <= timer {
                arrivals.removeFirst()
                if phase == .webSocket || phase == .http { timestamps.lastReceived = arrival }
            } else {
                fire(at: timer)
            }
        }
    }

    /// The timer fires at `now`: what `Connection.handleTimer` does, minus the I/O.
    mutating func fire(at now: UInt64) {
        armed = 0
        var decision = policy.decide(phase, timestamps, drainDeadline: drainDeadline, now: now)
        if decision == .checkHTTPProgress {
            let count = unacknowledged(now)
            decision = policy.decideHTTPIdle(unacknowledged: count, previous: lastUnacknowledged, now: now)
            lastUnacknowledged = count
            if case .rearm(let deadline) = decision { timestamps.phaseDeadline = deadline }
        }
        switch decision {
        case .rearm(let deadline):
            arm(deadline)
        case .sendPing(let next):
            events.append(Happening(now, .ping))
            timestamps.lastPingSent = now
            if let delay = answersPingsAfter { peerSends(at: [now &+ delay]) }
            arm(next)
        case .closeIdle where phase == .webSocket:
            events.append(Happening(now, .closedIdle))
            phase = .closing
            timestamps.phaseDeadline = policy.closeDeadline(closingAt: now)
            arm(timestamps.phaseDeadline)
        case .closeIdle:
            events.append(Happening(now, .closedIdle))
            phase = .closed
        case .closeIncompleteMessage:
            events.append(Happening(now, .closedIncompleteMessage))
            phase = .closing
            timestamps.phaseDeadline = policy.closeDeadline(closingAt: now)
            arm(timestamps.phaseDeadline)
        case .closeTimedOut:
            events.append(Happening(now, .abortedTimedOut))
            phase = .closed
        case .abortForDrain:
            events.append(Happening(now, .abortedForDrain))
            phase = .closed
        case .checkHTTPProgress, .ignore:
            break
        }
    }
}
