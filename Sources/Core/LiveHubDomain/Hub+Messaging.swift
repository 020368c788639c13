extension Hub {
    /// `message.send`: a participant writes to the transcript.
    ///
    /// Rules: only participants write; customers and bots write public only; text is non-empty and
    /// within the configured limit; a resend with the same clientMessageId gets the original seq and
    /// adds nothing; a message from the customer or the primary agent revives a waiting conversation.
    mutating func sendMessage(
        in conversationId: ConversationId, text: String, visibility: Visibility, clientMessageId: String?,
        by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        // The checks read what they need of the conversation where it is stored, in one look-up: a
        // copy would retain every field, and one still alive when `emit` appends to the history would
        // make that append copy the whole history (O(n) per message).
        let clientKey = clientMessageId.map { ClientMessageKey(senderId: actor.userId, clientMessageId: $0) }
        guard
            let facts = state.reading(
                conversationId,
                { conversation in
                    WriterFacts(conversation, writer: actor.userId, clientKey: clientKey)
                })
        else {
            throw .notFound("no conversation \(conversationId)")
        }
        guard let role = facts.role, actor.role != .system else {
            throw .forbidden("\(actor.userId) does not take part in \(conversationId)")
        }
        if let resentSeq = facts.resentSeq {
            recorder.acknowledgement = .messageAccepted(seq: resentSeq)
            return
        }
        try requireStatus(facts.headline.status, in: [.open, .active, .waiting], for: "write to")
        guard visibility == .public || role.isStaff else {
            throw .forbidden("a \(role) may only write public messages")
        }
        guard !text.isBlank else { throw .invalidMessage("the message is empty") }
        guard !text.exceeds(characters: configuration.limits.maximumMessageCharacters) else {
            throw .tooLarge("the message exceeds \(configuration.limits.maximumMessageCharacters) characters")
        }
        try requireRoom(for: text, in: conversationId, facts)
        let seq: Int
        if facts.headline.status == .waiting && (role == .customer || role == .agent) {
            emitUpdate(of: conversationId, facts.headline, status: .active, reason: .revived, at: now, into: &recorder)
            seq = nextSeq(of: conversationId)
        } else {
            seq = facts.lastSeq + 1
        }
        let message = Message(
            seq: seq, senderId: actor.userId, senderRole: role, text: text, visibility: visibility,
            clientMessageId: clientMessageId, at: now)
        emit(.message(message), in: conversationId, seq: seq, at: now, into: &recorder)
        recorder.acknowledgement = .messageAccepted(seq: seq)
    }

    /// A full conversation takes no more messages: its history stays in memory while it is open, so
    /// it is bounded like everything else a client can make the hub hold.
    private func requireRoom(for text: String, in conversationId: ConversationId, _ facts: WriterFacts)
        throws(HubError)
    {
        let limits = configuration.limits
        guard facts.messageCount < limits.maximumConversationMessages else {
            throw .tooLarge(
                "conversation \(conversationId) is full: it holds \(facts.messageCount) messages, the most one "
                    + "conversation may; continue in a new conversation")
        }
        guard facts.messageTextBytes + text.utf8.count <= limits.maximumConversationTextBytes else {
            throw .tooLarge(
                "conversation \(conversationId) is full: its messages hold \(facts.messageTextBytes) bytes of "
                    + "text and this one would take it past \(limits.maximumConversationTextBytes); continue in a new "
                    + "conversation")
        }
    }

    /// `typing`: tells the other participants; transient, so it has no seq and is not resumable.
    /// Coalesced: at most one per participant and conversation is forwarded per typing interval (two
    /// seconds by default); the others are acknowledged and go no further.
    mutating func typing(
        in conversationId: ConversationId, by actor: Actor, at now: Instant, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        let conversation = try existingConversation(conversationId)
        guard conversation.role(of: actor.userId) != nil else {
            throw .forbidden("\(actor.userId) does not take part in \(conversationId)")
        }
        try requireStatus(conversation.status, in: [.open, .active, .waiting], for: "type in")
        if let last = sent.typing[conversationId]?[actor.userId],
            now < last.adding(milliseconds: configuration.timing.typingIntervalMilliseconds)
        {
            return
        }
        emit(.typing(userId: actor.userId), in: conversationId, at: now, into: &recorder)
    }

    /// `conversation.resume`: the history events after `afterSeq` that the requester may see.
    /// Participants see what they would have been sent; a monitoring connection sees staff events.
    func resume(
        _ conversationId: ConversationId, afterSeq: Int, by actor: Actor, into recorder: inout OutcomeRecorder
    ) throws(HubError) {
        let conversation = try existingConversation(conversationId)
        let viewer: Viewer
        if let role = conversation.role(of: actor.userId), actor.role != .system {
            viewer = .participant(actor.userId, role)
        } else if recorder.sessions.monitoredConversations.contains(conversationId) {
            viewer = .monitor(actor.userId)
        } else {
            throw .forbidden("\(actor.userId) does not take part in \(conversationId)")
        }
        guard afterSeq >= 0 else { throw .invalidMessage("afterSeq must not be negative") }
        recorder.acknowledgement = .history(visibleHistory(of: conversation, after: afterSeq, to: viewer))
    }

    /// History events after `afterSeq` visible to `viewer`, in seq order.
    func visibleHistory(of conversation: Conversation, after afterSeq: Int, to viewer: Viewer) -> [DomainEvent] {
        // History is in seq order and seq starts at 1 without gaps, so the index is seq - 1.
        let start = min(max(afterSeq, 0), conversation.history.count)
        return conversation.history[start...].filter { isVisible($0, to: viewer) }
    }
}

/// What `message.send` reads of a conversation about its writer, in one look-up.
private struct WriterFacts {
    /// The writer's role, when they take part.
    var role: ParticipantRole?
    /// The seq of the message this one resends (same writer and clientMessageId), if any.
    var resentSeq: Int?
    var headline: Headline
    var lastSeq: Int
    var messageCount: Int
    var messageTextBytes: Int

    init(_ conversation: borrowing Conversation, writer: UserId, clientKey: ClientMessageKey?) {
        role = conversation.role(of: writer)
        resentSeq = clientKey.flatMap { conversation.clientMessages.seq(of: $0, in: conversation.history) }
        headline = Headline(conversation)
        lastSeq = conversation.lastSeq
        messageCount = conversation.messageCount
        messageTextBytes = conversation.messageTextBytes
    }
}
