// Users coming and going. The app counts each user's connections and tells the hub when the first one
// opens (`userConnected`) and when the last one closes (`userDisconnected`); the windows run on timers.

extension Hub {
    /// A user's last connection closed.
    ///
    /// - A customer is away (not gone) from each conversation that is open, active or waiting: the
    ///   participants and monitors get `participant.away`, and the reconnection window starts.
    /// - Consults and supervisors who take part simply leave.
    /// - An agent is offline for routing at once: their pending offers are withdrawn (route offers go
    ///   to the next agent) and, if they had a presence or hold conversations, the grace period starts;
    ///   back within it, their presence returns.
    mutating func userDisconnected(_ userId: UserId, role: Role, at now: Instant, into recorder: inout OutcomeRecorder)
    {
        if role == .customer {
            for conversationId in (state.openConversationsByCustomer[userId] ?? []).sorted() {
                guard let conversation = state.conversations[conversationId], conversation.customerAwaySince == nil,
                    conversation.status == .open || conversation.status == .active || conversation.status == .waiting
                else { continue }
                emit(
                    .participantAway(participant(userId, .customer, in: conversation)), in: conversationId, at: now,
                    into: &recorder)
                recorder.schedule(
                    .reconnectWindow(
                        conversationId, at: now.adding(milliseconds: configuration.timing.customerReconnectMilliseconds)
                    ))
            }
            return
        }
        for conversationId in (state.staffConversations[userId] ?? []).sorted() {
            guard let conversation = state.conversations[conversationId], conversation.status != .closed,
                let role = conversation.role(of: userId), role == .consult || role == .supervisor
            else { continue }
            emit(
                .participantLeft(participant(userId, role, in: conversation)), in: conversationId, at: now,
                into: &recorder)
            if role == .supervisor {
                recordAudit(
                    .left(reason: .disconnected), in: conversationId, userId: userId, role: .supervisor,
                    name: directory.names[userId] ?? userId.rawValue, at: now, into: &recorder)
            }
        }
        guard directory.agents[userId] != nil, absentAgents[userId] == nil else { return }
        let offers = (state.agents[userId]?.offerIds ?? []).sorted().compactMap { state.offers[$0] }
        for offer in offers {
            let ended = OfferEnded(
                offerId: offer.offerId, kind: offer.kind, agentId: offer.agentId, requesterId: offer.requesterId,
                outcome: .withdrawn)
            emit(.offerEnded(ended), in: offer.conversationId, at: now, into: &recorder)
        }
        let presence = presence(of: userId)
        let holds = state.agents[userId]?.heldConversationIds.isEmpty == false
        guard presence != .offline || holds else { return }
        emit(.agentDisconnected(userId: userId, presence: presence), in: nil, at: now, into: &recorder)
        if presence != .offline {
            emit(.presenceChanged(userId: userId, presence: .offline), in: nil, at: now, into: &recorder)
        }
        if holds {
            recorder.schedule(
                .agentGrace(userId, at: now.adding(milliseconds: configuration.timing.agentGraceMilliseconds)))
        }
    }

    /// A user's first connection opened: an away customer is back (`participant.back`, and their
    /// place in line again when they wait); a disconnected agent gets their presence back when they
    /// return within the grace period, and stays offline after it.
    mutating func userConnected(_ userId: UserId, role: Role, at now: Instant, into recorder: inout OutcomeRecorder) {
        if role == .customer {
            for conversationId in (state.openConversationsByCustomer[userId] ?? []).sorted() {
                guard let conversation = state.conversations[conversationId], conversation.customerAwaySince != nil
                else { continue }
                emit(
                    .participantBack(participant(userId, .customer, in: conversation)), in: conversationId, at: now,
                    into: &recorder)
                if conversation.status == .open { recorder.schedule(.positionNotice(conversationId, at: now)) }
            }
            return
        }
        guard let absence = absentAgents[userId] else { return }
        let inTime = now < absence.since.adding(milliseconds: configuration.timing.agentGraceMilliseconds)
        let presence = inTime ? absence.presence : .offline
        emit(.agentReconnected(userId: userId, presence: presence), in: nil, at: now, into: &recorder)
        if presence != self.presence(of: userId) {
            emit(.presenceChanged(userId: userId, presence: presence), in: nil, at: now, into: &recorder)
        }
    }

