extension Hub {
    /// `conversation.start`: a customer opens a conversation; it waits open in its queue until routed.
    /// A customer whose earlier conversation is not closed yet gets `already_open` naming it.
    mutating func start(
        subject: String, channel: Channel, queueId: QueueId, by actor: Actor, at now: Instant,
        into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        guard actor.role == .customer else { throw .forbidden("only a customer starts a conversation") }
        guard !subject.isBlank else { throw .invalidMessage("the subject is empty") }
        guard !subject.exceeds(characters: configuration.limits.maximumSubjectCharacters) else {
            throw .tooLarge("the subject exceeds \(configuration.limits.maximumSubjectCharacters) characters")
        }
        guard let workstream = directory.workstream(of: queueId) else { throw .notFound("no queue \(queueId)") }
        guard workstream.channels.contains(channel) else {
            throw .invalidMessage("queue \(queueId) does not take the \(channel) channel")
        }
        // Rule: a customer has at most one conversation that is not closed.
        if let open = state.openConversationsByCustomer[actor.userId]?.min(),
            let status = state.conversations[open]?.status
        {
            throw .alreadyOpen(
                open,
                "\(actor.userId) already has conversation \(open) (\(status)); resume it instead of starting another")
        }
        let conversationId = ConversationId("c\(state.conversationCount + 1)")
        let name = actor.name.flatMap { $0 == actor.userId.rawValue || $0.isBlank ? nil : $0 }
        let started = ConversationStarted(
            subject: subject, channel: channel, mode: .text, queueId: queueId, customerId: actor.userId,
            capacityUnits: workstream.capacityUnits, customerName: name)
        emit(.conversationStarted(started), in: conversationId, at: now, into: &recorder)
        recorder.acknowledgement = .conversationStarted(conversationId)
    }
}
