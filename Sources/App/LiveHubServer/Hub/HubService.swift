import LiveHubDomain
import LiveHubPosix
import LiveHubProtocol
import LiveHubTransport

/// The conversation hub: the pure domain core, who is connected where, and the sessions of those
/// connections (monitors, report subscriptions). Confined to the hub's own thread (`HubRuntime`);
/// connections reach it through its task queue (`HubMailbox`), and it reaches them back through the
/// outbox, one batch per I/O loop per iteration.
///
/// For one request: `Hub.handle` with the requester's session facts → each delivery's event is
/// encoded once per audience (staff, customer) → the same bytes go to every recipient connection →
/// the session changes are applied → then the requester's answer (history or report frames, then
/// the ack). Deliveries go first so a monitor sees monitor-started, the transcript, then live events.
/// Every frame is tagged with the journal LSN of the facts it shows, and the outbox holds it until the
/// journal has them (`HubJournal`); while the journal cannot write, requests that would are refused.
final class HubService {
    private var hub: Hub
    /// The hub thread's loop: its clock drives offer timers.
    private let loop: EventLoop
    private let logger: Logger
    private let outbox: HubOutbox
    private let journal: HubJournal
    /// The journal LSN the frames being sent are tagged with (`HubJournal.record`).
    private var frameLSN: UInt64 = 0
    /// Requests handled, and refusals by error code, since start (for `/metrics`).
    private var requestsHandled = 0
    private var refusalsByCode: [String: Int] = [:]
    private var sessions: [ConnectionId: HubSessionHandle] = [:]
    private var connectionsByUser: [UserId: [ConnectionId]] = [:]
    /// Monitors and report subscriptions: bound to connections, so kept here and not in `hub.state`.
    private var registry = HubSessionRegistry()
    /// Pending offer timeouts, sorted by deadline so each loop iteration looks at the first one only
    /// (the hub loop calls `fireDueTimers` every iteration; a scan of every pending offer there cost
    /// measurable CPU with 1,000 conversations).
    private var offerTimers: [(deadline: UInt64, offer: OfferId)] = []

    /// `hub`: a fresh hub, or one rebuilt from the journal, whose pending offers are armed again here
    /// (those already expired time out in the first iteration).
    init(loop: EventLoop, logger: Logger, hub: Hub, journal: HubJournal) {
        self.loop = loop
        self.logger = logger
        self.hub = hub
        self.journal = journal
        outbox = HubOutbox(releasedLSN: journal.releasedLSN)
        for offer in hub.state.offers.values { arm(.offerTimeout(offer.offerId, at: offer.expiresAt)) }
    }

    /// Once per hub-loop iteration, after its tasks: due timers, this iteration's facts to the journal,
    /// then every frame the journal now covers goes out.
    func endOfIteration() {
        fireDueTimers(now: loop.now)
        journal.endOfIteration(now: loop.now)
        outbox.release(through: journal.releasedLSN, keepingOrderPerConnection: journal.isFailing)
        outbox.flush()
    }

    // MARK: Sessions

    func sessionOpened(_ session: HubSessionHandle) {
        sessions[session.connectionId] = session
        connectionsByUser[session.userId, default: []].append(session.connectionId)
        logger.debug("event=hub.session_open session=\(session.connectionId) user=\(session.userId) role=\(session.role)")
    }

    func sessionClosed(_ connectionId: ConnectionId) {
        guard let session = sessions.removeValue(forKey: connectionId) else { return }
        connectionsByUser[session.userId]?.removeAll { $0 == connectionId }
        if connectionsByUser[session.userId]?.isEmpty == true { connectionsByUser[session.userId] = nil }
        let actor = Actor(role: session.role, userId: session.userId, connectionId: connectionId)
        // Monitors and report subscriptions bound to this connection end with it, silently.
        registry.connectionClosed(connectionId)
        // An agent with no connection left cannot take offers: mark them offline so routing skips them.
        if session.role == .agent && connectionsByUser[session.userId] == nil,
            let outcome = try? hub.handle(
                .setPresence(.offline), from: actor, sessions: registry.facts(for: connectionId), at: WallClock.now())
        {
            deliver(outcome)
        }
    }

    // MARK: Requests

