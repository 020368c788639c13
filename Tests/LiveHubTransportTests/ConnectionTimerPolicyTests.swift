import Testing

@testable import LiveHubTransport

/// The connection timer rules on a fake clock: every time is exact, nothing sleeps.
@Suite("ConnectionTimerPolicy: handshake, keep-alive, heartbeat, idle, close wait, drain")
struct ConnectionTimerPolicyTests {
    /// The shipped defaults: handshake 10 s, HTTP idle 30 s, heartbeat 30 s, idle 75 s, close 5 s.
    static let policy = ConnectionTimerPolicy(TransportConfiguration())
    /// An arbitrary start, far from 0 (0 means "not armed").
    static let start = UInt64.seconds(1_000)

    static func at(_ seconds: Double) -> UInt64 { start + .seconds(seconds) }

    @Test("the policy takes its intervals from the configuration, in nanoseconds")
    func intervalsFromConfiguration() {
        var configuration = TransportConfiguration()
        configuration.heartbeatIntervalSeconds = 0.25
        let policy = ConnectionTimerPolicy(configuration)
        #expect(policy.heartbeatInterval == 250_000_000)
        #expect(Self.policy.handshakeTimeout == .seconds(10) && Self.policy.httpIdleTimeout == .seconds(30))
        #expect(Self.policy.idleTimeout == .seconds(75) && Self.policy.closeTimeout == .seconds(5))
    }

    // MARK: Handshake

    @Test("handshake timeout: a connection that completes no request is closed at the handshake deadline, not before")
    func handshakeTimeout() {
        var connection = TimedConnection.accepted(at: Self.start, policy: Self.policy)
        #expect(connection.armed == Self.at(10))
        #expect(Self.policy.decide(.http, connection.timestamps, now: Self.at(10) - 1) == .rearm(at: Self.at(10)))
        #expect(Self.policy.decide(.http, connection.timestamps, now: Self.at(10)) == .checkHTTPProgress)
        connection.run(until: Self.at(10) - 1)
        #expect(connection.isOpen)
        connection.run(until: Self.at(60))
        #expect(connection.events == [.init(Self.at(10), .closedIdle)])
    }

    @Test("handshake timeout: bytes that complete no request do not extend it")
    func handshakeTimeoutIgnoresPartialRequests() {
        var connection = TimedConnection.accepted(at: Self.start, policy: Self.policy)
        connection.peerSends(at: (1...9).map { Self.at(Double($0)) })
        connection.run(until: Self.at(60))
        #expect(connection.events == [.init(Self.at(10), .closedIdle)])
    }

    @Test("keep-alive: a response during the handshake period moves the deadline to one idle period after it")
    func responseMovesTheDeadline() {
        var connection = TimedConnection.accepted(at: Self.start, policy: Self.policy)
        connection.timestamps.phaseDeadline = Self.policy.keepAliveDeadline(respondedAt: Self.at(2))
        connection.arm(connection.timestamps.phaseDeadline)
        #expect(connection.armed == Self.at(10), "the earlier entry stays: the later deadline is found when it fires")
        connection.run(until: Self.at(100))
        #expect(connection.events == [.init(Self.at(32), .closedIdle)])
    }

    // MARK: HTTP keep-alive idle

    @Test("keep-alive idle: a connection with nothing in flight is closed one idle period after its last response")
    func keepAliveIdle() {
        var connection = TimedConnection.responded(at: Self.start, policy: Self.policy)
        connection.run(until: Self.at(29.999))
        #expect(connection.isOpen)
        connection.run(until: Self.at(300))
        #expect(connection.events == [.init(Self.at(30), .closedIdle)])
    }

    @Test("keep-alive idle with reader progress: kept while the unacknowledged count moves, closed once it stops")
    func keepAliveIdleWithProgress() {
        var connection = TimedConnection.responded(at: Self.start, policy: Self.policy)
        // The client reads 10 KB/s of a 1 MB backlog the kernel holds: done after 100 s.
        connection.unacknowledged = { now in max(0, 1_000_000 - Int((now - Self.start) / 1_000_000_000) * 10_000) }
        connection.run(until: Self.at(119))
        #expect(connection.isOpen, "closed while the client was still reading")
        #expect(connection.timestamps.phaseDeadline == Self.at(120))
        connection.run(until: Self.at(300))
        #expect(connection.events == [.init(Self.at(120), .closedIdle)])
    }

    @Test("keep-alive idle without reader progress: a client that reads nothing is closed after two idle periods")
    func keepAliveIdleWithoutProgress() {
        var connection = TimedConnection.responded(at: Self.start, policy: Self.policy)
        connection.unacknowledged = { _ in 2_000_000 }
        connection.run(until: Self.at(300))
        #expect(connection.events == [.init(Self.at(60), .closedIdle)])
    }

