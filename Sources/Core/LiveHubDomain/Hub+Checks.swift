// Shared rule checks used by the command handlers. Each throws the wire error the rule implies.

extension Hub {
    /// The conversation, or `not_found`.
    func existingConversation(_ conversationId: ConversationId) throws(HubError) -> Conversation {
        guard let conversation = state.conversations[conversationId] else {
            throw .notFound("no conversation \(conversationId)")
        }
        return conversation
    }

    /// The caller as a configured supervisor. A supervisor token for an unknown id is `unauthorized`;
    /// any other role is `forbidden`.
    func requireSupervisor(_ actor: Actor) throws(HubError) {
        guard actor.role == .supervisor else { throw .forbidden("only a supervisor may do this") }
        guard directory.supervisorIds.contains(actor.userId) else {
            throw .unauthorized("\(actor.userId) is not a configured supervisor")
        }
    }

    /// The caller as the conversation's primary agent. Identity decides, not role, so a supervisor
    /// who also serves as an agent can work their own conversations.
    func requirePrimaryAgent(_ actor: Actor, of conversation: Conversation) throws(HubError) {
        guard actor.role == .agent || actor.role == .supervisor else {
            throw .forbidden("only the conversation's agent may do this")
        }
        guard directory.agents[actor.userId] != nil else {
            throw .unauthorized("\(actor.userId) is not a configured agent")
        }
        guard conversation.primaryAgentId == actor.userId else {
            throw .forbidden("\(actor.userId) is not the agent of \(conversation.id)")
        }
    }

    /// Throws `forbidden` unless the caller is the shell itself.
    func requireSystem(_ actor: Actor) throws(HubError) {
        guard actor.role == .system else { throw .forbidden("only the system sends this") }
    }

    /// A participant as events name them: with their display name (the configured one for staff and
    /// bots, the customer's own for the customer).
    func participant(_ userId: UserId, _ role: ParticipantRole, of customer: CustomerIdentity) -> ParticipantChange {
        let name = userId == customer.id ? customer.displayName : directory.names[userId] ?? userId.rawValue
        return ParticipantChange(userId: userId, role: role, name: name)
    }

    func participant(_ userId: UserId, _ role: ParticipantRole, in conversation: Conversation?) -> ParticipantChange {
        let name: String? =
            if let conversation, userId == conversation.customerId {
                conversation.customerDisplayName
            } else {
                directory.names[userId] ?? userId.rawValue
            }
        return ParticipantChange(userId: userId, role: role, name: name)
    }

    /// Throws `forbidden` unless the admin setting `name` is on.
    func requireSetting(_ isOn: Bool, _ name: String) throws(HubError) {
        guard isOn else { throw .forbidden("the admin setting \(name) is off") }
    }

    /// Throws unless `status` is one of `allowed`.
    func requireStatus(_ status: ConversationStatus, in allowed: ConversationStatuses, for action: String)
        throws(HubError)
    {
        guard allowed.contains(status) else {
            throw .invalidState("cannot \(action) a conversation that is \(status)")
        }
    }

    /// A configured, human agent to hand work to; bots are refused by name.
    func targetAgent(_ agentId: UserId) throws(HubError) -> AgentProfile {
        if directory.botIds.contains(agentId) {
            throw .forbidden("\(agentId) is a bot; only agents may take conversations")
        }
        guard let profile = directory.agents[agentId] else { throw .notFound("no agent \(agentId)") }
        return profile
    }

    /// Whether the agent's current presence is one the conversation's workstream allows.
    func isPresenceAllowed(of agentId: UserId, in conversation: Conversation) -> Bool {
        guard let workstream = directory.workstream(of: conversation.queueId) else { return false }
        return workstream.allowedPresences.contains(presence(of: agentId))
    }

    /// Capacity units the agent spends: conversations held plus pending route offers.
    mutating func load(of agentId: UserId) -> Int {
        guard let agent = state.agents[agentId] else { return 0 }
        var units = 0
        for conversationId in agent.heldConversationIds {
            units += state.reading(conversationId) { $0.capacityUnits } ?? 0
        }
        for offerId in agent.reservingOfferIds {
            units += state.offers[offerId]?.reservedUnits ?? 0
        }
        return units
    }

