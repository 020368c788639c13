// Reading and changing one conversation where the dictionary stores it.
//
// `conversations[id]` (and `values[index]`) hands back a whole copy of a `Conversation`: a retain of
// every field (the history, the participants, the idempotency dictionary, the sentiment window...),
// and a release of each afterwards, even to read one field; writing it back through the key hashes the
// id again. On the message path that was most of the domain's cost. Dictionary has no borrowing read,
// only the in-place `_modify` of `values[index]`, so the hot paths read and change a conversation
// through that: no copy at all. The price is that reading is `mutating`: on a dictionary shared with a
// copy of the state (a snapshot being written) the first read copies the storage, as the command's
// first write would anyway.

extension HubState {
    /// Reads `read` of the conversation where it is stored, or `nil` when there is no such conversation.
    /// Mutating only to reach the storage in place (see above); the conversation is not changed.
    @inline(__always)
    mutating func reading<Result>(_ conversationId: ConversationId, _ read: (borrowing Conversation) -> Result)
        -> Result?
    {
        guard let index = conversations.index(forKey: conversationId) else { return nil }
        return Self.lend(&conversations.values[index], to: read)
    }

    /// Hands an `inout` conversation (reached through `_modify`) to a reader, without copying it.
    @inline(__always)
    private static func lend<Result>(
        _ conversation: inout Conversation, to read: (borrowing Conversation) -> Result
    ) -> Result {
        read(conversation)
    }

    /// Changes the conversation in place (one hash of its id); `false` when there is no such conversation.
    @inline(__always)
    @discardableResult
    mutating func changing(_ conversationId: ConversationId, _ change: (inout Conversation) -> Void) -> Bool {
        guard let index = conversations.index(forKey: conversationId) else { return false }
        change(&conversations.values[index])
        return true
    }
}

/// A set of conversation statuses as bits: what a command allows, checked without building a
/// `Set` (hashing and allocating) on every call.
struct ConversationStatuses: OptionSet, Sendable {
    let rawValue: UInt8

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ status: ConversationStatus) {
        rawValue =
            switch status {
            case .open: 1
            case .active: 2
            case .waiting: 4
            case .wrapUp: 8
            case .closed: 16
            }
    }

    static let open = ConversationStatuses(.open)
    static let active = ConversationStatuses(.active)
    static let waiting = ConversationStatuses(.waiting)
    static let wrapUp = ConversationStatuses(.wrapUp)
    static let closed = ConversationStatuses(.closed)

    func contains(_ status: ConversationStatus) -> Bool { contains(ConversationStatuses(status)) }
}

extension OfferKind {
    /// Every kind, built once rather than as a set literal on every accept, reject and withdrawal.
    static let every = Set(OfferKind.allCases)
    /// Consults only (`consult.accept`, `consult.reject`).
    static let consultOnly: Set<OfferKind> = [.consult]
}
