import LiveHubDomain
import LiveHubJournalStore
import LiveHubPosix
import LiveHubProtocol
import LiveHubServer
import LiveHubTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Snapshots, the archive of closed conversations and retention, over real sockets on a real data
/// directory.
@Suite("snapshots, archive and retention", .serialized)
struct SnapshotArchiveTests {
    /// A conversation of cara with alice, closed after two messages; returns its id and transcript (read
    /// before the close when the hub archives it at once, since it may be gone as soon as it closes).
    static func closedConversation(
        _ server: TestServer, customer: String = "cara", agent: String = "alice", archivedAtOnce: Bool = false
    ) throws -> (id: String, transcript: [JSONObject]) {
        let alice = try JournalClient(server, .agent, agent)
        let cara = try JournalClient(server, .customer, customer)
        try alice.ack("presence.set", #""presence":"available""#)
        let started = try cara.ack("conversation.start", #""subject":"Broken order","channel":"livechat","queueId":"general""#)
        let id = try #require(started.ack["conversationId"]?.stringValue)
        let offer = try alice.next("offer")
        try alice.ack("offer.accept", #""offerId":"\#(offer["offerId"]?.stringValue ?? "")""#)
        try cara.ack("message.send", #""conversationId":"\#(id)","text":"It arrived broken","clientMsgId":"m1""#)
        try alice.ack("message.send", #""conversationId":"\#(id)","text":"A new one is on its way""#)
        try alice.ack("conversation.end", #""conversationId":"\#(id)""#)
        // A hub that archives at once may forget the conversation as soon as it closes: its transcript
        // is read before the close then (a resume after it would race the archive).
        var transcript: [JSONObject] = []
        if archivedAtOnce {
            transcript = try alice.ack("conversation.resume", #""conversationId":"\#(id)","afterSeq":0"#).before
        }
        try alice.ack("conversation.close", #""conversationId":"\#(id)""#)
        try alice.ack("presence.set", #""presence":"offline""#)
        if !archivedAtOnce {
            transcript = try alice.ack("conversation.resume", #""conversationId":"\#(id)","afterSeq":0"#).before
        }
        return (id, transcript)
    }

    /// Waits (bounded) for the server's background work to make `condition` true.
    static func eventually(_ what: String, _ condition: () throws -> Bool) throws {
        for _ in 0..<1000 {
            if try condition() { return }
            usleep(5_000)
        }
        throw TestClientError("still not true after 5 s: \(what)")
    }

    @Test(
        "Archive: a closed conversation leaves memory once the archive holds it: resume answers not_found, the archive returns it whole, and a restart does not bring it back"
    )
    func closedConversationLeavesMemoryForTheArchive() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let closed: (id: String, transcript: [JSONObject])
        do {
            let server = try journaledServer(directory) { $0.closedInMemoryMilliseconds = 0 }
            defer { server.stop() }
            closed = try Self.closedConversation(server, archivedAtOnce: true)
            let archive = try #require(server.server.archive)
            let alice = try JournalClient(server, .agent, "alice")
            try Self.eventually("the conversation left memory") {
                try alice.call("conversation.resume", #""conversationId":"\#(closed.id)","afterSeq":0"#)["code"]?
                    .stringValue == "not_found"
            }
            let archived = try #require(try archive.read(ConversationId(closed.id)))
            #expect(archived.conversation.status == .closed)
            // The whole history, from the start to the close, every seq once.
            #expect(archived.events.map(\.seq) == (1...archived.events.count).map { $0 })
            #expect(archived.events.first?.kind == .conversationStarted && archived.events.last?.kind == .conversationClosed)
            #expect(closed.transcript.allSatisfy { frame in
                archived.events.contains { $0.seq.map(Int64.init) == frame["seq"]?.integerValue }
            })
            #expect(archived.conversation.transcript.map(\.text) == ["It arrived broken", "A new one is on its way"])
            // Looked up on the archive thread too (what an HTTP endpoint would use).
            let found = Mutex<ArchivedConversation?>(nil)
            let done = Mutex(false)
            archive.lookup(ConversationId(closed.id)) { result in
                found.withLock { $0 = try? result.get() }
                done.withLock { $0 = true }
            }
            try Self.eventually("the lookup answered") { done.withLock { $0 } }
            #expect(found.withLock { $0 } == archived)
            #expect(try archive.read("c999") == nil)
            // Ids never repeat: the next conversation is c2.
            let dan = try JournalClient(server, .customer, "dan")
            let next = try dan.ack("conversation.start", #""subject":"Hello","channel":"livechat","queueId":"general""#)
            #expect(next.ack["conversationId"]?.stringValue == "c2")
        }
        let server = try journaledServer(directory) { $0.closedInMemoryMilliseconds = 0 }
        defer { server.stop() }
        let recovery = try #require(server.server.recovery)
        #expect(recovery.conversations == 1)  // c2 only: the archived note was replayed
        let alice = try JournalClient(server, .agent, "alice")
        #expect(
            try alice.call("conversation.resume", #""conversationId":"\#(closed.id)","afterSeq":0"#)["code"]?.stringValue
                == "not_found")
        #expect(try server.server.archive?.read(ConversationId(closed.id))?.events.last?.kind == .conversationClosed)
    }

    @Test(
        "Transcripts: once a closed conversation left memory, GET /v1/conversations/{id}/transcript reads it from the archive, with the same visibility rules"
    )
    func transcriptOfAnArchivedConversation() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let server = try journaledServer(directory) { $0.closedInMemoryMilliseconds = 0 }
        defer { server.stop() }
        let closed = try Self.closedConversation(server, archivedAtOnce: true)
        let alice = try JournalClient(server, .agent, "alice")
        try Self.eventually("the conversation left memory") {
            try alice.call("conversation.resume", #""conversationId":"\#(closed.id)","afterSeq":0"#)["code"]?
                .stringValue == "not_found"
        }
        let path = "/v1/conversations/\(closed.id)/transcript"
        let supervisor = try RecordsTests.get(server, path, as: .supervisor, "sam")
        #expect(supervisor.status == 200)
        let entries = try RecordsTests.entries(supervisor)
        #expect(
            entries.compactMap { $0["text"]?.stringValue }.filter { !$0.isEmpty }.suffix(2)
                == ["It arrived broken", "A new one is on its way"])
        let text = try RecordsTests.get(server, path, as: .customer, "cara", headers: ["Accept: text/plain"])
        #expect(text.status == 200 && String(decoding: text.body, as: UTF8.self).contains("It arrived broken"))
        #expect(try RecordsTests.get(server, path, as: .customer, "mallory").status == 404)
    }

    @Test("Archive: a closed conversation stays in memory, resumable, until its time in memory is over")
    func closedConversationStaysForItsTimeInMemory() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let server = try journaledServer(directory)  // the default: ten minutes
        defer { server.stop() }
        let closed = try Self.closedConversation(server)
        let cara = try JournalClient(server, .customer, "cara")
        let resumed = try cara.ack("conversation.resume", #""conversationId":"\#(closed.id)","afterSeq":0"#)
        #expect(resumed.before.last?["type"]?.stringValue == "conversation.closed")
        #expect(try server.server.archive?.read(ConversationId(closed.id)) == nil)
    }

    @Test(
        "Snapshots: a restart reads the newest snapshot and replays only the journal after it, with the same transcripts, settings and ids; the journal is kept from the previous snapshot on"
    )
    func restartFromSnapshot() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var transcripts: [String: [JSONObject]] = [:]
        do {
            // A snapshot at nearly every iteration: the journal grows by more than one byte each time.
            let server = try journaledServer(directory) { $0.snapshots.minimumBytes = 1 }
            defer { server.stop() }
            let alice = try JournalClient(server, .agent, "alice")
            try alice.ack("presence.set", #""presence":"available""#)
            let root = try JournalClient(server, .admin, "root")
            try root.ack("settings.update", #""supervisorForceClose":false"#)
            for index in 0..<6 {
                let customer = try JournalClient(server, .customer, "customer-\(index)")
                let started = try customer.ack(
                    "conversation.start", #""subject":"Order \#(index)","channel":"livechat","queueId":"general""#)
                let id = try #require(started.ack["conversationId"]?.stringValue)
                let offer = try alice.next("offer")
                try alice.ack("offer.accept", #""offerId":"\#(offer["offerId"]?.stringValue ?? "")""#)
                for message in 0..<3 {
                    try customer.ack("message.send", #""conversationId":"\#(id)","text":"message \#(message)""#)
                }
                if index < 4 {
                    try alice.ack("conversation.end", #""conversationId":"\#(id)""#)
                    try alice.ack("conversation.close", #""conversationId":"\#(id)""#)
                }
                try alice.drain()
                transcripts[id] = try alice.ack("conversation.resume", #""conversationId":"\#(id)","afterSeq":0"#).before
                    .filter { $0["type"]?.stringValue != "participant.away" }
            }
            try Self.eventually("two snapshots") { Self.snapshots(in: directory).count == 2 }
        }
        let kept = Self.snapshots(in: directory).sorted()
        let firstSegment = try #require(Self.segments(in: directory).sorted().first)
        #expect(Self.lsn(firstSegment) <= Self.lsn(kept[0]) + 1)

        let server = try journaledServer(directory)
        defer { server.stop() }
        let recovery = try #require(server.server.recovery)
        let snapshot = try #require(recovery.snapshot)
        #expect(snapshot.name == kept[1])
        #expect(recovery.conversations == 6 && recovery.openConversations == 2)
        let alice = try JournalClient(server, .agent, "alice")
        for (id, transcript) in transcripts {
            let now = try alice.ack("conversation.resume", #""conversationId":"\#(id)","afterSeq":0"#).before
                .filter { $0["type"]?.stringValue != "participant.away" }
            #expect(Array(now.prefix(transcript.count)) == transcript, "\(id)")
        }
        let sam = try JournalClient(server, .supervisor, "sam")
        #expect(try sam.call("conversation.forceClose", #""conversationId":"c5","reason":"test""#)["code"]?.stringValue == "forbidden")
        let erin = try JournalClient(server, .customer, "erin")
        #expect(try erin.ack("conversation.start", #""subject":"Hi","channel":"livechat","queueId":"general""#).ack["conversationId"]?.stringValue == "c7")
    }

    @Test(
        "Snapshots: a damaged snapshot is skipped with one log line: recovery falls back to the one before it, or to the whole journal while no later snapshot let it go"
    )
    func damagedSnapshotFallsBack() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var transcript: [JSONObject] = []
        do {
            let server = try journaledServer(directory)
            defer { server.stop() }
            transcript = try Self.closedConversation(server).transcript
        }
        // Restarted with snapshots on: the replayed journal is due at once, and nothing follows it.
        do {
            let server = try journaledServer(directory) { $0.snapshots.minimumBytes = 1 }
            defer { server.stop() }
            try Self.eventually("a snapshot") { Self.snapshots(in: directory).count == 1 }
        }
        #expect(Self.snapshots(in: directory).count == 1)
        try Self.damage(Self.snapshots(in: directory)[0], in: directory)
        let server = try journaledServer(directory)
        defer { server.stop() }
        let recovery = try #require(server.server.recovery)
        let skipped = recovery.notes.filter { $0.hasPrefix("snapshot: ") }
        #expect(skipped.count == 1)
        #expect(skipped.first?.contains("payload checksum does not match") == true)
        #expect(skipped.first?.hasSuffix("falling back to the whole journal") == true)
        #expect(recovery.snapshot == nil)
        let alice = try JournalClient(server, .agent, "alice")
        #expect(try alice.ack("conversation.resume", #""conversationId":"c1","afterSeq":0"#).before == transcript)
    }

    @Test(
        "Snapshots: a damaged newest snapshot falls back to the previous one; with every snapshot damaged and the journal before them gone, the hub refuses to start and says so"
    )
    func damagedNewestSnapshotFallsBackToThePrevious() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var transcript: [JSONObject] = []
        do {
            let server = try journaledServer(directory) { $0.snapshots.minimumBytes = 1 }
            defer { server.stop() }
            transcript = try Self.closedConversation(server).transcript
            _ = try Self.closedConversation(server, customer: "dan")
            try Self.eventually("two snapshots") { Self.snapshots(in: directory).count == 2 }
        }
        let names = Self.snapshots(in: directory).sorted()
        try Self.damage(names[1], in: directory)
        do {
            let server = try journaledServer(directory)
            defer { server.stop() }
            let recovery = try #require(server.server.recovery)
            #expect(recovery.notes.filter { $0.hasPrefix("snapshot: ") } == [
                recovery.notes.first { $0.hasPrefix("snapshot: \(names[1]) cannot be used") && $0.hasSuffix("falling back to \(names[0])") } ?? "missing"
            ])
            #expect(recovery.snapshot?.name == names[0])
            let alice = try JournalClient(server, .agent, "alice")
            #expect(try alice.ack("conversation.resume", #""conversationId":"c1","afterSeq":0"#).before == transcript)
        }
        try Self.damage(names[0], in: directory)  // now both are
        // The journal before the older snapshot goes once it is wholly covered; whether its first segment
        // already went depends on when the seals fell, so it goes here for sure.
        let segments = Self.segments(in: directory).sorted()
        if segments.count > 1 && segments[0] == "segment-00000000000000000001.journal" {
            try FileSystem.remove(directory.path + "/journal/" + segments[0])
        }
        #expect {
            _ = try journaledServer(directory)
        } throws: { error in
            "\(error)".contains("no usable snapshot covers the records before LSN")
                && "\(error)".contains("restore the snapshots directory from a backup")
        }
    }

    @Test(
        "Retention: archived conversations are removed from disk once the retention period after the day they closed is over (moved clock)"
    )
    func retentionRemovesOldConversations() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let clock = Clock()
        let server = try journaledServer(directory) {
            $0.closedInMemoryMilliseconds = 0
            $0.retentionDays = 2
            let clock = clock
            $0.retentionClock = { clock.now }
        }
        defer { server.stop() }
        let archive = try #require(server.server.archive)
        let closed = try Self.closedConversation(server, archivedAtOnce: true)
        try Self.eventually("archived") { try archive.read(ConversationId(closed.id)) != nil }
        let closedAt = try #require(try archive.read(ConversationId(closed.id))?.conversation.closedAt)
        // Two days after the end of the day it closed on, less a millisecond: kept.
        let dayEnd = (closedAt.millisecondsSinceEpoch / 86_400_000 + 1) * 86_400_000
        clock.set(dayEnd + 2 * 86_400_000 - 1)
        #expect(Self.removeExpired(archive) == [])
        #expect(try archive.read(ConversationId(closed.id)) != nil)
        clock.set(dayEnd + 2 * 86_400_000)
        #expect(Self.removeExpired(archive).count == 1)
        #expect(try archive.read(ConversationId(closed.id)) == nil)
        #expect((try? FileSystem.listDirectory(directory.path + "/archive")) == [])
    }

    // MARK: Helpers

    final class Clock: Sendable {
        private let milliseconds = Mutex<Int64>(0)
        var now: Instant { Instant(millisecondsSinceEpoch: milliseconds.withLock { $0 }) }
        func set(_ value: Int64) { milliseconds.withLock { $0 = value } }
    }

    static func removeExpired(_ archive: ConversationArchive) -> [String] {
        let removed = Mutex<[String]?>(nil)
        archive.removeExpired { days in removed.withLock { $0 = days } }
        try? eventually("retention ran") { removed.withLock { $0 } != nil }
        return removed.withLock { $0 } ?? []
    }

    /// The LSN in a segment's or snapshot's name.
    static func lsn(_ name: String) -> UInt64 {
        UInt64(name.filter(\.isNumber)) ?? 0
    }

    /// Flips a byte of a snapshot's payload.
    static func damage(_ name: String, in directory: ScratchDirectory) throws {
        let path = directory.path + "/snapshots/" + name
        var bytes = try FileSystem.contents(of: path)
        bytes[bytes.count - 3] ^= 0x55
        try FileSystem.remove(path)
        try FileSystem.createExclusive(path, bytes: bytes, mode: 0o600)
    }

    static func snapshots(in directory: ScratchDirectory) -> [String] {
        ((try? FileSystem.listDirectory(directory.path + "/snapshots")) ?? []).filter { $0.hasSuffix(".snapshot") }
    }

    static func segments(in directory: ScratchDirectory) -> [String] {
        ((try? FileSystem.listDirectory(directory.path + "/journal")) ?? []).filter { $0.hasSuffix(".journal") }
    }
}