    /// How long an offer for `conversation` stays open.
    func offerTimeout(for conversation: Conversation) -> Int64 {
        directory.workstream(of: conversation.queueId)?.offerTimeoutMilliseconds ?? 30_000
    }

    /// Ends the conversation's pending offers (all, or of the given kinds) as withdrawn.
    mutating func withdrawOffers(
        of conversationId: ConversationId, kinds: Set<OfferKind> = OfferKind.every, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) {
        for offerId in state.reading(conversationId, { $0.pendingOfferIds }) ?? [] {
            guard let offer = state.offers[offerId], kinds.contains(offer.kind) else { continue }
            let ended = OfferEnded(
                offerId: offerId, kind: offer.kind, agentId: offer.agentId, requesterId: offer.requesterId,
                outcome: .withdrawn)
            emit(.offerEnded(ended), in: conversationId, at: now, into: &recorder)
        }
    }

    /// Removes every agent and consult from the conversation, for a return to a queue.
    mutating func removeAgents(of conversation: Conversation, at now: Instant, into recorder: inout OutcomeRecorder) {
        for member in conversation.participants where member.role == .agent || member.role == .consult {
            emit(
                .participantLeft(participant(member.userId, member.role, in: conversation)), in: conversation.id,
                at: now, into: &recorder)
        }
    }

    /// Emits a headline change of `conversation` with the given overrides.
    mutating func emitUpdate(
        of conversation: Conversation, status: ConversationStatus? = nil, queueId: QueueId? = nil,
        primaryAgentId: UserId?? = .none, mode: Mode? = nil, reason: UpdateReason, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) {
        let headline = currentHeadline(of: conversation.id) ?? conversation.headline
        emitUpdate(
            of: conversation.id, headline, status: status, queueId: queueId, primaryAgentId: primaryAgentId,
            mode: mode, reason: reason, at: now, into: &recorder)
    }

    /// The conversation's headline as it stands now, read in place.
    mutating func currentHeadline(of conversationId: ConversationId) -> Headline? {
        state.reading(conversationId) { $0.headline }
    }

    /// Emits a headline change of the conversation whose headline is now `current`, with the given overrides.
    mutating func emitUpdate(
        of conversationId: ConversationId, _ current: Headline, status: ConversationStatus? = nil,
        queueId: QueueId? = nil, primaryAgentId: UserId?? = .none, mode: Mode? = nil, reason: UpdateReason,
        at now: Instant, into recorder: inout OutcomeRecorder
    ) {
        let update = ConversationUpdate(
            status: status ?? current.status, queueId: queueId ?? current.queueId,
            primaryAgentId: primaryAgentId ?? current.primaryAgentId, mode: mode ?? current.mode, reason: reason)
        emit(.conversationUpdated(update), in: conversationId, at: now, into: &recorder)
    }
}

/// Who a conversation's customer is, as events name them.
struct CustomerIdentity {
    var id: UserId
    var displayName: String

    init(_ conversation: borrowing Conversation) {
        id = conversation.customerId
        displayName = conversation.customerDisplayName
    }
}

extension Conversation {
    /// Its status, queue, primary agent and mode.
    var headline: Headline { Headline(self) }
}

/// The four fields a `conversation.updated` carries, read off a conversation without copying it.
struct Headline {
    var status: ConversationStatus
    var queueId: QueueId
    var primaryAgentId: UserId?
    var mode: Mode

    init(_ conversation: borrowing Conversation) {
        status = conversation.status
        queueId = conversation.queueId
        primaryAgentId = conversation.primaryAgentId
        mode = conversation.mode
    }
}

extension String {
    /// True when the text has nothing but whitespace. Most text opens with a visible ASCII character,
    /// which is a character's first scalar and never whitespace: that settles it without walking the
    /// characters (grapheme breaking).
    var isBlank: Bool {
        if let first = utf8.first, first > 0x20 && first < 0x7F { return false }
        return allSatisfy { $0.isWhitespace }
    }

    /// Whether the text has more than `limit` characters. Counting characters walks the whole
    /// string, so the UTF-8 length (never smaller) is checked first and usually settles it.
    func exceeds(characters limit: Int) -> Bool {
        utf8.count > limit && count > limit
    }
}
