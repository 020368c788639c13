/// The connection timer rules, apart from the timer wheel, the socket and the log: given a phase, the
/// connection's timestamps and `now` (monotonic nanoseconds), it returns what to do. `Connection`
/// interprets the decision; tests drive it with a fake clock.
///
/// One deadline per connection: each connection keeps at most one entry in the loop's timer wheel.
/// When it fires, the policy works out the real next deadline from the timestamps, so traffic never
/// touches the wheel (it only moves `lastReceived`).
struct ConnectionTimerPolicy {
    /// Accept → first complete request (or WebSocket handshake).
    var handshakeTimeout: UInt64
    /// A keep-alive HTTP connection with nothing to do is closed after this.
    var httpIdleTimeout: UInt64
    /// A WebSocket is pinged after each interval this long in which it sent nothing and was not pinged.
    var heartbeatInterval: UInt64
    /// A WebSocket silent this long (pongs count as traffic) is closed with 1001.
    var idleTimeout: UInt64
    /// How long a sent close frame waits for the peer's, and a lingering socket for the peer's EOF.
    var closeTimeout: UInt64
    /// A WebSocket message (a fragmented one, or a frame split across reads) still incomplete this long
    /// after it started is closed (1008): a client answering pings must not hold a half-sent message,
    /// and the memory it occupies, forever.
    var messageTimeout: UInt64

    init(
        handshakeTimeout: UInt64, httpIdleTimeout: UInt64, heartbeatInterval: UInt64, idleTimeout: UInt64,
        closeTimeout: UInt64, messageTimeout: UInt64 = UInt64.max / 4
    ) {
        self.handshakeTimeout = handshakeTimeout
        self.httpIdleTimeout = httpIdleTimeout
        self.heartbeatInterval = heartbeatInterval
        self.idleTimeout = idleTimeout
        self.closeTimeout = closeTimeout
        self.messageTimeout = messageTimeout
    }

    /// The policy for a transport configuration (seconds converted to nanoseconds once).
    init(_ configuration: TransportConfiguration) {
        self.init(
            handshakeTimeout: configuration.handshakeTimeoutSeconds.nanoseconds,
            httpIdleTimeout: configuration.httpIdleTimeoutSeconds.nanoseconds,
            heartbeatInterval: configuration.heartbeatIntervalSeconds.nanoseconds,
            idleTimeout: configuration.idleTimeoutSeconds.nanoseconds,
            closeTimeout: configuration.closeTimeoutSeconds.nanoseconds,
            messageTimeout: configuration.messageTimeoutSeconds.nanoseconds)
    }

    /// When a message that started at `startedAt` must be complete.
    func messageDeadline(startedAt: UInt64) -> UInt64 { startedAt &+ messageTimeout }

    // MARK: Deadlines set on phase changes

    /// A new connection must finish its first request (or handshake) by then.
    func handshakeDeadline(acceptedAt now: UInt64) -> UInt64 { now &+ handshakeTimeout }
    /// After a keep-alive response, the next request must start by then.
    func keepAliveDeadline(respondedAt now: UInt64) -> UInt64 { now &+ httpIdleTimeout }
    /// After our close frame (or the start of lingering), the peer must answer by then.
    func closeDeadline(closingAt now: UInt64) -> UInt64 { now &+ closeTimeout }
    /// A WebSocket just opened is first looked at one heartbeat interval later.
    func firstHeartbeat(openedAt now: UInt64) -> UInt64 { now &+ heartbeatInterval }

    /// The wheel keeps one entry per connection: a new deadline is scheduled only when none is armed or
    /// it is earlier than the armed one (a later one is found when the armed entry fires).
    static func needsScheduling(_ deadline: UInt64, armed: UInt64) -> Bool { armed == 0 || deadline < armed }

    // MARK: Decisions

    /// What to do when the connection's timer fires at `now`. `drainDeadline` is set while the server
    /// drains.
    func decide(
        _ phase: ConnectionPhase, _ timestamps: ConnectionTimestamps, drainDeadline: UInt64? = nil, now: UInt64
    ) -> TimerDecision {
        // Drain: past its deadline, whatever is still open is cut, whatever its phase.
        if let drainDeadline, now >= drainDeadline { return .abortForDrain }
        switch phase {
        case .http:
            // One deadline for the handshake and for keep-alive idle (whichever was set last). Past it,
            // the client may still be reading a backlog: the caller looks at the kernel's count.
            return now < timestamps.phaseDeadline ? .rearm(at: timestamps.phaseDeadline) : .checkHTTPProgress
        case .webSocket:
            return heartbeat(timestamps, now: now)
        case .closing, .lingering:
            return now < timestamps.phaseDeadline ? .rearm(at: timestamps.phaseDeadline) : .closeTimedOut
        case .closed:
            return .ignore
        }
    }

