import LiveHubDomain
import LiveHubJournalStore
import LiveHubProtocol
import LiveHubServer
import LiveHubTestSupport
import Testing

/// The audit and transcripts on the journal: durable like every other fact.
@Suite("records on the journal: audit and transcripts survive a restart", .serialized)
struct JournalRecordsTests {
    @Test(
        "audit entries and transcripts are still there after a restart on the same data directory; the monitor the restart ended is recorded as stopped"
    )
    func recordsSurviveARestart() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var audit: [JSONObject] = []
        var transcript: [UInt8] = []
        var text: [UInt8] = []
        do {
            let server = try journaledServer(directory)
            defer { server.stop() }
            let (_, _) = try RecordsTests.chat(server)
            let dan = try JournalClient(server, .customer, "dan")
            let sam = try JournalClient(server, .supervisor, "sam")
            let root = try JournalClient(server, .admin, "root")
            try dan.ack("conversation.start", #""subject":"Invoice","channel":"livechat","queueId":"billing""#)
            try sam.ack("conversation.join", #""conversationId":"c1""#)
            try root.ack("settings.update", #""supervisorTransfer":false"#)
            try sam.ack("conversation.forceClose", #""conversationId":"c1","reason":"Resolved by phone""#)
            try sam.ack("conversation.assign", #""conversationId":"c2","agentId":"carol","override":true"#)
            // A second connection of sam's monitors c2 while the hub stops.
            let desk = try JournalClient(server, .supervisor, "sam")
            try desk.ack("conversation.monitor", #""conversationId":"c2""#)
            audit = try RecordsTests.entries(RecordsTests.get(server, "/v1/audit", as: .admin, "root"))
            transcript = try RecordsTests.get(server, "/v1/conversations/c1/transcript", as: .agent, "alice").body
            text = try RecordsTests.get(
                server, "/v1/conversations/c1/transcript", as: .customer, "cara", headers: ["Accept: text/plain"]
            ).body
        }
        #expect(
            audit.map { $0["action"]?.stringValue } == [
                "joined", "settings-changed", "force-closed", "assigned", "monitor-started",
            ])

        let server = try journaledServer(directory)
        defer { server.stop() }
        let after = try RecordsTests.entries(RecordsTests.get(server, "/v1/audit", as: .admin, "root"))
        #expect(Array(after.prefix(audit.count)) == audit)
        // The monitor ended with the process: the audit says so, once, whether its connection's close
        // was journaled before the stop or the restart's recovery found it still open.
        let stops = after.dropFirst(audit.count).filter { $0["action"]?.stringValue == "monitor-stopped" }
        #expect(stops.count == 1)
        let reason = stops.first?["details"]?.objectValue?["reason"]?.stringValue
        #expect(reason == "disconnected" || reason == "restart")
        #expect(try RecordsTests.get(server, "/v1/conversations/c1/transcript", as: .agent, "alice").body == transcript)
        #expect(
            try RecordsTests.get(
                server, "/v1/conversations/c1/transcript", as: .customer, "cara", headers: ["Accept: text/plain"]
            ).body == text)
        let forced = try #require(after.first { $0["action"]?.stringValue == "force-closed" })
        #expect(forced["details"]?.objectValue?["reason"]?.stringValue == "Resolved by phone")
        // Numbering continues.
        let root = try JournalClient(server, .admin, "root")
        try root.ack("settings.update", #""supervisorTransfer":true"#)
        let latest = try RecordsTests.entries(RecordsTests.get(server, "/v1/audit?userId=root", as: .admin, "root"))
        let ids = after.compactMap { $0["id"]?.integerValue }
        #expect(latest.last?["id"]?.integerValue == (ids.max() ?? 0) + 1)
    }

    @Test("a monitor's answer waits until its audit entry is on disk, like every acknowledged action")
    func monitorAckWaitsForItsAuditEntry() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let disk = SwitchableDisk()
        let server = try journaledServer(directory, disk: disk)
        defer { server.stop() }
        _ = try RecordsTests.chat(server)
        let sam = try JournalClient(server, .supervisor, "sam")
        disk.set { $0.holdSyncs = true }
        let request = try sam.send("conversation.monitor", #""conversationId":"c1""#)
        #expect(sam.staysSilent(milliseconds: 300))
        disk.set { $0.holdSyncs = false }
        let (answer, before) = try sam.answer(request)
        #expect(answer["type"]?.stringValue == "ack")
        #expect(before.first?["kind"]?.stringValue == "monitor-started")
    }
}
