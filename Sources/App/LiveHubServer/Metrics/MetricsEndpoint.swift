import LiveHubDomain
import LiveHubHTTP
import LiveHubJournalStore
import LiveHubPosix
import LiveHubProtocol
import LiveHubTransport
import Synchronization

/// What the hub thread reports for `/metrics`.
struct HubMetrics: Sendable {
    var statistics: HubStatistics
    var sessions: Int
    var requestsHandled: Int
    var refusalsByCode: [String: Int]
    /// nil without a data directory (an in-memory hub).
    var journal: JournalStatistics?
    /// Whether the journal cannot write (requests that would are answered `unavailable`).
    var journalFailing: Bool
}

/// One loop's share: its transport counters and what its hub endpoint refused before the hub saw it.
struct LoopShare: Sendable {
    var transport: LoopMetrics
    var refusalsByCode: [String: Int]
}

/// Every loop's context and hub endpoint, registered while the routers are built, so a scrape can
/// ask each loop for its share on its own thread.
final class LoopDirectory: Sendable {
    private struct Entry: Sendable {
        let loop: EventLoop
        let context: LoopConfined<LoopContext>
        let hubEndpoint: LoopConfined<HubEndpoint>
    }

    private let entries = Mutex<[Entry]>([])

    func register(_ context: LoopContext, hubEndpoint: HubEndpoint) {
        let entry = Entry(loop: context.loop, context: LoopConfined(value: context), hubEndpoint: LoopConfined(value: hubEndpoint))
        entries.withLock { $0.append(entry) }
    }

    /// Asks every loop for its share (on its own thread) and hands the list to `done` on the last one.
    func gather(_ done: @escaping @Sendable ([LoopShare]) -> Void) {
        let all = entries.withLock { $0 }
        let collected = Mutex<[LoopShare]>([])
        for entry in all {
            entry.loop.execute {
                let share = LoopShare(
                    transport: entry.context.value.metrics(), refusalsByCode: entry.hubEndpoint.value.refusalsByCode)
                let complete: [LoopShare]? = collected.withLock { shares in
                    shares.append(share)
                    return shares.count == all.count ? shares : nil
                }
                if let complete { done(complete) }
            }
        }
        if all.isEmpty { done([]) }
    }
}

/// `GET /metrics`: Prometheus text exposition format 0.0.4. The answer is assembled from every loop
/// and the hub thread (each counts on its own thread, without locks on the hot path), so it is given
/// later, from whichever thread finishes last.
final class MetricsEndpoint: HTTPEndpoint {
    private let directory: LoopDirectory
    private let hub: HubMailbox

    init(directory: LoopDirectory, hub: HubMailbox) {
        self.directory = directory
        self.hub = hub
    }

    func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        let responder = context.responder
        let hub = self.hub
        directory.gather { shares in
            hub.post { service in
                let text = MetricsText.render(loops: shares, hub: service.metrics())
                var response = HTTPResponse(status: .ok, body: Array(text.utf8))
                response.headers.add(name: "Content-Type", value: "text/plain; version=0.0.4; charset=utf-8")
                responder.send(response)
            }
        }
        return .later
    }
}

