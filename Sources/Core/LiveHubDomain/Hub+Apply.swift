extension Hub {
    /// Changes the hub by one event. The only mutation path: `handle` calls it for every event it
    /// emits, and crash recovery calls it for every journaled event, in order.
    ///
    /// Deterministic and total: it never throws and never reads the clock (time comes from `event.at`).
    /// An event about a conversation or offer it does not know is ignored rather than trapping.
    /// A transient event (`isJournaled == false`) never changes `state`: it changes only what is kept
    /// beside it (presence, absent agents, what was last sent of the coalesced deliveries).
    ///
    /// The indexes (queue lines, ready agents, each customer's and staff member's conversations) are
    /// kept in step here, so nothing ever rebuilds them by walking every conversation.
    public mutating func apply(_ event: DomainEvent) {
        switch event.payload {
        case .conversationStarted(let started):
            guard let conversationId = event.conversationId, state.conversations[conversationId] == nil else { return }
            var conversation = Conversation(id: conversationId, started: started, at: event.at)
            conversation.record(event)
            let entry = IndexEntry(conversation)
            state.conversations[conversationId] = conversation
            state.conversationCount += 1
            reindex(conversationId, from: nil, to: entry)
        case .message(let message):
            updateConversation(of: event, reindexing: false) { conversation in
                if let clientMessageId = message.clientMessageId {
                    conversation.clientMessages.insert(
                        ClientMessageKey(senderId: message.senderId, clientMessageId: clientMessageId), seq: message.seq,
                        history: conversation.history)
                }
                conversation.lastActivityAt = event.at
                conversation.messageCount += 1
                conversation.messageTextBytes += message.text.utf8.count
                // Kept here, not in `handle`, so replaying the journal rebuilds the same sentiment. Only
                // kept: it is scored (a few µs for a chat line) when someone first reads the level, which
                // for most messages is never (see `ConversationSentiment`).
                if conversation.countsForSentiment(message) {
                    conversation.customerSentiment.note(customerMessage: message.text)
                }
            }
        case .participantJoined(let change):
            updateConversation(of: event) { conversation in
                if let index = conversation.participants.firstIndex(where: { $0.userId == change.userId }) {
                    conversation.participants[index].role = change.role
                } else {
                    conversation.participants.append(Participant(userId: change.userId, role: change.role))
                }
            }
            if let conversationId = event.conversationId, change.role.isStaff {
                state.staffConversations[change.userId, default: []].insert(conversationId)
            }
        case .participantLeft(let change):
            updateConversation(of: event) { conversation in
                conversation.participants.removeAll { $0.userId == change.userId }
            }
            if let conversationId = event.conversationId { forgetStaff(change.userId, in: conversationId) }
        case .participantAway(let change):
            updateConversation(of: event) { conversation in
                if change.userId == conversation.customerId { conversation.customerAwaySince = event.at }
            }
        case .participantBack(let change):
            updateConversation(of: event) { conversation in
                if change.userId == conversation.customerId { conversation.customerAwaySince = nil }
            }
        case .conversationUpdated(let update):
            applyUpdate(update, of: event)
        case .offer(let offer):
            state.offers[offer.offerId] = offer
            state.offerCount += 1
            state.agents[offer.agentId]?.offerIds.insert(offer.offerId)
            if offer.kind == .route {
                state.agents[offer.agentId]?.reservingOfferIds.insert(offer.offerId)
                state.agents[offer.agentId]?.lastOfferedAt = event.at
            }
            updateConversation(of: event) { conversation in
                conversation.pendingOfferIds.append(offer.offerId)
                if offer.kind == .route { conversation.pendingRouteOffers += 1 }
            }
            if offer.kind == .route { reindexAgent(offer.agentId) }
        case .offerEnded(let ended):
            state.offers[ended.offerId] = nil
            state.agents[ended.agentId]?.reservingOfferIds.remove(ended.offerId)
            state.agents[ended.agentId]?.offerIds.remove(ended.offerId)
            updateConversation(of: event) { conversation in
                conversation.pendingOfferIds.removeAll { $0 == ended.offerId }
                guard ended.kind == .route else { return }
                conversation.pendingRouteOffers = max(0, conversation.pendingRouteOffers - 1)
                // Rule: the router never re-offers a conversation to an agent who declined it (until
                // it tries everyone again after the pause, `retried`).
                if ended.outcome == .rejected || ended.outcome == .timedOut {
                    conversation.declinedAgentIds.insert(ended.agentId)
                    conversation.lastDeclinedAt = event.at
                }
            }
            if ended.kind == .route { reindexAgent(ended.agentId) }
        case .notification:
            updateConversation(of: event, reindexing: false) { _ in }
        case .conversationClosed:
            // The outer optional is whether the conversation exists; the inner one its holder.
            guard let conversationId = event.conversationId,
                let previousAgentId = state.reading(conversationId, { $0.holder })
            else {
                return
            }
            updateConversation(of: event) { conversation in
                conversation.status = .closed
                conversation.closedAt = event.at
                conversation.stopClocks(at: event.at)
            }
            if let closed = state.reading(conversationId, { ClosedFacts($0) }) {
                if let handleMilliseconds = closed.handleMilliseconds {
                    state.queues[closed.queueId, default: QueueLine()].recentHandles.add(handleMilliseconds)
                }
                for participant in closed.participants { forgetStaff(participant.userId, in: conversationId) }
            }
            releaseHold(of: conversationId, previousAgentId: previousAgentId)
            sent.forget(conversationId)
            if let previousAgentId { reindexAgent(previousAgentId) }
        case .presenceChanged(let userId, let presence):
            guard state.agents[userId] != nil else { return }
            presences[userId] = presence
            reindexAgent(userId)
        case .settingsUpdated(let settings, _):
            state.settings = settings
        case .typing(let userId):
            guard let conversationId = event.conversationId, state.reading(conversationId, { $0.status }) != .closed
            else { return }
            sent.typing[conversationId, default: [:]][userId] = event.at
        case .reportUpdate(let row):
            guard let status = state.reading(row.conversationId, { $0.status }), status != .closed else { return }
            sent.reportRows[row.conversationId] = DeliveryMemory.SentRow(at: event.at, row: row)
        case .queuePosition(let position):
            guard let conversationId = event.conversationId, state.reading(conversationId, { $0.status }) == .open
            else { return }
            sent.positions[conversationId] = position
        case .agentDisconnected(let userId, let presence):
            guard state.agents[userId] != nil else { return }
            absentAgents[userId] = AgentAbsence(since: event.at, presence: presence)
        case .agentReconnected(let userId, _):
            absentAgents[userId] = nil
        case .audit(let entry):
            state.audit.append(entry)
            // Decided by the entry alone (its id and time), so a replay drops exactly the same entries.
            if entry.id % AuditLog.retentionCheckInterval == 0 {
                let retention = configuration.timing.auditRetentionMilliseconds
                state.audit.dropEntries(before: entry.at.adding(milliseconds: -retention))
            }
        case .monitorStarted, .monitorStopped, .agentUpdate:
            // Transient deliveries: nothing to remember (monitors are the app's sessions).
            break
        }
    }

    /// Applies a headline change, keeping clocks, capacity holds, queue times and indexes in step.
    private mutating func applyUpdate(_ update: ConversationUpdate, of event: DomainEvent) {
        guard let conversationId = event.conversationId,
            let before = state.reading(conversationId, { (queueId: $0.queueId, holder: $0.holder) })
        else {
            return
        }
        let previousHolder = before.holder
        var waited: Int64? = nil
        updateConversation(of: event) { conversation in
            let wasOpen = conversation.status == .open
            let previousAgentId = conversation.primaryAgentId
            conversation.status = update.status
            conversation.queueId = update.queueId
            conversation.primaryAgentId = update.primaryAgentId
            conversation.mode = update.mode

            // Wait time runs while open: from creation or re-queue until an agent takes it.
            if wasOpen && update.status != .open, let started = conversation.waitStartedAt {
                let period = event.at.milliseconds(since: started)
                conversation.waitMilliseconds += period
                conversation.waitStartedAt = nil
                if update.primaryAgentId != nil { waited = period }
            } else if !wasOpen && update.status == .open {
                conversation.waitStartedAt = event.at
            }
            // Handle time runs while some primary agent holds it; a transfer just continues it.
            if previousAgentId == nil, update.primaryAgentId != nil {
                conversation.handleStartedAt = event.at
                if conversation.acceptedAt == nil { conversation.acceptedAt = event.at }
            } else if previousAgentId != nil, update.primaryAgentId == nil, let started = conversation.handleStartedAt {
                conversation.handleMilliseconds += event.at.milliseconds(since: started)
                conversation.handleStartedAt = nil
            }
            // After a transfer the former primary agent stays on as consult.
            if let previousAgentId, previousAgentId != update.primaryAgentId,
                let index = conversation.participants.firstIndex(where: { $0.userId == previousAgentId })
            {
                conversation.participants[index].role = .consult
            }
            switch update.reason {
            case .released:
                if let previousAgentId {
                    conversation.declinedAgentIds.insert(previousAgentId)
                    conversation.lastDeclinedAt = event.at
                }
            case .requeued, .retried, .agentDisconnected:
                conversation.declinedAgentIds = []
                conversation.lastDeclinedAt = nil
            default:
                break
            }
        }
        if let waited { state.queues[before.queueId, default: QueueLine()].recentWaits.add(waited) }
        releaseHold(of: conversationId, previousAgentId: previousHolder)
        guard let after = state.reading(conversationId, { (holder: $0.holder, status: $0.status) }) else { return }
        let holder = after.holder
        let status = after.status
        if let holder { state.agents[holder]?.heldConversationIds.insert(conversationId) }
        if status != .open { sent.positions[conversationId] = nil }
        if previousHolder != holder {
            if let previousHolder { reindexAgent(previousHolder) }
            if let holder { reindexAgent(holder) }
        }
    }

    /// Runs `change` on the event's conversation and records the event in its history; with
    /// `reindexing`, moves the conversation in the indexes its change concerns.
    private mutating func updateConversation(
        of event: DomainEvent, reindexing: Bool = true, _ change: (inout Conversation) -> Void
    ) {
        guard let conversationId = event.conversationId else { return }
        // Changed where the dictionary stores it: one hash of the id, no copy of the conversation.
        var before: IndexEntry? = nil
        var after: IndexEntry? = nil
        state.changing(conversationId) { conversation in
            if reindexing { before = IndexEntry(conversation) }
            change(&conversation)
            conversation.record(event)
            if reindexing { after = IndexEntry(conversation) }
        }
        if let before, let after, before != after { reindex(conversationId, from: before, to: after) }
    }

    private mutating func releaseHold(of conversationId: ConversationId, previousAgentId: UserId?) {
        guard let previousAgentId else { return }
        state.agents[previousAgentId]?.heldConversationIds.remove(conversationId)
    }

    private mutating func forgetStaff(_ userId: UserId, in conversationId: ConversationId) {
        guard state.staffConversations[userId]?.remove(conversationId) != nil else { return }
        if state.staffConversations[userId]?.isEmpty == true { state.staffConversations[userId] = nil }
    }

    /// Moves a conversation between the indexes its entry names: its queue's line (open), the router's
    /// work (open without a route offer), its customer's conversations (not closed), the away set.
    private mutating func reindex(_ conversationId: ConversationId, from before: IndexEntry?, to after: IndexEntry) {
        if before?.waitKey != after.waitKey || before?.queueId != after.queueId {
            if let before, let key = before.waitKey { state.queues[before.queueId]?.open.remove(key) }
            if let key = after.waitKey { state.queues[after.queueId, default: QueueLine()].open.insert(key) }
        }
        if before?.routingUnits != after.routingUnits || before?.waitKey != after.waitKey
            || before?.queueId != after.queueId
        {
            if let before, let units = before.routingUnits, let key = before.waitKey {
                state.queues[before.queueId]?.unoffered[units]?.remove(key)
                if state.queues[before.queueId]?.unoffered[units]?.isEmpty == true {
                    state.queues[before.queueId]?.unoffered[units] = nil
                }
            }
            if let units = after.routingUnits, let key = after.waitKey {
                state.queues[after.queueId, default: QueueLine()].unoffered[units, default: SortedList()].insert(key)
            }
        }
        if before?.isClosed != after.isClosed {
            if after.isClosed {
                state.openConversationsByCustomer[after.customerId]?.remove(conversationId)
                if state.openConversationsByCustomer[after.customerId]?.isEmpty == true {
                    state.openConversationsByCustomer[after.customerId] = nil
                }
            } else {
                state.openConversationsByCustomer[after.customerId, default: []].insert(conversationId)
            }
        }
        if (before?.isAway ?? false) != after.isAway {
            if after.isAway {
                state.awayConversationIds.insert(conversationId)
            } else {
                state.awayConversationIds.remove(conversationId)
            }
        }
    }

    /// Puts an agent where their presence, free capacity and last offer now place them in the ready
    /// lists of their queues (or takes them out, when their presence is not one a queue allows).
    mutating func reindexAgent(_ agentId: UserId) {
        guard let profile = directory.agents[agentId] else { return }
        let presence = presence(of: agentId)
        let key = AgentKey(
            free: profile.capacity - load(of: agentId), lastOfferedAt: state.agents[agentId]?.lastOfferedAt,
            agentId: agentId)
        let old = agentKeys[agentId]
        for queueId in profile.queues {
            let workstream = directory.workstream(of: queueId)
            let slots = profile.capacity / max(1, workstream?.capacityUnits ?? 1)
            if let old, readyAgents[queueId]?.remove(old) == true {
                readySlots[queueId, default: 0] -= slots
                if readyAgents[queueId]?.isEmpty == true { readyAgents[queueId] = nil }
            }
            if workstream?.allowedPresences.contains(presence) == true,
                readyAgents[queueId, default: SortedList()].insert(key)
            {
                readySlots[queueId, default: 0] += slots
            }
        }
        agentKeys[agentId] = key
    }
}

