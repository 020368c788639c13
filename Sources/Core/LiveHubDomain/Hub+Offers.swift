extension Hub {
    /// `offer.accept` / `consult.accept`: the offered agent takes the offer.
    ///
    /// Route → the agent joins as primary and the conversation turns active. Transfer → the agent
    /// becomes primary and the former primary stays as consult (`participant.joined` with role consult).
    /// Consult → the agent joins as consult.
    mutating func acceptOffer(
        _ offerId: OfferId, kinds: Set<OfferKind>, by actor: Actor, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        let offer = try answerableOffer(offerId, kinds: kinds, by: actor)
        guard now < offer.expiresAt else { throw .invalidState("offer \(offerId) has expired") }
        // Read in place, not copied: a copy alive while the events below are appended to the history
        // would make each append copy the history.
        let conversationId = offer.conversationId
        guard
            let (headline, customer) = state.reading(conversationId, { ($0.headline, CustomerIdentity($0)) })
        else {
            throw .notFound("no conversation \(conversationId)")
        }
        switch offer.kind {
        case .route:
            try requireStatus(headline.status, in: [.open], for: "accept a route offer for")
        case .transfer, .consult:
            try requireStatus(headline.status, in: [.active, .waiting], for: "accept a \(offer.kind) offer for")
        }

        let ended = OfferEnded(
            offerId: offerId, kind: offer.kind, agentId: offer.agentId, requesterId: offer.requesterId,
            outcome: .accepted)
        emit(.offerEnded(ended), in: conversationId, at: now, into: &recorder)
        switch offer.kind {
        case .route:
            emit(
                .participantJoined(participant(offer.agentId, .agent, of: customer)), in: conversationId,
                at: now, into: &recorder)
            emitUpdate(
                of: conversationId, currentHeadline(of: conversationId) ?? headline, status: .active,
                primaryAgentId: offer.agentId, reason: .accepted, at: now, into: &recorder)
        case .transfer:
            emit(
                .participantJoined(participant(offer.agentId, .agent, of: customer)), in: conversationId,
                at: now, into: &recorder)
            emitUpdate(
                of: conversationId, currentHeadline(of: conversationId) ?? headline, primaryAgentId: offer.agentId,
                reason: .transferred, at: now, into: &recorder)
            // The former primary stays on as consult (the update already made them one); say so, so
            // clients learn the role change from the event stream like any other.
            if let formerPrimary = headline.primaryAgentId, formerPrimary != offer.agentId {
                emit(
                    .participantJoined(participant(formerPrimary, .consult, of: customer)), in: conversationId,
                    at: now, into: &recorder)
            }
        case .consult:
            emit(
                .participantJoined(participant(offer.agentId, .consult, of: customer)), in: conversationId,
                at: now, into: &recorder)
        }
    }

    /// `offer.reject` / `consult.reject`: the offered agent declines. A declined route offer moves
    /// on to the next agent; a declined transfer or consult changes nothing and tells the requester.
    mutating func rejectOffer(
        _ offerId: OfferId, kinds: Set<OfferKind>, by actor: Actor, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        let offer = try answerableOffer(offerId, kinds: kinds, by: actor)
        let ended = OfferEnded(
            offerId: offerId, kind: offer.kind, agentId: offer.agentId, requesterId: offer.requesterId,
            outcome: .rejected)
        emit(.offerEnded(ended), in: offer.conversationId, at: now, into: &recorder)
    }

    /// System: an offer's timer fired. Treated like a rejection. A timer for an offer already
    /// answered, or one firing early, is ignored: timers race with answers by nature.
    mutating func offerTimedOut(
        _ offerId: OfferId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        guard actor.role == .system else { throw .forbidden("only the system times offers out") }
        guard let offer = state.offers[offerId], now >= offer.expiresAt else { return }
        let ended = OfferEnded(
            offerId: offerId, kind: offer.kind, agentId: offer.agentId, requesterId: offer.requesterId,
            outcome: .timedOut)
        emit(.offerEnded(ended), in: offer.conversationId, at: now, into: &recorder)
    }

    /// The pending offer, checked to be of an expected kind and addressed to the caller.
    private func answerableOffer(_ offerId: OfferId, kinds: Set<OfferKind>, by actor: Actor) throws(HubError)
        -> Offer
    {
        guard let offer = state.offers[offerId] else { throw .notFound("no pending offer \(offerId)") }
        guard offer.agentId == actor.userId, actor.role == .agent || actor.role == .supervisor else {
            throw .forbidden("offer \(offerId) is not addressed to \(actor.userId)")
        }
        guard kinds.contains(offer.kind) else {
            throw .invalidMessage("offer \(offerId) is a \(offer.kind) offer")
        }
        return offer
    }
}