    /// System: an away customer's reconnection window is over. An open conversation closes; an active
    /// or waiting one goes to wrap-up. Either way a system entry in the transcript says why. A timer
    /// for a customer who came back (or a conversation that moved on) is ignored.
    mutating func reconnectWindowEnded(
        _ conversationId: ConversationId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        try requireSystem(actor)
        let window = configuration.timing.customerReconnectMilliseconds
        guard let conversation = state.conversations[conversationId], let since = conversation.customerAwaySince,
            now >= since.adding(milliseconds: window)
        else { return }
        switch conversation.status {
        case .open:
            withdrawOffers(of: conversationId, at: now, into: &recorder)
            emitSystemEntry(
                "The customer did not reconnect within \(Self.spoken(window)); the conversation was closed.",
                in: conversationId, at: now, into: &recorder)
            let closed = ConversationClosed(
                by: .customer, userId: conversation.customerId, reason: "customer-disconnected")
            emit(.conversationClosed(closed), in: conversationId, at: now, into: &recorder)
        case .active, .waiting:
            withdrawOffers(of: conversationId, at: now, into: &recorder)
            emitSystemEntry(
                "The customer did not reconnect within \(Self.spoken(window)); the conversation moved to wrap-up.",
                in: conversationId, at: now, into: &recorder)
            emitUpdate(of: conversation, status: .wrapUp, reason: .customerDisconnected, at: now, into: &recorder)
        case .wrapUp, .closed:
            return
        }
    }

    /// System: a disconnected agent's grace period is over. Each conversation they were primary on
    /// goes back to its queue (agents and consults leave, status open, reason `agent-disconnected`)
    /// and is routed again; the customer is told they are being connected to someone else. A
    /// wrapped-up one is closed. A timer for an agent who came back is ignored.
    mutating func agentGraceEnded(
        _ agentId: UserId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        try requireSystem(actor)
        guard let absence = absentAgents[agentId],
            now >= absence.since.adding(milliseconds: configuration.timing.agentGraceMilliseconds)
        else { return }
        for conversationId in (state.agents[agentId]?.heldConversationIds ?? []).sorted() {
            guard let conversation = state.conversations[conversationId] else { continue }
            switch conversation.status {
            case .active, .waiting:
                withdrawOffers(of: conversationId, at: now, into: &recorder)
                emitSystemEntry(
                    "Your agent was disconnected. We are connecting you to someone else.", in: conversationId, at: now,
                    into: &recorder)
                removeAgents(of: conversation, at: now, into: &recorder)
                emitUpdate(
                    of: conversation, status: .open, primaryAgentId: .some(nil), reason: .agentDisconnected, at: now,
                    into: &recorder)
            case .wrapUp:
                let closed = ConversationClosed(by: .agent, userId: agentId, reason: "agent-disconnected")
                emit(.conversationClosed(closed), in: conversationId, at: now, into: &recorder)
            case .open, .closed:
                continue
            }
        }
    }

    /// System: the journal was replayed after a restart, and nobody is connected any more. Every
    /// customer with a conversation under way is away and every agent holding conversations is
    /// disconnected, as of now (those already away keep their earlier start); consults and
    /// supervisors who took part leave; every monitor still open in the audit ends (reason `restart`).
    /// The outcome's timers are every timer the state implies (`pendingTimers()`), for the shell to arm.
    mutating func recover(at now: Instant, into recorder: inout OutcomeRecorder) {
        // Monitors are sessions of connections, which all ended with the previous process.
        endEveryMonitor(reason: .restart, at: now, into: &recorder)
        for customerId in state.openConversationsByCustomer.keys.sorted() {
            userDisconnected(customerId, role: .customer, at: now, into: &recorder)
        }
        var staff = Set(state.staffConversations.keys)
        for (agentId, agent) in state.agents where !agent.heldConversationIds.isEmpty { staff.insert(agentId) }
        for userId in staff.sorted() {
            userDisconnected(userId, role: .agent, at: now, into: &recorder)
        }
        for timer in pendingTimers() { recorder.schedule(timer) }
    }

