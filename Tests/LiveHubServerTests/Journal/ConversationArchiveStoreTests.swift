import LiveHubDomain
import LiveHubJournalStore
import LiveHubPosix
import Testing

@testable import LiveHubServer

/// The archive of closed conversations on a real directory, with time handed in: layout, lookups and
/// retention.
@Suite("conversation archive store", .serialized)
struct ConversationArchiveStoreTests {
    static let day: Int64 = 86_400_000
    /// 2026-12-04T00:00:00Z.
    static let december4 = Instant(millisecondsSinceEpoch: 1_796_342_400_000)

    /// A closed conversation `id`, closed at `closedAt`, with two messages.
    static func closed(_ id: ConversationId, at closedAt: Instant) -> Conversation {
        var parts = ConversationParts(id: id, subject: "Order", channel: .livechat, queueId: "general", customerId: "cara")
        parts.status = .closed
        parts.createdAt = closedAt.adding(seconds: -60)
        parts.closedAt = closedAt
        for seq in 1...2 {
            let message = Message(
                seq: seq, senderId: "cara", senderRole: .customer, text: "message \(seq)", visibility: .public,
                clientMessageId: nil, at: closedAt.adding(seconds: Int64(seq - 3)))
            parts.history.append(DomainEvent(conversationId: id, seq: seq, at: message.at, payload: .message(message)))
        }
        parts.lastSeq = 2
        return Conversation(parts: parts)
    }

    @Test("Archive layout: a conversation goes to the UTC day it closed on and to its id's bucket of a thousand")
    func layout() {
        #expect(ArchiveLayout.day(of: Self.december4) == "2026-12-04")
        #expect(ArchiveLayout.day(of: Self.december4.adding(milliseconds: -1)) == "2026-12-03")
        #expect(ArchiveLayout.day(of: Instant(millisecondsSinceEpoch: 0)) == "1970-01-01")
        #expect(ArchiveLayout.day(of: Instant(millisecondsSinceEpoch: 951_782_400_000)) == "2000-02-29")
        #expect(ArchiveLayout.end(ofDay: "2026-12-04") == Self.december4.adding(milliseconds: Self.day))
        #expect(ArchiveLayout.end(ofDay: "2026-13-04") == nil && ArchiveLayout.end(ofDay: "lock") == nil)
        for days in stride(from: -719_000 as Int64, to: 2_900_000, by: 997) {  // years 1 to 9909
            let instant = Instant(millisecondsSinceEpoch: days * Self.day + 5)
            #expect(ArchiveLayout.end(ofDay: ArchiveLayout.day(of: instant)) == Instant(millisecondsSinceEpoch: (days + 1) * Self.day))
        }
        #expect(ArchiveLayout.file(of: "c1") == "c000000.archive")
        #expect(ArchiveLayout.file(of: "c42999") == "c000042.archive")
        #expect(ArchiveLayout.file(of: "c123456789") == "c123456.archive")
        #expect(ArchiveLayout.file(of: "x7") == "other.archive" && ArchiveLayout.file(of: "c") == "other.archive")
        #expect(ArchiveLayout.file(of: "c1/../../etc") == "other.archive")
    }

    @Test(
        "Retention: a closed conversation is removed from disk once the retention period after the end of the day it closed on is over, not a millisecond before"
    )
    func retentionByDay() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let archive = directory.path + "/archive"
        let store = ConversationArchiveStore(directory: archive, disk: PosixJournalDisk(), retentionDays: 90, log: { _ in })
        defer { store.close() }
        let early = Self.closed("c1", at: Self.december4.adding(seconds: 60))
        let late = Self.closed("c2", at: Self.december4.adding(milliseconds: Self.day - 1))
        let next = Self.closed("c3", at: Self.december4.adding(milliseconds: Self.day))
        try store.archive([early, late, next])
        let disk = PosixJournalDisk()
        #expect(try ConversationArchiveStore.read("c2", directory: archive, disk: disk)?.conversation == late)
        // Ninety days after the end of December 4th, less a millisecond: all kept.
        let expiry = Self.december4.adding(milliseconds: 91 * Self.day)
        #expect(try store.removeExpired(now: expiry.adding(milliseconds: -1)) == [])
        #expect(try store.removeExpired(now: expiry) == ["2026-12-04"])
        #expect(try ConversationArchiveStore.read("c1", directory: archive, disk: disk) == nil)
        #expect(try ConversationArchiveStore.read("c2", directory: archive, disk: disk) == nil)
        #expect(try ConversationArchiveStore.read("c3", directory: archive, disk: disk)?.conversation == next)
        #expect(try store.removeExpired(now: expiry.adding(milliseconds: Self.day)) == ["2026-12-05"])
        #expect(try FileSystem.listDirectory(archive) == [])
    }

    @Test("Archive: a lookup finds a conversation among a bucket's thousand, the newest copy of one archived twice, and nothing for an id never archived")
    func lookups() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let archive = directory.path + "/archive"
        let store = ConversationArchiveStore(directory: archive, disk: PosixJournalDisk(), retentionDays: 90, log: { _ in })
        defer { store.close() }
        let many = (1...999).map { Self.closed(ConversationId("c\($0)"), at: Self.december4.adding(seconds: Int64($0))) }
        try store.archive(many)
        // Archived again a day later (after a crash, before its note reached the journal): the same conversation.
        try store.archive([Self.closed("c500", at: Self.december4.adding(milliseconds: Self.day))])
        let disk = PosixJournalDisk()
        #expect(try ConversationArchiveStore.read("c777", directory: archive, disk: disk)?.conversation == many[776])
        #expect(
            try ConversationArchiveStore.read("c500", directory: archive, disk: disk)?.conversation.closedAt
                == Self.december4.adding(milliseconds: Self.day))
        #expect(try ConversationArchiveStore.read("c1000", directory: archive, disk: disk) == nil)
        #expect(try ConversationArchiveStore.read("nonsense", directory: archive, disk: disk) == nil)
        #expect(try ConversationArchiveStore.read("c1", directory: directory.path + "/missing", disk: disk) == nil)
    }
}
