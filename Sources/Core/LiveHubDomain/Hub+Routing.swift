extension Hub {
    /// Offers the conversations that may have become routable to the best eligible agents.
    ///
    /// The rules: conversations go first-in, first-out by the start of their current wait (across
    /// queues). An agent is eligible when they serve the queue, their presence is one the workstream
    /// allows, they have not declined or released this conversation, they do not take part in it
    /// already, and their free capacity covers it. Among eligible agents the choice is most free
    /// capacity, then longest since their last offer, then id. A pending route offer reserves
    /// capacity, so the router never over-offers an agent.
    ///
    /// The cost does not grow with the number of open conversations. After every routing pass no
    /// conversation awaiting an offer has an eligible agent, so a command can only create work through
    /// what it changed: conversations that became routable (`routingConversations`) and agents who may
    /// have become eligible (`routingAgents`). The pass takes, in line order, the earliest of those
    /// conversations and of the first conversation each such agent is eligible for in their queues'
    /// lines (`QueueLine.unoffered`), and offers it to the first agent of its queue's ready list
    /// (`readyAgents`) who has not declined it: what offering every waiting conversation in order
    /// would do, without looking at the ones nothing changed for. Walking a line skips only the
    /// conversations the agent declined or takes part in.
    mutating func route(at now: Instant, into recorder: inout OutcomeRecorder) {
        var candidates: [WaitKey] = []
        for conversationId in recorder.routingConversations {
            if let key = state.reading(conversationId, { $0.awaitsOffer ? $0.waitKey : nil }), let key {
                candidates.append(key)
            }
        }
        candidates.sort()
        let agents = recorder.routingAgents.sorted()
        recorder.routingConversations = []
        recorder.routingAgents = []
        var nextCandidate = 0
        var steps = candidates.count + agents.count
        defer { routingSteps &+= steps }
        while true {
            while nextCandidate < candidates.count,
                state.reading(candidates[nextCandidate].conversationId, { $0.awaitsOffer }) != true
            {
                nextCandidate += 1
                steps += 1
            }
            var next: WaitKey? = nextCandidate < candidates.count ? candidates[nextCandidate] : nil
            var isCandidate = next != nil
            for agentId in agents {
                if let work = earliestWork(for: agentId, before: next, steps: &steps) {
                    next = work
                    isCandidate = false
                }
            }
            guard let key = next, let conversation = state.conversations[key.conversationId] else { break }
            if isCandidate { nextCandidate += 1 }
            guard let agentId = bestAgent(for: conversation, steps: &steps) else {
                // An agent's earliest work always has an agent: that one. Stop rather than spin.
                guard isCandidate else { break }
                noteUnrouted(conversation, at: now, into: &recorder)
                continue
            }
            let offer = Offer(
                offerId: OfferId("o\(state.offerCount + 1)"), conversationId: conversation.id, kind: .route,
                agentId: agentId, requesterId: nil, subject: conversation.subject,
                customerName: conversation.customerName, channel: conversation.channel,
                queueId: conversation.queueId, reservedUnits: conversation.capacityUnits,
                expiresAt: now.adding(milliseconds: offerTimeout(for: conversation)))
            emit(.offer(offer), in: conversation.id, at: now, into: &recorder)
        }
    }

    /// The agent the router offers `conversation` to, or `nil` when nobody is eligible: the first of
    /// the queue's ready agents with enough free capacity who has not declined it and is not in it.
    func bestAgent(for conversation: Conversation, steps: inout Int) -> UserId? {
        guard let ready = readyAgents[conversation.queueId] else { return nil }
        for key in ready {
            steps += 1
            // Sorted by free capacity, most first: nobody after this one has enough either.
            if key.free < conversation.capacityUnits { return nil }
            if conversation.declinedAgentIds.contains(key.agentId) || conversation.role(of: key.agentId) != nil {
                continue
            }
            return key.agentId
        }
        return nil
    }

    /// The earliest conversation awaiting an offer, before `limit`, that `agentId` is eligible for.
    private mutating func earliestWork(for agentId: UserId, before limit: WaitKey?, steps: inout Int) -> WaitKey? {
        guard let profile = directory.agents[agentId], let key = agentKeys[agentId], key.free > 0 else { return nil }
        let presence = presence(of: agentId)
        var best: WaitKey? = nil
        for queueId in profile.queues {
            guard let line = state.queues[queueId],
                directory.workstream(of: queueId)?.allowedPresences.contains(presence) == true
            else { continue }
            for (units, work) in line.unoffered where units <= key.free {
                for waitKey in work {
                    steps += 1
                    if let bound = best ?? limit, !(waitKey < bound) { break }
                    let excluded = state.reading(waitKey.conversationId) {
                        $0.declinedAgentIds.contains(agentId) || $0.role(of: agentId) != nil
                    }
                    guard excluded == false else { continue }
                    best = waitKey
                    break
                }
            }
        }
        return best
    }

    /// A conversation that found no agent: when agents declined it, try them again after the pause;
    /// when its customer was never told their place, tell them.
    private func noteUnrouted(_ conversation: Conversation, at now: Instant, into recorder: inout OutcomeRecorder) {
        if !conversation.declinedAgentIds.isEmpty, let declinedAt = conversation.lastDeclinedAt {
            recorder.schedule(
                .routingRetry(
                    conversation.id,
                    at: declinedAt.adding(milliseconds: configuration.timing.offerRetryPauseMilliseconds)))
        }
        if sent.positions[conversation.id] == nil && conversation.customerAwaySince == nil {
            recorder.schedule(.positionNotice(conversation.id, at: now))
        }
    }

    /// System: the pause after every eligible agent declined is over. Clears the declines (a
    /// `retried` update, journaled, so a replay clears them too) and routes it again. A timer for a
    /// conversation that moved on, or one superseded by a later decline, is ignored.
    mutating func retryRouting(
        _ conversationId: ConversationId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        guard actor.role == .system else { throw .forbidden("only the system retries routing") }
        guard let conversation = state.conversations[conversationId], conversation.awaitsOffer,
            !conversation.declinedAgentIds.isEmpty, let declinedAt = conversation.lastDeclinedAt,
            now >= declinedAt.adding(milliseconds: configuration.timing.offerRetryPauseMilliseconds)
        else { return }
        emitUpdate(of: conversation, reason: .retried, at: now, into: &recorder)
    }
}