    /// The second half of `.checkHTTPProgress`: `unacknowledged` is the kernel's unacknowledged byte
    /// count now (SIOCOUTQ), `previous` the count at the last look (0 at first). A client the deadline
    /// caught is kept for another idle period if the count moved, that is, it is still taking its
    /// responses (a slow reader of a pipelined backlog); otherwise it is idle and closed. A client that
    /// reads nothing is therefore closed after two idle periods, one with nothing in flight after one.
    /// The caller stores `unacknowledged` as the next `previous`, and a re-arm's deadline as the phase
    /// deadline.
    func decideHTTPIdle(unacknowledged: Int, previous: Int, now: UInt64) -> TimerDecision {
        if unacknowledged > 0 && unacknowledged != previous { return .rearm(at: keepAliveDeadline(respondedAt: now)) }
        return .closeIdle
    }

    /// The WebSocket heartbeat. A ping goes out after every heartbeat interval in which the peer sent
    /// nothing and was not pinged, answered or not, so the path never stays quiet longer than the
    /// interval (proxies and NATs drop quiet connections). Waking only at the idle timeout after a ping
    /// would let an answering peer go unpinged for up to that long (30 s / 75 s: 45 s). The peer is
    /// closed (1001) once it has been silent for the idle timeout, pongs counting as traffic.
    private func heartbeat(_ timestamps: ConnectionTimestamps, now: UInt64) -> TimerDecision {
        let lastReceived = timestamps.lastReceived
        if now &- lastReceived >= idleTimeout { return .closeIdle }
        let messageStarted = timestamps.messageStartedAt
        if messageStarted != 0 && now &- messageStarted >= messageTimeout { return .closeIncompleteMessage }
        var lastPing = timestamps.lastPingSent
        let shouldPing = now &- max(lastReceived, lastPing) >= heartbeatInterval
        if shouldPing { lastPing = now }
        let nextPing = max(lastReceived, lastPing) &+ heartbeatInterval
        var next = min(nextPing, lastReceived &+ idleTimeout)
        if messageStarted != 0 { next = min(next, messageDeadline(startedAt: messageStarted)) }
        // Never in the past: a timer that fired late must not spin.
        next = max(next, now &+ 1)
        return shouldPing ? .sendPing(thenRearmAt: next) : .rearm(at: next)
    }
}

/// The timestamps the timer rules read (monotonic nanoseconds). Traffic moves `lastReceived` only.
struct ConnectionTimestamps: Equatable {
    /// When the connection last received anything (a pong counts).
    var lastReceived: UInt64
    /// When the heartbeat last pinged (0: never). The caller sets it to `now` on `.sendPing`.
    var lastPingSent: UInt64 = 0
    /// The deadline of the current phase: handshake or keep-alive idle in `.http`, close wait in
    /// `.closing` and `.lingering`.
    var phaseDeadline: UInt64
    /// When the WebSocket message now in progress started (0: none is).
    var messageStartedAt: UInt64 = 0
}

/// What a connection does when its timer fires.
enum TimerDecision: Equatable {
    /// Nothing due yet: look again at this time.
    case rearm(at: UInt64)
    /// Ping the peer (and record `now` as the last ping), then look again at this time.
    case sendPing(thenRearmAt: UInt64)
    /// Idle: a WebSocket is closed with 1001 (close handshake); an HTTP connection is closed.
    case closeIdle
    /// A WebSocket message stayed incomplete past the message timeout: close with 1008.
    case closeIncompleteMessage
    /// The close handshake or the lingering close ran out of time: abort (RST).
    case closeTimedOut
    /// The HTTP deadline (handshake or keep-alive) passed: read the kernel's unacknowledged byte count
    /// and ask `decideHTTPIdle` whether the client is still reading.
    case checkHTTPProgress
    /// The server's drain deadline passed: abort.
    case abortForDrain
    /// The connection is closed: nothing to do.
    case ignore
}
