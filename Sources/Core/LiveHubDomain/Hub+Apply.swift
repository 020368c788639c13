extension Hub {
    /// Changes the hub by one event. The only mutation path: `handle` calls it for every event it
    /// emits, and crash recovery calls it for every journaled event, in order.
    ///
    /// Deterministic and total: it never throws and never reads the clock (time comes from `event.at`).
    /// An event about a conversation or offer it does not know is ignored rather than trapping.
    /// A transient event (`isJournaled == false`) never changes `state`; only `presenceChanged` changes
    /// anything at all (the presence kept beside the state).
    public mutating func apply(_ event: DomainEvent) {
        switch event.payload {
        case .conversationStarted(let started):
            guard let conversationId = event.conversationId else { return }
            var conversation = Conversation(id: conversationId, started: started, at: event.at)
            record(event, in: &conversation)
            state.conversations[conversationId] = conversation
            state.openConversationIds.insert(conversationId)
            state.conversationCount += 1
        case .message(let message):
            updateConversation(of: event) { conversation in
                if let clientMessageId = message.clientMessageId {
                    let key = ClientMessageKey(senderId: message.senderId, clientMessageId: clientMessageId)
                    conversation.seqByClientMessage[key] = message.seq
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
        case .participantLeft(let change):
            updateConversation(of: event) { conversation in
                conversation.participants.removeAll { $0.userId == change.userId }
            }
        case .conversationUpdated(let update):
            applyUpdate(update, of: event)
        case .offer(let offer):
            state.offers[offer.offerId] = offer
            state.offerCount += 1
            if offer.kind == .route {
                state.agents[offer.agentId]?.reservingOfferIds.insert(offer.offerId)
                state.agents[offer.agentId]?.lastOfferedAt = event.at
            }
            updateConversation(of: event) { $0.pendingOfferIds.append(offer.offerId) }
        case .offerEnded(let ended):
            state.offers[ended.offerId] = nil
            state.agents[ended.agentId]?.reservingOfferIds.remove(ended.offerId)
            updateConversation(of: event) { conversation in
                conversation.pendingOfferIds.removeAll { $0 == ended.offerId }
                // Rule: the router never re-offers a conversation to an agent who declined it.
                if ended.kind == .route && (ended.outcome == .rejected || ended.outcome == .timedOut) {
                    conversation.declinedAgentIds.insert(ended.agentId)
                }
            }
        case .notification:
            updateConversation(of: event) { _ in }
        case .conversationClosed:
            guard let conversationId = event.conversationId else { return }
            updateConversation(of: event) { conversation in
                conversation.status = .closed
                conversation.closedAt = event.at
                conversation.stopClocks(at: event.at)
            }
            releaseHold(of: conversationId, previousAgentId: state.conversations[conversationId]?.primaryAgentId)
            state.openConversationIds.remove(conversationId)
        case .presenceChanged(let userId, let presence):
            if state.agents[userId] != nil { presences[userId] = presence }
        case .settingsUpdated(let settings, _):
            state.settings = settings
        case .typing, .reportUpdate, .monitorStarted, .monitorStopped:
            // Transient deliveries: nothing to remember (monitors are the app's sessions).
            break
        }
    }

    /// Applies a headline change, keeping clocks, capacity holds and the open set in step.
    private mutating func applyUpdate(_ update: ConversationUpdate, of event: DomainEvent) {
        guard let conversationId = event.conversationId, let before = state.conversations[conversationId] else {
            return
        }
        updateConversation(of: event) { conversation in
            let wasOpen = conversation.status == .open
            let previousAgentId = conversation.primaryAgentId
            conversation.status = update.status
            conversation.queueId = update.queueId
            conversation.primaryAgentId = update.primaryAgentId
            conversation.mode = update.mode

            // Wait time runs while open: from creation or re-queue until an agent takes it.
            if wasOpen && update.status != .open, let started = conversation.waitStartedAt {
                conversation.waitMilliseconds += event.at.milliseconds(since: started)
                conversation.waitStartedAt = nil
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
                if let previousAgentId { conversation.declinedAgentIds.insert(previousAgentId) }
            case .requeued:
                conversation.declinedAgentIds = []
            default:
                break
            }
        }
        releaseHold(of: conversationId, previousAgentId: before.holdsCapacity ? before.primaryAgentId : nil)
        if let after = state.conversations[conversationId] {
            if after.holdsCapacity, let agentId = after.primaryAgentId {
                state.agents[agentId]?.heldConversationIds.insert(conversationId)
            }
            if after.status == .open {
                state.openConversationIds.insert(conversationId)
            } else {
                state.openConversationIds.remove(conversationId)
            }
        }
    }

    /// Runs `change` on the event's conversation and records the event in its history.
    private mutating func updateConversation(of event: DomainEvent, _ change: (inout Conversation) -> Void) {
        guard let conversationId = event.conversationId, var conversation = state.conversations[conversationId] else {
            return
        }
        // Take the value out so the change does not copy the whole dictionary's storage.
        state.conversations[conversationId] = nil
        change(&conversation)
        record(event, in: &conversation)
        state.conversations[conversationId] = conversation
    }

    /// Appends a sequenced event to the conversation's history.
    private func record(_ event: DomainEvent, in conversation: inout Conversation) {
        guard let seq = event.seq else { return }
        conversation.lastSeq = seq
        conversation.history.append(event)
    }

    private mutating func releaseHold(of conversationId: ConversationId, previousAgentId: UserId?) {
        guard let previousAgentId else { return }
        state.agents[previousAgentId]?.heldConversationIds.remove(conversationId)
    }
}

extension Conversation {
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