/// Writes the metrics as Prometheus text.
enum MetricsText {
    static func render(loops: [LoopShare], hub: HubMetrics) -> String {
        let transport = loops.map(\.transport).reduce(LoopMetrics(), +)
        var refusals = hub.refusalsByCode
        for share in loops { refusals.merge(share.refusalsByCode, uniquingKeysWith: +) }
        var out = ""
        func family(_ name: String, _ type: String, _ help: String) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }
        func sample(_ name: String, _ labels: [(String, String)], _ value: Int64) {
            let labelText = labels.isEmpty
                ? "" : "{" + labels.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",") + "}"
            out += "\(name)\(labelText) \(value)\n"
        }
        family("livehub_connections", "gauge", "Open connections by kind.")
        sample("livehub_connections", [("kind", "http")], Int64(transport.httpConnections))
        sample("livehub_connections", [("kind", "websocket")], Int64(transport.webSockets))
        sample("livehub_connections", [("kind", "closing")], Int64(transport.closingConnections))
        family("livehub_websocket_messages_received_total", "counter", "WebSocket messages received.")
        sample("livehub_websocket_messages_received_total", [], Int64(transport.messagesReceived))
        family("livehub_websocket_messages_sent_total", "counter", "WebSocket messages sent.")
        sample("livehub_websocket_messages_sent_total", [], Int64(transport.messagesSent))
        family("livehub_hub_sessions", "gauge", "Open livehub.v1 sessions.")
        sample("livehub_hub_sessions", [], Int64(hub.sessions))
        family("livehub_hub_requests_total", "counter", "Hub requests handled.")
        sample("livehub_hub_requests_total", [], Int64(hub.requestsHandled))
        family("livehub_hub_errors_total", "counter", "Hub requests refused, by error code.")
        for code in refusals.keys.sorted() { sample("livehub_hub_errors_total", [("code", code)], Int64(refusals[code] ?? 0)) }
        let statistics = hub.statistics
        family("livehub_conversations", "gauge", "Conversations not closed, by status.")
        for status in ConversationStatus.allCases where status != .closed {
            sample("livehub_conversations", [("status", status.wireName)], Int64(statistics.conversationsByStatus[status] ?? 0))
        }
        family("livehub_conversations_started_total", "counter", "Conversations started.")
        sample("livehub_conversations_started_total", [], Int64(statistics.conversationsStarted))
        family("livehub_queue_waiting", "gauge", "Conversations waiting for an agent, by queue.")
        for queue in statistics.queues { sample("livehub_queue_waiting", [("queue", queue.queueId.rawValue)], Int64(queue.waiting)) }
        family("livehub_queue_oldest_wait_seconds", "gauge", "How long the oldest waiting conversation has waited, by queue.")
        for queue in statistics.queues {
            sample("livehub_queue_oldest_wait_seconds", [("queue", queue.queueId.rawValue)], queue.oldestWaitMilliseconds / 1000)
        }
        family("livehub_agents", "gauge", "Configured agents by presence.")
        for presence in Presence.allCases {
            sample("livehub_agents", [("presence", presence.wireName)], Int64(statistics.agentsByPresence[presence] ?? 0))
        }
        if let journal = hub.journal { renderJournal(journal, failing: hub.journalFailing, into: &out) }
        return out
    }

    private static func renderJournal(_ journal: JournalStatistics, failing: Bool, into out: inout String) {
        out += "# HELP livehub_journal_records_total Records written to the journal.\n"
        out += "# TYPE livehub_journal_records_total counter\nlivehub_journal_records_total \(journal.records)\n"
        out += "# HELP livehub_journal_bytes_total Bytes written to the journal.\n"
        out += "# TYPE livehub_journal_bytes_total counter\nlivehub_journal_bytes_total \(journal.bytes)\n"
        out += "# HELP livehub_journal_failed_batches_total Journal batches whose write or sync failed.\n"
        out += "# TYPE livehub_journal_failed_batches_total counter\n"
        out += "livehub_journal_failed_batches_total \(journal.failedBatches)\n"
        out += "# HELP livehub_journal_unavailable 1 while the journal cannot write (writes are refused).\n"
        out += "# TYPE livehub_journal_unavailable gauge\nlivehub_journal_unavailable \(failing ? 1 : 0)\n"
        let latency = journal.syncLatency
        out += "# HELP livehub_journal_sync_seconds How long the journal's fdatasync calls take.\n"
        out += "# TYPE livehub_journal_sync_seconds histogram\n"
        for bucket in latency.buckets {
            out += "livehub_journal_sync_seconds_bucket{le=\"\(bucket.upperBound)\"} \(bucket.count)\n"
        }
        out += "livehub_journal_sync_seconds_bucket{le=\"+Inf\"} \(latency.count)\n"
        out += "livehub_journal_sync_seconds_sum \(latency.sumSeconds)\n"
        out += "livehub_journal_sync_seconds_count \(latency.count)\n"
    }

    /// Label values escape backslash, double quote and line feed (exposition format 0.0.4).
    static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