    @Test(
        "keep-alive idle: the client is reading only if the unacknowledged count is above 0 and moved",
        arguments: [
            (0, 0, false), (5_000, 0, true), (5_000, 5_000, false), (3_000, 5_000, true), (0, 5_000, false),
        ])
    func progressRule(unacknowledged: Int, previous: Int, keeps: Bool) {
        let decision = Self.policy.decideHTTPIdle(unacknowledged: unacknowledged, previous: previous, now: Self.at(30))
        #expect(decision == (keeps ? .rearm(at: Self.at(60)) : .closeIdle))
    }

    // MARK: Heartbeat and idle

    @Test("heartbeat: a silent peer is pinged after each silent interval, then closed with 1001 at the idle timeout")
    func silentPeer() {
        var connection = TimedConnection.webSocket(openedAt: Self.start, policy: Self.policy)
        #expect(connection.armed == Self.at(30))
        connection.run(until: Self.at(75) - 1)
        #expect(connection.pings == [Self.at(30), Self.at(60)])
        #expect(connection.end == nil)
        connection.run(until: Self.at(75))
        #expect(connection.end == .init(Self.at(75), .closedIdle))
    }

    @Test("heartbeat cadence: a peer that answers is pinged after every silent interval, not only near the idle timeout")
    func answeringPeerCadence() {
        var connection = TimedConnection.webSocket(openedAt: Self.start, policy: Self.policy)
        connection.answersPingsAfter = .milliseconds(10)
        connection.run(until: Self.at(600))
        #expect(connection.end == nil, "an answering peer was closed: \(connection.events)")
        let pings = connection.pings
        #expect(pings.first == Self.at(30))
        #expect(pings.count == 19)  // 600 s / 30.01 s. The rule before 98a6686 left 45 s gaps here: 15 pings.
        for (previous, next) in zip(pings, pings.dropFirst()) {
            // Exactly one interval after the pong: the path is never quiet longer than the interval.
            #expect(next - previous == .seconds(30) + .milliseconds(10))
        }
    }

    @Test("idle timeout: pongs count as traffic; a peer that stops answering is closed one idle timeout after its last pong")
    func idleAfterLastPong() {
        var connection = TimedConnection.webSocket(openedAt: Self.start, policy: Self.policy)
        connection.peerSends(at: [Self.at(30.01)])  // The pong to the first ping, and nothing after it.
        connection.run(until: Self.at(200))
        #expect(connection.pings == [Self.at(30), Self.at(60.01), Self.at(90.01)])
        #expect(connection.end == .init(Self.at(105.01), .closedIdle))
    }

    @Test("heartbeat: a peer that keeps sending is never pinged nor closed")
    func busyPeerIsNotPinged() {
        var connection = TimedConnection.webSocket(openedAt: Self.start, policy: Self.policy)
        connection.peerSends(at: stride(from: 10.0, through: 600, by: 10).map { Self.at($0) })
        connection.run(until: Self.at(600))
        #expect(connection.events.isEmpty)
    }

    @Test("heartbeat: a peer silent since its last message is pinged one interval after it")
    func pingFollowsLastMessage() {
        var connection = TimedConnection.webSocket(openedAt: Self.start, policy: Self.policy)
        connection.peerSends(at: [Self.at(12.5)])
        connection.run(until: Self.at(70))
        #expect(connection.pings == [Self.at(42.5)])
        connection.run(until: Self.at(200))
        #expect(connection.end == .init(Self.at(87.5), .closedIdle))
    }

    @Test("heartbeat: a timer the wheel fires late still pings, and the idle close comes no earlier than due")
    func lateWheel() {
        var connection = TimedConnection.webSocket(openedAt: Self.start, policy: Self.policy)
        connection.lateBy = .milliseconds(100)
        connection.run(until: Self.at(80))
        #expect(connection.pings == [Self.at(30.1), Self.at(60.2)])
        #expect(connection.end == .init(Self.at(75.1), .closedIdle))
    }

    @Test("a re-arm is always in the future, even for a timer that fires late")
    func rearmIsInTheFuture() {
        let offsets: [Double] = [0, 1, 29.999, 30, 30.001, 45, 60, 74.999]
        for received in offsets {
            for ping in [0] + offsets where ping <= received + 75 {
                for late in offsets where late >= max(received, ping) {
                    let timestamps = ConnectionTimestamps(
                        lastReceived: Self.at(received), lastPingSent: ping == 0 ? 0 : Self.at(ping), phaseDeadline: 0)
                    let now = Self.at(late)
                    switch Self.policy.decide(.webSocket, timestamps, now: now) {
                    case .rearm(let next), .sendPing(let next):
                        #expect(next > now && next <= timestamps.lastReceived + Self.policy.idleTimeout)
                    case .closeIdle:
                        #expect(now - timestamps.lastReceived >= Self.policy.idleTimeout)
                    default:
                        Issue.record("unexpected decision at \(received), \(ping), \(late)")
                    }
                }
            }
        }
    }

    // MARK: Closing

