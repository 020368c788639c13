// Closed conversations leave memory. A conversation that closes is kept for
// `Timing.closedInMemoryMilliseconds` (resumable, monitorable, in the hub's answers); then its
// `archive` timer fires, the domain hands it to the shell (`Acknowledgement.archive`), the shell writes
// it to the archive on disk, and once that is durable it calls `forgetArchived` and journals that. So
// memory holds the conversations under way plus the few closed in the last minutes, whatever the
// hub's age, and nothing is forgotten that the disk does not hold.

extension Hub {
    /// When a conversation closed at `closedAt` is due for the archive.
    func archiveDeadline(closedAt: Instant) -> Instant {
        closedAt.adding(milliseconds: max(0, configuration.timing.closedInMemoryMilliseconds))
    }

    /// System: a closed conversation's time in memory is over. Answers with the conversation for the
    /// shell to archive; a conversation that is unknown (archived already), not closed, or not due yet
    /// gets nothing, so a stale or repeated timer is harmless.
    mutating func archiveDue(_ conversationId: ConversationId, at now: Instant, into recorder: inout OutcomeRecorder) {
        guard let conversation = state.conversations[conversationId], conversation.status == .closed,
            let closedAt = conversation.closedAt, now >= archiveDeadline(closedAt: closedAt)
        else { return }
        recorder.acknowledgement = .archive(conversation)
    }

    /// The archive timers of the closed conversations still in memory (for recovery).
    func archiveTimers() -> [ScheduledTimer] {
        var due: [(at: Instant, conversationId: ConversationId)] = []
        for conversation in state.conversations.values where conversation.status == .closed {
            guard let closedAt = conversation.closedAt else { continue }
            due.append((archiveDeadline(closedAt: closedAt), conversation.id))
        }
        return due.sorted { ($0.at, $0.conversationId) < ($1.at, $1.conversationId) }.map {
            .archive($0.conversationId, at: $0.at)
        }
    }

    /// The archive holds this closed conversation: it leaves memory, with everything kept for it
    /// (`conversation.resume` and the report no longer see it; ids never repeat, since the counter
    /// stays). A journaled mutation like `apply`: the shell journals it as an `archived` record and
    /// recovery replays it in order, so a replayed hub holds exactly what the live one held.
    ///
    /// Deterministic and total: returns false, changing nothing, for a conversation that is unknown or
    /// not closed.
    @discardableResult
    public mutating func forgetArchived(_ conversationId: ConversationId) -> Bool {
        guard let conversation = state.conversations[conversationId], conversation.status == .closed else {
            return false
        }
        // A closed conversation holds no capacity, stands in no line and has no offers (closing withdrew
        // them); these are cleared all the same, so no index can point at a conversation that is gone.
        for offerId in conversation.pendingOfferIds {
            if let offer = state.offers.removeValue(forKey: offerId) {
                state.agents[offer.agentId]?.offerIds.remove(offerId)
                state.agents[offer.agentId]?.reservingOfferIds.remove(offerId)
            }
        }
        if let agentId = conversation.primaryAgentId {
            state.agents[agentId]?.heldConversationIds.remove(conversationId)
        }
        state.conversations[conversationId] = nil
        sent.forget(conversationId)
        return true
    }
}
