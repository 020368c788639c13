extension Hub {
    /// `conversation.start`: a customer opens a conversation; it waits open in its queue until routed.
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
        let conversationId = ConversationId("c\(state.conversationCount + 1)")
        let started = ConversationStarted(
            subject: subject, channel: channel, mode: .text, queueId: queueId, customerId: actor.userId,
            capacityUnits: workstream.capacityUnits)
        emit(.conversationStarted(started), in: conversationId, at: now, into: &recorder)
        recorder.acknowledgement = .conversationStarted(conversationId)
    }
}
