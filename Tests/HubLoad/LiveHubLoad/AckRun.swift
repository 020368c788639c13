import CLiveHubSystem
import LiveHubProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// A closed-loop run for acknowledged throughput: the same N live conversations as `LoadRun` (customer,
/// agent and monitoring supervisor each, so every message is delivered three times), but each customer
/// keeps exactly one `message.send` in flight: it sends the next one when the previous one is
/// acknowledged. Reports acknowledged messages per second and the send-to-ack latency; with the
/// journal on, an ack means the message is in the journal (synced under `--fsync group`).
public enum AckRun {
    public static func run(_ options: LoadOptions) throws(LoadError) -> AckReport {
        guard options.conversations > 0, options.measureSeconds > 0 else {
            throw LoadError("conversations and measured seconds must be positive")
        }
        guard !options.secret.isEmpty else { throw LoadError("no hub secret to sign tokens with") }
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { scratch.deallocate() }
        let issuer = TokenIssuer(secret: options.secret)
        var conversations: [LoadConversation] = []
        conversations.reserveCapacity(options.conversations)
        let chatsPerAgent = max(1, options.chatsPerAgent)
        for index in 0..<options.conversations {
            // An agent's first conversation opens its connection; the next ones share it.
            let agent = index % chatsPerAgent == 0 ? nil : conversations.last?.sockets[LoadRole.agent.rawValue]
            conversations.append(
                try LoadConversation(index: index, options: options, issuer: issuer, scratch: scratch, agent: agent))
        }
        var driver = try AckDriver(conversations: conversations, options: options, scratch: scratch)
        var report = AckReport()
        report.connections = driver.connections
        report.conversations = options.conversations
        report.members = options.monitored ? 3 : 2
        report.chatsPerAgent = chatsPerAgent
        report.measureSeconds = options.measureSeconds
        try driver.run(into: &report)
        report.latencies.sort()
        return report
    }
}

/// What an ack run measured: only requests sent inside the window count.
public struct AckReport: Sendable {
    /// `acks` (the hub) or `redis-fanout` (`RedisFanoutRun`).
    public var mode = "acks"
    public var conversations = 0
    /// Connections per conversation receiving each message: customer and agent, plus a monitor.
    public var members = 3
    /// Conversations sharing each agent's connection.
    public var chatsPerAgent = 1
    /// Connections the run holds open (an agent's counts once, however many chats it holds).
    public var connections = 0
    public var measureSeconds = 0.0
    /// Acks (in the window) of requests sent inside the window.
    public var acknowledged = 0
    public var errors = 0
    public var firstError: String?
    /// `message` events received by the three members, over the whole run.
    public var deliveries = 0
    /// Send-to-ack latency of every counted ack, sorted, in nanoseconds.
    public var latencies: [UInt64] = []
    public var serverCPUSeconds: Double?

    public var acknowledgedPerSecond: Double { Double(acknowledged) / max(measureSeconds, 1e-9) }

    public func latencyMilliseconds(_ fraction: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let position = min(latencies.count - 1, Int((Double(latencies.count) * fraction).rounded(.up)) - 1)
        return Double(latencies[max(0, position)]) / 1e6
    }

    public var summary: String {
        "conversations \(conversations) (\(members) members each), one "
            + (mode == "acks" ? "message.send" : "EVALSHA (XADD + PUBLISH)") + " in flight each; window "
            + "\(format(measureSeconds)) s\n"
            + "acknowledged \(acknowledged) (\(format(acknowledgedPerSecond))/s); errors \(errors)"
            + (firstError.map { " (first: \($0))" } ?? "") + "\n"
            + "ack latency ms p50 \(format(latencyMilliseconds(0.5))) p90 \(format(latencyMilliseconds(0.9))) "
            + "p99 \(format(latencyMilliseconds(0.99))) max \(format(latencyMilliseconds(1)))"
            + (serverCPUSeconds.map { "\nserver cpu \(format($0)) s" } ?? "")
    }

