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
    // `@exclusivity(unchecked)` below: these hot properties are used only on this object's thread, by
    // straight-line code that never reaches them again while one of them is being changed. The run-time
    // exclusivity checks they skip cost about 5,000 instructions per message.send across the I/O and hub
    // loops (callgrind, 63.6k -> 58.5k); debug and release builds alike skip them for these only.
    @exclusivity(unchecked) private var hub: Hub
    /// The hub thread's loop.
    private let loop: EventLoop
    private let logger: Logger
    private let outbox: HubOutbox
    private let journal: HubJournal
    /// The journal LSN the frames being sent are tagged with (`HubJournal.record`).
    @exclusivity(unchecked) private var frameLSN: UInt64 = 0
    /// Requests handled, and refusals by error code, since start (for `/metrics`).
    @exclusivity(unchecked) private var requestsHandled = 0
    private var refusalsByCode: [String: Int] = [:]
    @exclusivity(unchecked) private var sessions: [ConnectionId: HubSessionHandle] = [:]
    /// Each user's open sessions, by handle: a delivery to a user reaches them without looking each
    /// connection up again.
    @exclusivity(unchecked) private var sessionsByUser: [UserId: [HubSessionHandle]] = [:]
    /// Monitors and report subscriptions: bound to connections, so kept here and not in `hub.state`.
    @exclusivity(unchecked) private var registry = HubSessionRegistry()
    /// The domain's timers (offers, routing retries, reconnection windows, grace periods, queue ticks,
    /// held-back report rows, archiving), earliest first: each loop iteration looks at the first one only.
    @exclusivity(unchecked) private var timers = HubTimerQueue()
    /// Where transcripts are found: memory, then the archive of conversations that left it.
    private let transcripts: TranscriptSource
    /// HTTP answers (audit, transcripts) waiting until the journal holds what they show, with the LSN.
    private var heldAnswers: [(lsn: UInt64, send: () -> Void)] = []
    /// Transcript answers waiting for the archive's thread, by lookup number.
    private var archiveLookups: [Int: (Conversation?) -> Void] = [:]
    private var nextArchiveLookup = 0
    /// Where closed conversations go when their time in memory is over (nil without a data directory:
    /// then they stay in memory).
    private let archive: ConversationArchive?
    /// Closed conversations handed to the archive and not yet durable there.
    private var archiving: Set<ConversationId> = []
    private let snapshots: HubSnapshots?

    /// How long a conversation the archive could not take waits before it is tried again.
    static let archiveRetryMilliseconds: Int64 = 10_000

    /// `hub`: a fresh hub, or one rebuilt from the journal, whose pending offers are armed again here
    /// (those already expired time out in the first iteration).
    init(
        loop: EventLoop, logger: Logger, hub: Hub, journal: HubJournal,
        transcripts: TranscriptSource = TranscriptSource(), archive: ConversationArchive? = nil,
        snapshots: HubSnapshots? = nil
    ) {
        self.loop = loop
        self.logger = logger
        self.hub = hub
        self.journal = journal
        self.transcripts = transcripts
        self.archive = archive
        self.snapshots = snapshots
        outbox = HubOutbox(releasedLSN: journal.releasedLSN)
        // Nobody is connected at start. On a fresh hub this does nothing; after a journal replay it
        // starts the windows of everyone who was connected and arms every timer the state implies
        // (pending offers included: those already expired time out in the first iteration). Its
        // facts are journaled like any other outcome.
        handleSystem(.recover)
    }

    /// Once per hub-loop iteration, after its tasks: due timers, this iteration's facts to the journal,
    /// then every frame the journal now covers goes out.
    func endOfIteration() {
        fireDueTimers()
        journal.endOfIteration(now: loop.now)
        if !journal.isFailing {
            snapshots?.endOfIteration(
                state: hub.state, lsn: journal.appendedLSN, bytesAppended: journal.bytesAppended,
                archiving: !archiving.isEmpty)
        }
        outbox.release(through: journal.releasedLSN, keepingOrderPerConnection: journal.isFailing)
        outbox.flush()
        releaseHeldAnswers()
    }

    /// How long the hub loop may wait before its earliest timer is due, in nanoseconds.
    func nanosecondsUntilNextTimer() -> UInt64? {
        guard let deadline = timers.nextDeadline else { return nil }
        return UInt64(deadline.milliseconds(since: WallClock.now())) * 1_000_000
    }

    // MARK: Sessions

    func sessionOpened(_ session: HubSessionHandle) {
        sessions[session.connectionId] = session
        let isFirst = sessionsByUser[session.userId] == nil
        sessionsByUser[session.userId, default: []].append(session)
        logger.debug(
            "event=hub.session_open session=\(session.connectionId) user=\(session.userId) role=\(session.role)")
        // The user's first connection: an away customer is back, a disconnected agent gets their presence back.
        if isFirst { handleSystem(.userConnected(session.userId, session.role)) }
    }

    func sessionClosed(_ connectionId: ConnectionId) {
        guard let session = sessions.removeValue(forKey: connectionId) else { return }
        sessionsByUser[session.userId]?.removeAll { $0.connectionId == connectionId }
        if sessionsByUser[session.userId]?.isEmpty == true { sessionsByUser[session.userId] = nil }
        // Monitors and report subscriptions bound to this connection end with it, silently for
        // everyone but the audit.
        endSessions(of: connectionId)
        // The user's last connection: a customer is away for the reconnection window; an agent is
        // offline for routing at once and has the grace period to come back; consults and supervisors leave.
        if sessionsByUser[session.userId] == nil {
            handleSystem(.userDisconnected(session.userId, session.role))
        }
    }

    // MARK: Requests

    func handle(_ request: RequestEnvelope, from session: HubSessionHandle) {
        let actor = Actor(
            role: session.role, userId: session.userId, connectionId: session.connectionId, name: session.name)
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
        if let line = HubLifecycleLog.action(request.command, by: actor) { logger.info(line) }
        deliver(outcome, for: request.command)
        // A request handled after its connection closed must not leave a session behind.
        if sessions[session.connectionId] == nil { endSessions(of: session.connectionId) }
        for frame in ServerMessageEncoder.encodeAnswer(outcome.acknowledgement, to: request.id, for: session.audience) {
            send(frame, to: session)
        }
    }

    /// A connection's sessions end: its monitors with an audit entry each, then its subscriptions.
    private func endSessions(of connectionId: ConnectionId) {
        if !registry.facts(for: connectionId).monitoredConversations.isEmpty {
            handleSystem(.connectionClosed(connectionId))
        }
        registry.connectionClosed(connectionId)
    }

    /// A command of the shell itself (timers, connections coming and going).
    private func handleSystem(_ command: Command) {
        do {
            let outcome = try hub.handle(command, from: .system, sessions: registry.facts(for: nil), at: WallClock.now())
            deliver(outcome)
            if case .archive(let conversation) = outcome.acknowledgement { archiveClosed(conversation) }
        } catch {
            logger.warning("event=hub.system_refused code=\(error.code) message=\"\(error.message)\"")
        }
    }

    // MARK: Archive

    /// A closed conversation's time in memory is over: the archive thread writes it, and once it is
    /// durable there (`archived`) it leaves memory. Until then it stays resumable as before.
    private func archiveClosed(_ conversation: Conversation) {
        guard let archive, archiving.insert(conversation.id).inserted else { return }
        let loop = self.loop
        let service = LoopConfined(value: self)
        let conversationId = conversation.id
        archive.archive(conversation) { durable in
            loop.execute { service.value.archived(conversationId, durable: durable) }
        }
    }

    /// The archive's answer, on the hub thread. The conversation leaves memory and the journal notes it,
    /// so a replay forgets it at the same point; when the archive or the journal cannot write, it stays
    /// and is tried again later.
    private func archived(_ conversationId: ConversationId, durable: Bool) {
        archiving.remove(conversationId)
        let now = WallClock.now()
        guard durable, !journal.isFailing else {
            timers.insert(.archive(conversationId, at: now.adding(milliseconds: Self.archiveRetryMilliseconds)))
            return
        }
        guard hub.forgetArchived(conversationId) else { return }
        journal.recordArchived(conversationId, at: now)
    }

    private func deliver(_ outcome: HubOutcome, for command: Command? = nil) {
        let lsn = journal.record(outcome, for: command)
        frameLSN = lsn
        if logger.isEnabled(.info) { for line in HubLifecycleLog.lines(for: outcome.journal) { logger.info(line) } }
        // By index: each delivery is read where the outcome holds it; `for delivery in` copied each
        // one (its event and recipients) once more.
        for index in outcome.deliveries.indices {
            var encoded = EncodedEvent(outcome.deliveries[index].event)
            for recipient in outcome.deliveries[index].recipients {
                switch recipient {
                case .user(let user):
                    for session in sessionsByUser[user] ?? [] {
                        if let frame = encoded.bytes(for: session.audience) {
                            outbox.enqueue(frame, to: session, after: lsn)
                        }
                    }
                case .connection(let connectionId):
                    if let session = sessions[connectionId], let frame = encoded.bytes(for: session.audience) {
                        outbox.enqueue(frame, to: session, after: lsn)
                    }
                case .monitors, .reportSubscribers, .agentsViewers:
                    for connectionId in registry.connections(in: recipient, of: outcome.deliveries[index]) {
                        guard let session = sessions[connectionId], let frame = encoded.bytes(for: session.audience)
                        else { continue }
                        outbox.enqueue(frame, to: session, after: lsn)
                    }
                }
            }
        }
        // After the deliveries: the monitors of a conversation that just closed were still told.
        registry.apply(outcome.sessionChanges)
        for timer in outcome.timers { timers.insert(timer) }
    }

    private func send(_ frame: [UInt8], to session: HubSessionHandle) {
        outbox.enqueue(frame, to: session, after: frameLSN)
    }

    // MARK: Records (HTTP reads of the audit and of transcripts)

    /// One page of the audit, handed to `answer` once the journal holds the entries it shows.
    func auditPage(_ query: AuditQuery, answer: @escaping (AuditPage) -> Void) {
        let page = hub.state.audit.page(query)
        whenDurable(journal.auditTag) { answer(page) }
    }

    /// The conversation as it stands (nil when unknown), handed to `answer` once the journal holds its
    /// facts: a transcript never shows a message that a crash could still take back.
    /// One that left memory is looked up on the archive's thread and answered when it comes back (an
    /// archived conversation is durable: it left memory only once the archive and the journal held it).
    func transcript(of conversationId: ConversationId, answer: @escaping (Conversation?) -> Void) {
        if let conversation = hub.state.conversations[conversationId] {
            whenDurable(journal.tag(forTranscriptOf: conversationId)) { answer(conversation) }
            return
        }
        guard let lookUp = transcripts.archive else {
            answer(nil)
            return
        }
        nextArchiveLookup += 1
        let number = nextArchiveLookup
        archiveLookups[number] = answer
        let loop = self.loop
        let service = LoopConfined(value: self)
        lookUp(conversationId) { found in
            loop.execute { service.value.archiveLookupAnswered(number, found) }
        }
    }

    private func archiveLookupAnswered(_ number: Int, _ conversation: Conversation?) {
        archiveLookups.removeValue(forKey: number)?(conversation)
    }

    private func whenDurable(_ lsn: UInt64, _ send: @escaping () -> Void) {
        if lsn <= journal.releasedLSN {
            send()
        } else {
            heldAnswers.append((lsn, send))
        }
    }

    private func releaseHeldAnswers() {
        guard !heldAnswers.isEmpty else { return }
        let released = journal.releasedLSN
        let due = heldAnswers.filter { $0.lsn <= released }
        heldAnswers.removeAll { $0.lsn <= released }
        for answer in due { answer.send() }
    }

    /// What `/metrics` reports from the hub thread.
    func metrics() -> HubMetrics {
        HubMetrics(
            statistics: hub.statistics(at: WallClock.now()), sessions: sessions.count, requestsHandled: requestsHandled,
            refusalsByCode: refusalsByCode, journal: journal.statistics, journalFailing: journal.isFailing)
    }

    /// The Ongoing conversations report as of now, for `GET /v1/report/ongoing`.
    func ongoingReport() -> (rows: [ReportRow], at: Instant) {
        let now = WallClock.now()
        return (hub.reportSnapshot(at: now), now)
    }

    // MARK: Timers

    /// Called once per hub-loop iteration: fires every timer that is due. The loop wakes up for the
    /// earliest one (`nanosecondsUntilNextTimer`), so windows and ticks keep their time. A timer that
    /// falls due while the journal cannot write fires once it can.
    private func fireDueTimers() {
        guard !journal.isFailing, timers.nextDeadline != nil else { return }
        let now = WallClock.now()
        while let timer = timers.popDue(at: now) {
            handleSystem(timer.command)
        }
    }
}