    /// Every timer the current state and the agents' absences imply, earliest first: pending offers'
    /// expiries, retries after every agent declined, away customers' windows, absent agents' grace
    /// periods, closed conversations' archiving. What the shell arms after a restart; walks every
    /// conversation, so it is for recovery, not for each command.
    public func pendingTimers() -> [ScheduledTimer] {
        var timers: [ScheduledTimer] = []
        for offer in state.offers.values.sorted(by: { $0.offerId < $1.offerId }) {
            timers.append(.offerTimeout(offer.offerId, at: offer.expiresAt))
        }
        let pause = configuration.timing.offerRetryPauseMilliseconds
        for queueId in state.queues.keys.sorted() {
            for (_, work) in (state.queues[queueId]?.unoffered ?? [:]).sorted(by: { $0.key < $1.key }) {
                for key in work {
                    guard let conversation = state.conversations[key.conversationId],
                        !conversation.declinedAgentIds.isEmpty, let declinedAt = conversation.lastDeclinedAt
                    else { continue }
                    timers.append(.routingRetry(conversation.id, at: declinedAt.adding(milliseconds: pause)))
                }
            }
        }
        let window = configuration.timing.customerReconnectMilliseconds
        for conversationId in state.awayConversationIds.sorted() {
            guard let since = state.conversations[conversationId]?.customerAwaySince else { continue }
            timers.append(.reconnectWindow(conversationId, at: since.adding(milliseconds: window)))
        }
        let grace = configuration.timing.agentGraceMilliseconds
        for agentId in absentAgents.keys.sorted() where state.agents[agentId]?.heldConversationIds.isEmpty == false {
            guard let since = absentAgents[agentId]?.since else { continue }
            timers.append(.agentGrace(agentId, at: since.adding(milliseconds: grace)))
        }
        timers += archiveTimers()
        // Stable: equal deadlines keep the order above.
        return timers.enumerated().sorted { ($0.element.deadline, $0.offset) < ($1.element.deadline, $1.offset) }
            .map(\.element)
    }

    /// A public transcript entry written by the hub itself (sender `system`).
    mutating func emitSystemEntry(
        _ text: String, in conversationId: ConversationId, at now: Instant, into recorder: inout OutcomeRecorder
    ) {
        let message = Message(
            seq: nextSeq(of: conversationId), senderId: UserId("system"), senderRole: .system, text: text,
            visibility: .public, clientMessageId: nil, at: now)
        emit(.message(message), in: conversationId, at: now, into: &recorder)
    }

    /// A duration as a person says it: "3 minutes", "90 seconds".
    static func spoken(_ milliseconds: Int64) -> String {
        let seconds = (milliseconds + 999) / 1_000
        if seconds >= 60 && seconds % 60 == 0 {
            return seconds == 60 ? "1 minute" : "\(seconds / 60) minutes"
        }
        return seconds == 1 ? "1 second" : "\(seconds) seconds"
    }
}

/// One conversation the caller takes part in, as `conversations.mine` lists it: enough to show it
/// and to resume it (`conversation.resume` from the last seq the client has, or 0).
public struct OwnConversation: Hashable, Sendable {
    public var conversationId: ConversationId
    public var status: ConversationStatus
    public var subject: String
    public var channel: Channel
    /// The caller's part in it: customer, agent, consult or supervisor.
    public var role: ParticipantRole
    /// The seq of its latest history event: a client that has it is up to date.
    public var lastSeq: Int

    public init(
        conversationId: ConversationId, status: ConversationStatus, subject: String, channel: Channel,
        role: ParticipantRole, lastSeq: Int
    ) {
        self.conversationId = conversationId
        self.status = status
        self.subject = subject
        self.channel = channel
        self.role = role
        self.lastSeq = lastSeq
    }
}

extension Hub {
    /// `conversations.mine`: the conversations the caller takes part in that are not closed, oldest
    /// first. An agent who signs in learns of a conversation a supervisor assigned them while they were
    /// offline; a customer's new device finds the chat it was in. Monitoring is not taking part: a
    /// supervisor's monitored conversations are not listed (monitors end with their connection).
    func listOwnConversations(by actor: Actor, into recorder: inout OutcomeRecorder) throws(HubError) {
        guard actor.role != .system else { throw .forbidden("the system takes part in no conversation") }
        let candidates =
            actor.role == .customer
            ? state.openConversationsByCustomer[actor.userId] ?? []
            : state.staffConversations[actor.userId] ?? []
        var listed: [(createdAt: Instant, conversation: OwnConversation)] = []
        for conversationId in candidates {
            guard let conversation = state.conversations[conversationId], conversation.status != .closed,
                let role = conversation.role(of: actor.userId)
            else { continue }
            listed.append(
                (
                    conversation.createdAt,
                    OwnConversation(
                        conversationId: conversationId, status: conversation.status, subject: conversation.subject,
                        channel: conversation.channel, role: role, lastSeq: conversation.lastSeq)
                ))
        }
        listed.sort { ($0.createdAt, $0.conversation.conversationId) < ($1.createdAt, $1.conversation.conversationId) }
        recorder.acknowledgement = .conversations(listed.map(\.conversation))
    }
}
