import LiveHubDomain
import LiveHubJournalStore
import LiveHubPosix
import LiveHubProtocol
import LiveHubServer
import LiveHubTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The hub on its journal, over real sockets: the data-directory lock, recovery at start, acks that
/// wait for the journal, and the disk failing under a running hub.
@Suite("the hub's journal: lock, recovery, durable acks, disk failures", .serialized)
struct JournalHubTests {
    @Test("a second hub on the same data directory refuses to start and names the pid that holds it; the first keeps serving")
    func secondHubOnSameDataDirectoryRefused() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let first = try journaledServer(directory)
        defer { first.stop() }
        #expect {
            _ = try journaledServer(directory)
        } throws: { error in
            "\(error)" == "data directory \(directory.path) is in use by pid \(getpid())"
        }
        let reply = try first.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 200 "))
    }

    @Test(
        "a restarted hub replays its journal: transcripts with their seqs, ids that continue, settings, the customers who dropped at the stop are away and come back; every agent is offline"
    )
    func restartReplaysTheJournal() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let hubConfiguration = configuration(offerTimeoutMilliseconds: 1_500)
        var transcript: [JSONObject] = []
        var lastSeq: Int64 = 0
        do {
            let server = try journaledServer(directory) { $0.hub = hubConfiguration }
            defer { server.stop() }
            let alice = try JournalClient(server, .agent, "alice")
            let cara = try JournalClient(server, .customer, "cara")
            let dan = try JournalClient(server, .customer, "dan")
            let root = try JournalClient(server, .admin, "root")
            try alice.ack("presence.set", #""presence":"available""#)
            let started = try cara.ack(
                "conversation.start", #""subject":"Broken order","channel":"livechat","queueId":"general""#)
            #expect(started.ack["conversationId"]?.stringValue == "c1")
            let offer = try alice.next("offer")
            #expect(offer["offerId"]?.stringValue == "o1")
            try alice.ack("offer.accept", #""offerId":"o1""#)
            try cara.ack("message.send", #""conversationId":"c1","text":"It arrived broken","clientMsgId":"m1""#)
            try alice.ack("message.send", #""conversationId":"c1","text":"Sorry! A new one is on its way""#)
            try root.ack("settings.update", #""supervisorForceClose":false"#)
            try dan.ack("conversation.start", #""subject":"Invoice","channel":"livechat","queueId":"general""#)
            #expect(try alice.next("offer")["offerId"]?.stringValue == "o2")  // left unanswered
            try cara.drain()
            let resumed = try cara.ack("conversation.resume", #""conversationId":"c1","afterSeq":0"#)
            transcript = resumed.before
            lastSeq = transcript.last?["seq"]?.integerValue ?? 0
            #expect(transcript.count >= 5 && lastSeq >= 5)
        }
        // The stop closed every connection: cara and dan went away (seq 8 for cara), and o2 was withdrawn
        // with alice's last connection. (Offers still pending at a crash are armed again at start: the
        // domain's recovery test and .ci/crash-test.py.)

        let server = try journaledServer(directory) { $0.hub = hubConfiguration }
        defer { server.stop() }
        let recovery = try #require(server.server.recovery)
        #expect(recovery.conversations == 2 && recovery.openConversations == 2 && recovery.pendingOffers == 0)
        #expect(recovery.records >= 10 && recovery.notes.isEmpty)

        let cara = try JournalClient(server, .customer, "cara")
        // Her resume shows the transcript as it was, then her going away at the stop and coming back now
        // (the live participant.back may arrive before the history).
        let history = try cara.ack("conversation.resume", #""conversationId":"c1","afterSeq":0"#).before
            .filter { $0["type"]?.stringValue != "participant.back" }
        #expect(Array(history.dropLast()) == transcript)
        #expect(history.last?["type"]?.stringValue == "participant.away" && history.last?["seq"]?.integerValue == lastSeq + 1)
        let tail = try cara.ack("conversation.resume", #""conversationId":"c1","afterSeq":\#(lastSeq + 1)"#).before
        #expect(tail.map { $0["type"]?.stringValue } == ["participant.back"])
        let next = try cara.ack("message.send", #""conversationId":"c1","text":"Thanks""#)
        #expect(next.ack["seq"]?.integerValue == lastSeq + 3)
        // The same clientMsgId is still recognised: the resend gets the original seq, nothing new.
        let resend = try cara.ack("message.send", #""conversationId":"c1","text":"It arrived broken","clientMsgId":"m1""#)
        #expect(resend.ack["seq"]?.integerValue == transcript.first { $0["type"]?.stringValue == "message" }?["seq"]?.integerValue)

        // Settings are as before.
        let sam = try JournalClient(server, .supervisor, "sam")
        #expect(try sam.call("conversation.forceClose", #""conversationId":"c1","reason":"test""#)["code"]?.stringValue == "forbidden")
        // Every agent is offline until they say otherwise.
        let metrics = try server.exchange("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(metrics.contains(#"livehub_agents{presence="offline"} 4"#))
        // c2 waits for an agent and is offered to the first one available, and ids continue: the next
        // offer is o3, the next conversation c3.
        let bob = try JournalClient(server, .agent, "bob")
        let available = try bob.ack("presence.set", #""presence":"available""#).before
        let offer = try available.first { $0["type"]?.stringValue == "offer" } ?? bob.next("offer")
        #expect(offer["offerId"]?.stringValue == "o3" && offer["conversationId"]?.stringValue == "c2")
        let erin = try JournalClient(server, .customer, "erin")
        let third = try erin.ack("conversation.start", #""subject":"Hello","channel":"livechat","queueId":"general""#)
        #expect(third.ack["conversationId"]?.stringValue == "c3")
    }

    static let modes: [JournalSyncMode] = [.group, .interval, .off]

    @Test(
        "an ack and the events it reports leave once the journal holds them: after the sync that covers them under --fsync group, after the write under interval and off",
        arguments: modes)
    func acknowledgementsWaitForTheJournal(mode: JournalSyncMode) throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let disk = SwitchableDisk()
        let server = try journaledServer(directory, sync: mode, disk: disk)
        defer { server.stop() }
        defer { disk.set { $0.holdSyncs = false } }
        let alice = try JournalClient(server, .agent, "alice")
        let cara = try JournalClient(server, .customer, "cara")
        try alice.ack("presence.set", #""presence":"available""#)
        try cara.ack("conversation.start", #""subject":"Broken order","channel":"livechat","queueId":"general""#)
        try alice.ack("offer.accept", #""offerId":"\#(try alice.next("offer")["offerId"]?.stringValue ?? "")""#)

        try cara.drain()
        try alice.drain()
        disk.set { $0.holdSyncs = true }
        let request = try cara.send("message.send", #""conversationId":"c1","text":"Hello?""#)
        if mode == .group {
            // Neither the ack nor the message event to the agent leaves before the sync.
            #expect(cara.staysSilent(milliseconds: 300))
            #expect(alice.staysSilent(milliseconds: 50))
            disk.set { $0.holdSyncs = false }
        }
        let (ack, _) = try cara.answer(request)
        #expect(ack["type"]?.stringValue == "ack" && ack["seq"]?.integerValue != nil)
        #expect(try alice.next("message")["text"]?.stringValue == "Hello?")
    }

    enum Fault: String, CaseIterable, CustomTestStringConvertible {
        case diskFull, failingSync, readOnly
        var testDescription: String { rawValue }

        func inject(into disk: SwitchableDisk) {
            disk.set { switches in
                switch self {
                case .diskFull: switches.failWrites = ENOSPC
                case .failingSync: switches.failSyncs = EIO
                case .readOnly:
                    switches.failWrites = EROFS
                    switches.failSyncs = EROFS
                    switches.failCuts = EROFS
                }
            }
        }
    }

    @Test(
        "when the disk fails, requests that would write are answered unavailable (monitoring too: its audit entry must be on disk first), nothing unwritten is acked, reading goes on, and writing resumes by itself once the disk takes it; the journal stays clean",
        arguments: Fault.allCases)
    func diskFailure(fault: Fault) throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let disk = SwitchableDisk()
        var stuckSeq: Int64 = 0
        do {
            let server = try journaledServer(directory, disk: disk)
            defer { server.stop() }
            let alice = try JournalClient(server, .agent, "alice")
            let cara = try JournalClient(server, .customer, "cara")
            let dan = try JournalClient(server, .customer, "dan")
            let sam = try JournalClient(server, .supervisor, "sam")
            try alice.ack("presence.set", #""presence":"available""#)
            try cara.ack("conversation.start", #""subject":"Broken order","channel":"livechat","queueId":"general""#)
            try alice.ack("offer.accept", #""offerId":"\#(try alice.next("offer")["offerId"]?.stringValue ?? "")""#)
            try dan.ack("conversation.start", #""subject":"Invoice","channel":"livechat","queueId":"general""#)
            try alice.ack("offer.accept", #""offerId":"\#(try alice.next("offer")["offerId"]?.stringValue ?? "")""#)
            try dan.ack("message.send", #""conversationId":"c2","text":"Before the outage""#)

            try cara.drain()
            try alice.drain()
            fault.inject(into: disk)
            // In flight when the disk fails: no ack until it is on disk.
            let stuck = try cara.send("message.send", #""conversationId":"c1","text":"Written during the outage""#)
            #expect(cara.staysSilent(milliseconds: 400))
            #expect(disk.failures > 0)
            // Writes are refused while the disk fails…
            let refused = try dan.call("message.send", #""conversationId":"c2","text":"Refused""#)
            #expect(refused["code"]?.stringValue == "unavailable")
            #expect(try dan.call("conversation.start", #""subject":"x","channel":"livechat","queueId":"general""#)["code"]?.stringValue == "unavailable")
            // …monitoring too, since no monitoring goes unaudited…
            #expect(try sam.call("conversation.monitor", #""conversationId":"c2""#)["code"]?.stringValue == "unavailable")
            // …while reading goes on.
            let resumed = try dan.ack("conversation.resume", #""conversationId":"c2","afterSeq":0"#).before
            #expect(resumed.contains { $0["text"]?.stringValue == "Before the outage" })
            let report = try sam.ack("report.subscribe").before
            #expect(report.first?["type"]?.stringValue == "report.snapshot")
            #expect(cara.staysSilent(milliseconds: 50))

            // The disk takes writes again: the stuck message is written and acknowledged, writing resumes.
            disk.set { $0 = SwitchableDisk.Switches() }
            let (ack, _) = try cara.answer(stuck)
            #expect(ack["type"]?.stringValue == "ack")
            stuckSeq = ack["seq"]?.integerValue ?? 0
            #expect(try alice.next("message")["text"]?.stringValue == "Written during the outage")
            try dan.ack("message.send", #""conversationId":"c2","text":"After the outage""#)
            let monitored = try sam.ack("conversation.monitor", #""conversationId":"c2""#).before
            #expect(monitored.contains { $0["text"]?.stringValue == "Before the outage" })
        }

        // The journal holds exactly what was acknowledged, and needs no repair.
        let server = try journaledServer(directory)
        defer { server.stop() }
        #expect(server.server.recovery?.notes == [])
        let cara = try JournalClient(server, .customer, "cara")
        let messages = try cara.ack("conversation.resume", #""conversationId":"c1","afterSeq":0"#).before
            .filter { $0["type"]?.stringValue == "message" }
        #expect(messages.map { $0["text"]?.stringValue } == ["Written during the outage"])
        #expect(messages.first?["seq"]?.integerValue == stuckSeq)
        let dan = try JournalClient(server, .customer, "dan")
        let texts = try dan.ack("conversation.resume", #""conversationId":"c2","afterSeq":0"#).before
            .compactMap { $0["type"]?.stringValue == "message" ? $0["text"]?.stringValue : nil }
        #expect(texts == ["Before the outage", "After the outage"])
    }

    @Test("a torn tail is cut at start with one log line; a corrupt record in the middle stops the start and names --repair, which keeps what is before it")
    func tornTailAndCorruption() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        do {
            let server = try journaledServer(directory)
            defer { server.stop() }
            let alice = try JournalClient(server, .agent, "alice")
            let cara = try JournalClient(server, .customer, "cara")
            try alice.ack("presence.set", #""presence":"available""#)
            try cara.ack("conversation.start", #""subject":"Broken order","channel":"livechat","queueId":"general""#)
            for number in 1...20 { try cara.ack("message.send", #""conversationId":"c1","text":"message \#(number)""#) }
        }
        let journal = directory.path + "/journal"
        let segment = journal + "/" + (try #require(try FileSystem.listDirectory(journal).first { $0.hasSuffix(".journal") }))
        let intact = try FileSystem.contents(of: segment)

        // A torn tail: half a record's worth of garbage after the last one.
        try write(intact + Array(repeating: 0x5A, count: 40), to: segment)
        do {
            let server = try journaledServer(directory)
            defer { server.stop() }
            let notes = server.server.recovery?.notes ?? []
            #expect(notes.count == 1 && notes[0].contains("cut a torn tail"))
            #expect(server.server.recovery?.conversations == 1)
        }
        #expect(try FileSystem.contents(of: segment) == intact)

        // A flipped byte in the middle.
        var damaged = intact
        damaged[intact.count / 2] ^= 0x01
        try write(damaged, to: segment)
        #expect {
            _ = try journaledServer(directory)
        } throws: { error in
            "\(error)".contains("is corrupt") && "\(error)".contains("run with --repair")
        }
        let repaired = try journaledServer(directory, repair: true)
        defer { repaired.stop() }
        let recovery = try #require(repaired.server.recovery)
        #expect(recovery.notes.count == 1 && recovery.notes[0].contains("repaired"))
        #expect(recovery.records > 2 && recovery.conversations == 1)
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        try FileSystem.remove(path)
        try FileSystem.createExclusive(path, bytes: bytes, mode: 0o640)
    }
}
