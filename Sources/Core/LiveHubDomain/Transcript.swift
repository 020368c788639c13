/// What a reader may see of a conversation's transcript (`GET /v1/conversations/{id}/transcript`).
public enum TranscriptAccess: Hashable, Sendable {
    /// The history events the reader may see, in seq order, and the audience they are shaped for.
    case granted(Audience, [DomainEvent])
    /// Staff who may not read it (an agent who never took part), or a role with no transcripts.
    case forbidden
    /// Not this reader's: a customer is told so for every conversation that is not theirs, whether it
    /// exists or not, so customers cannot probe conversation ids.
    case notFound
}

extension Conversation {
    /// The transcript rule. Supervisors and admins read everything; so does an agent who took part
    /// (ever primary, consult or joined: their `participant.joined` is in the history, even after they
    /// left); the conversation's customer reads what the customer audience receives (public messages
    /// and public events, as on the wire: `EventPayload.variant(for:)`); anyone else is refused.
    public func transcript(for role: Role, userId: UserId) -> TranscriptAccess {
        switch role {
        case .supervisor, .admin:
            return .granted(.staff, Array(history))
        case .agent:
            return tookPart(userId) ? .granted(.staff, Array(history)) : .forbidden
        case .customer:
            guard userId == customerId else { return .notFound }
            return .granted(.customer, history.filter { $0.payload.variant(for: .customer).isReceived })
        case .bot, .system:
            return .forbidden
        }
    }

    /// Whether `userId` ever took part as staff: primary agent, consult or joined.
    func tookPart(_ userId: UserId) -> Bool {
        if primaryAgentId == userId || participants.contains(where: { $0.userId == userId && $0.role.isStaff }) {
            return true
        }
        return history.contains { event in
            if case .participantJoined(let change) = event.payload {
                change.userId == userId && change.role.isStaff
            } else {
                false
            }
        }
    }
}