    @Test("close wait: a peer that does not answer our close frame is aborted at the close timeout")
    func closeWaitTimeout() {
        var connection = TimedConnection.closing(.closing, at: Self.start, policy: Self.policy)
        #expect(Self.policy.decide(.closing, connection.timestamps, now: Self.at(5) - 1) == .rearm(at: Self.at(5)))
        connection.run(until: Self.at(60))
        #expect(connection.events == [.init(Self.at(5), .abortedTimedOut)])
    }

    @Test("lingering: a peer that does not close after our FIN is aborted at the close timeout")
    func lingeringTimeout() {
        var connection = TimedConnection.closing(.lingering, at: Self.start, policy: Self.policy)
        #expect(Self.policy.decide(.lingering, connection.timestamps, now: Self.at(5) - 1) == .rearm(at: Self.at(5)))
        connection.peerSends(at: [Self.at(1)])  // Discarded bytes do not extend the wait.
        connection.run(until: Self.at(60))
        #expect(connection.events == [.init(Self.at(5), .abortedTimedOut)])
    }

    @Test("close wait after an idle close: 1001 at the idle timeout, RST one close timeout later if the peer never answers")
    func idleCloseThenCloseWait() {
        var connection = TimedConnection.webSocket(openedAt: Self.start, policy: Self.policy)
        connection.run(until: Self.at(300))
        #expect(
            connection.events == [
                .init(Self.at(30), .ping), .init(Self.at(60), .ping), .init(Self.at(75), .closedIdle),
                .init(Self.at(80), .abortedTimedOut),
            ])
    }

    // MARK: Drain and closed

    @Test("drain deadline: once it passed, a connection is aborted at its next timer, whatever its phase",
        arguments: [ConnectionPhase.http, .webSocket, .closing, .lingering])
    func drainDeadline(phase: ConnectionPhase) {
        let timestamps = ConnectionTimestamps(lastReceived: Self.at(0), phaseDeadline: Self.at(100))
        let drain = Self.at(5)
        #expect(Self.policy.decide(phase, timestamps, drainDeadline: drain, now: drain - 1) != .abortForDrain)
        #expect(Self.policy.decide(phase, timestamps, drainDeadline: drain, now: drain) == .abortForDrain)
        #expect(Self.policy.decide(phase, timestamps, drainDeadline: nil, now: drain) != .abortForDrain)
    }

    @Test("drain deadline: a WebSocket still waiting for the close reply is cut when the drain ends, before its close timeout")
    func drainCutsTheCloseWait() {
        var connection = TimedConnection.closing(.closing, at: Self.start, policy: Self.policy)
        connection.drainDeadline = Self.at(3)
        connection.arm(Self.at(3.1))  // The loop looks again at the next wheel tick.
        connection.run(until: Self.at(60))
        #expect(connection.events == [.init(Self.at(3.1), .abortedForDrain)])
    }

    @Test("closed: a timer left on a closed connection does nothing")
    func closedIgnores() {
        let timestamps = ConnectionTimestamps(lastReceived: Self.at(0), phaseDeadline: Self.at(1))
        #expect(Self.policy.decide(.closed, timestamps, now: Self.at(1_000)) == .ignore)
    }

    @Test("one wheel entry: a deadline is scheduled only when none is armed or it is earlier than the armed one")
    func oneWheelEntry() {
        #expect(ConnectionTimerPolicy.needsScheduling(Self.at(5), armed: 0))
        #expect(ConnectionTimerPolicy.needsScheduling(Self.at(5), armed: Self.at(6)))
        #expect(!ConnectionTimerPolicy.needsScheduling(Self.at(5), armed: Self.at(5)))
        #expect(!ConnectionTimerPolicy.needsScheduling(Self.at(6), armed: Self.at(5)))
    }

    // MARK: Incomplete messages

    @Test("message timeout: a message still incomplete a message timeout after it started is closed, even if the peer answers pings")
    func incompleteMessageTimesOut() {
        var configuration = TransportConfiguration()
        configuration.messageTimeoutSeconds = 60
        let policy = ConnectionTimerPolicy(configuration)
        // The peer keeps talking (pongs) so idle never fires; its message began at 10 s.
        var timestamps = ConnectionTimestamps(lastReceived: Self.at(65), phaseDeadline: 0)
        timestamps.messageStartedAt = Self.at(10)
        #expect(policy.decide(.webSocket, timestamps, now: Self.at(69)) == .rearm(at: Self.at(70)))
        #expect(policy.decide(.webSocket, timestamps, now: Self.at(70)) == .closeIncompleteMessage)
        // Without a message in progress the same moment is only a heartbeat question.
        timestamps.messageStartedAt = 0
        #expect(policy.decide(.webSocket, timestamps, now: Self.at(70)) == .rearm(at: Self.at(95)))
        #expect(policy.messageDeadline(startedAt: Self.at(10)) == Self.at(70))
    }
}
