import LiveHubDomain

/// Where `GET /v1/conversations/{id}/transcript` finds a conversation, asked on the hub thread: first
/// the hub's memory (`HubState.conversations`), then the archive of closed conversations that have
/// left memory. There is no archive yet: it comes with snapshots and retention, and plugging it in is
/// setting `archive` where `HubServer.start` builds the hub service. An archive lookup runs on the hub
/// thread, so it should answer from memory (an index, a cache) rather than wait for the disk.
struct TranscriptSource: Sendable {
    /// A closed conversation that left memory; nil when unknown (and, today, always).
    var archive: (@Sendable (ConversationId) -> Conversation?)?

    init(archive: (@Sendable (ConversationId) -> Conversation?)? = nil) {
        self.archive = archive
    }

    func conversation(_ conversationId: ConversationId, in state: HubState) -> Conversation? {
        state.conversations[conversationId] ?? archive?(conversationId)
    }
}
