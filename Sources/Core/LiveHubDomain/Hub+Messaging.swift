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
        // The checks read a copy of the conversation inside this closure only: a copy still alive when
        // `emit` appends to the history would make that append copy the whole history (O(n) per message).
        let checked = try { () throws(HubError) -> (role: ParticipantRole, revives: Bool, resentSeq: Int?) in
            let conversation = try existingConversation(conversationId)
            guard let role = conversation.role(of: actor.userId), actor.role != .system else {
                throw .forbidden("\(actor.userId) does not take part in \(conversationId)")
            }
            if let clientMessageId,
                let seq = conversation.seqByClientMessage[
                    ClientMessageKey(senderId: actor.userId, clientMessageId: clientMessageId)]
            {
                return (role, false, seq)
            }
            try requireStatus(conversation, in: [.open, .active, .waiting], for: "write to")
            guard visibility == .public || role.isStaff else {
                throw .forbidden("a \(role) may only write public messages")
            }
            guard !text.isBlank else { throw .invalidMessage("the message is empty") }
            guard !text.exceeds(characters: configuration.limits.maximumMessageCharacters) else {
                throw .tooLarge("the message exceeds \(configuration.limits.maximumMessageCharacters) characters")
            }
            return (role, conversation.status == .waiting && (role == .customer || role == .agent), nil)
        }()
        if let resentSeq = checked.resentSeq {
            recorder.acknowledgement = .messageAccepted(seq: resentSeq)
            return
        }
        let role = checked.role
        if checked.revives, let conversation = state.conversations[conversationId] {
            emitUpdate(of: conversation, status: .active, reason: .revived, at: now, into: &recorder)
        }
        let seq = nextSeq(of: conversationId)
        let message = Message(
            seq: seq, senderId: actor.userId, senderRole: role, text: text, visibility: visibility,
            clientMessageId: clientMessageId, at: now)
        emit(.message(message), in: conversationId, at: now, into: &recorder)
        recorder.acknowledgement = .messageAccepted(seq: seq)
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
        try requireStatus(conversation, in: [.open, .active, .waiting], for: "type in")
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