    public var json: String {
        #"{"mode":"\#(mode)","conversations":\#(conversations),"members":\#(members),"#
            + #""chats_per_agent":\#(chatsPerAgent),"window_s":\#(format(measureSeconds)),"#
            + #""acked":\#(acknowledged),"acked_per_s":\#(format(acknowledgedPerSecond)),"#
            + #""deliveries":\#(deliveries),"errors":\#(errors),"#
            + #""ack_ms":{"p50":\#(format(latencyMilliseconds(0.5))),"p90":\#(format(latencyMilliseconds(0.9))),"#
            + #""p99":\#(format(latencyMilliseconds(0.99))),"max":\#(format(latencyMilliseconds(1)))}"#
            + (serverCPUSeconds.map { #","window_server_cpu_s":\#(format($0))"# } ?? "") + "}"
    }

    private func format(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }
}

private struct AckDriver {
    private let poller: ClosedLoopPoller
    private var sockets: [LoadSocket] { poller.sockets }
    /// Each connection once (an agent's, however many chats it holds).
    var connections: Int { poller.sockets.count }
    /// Per conversation, its customer's socket (an index into `sockets`).
    private let customerSocket: [Int]
    /// Per socket, the conversation whose customer it is (nil: an agent's or a monitor's).
    private let conversationOfSocket: [Int?]
    private let options: LoadOptions
    private let scratch: UnsafeMutableRawBufferPointer
    private let requests: [[UInt8]]
    /// Per conversation: when its request in flight was sent (0: none in flight).
    private var sentAt: [UInt64]
    /// Sends so far, numbering the `clientMsgId`s.
    private var sends = 0
    private var windowStart: UInt64 = 0
    private var windowEnd: UInt64 = 0

    init(conversations: [LoadConversation], options: LoadOptions, scratch: UnsafeMutableRawBufferPointer)
        throws(LoadError)
    {
        // Each socket once: agents holding several chats share one connection.
        var unique: [LoadSocket] = []
        var position: [ObjectIdentifier: Int] = [:]
        for socket in conversations.flatMap(\.sockets) where position[ObjectIdentifier(socket)] == nil {
            position[ObjectIdentifier(socket)] = unique.count
            unique.append(socket)
        }
        poller = try ClosedLoopPoller(sockets: unique)
        let customers = conversations.map { position[ObjectIdentifier($0.sockets[LoadRole.customer.rawValue])] ?? 0 }
        var owners = [Int?](repeating: nil, count: unique.count)
        for (conversation, socket) in customers.enumerated() { owners[socket] = conversation }
        customerSocket = customers
        conversationOfSocket = owners
        self.options = options
        self.scratch = scratch
        let padding = String(repeating: "x", count: max(0, options.paddingBytes))
        requests = conversations.map { conversation in
            Array(
                #"{"type":"message.send","id":"m","conversationId":"\#(conversation.conversationId)","text":"ack run \#(padding)"}"#
                    .utf8)
        }
        sentAt = Array(repeating: 0, count: conversations.count)
    }

    mutating func run(into report: inout AckReport) throws(LoadError) {
        let start = livehub_monotonic_nanoseconds()
        windowStart = start + UInt64(options.warmupSeconds * 1e9)
        windowEnd = windowStart + UInt64(options.measureSeconds * 1e9)
        for index in sockets.indices { try consume(socket: index, now: start, report: &report) }
        for conversation in sentAt.indices { try send(conversation, now: start) }
        report.serverCPUSeconds = try poller.run(
            windowStart: windowStart, windowEnd: windowEnd, deadline: windowEnd + UInt64(options.drainSeconds * 1e9),
            serverPID: options.serverPID, scratch: scratch, inFlight: { sentAt.contains { $0 != 0 } },
            readable: { index, now throws(LoadError) in try consume(socket: index, now: now, report: &report) })
    }

    private mutating func send(_ conversation: Int, now: UInt64) throws(LoadError) {
        let index = customerSocket[conversation]
        sentAt[conversation] = now
        if options.clientMessageIds {
            // Like the pages' ids: "m-", 13 random-looking base-36 characters, "-", a counter.
            sends += 1
            var request = requests[conversation]
            request.removeLast(2)
            request.append(
                contentsOf:
                    #"","clientMsgId":"m-\#(String(UInt64(sends) &* 0x9E37_79B9_7F4A_7C15, radix: 36).prefix(13))-\#(sends)"}"#
                    .utf8)
            try sockets[index].sendText(request)
        } else {
            try sockets[index].sendText(requests[conversation])
        }
        poller.updateWriteInterest(index)
    }

    private mutating func consume(socket index: Int, now: UInt64, report: inout AckReport) throws(LoadError) {
        var answered = 0
        try sockets[index].forEachMessage { payload throws(LoadError) in
            if Self.hasPrefix(payload, Self.ackPrefix) {
                answered += 1
            } else if Self.hasPrefix(payload, Self.errorPrefix) {
                answered += 1
                report.errors += 1
                if report.firstError == nil { report.firstError = String(decoding: payload, as: UTF8.self) }
            } else if Self.hasPrefix(payload, Self.messagePrefix) {
                report.deliveries += 1
            }
        }
        guard answered > 0, let conversation = conversationOfSocket[index] else { return }
        let sent = sentAt[conversation]
        guard sent != 0 else { return }
        sentAt[conversation] = 0
        if sent >= windowStart && sent < windowEnd && now < windowEnd {
            report.acknowledged += 1
            report.latencies.append(now &- sent)
        }
        if now < windowEnd { try send(conversation, now: now) }
    }

    private static let messagePrefix = Array(#"{"type":"message","#.utf8)
    private static let ackPrefix = Array(#"{"type":"ack""#.utf8)
    private static let errorPrefix = Array(#"{"type":"error""#.utf8)

    private static func hasPrefix(_ payload: UnsafeRawBufferPointer, _ prefix: [UInt8]) -> Bool {
        payload.count >= prefix.count && payload.prefix(prefix.count).elementsEqual(prefix)
    }
}

/// utime + stime of another process, from `/proc/PID/stat` (fields 14 and 15, in clock ticks).
func cpuSeconds(ofProcess pid: Int32) -> Double? {
    let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 1024)
    let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard count > 0 else { return nil }
    let text = String(decoding: buffer[0..<count], as: UTF8.self)
    guard let close = text.lastIndex(of: ")") else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}
