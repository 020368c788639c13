import LiveHubDomain

/// Where `GET /v1/conversations/{id}/transcript` finds a conversation that is no longer in the hub's
/// memory: the archive of closed conversations. The hub thread asks and never waits: `archive` reads
/// on the archive's own thread and calls its completion there, and the hub service takes the answer
/// back to the hub thread. A slow disk delays that one answer, never the hub.
struct TranscriptSource: Sendable {
    /// Looks up a closed conversation that left memory; calls the completion (on any thread) with it, or
    /// nil when the archive does not hold it.
    typealias ArchiveLookup = @Sendable (ConversationId, @escaping @Sendable (Conversation?) -> Void) -> Void

    /// Nil without an archive (no data directory: closed conversations then stay in memory).
    var archive: ArchiveLookup?

    init(archive: ArchiveLookup? = nil) {
        self.archive = archive
    }
}