/// What a closed conversation leaves behind in its queue's times and the staff index.
private struct ClosedFacts {
    var queueId: QueueId
    /// Its handle time, when an agent ever took it.
    var handleMilliseconds: Int64?
    var participants: [Participant]

    init(_ conversation: borrowing Conversation) {
        queueId = conversation.queueId
        handleMilliseconds = conversation.acceptedAt != nil ? conversation.handleMilliseconds : nil
        participants = conversation.participants
    }
}

/// What decides where a conversation stands in the indexes; compared before and after a change.
private struct IndexEntry: Equatable {
    var queueId: QueueId
    var waitKey: WaitKey?
    /// Capacity units and line place, while the router has to find it an agent.
    var routingUnits: Int?
    var customerId: UserId
    var isClosed: Bool
    var isAway: Bool

    init(_ conversation: borrowing Conversation) {
        queueId = conversation.queueId
        waitKey = conversation.waitKey
        routingUnits = conversation.awaitsOffer ? conversation.capacityUnits : nil
        customerId = conversation.customerId
        isClosed = conversation.status == .closed
        isAway = conversation.customerAwaySince != nil && conversation.status != .closed
    }

    static func == (left: IndexEntry, right: IndexEntry) -> Bool {
        left.queueId == right.queueId && left.waitKey == right.waitKey && left.routingUnits == right.routingUnits
            && left.isClosed == right.isClosed && left.isAway == right.isAway
    }
}

extension Conversation {
    /// Appends a sequenced event to the history.
    mutating func record(_ event: DomainEvent) {
        guard let seq = event.seq else { return }
        lastSeq = seq
        history.append(event)
    }

    /// Folds the running wait and handle periods into their totals.
    mutating func stopClocks(at now: Instant) {
        if let started = waitStartedAt {
            waitMilliseconds += now.milliseconds(since: started)
            waitStartedAt = nil
        }
        if let started = handleStartedAt {
            handleMilliseconds += now.milliseconds(since: started)
            handleStartedAt = nil
        }
    }
}