    func handle(_ request: RequestEnvelope, from session: HubSessionHandle) {
        let actor = Actor(role: session.role, userId: session.userId, connectionId: session.connectionId)
        if let refusal = journal.refusal(for: request.command) {
            refusalsByCode[refusal.code, default: 0] += 1
            frameLSN = 0
            send(ServerMessageEncoder.encodeError(refusal, id: request.id), to: session)
            return
        }
        let outcome: HubOutcome
        do {
            outcome = try hub.handle(
                request.command, from: actor, sessions: registry.facts(for: session.connectionId), at: WallClock.now())
        } catch {
            refusalsByCode[error.code, default: 0] += 1
            let type = RequestType(request.command)?.rawValue ?? "system"
            logger.debug("event=hub.refused session=\(session.connectionId) type=\(type) code=\(error.code)")
            frameLSN = journal.tag(for: request.command)
            send(ServerMessageEncoder.encodeError(error, id: request.id), to: session)
            return
        }
        requestsHandled += 1
        deliver(outcome, for: request.command)
        // A request handled after its connection closed must not leave a session behind.
        if sessions[session.connectionId] == nil { registry.connectionClosed(session.connectionId) }
        for frame in ServerMessageEncoder.encodeAnswer(outcome.acknowledgement, to: request.id, for: session.audience) {
            send(frame, to: session)
        }
    }

    private func deliver(_ outcome: HubOutcome, for command: Command? = nil) {
        frameLSN = journal.record(outcome, for: command)
        for delivery in outcome.deliveries {
            var encoded = EncodedEvent(delivery.event)
            for recipient in delivery.recipients {
                switch recipient {
                case .user(let user):
                    for connectionId in connectionsByUser[user] ?? [] {
                        if let session = sessions[connectionId], let frame = encoded.bytes(for: session.audience) {
                            send(frame, to: session)
                        }
                    }
                case .connection(let connectionId):
                    if let session = sessions[connectionId], let frame = encoded.bytes(for: session.audience) {
                        send(frame, to: session)
                    }
                case .monitors, .reportSubscribers:
                    for connectionId in registry.connections(in: recipient, of: delivery) {
                        guard let session = sessions[connectionId], let frame = encoded.bytes(for: session.audience)
                        else { continue }
                        send(frame, to: session)
                    }
                }
            }
        }
        // After the deliveries: the monitors of a conversation that just closed were still told.
        registry.apply(outcome.sessionChanges)
        for timer in outcome.timers { arm(timer) }
    }

    private func arm(_ timer: ScheduledTimer) {
        switch timer {
        case .offerTimeout(let offer, let at):
            let delay = max(0, at.milliseconds(since: WallClock.now()))
            let deadline = loop.now &+ UInt64(delay) * 1_000_000
            // Offers mostly share one timeout, so the new deadline is nearly always the latest.
            var position = offerTimers.endIndex
            while position > 0 && offerTimers[position - 1].deadline > deadline { position -= 1 }
            offerTimers.insert((deadline, offer), at: position)
        }
    }

    private func send(_ frame: [UInt8], to session: HubSessionHandle) {
        outbox.enqueue(frame, to: session.connection, id: session.connectionId, after: frameLSN)
    }

    /// What `/metrics` reports from the hub thread.
    func metrics() -> HubMetrics {
        HubMetrics(
            statistics: hub.statistics(at: WallClock.now()), sessions: sessions.count, requestsHandled: requestsHandled,
            refusalsByCode: refusalsByCode)
    }

    // MARK: Timers

    /// Called once per hub-loop iteration; offer timeouts need ~1 s precision at most.
    private func fireDueTimers(now: UInt64) {
        // An offer that times out while the journal cannot write does so once it can.
        guard !journal.isFailing, let first = offerTimers.first, first.deadline <= now else { return }
        let dueCount = offerTimers.firstIndex { $0.deadline > now } ?? offerTimers.count
        let due = offerTimers[0..<dueCount]
        offerTimers.removeFirst(dueCount)
        for timer in due {
            if let outcome = try? hub.handle(
                .offerTimedOut(timer.offer), from: .system, sessions: registry.facts(for: nil), at: WallClock.now())
            {
                deliver(outcome)
            }
        }
    }
}

