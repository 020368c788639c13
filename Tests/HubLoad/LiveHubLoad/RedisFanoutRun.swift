import CLiveHubSystem

#if canImport(Glibc)
    import Glibc
#endif

/// The ack run's yardstick given the hub's fan-out: Redis stores each message in a stream (`XADD`, so
/// with `appendfsync always` the reply means it is on disk) and publishes it to the conversation's
/// subscribers (`PUBLISH`), both in one script call (`EVALSHA`), from one connection per conversation
/// with one call in flight each; `subscribers` more connections per conversation (1: the agent,
/// 2: agent and monitor) receive every message. Measured like `AckRun`: acknowledged calls per second
/// and call-to-reply latency in the window. Redis pushes to subscribers before its sync, where the hub
/// releases no frame before; the comparison is of work per message, not of that rule.
public enum RedisFanoutRun {
    /// Stores the message and publishes it; returns the number of subscribers reached.
    static let script =
        "redis.call('XADD', KEYS[1], '*', 'text', ARGV[1]); return redis.call('PUBLISH', KEYS[1], ARGV[1])"

    public static func run(_ options: LoadOptions, subscribers: Int) throws(LoadError) -> AckReport {
        guard options.conversations > 0, options.measureSeconds > 0, (0...8).contains(subscribers) else {
            throw LoadError("conversations and measured seconds must be positive, subscribers 0 to 8")
        }
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { scratch.deallocate() }
        var writers: [LoadSocket] = []
        var readers: [LoadSocket] = []
        for index in 0..<options.conversations {
            writers.append(try connect(options, label: "writer \(index)"))
            for reader in 0..<subscribers { readers.append(try connect(options, label: "reader \(index).\(reader)")) }
        }
        let sha = try loadScript(on: writers[0], options: options, scratch: scratch)
        try subscribe(readers, perConversation: subscribers, options: options, scratch: scratch)
        let padding = String(repeating: "x", count: max(0, options.paddingBytes))
        let calls = (0..<options.conversations).map { index in
            RESP.command(["EVALSHA", sha, "1", "conv:\(index)", "ack run \(padding)"])
        }
        var driver = try RedisFanoutDriver(writers: writers, readers: readers, calls: calls, options: options)
        var report = AckReport()
        report.mode = "redis-fanout"
        report.conversations = options.conversations
        report.members = 1 + subscribers
        report.measureSeconds = options.measureSeconds
        try driver.run(into: &report, scratch: scratch)
        report.latencies.sort()
        return report
    }

    private static func connect(_ options: LoadOptions, label: String) throws(LoadError) -> LoadSocket {
        try LoadSocket(host: options.host, port: options.port, label: label, timeoutSeconds: options.stepTimeoutSeconds)
    }

    /// `SCRIPT LOAD`: the script's SHA-1, for `EVALSHA`.
    private static func loadScript(
        on socket: LoadSocket, options: LoadOptions, scratch: UnsafeMutableRawBufferPointer
    ) throws(LoadError) -> String {
        try socket.sendRaw(RESP.command(["SCRIPT", "LOAD", script]))
        while true {
            try socket.wait(for: Int16(POLLIN), timeoutSeconds: options.stepTimeoutSeconds, step: "SCRIPT LOAD")
            guard try socket.readAvailable(scratch: scratch) else { throw LoadError("Redis closed the connection") }
            var sha: String?
            var failure: String?
            socket.consumeInbound { bytes in
                guard let reply = RESP.reply(in: bytes) else { return 0 }
                let text = String(decoding: bytes[0..<reply.length], as: UTF8.self)
                if reply.kind == UInt8(ascii: "$"), let line = text.split(separator: "\r\n").last {
                    sha = String(line)
                } else {
                    failure = text
                }
                return reply.length
            }
            if let failure { throw LoadError("SCRIPT LOAD: \(failure)") }
            if let sha { return sha }
        }
    }

    /// Each reader subscribes to its conversation's channel; returns once every one is confirmed.
    private static func subscribe(
        _ readers: [LoadSocket], perConversation: Int, options: LoadOptions, scratch: UnsafeMutableRawBufferPointer
    ) throws(LoadError) {
        for (index, reader) in readers.enumerated() {
            try reader.sendRaw(RESP.command(["SUBSCRIBE", "conv:\(index / max(1, perConversation))"]))
        }
        for reader in readers {
            var confirmed = false
            while !confirmed {
                try reader.wait(for: Int16(POLLIN), timeoutSeconds: options.stepTimeoutSeconds, step: "SUBSCRIBE")
                guard try reader.readAvailable(scratch: scratch) else { throw LoadError("Redis closed the connection") }
                reader.consumeInbound { bytes in
                    guard let reply = RESP.reply(in: bytes) else { return 0 }
                    confirmed = reply.kind == UInt8(ascii: "*")
                    return reply.length
                }
            }
        }
    }
}

/// The measured phase: writers keep one call in flight each, readers are counted.
private struct RedisFanoutDriver {
    private let poller: ClosedLoopPoller
    private var sockets: [LoadSocket] { poller.sockets }
    private let writerCount: Int
    private let calls: [[UInt8]]
    private let options: LoadOptions
    private var sentAt: [UInt64]
    private var windowStart: UInt64 = 0
    private var windowEnd: UInt64 = 0

    init(writers: [LoadSocket], readers: [LoadSocket], calls: [[UInt8]], options: LoadOptions) throws(LoadError) {
        poller = try ClosedLoopPoller(sockets: writers + readers)
        writerCount = writers.count
        self.calls = calls
        self.options = options
        sentAt = Array(repeating: 0, count: writers.count)
    }

    mutating func run(into report: inout AckReport, scratch: UnsafeMutableRawBufferPointer) throws(LoadError) {
        let start = livehub_monotonic_nanoseconds()
        windowStart = start + UInt64(options.warmupSeconds * 1e9)
        windowEnd = windowStart + UInt64(options.measureSeconds * 1e9)
        for writer in 0..<writerCount { try send(writer, now: start) }
        report.serverCPUSeconds = try poller.run(
            windowStart: windowStart, windowEnd: windowEnd, deadline: windowEnd + UInt64(options.drainSeconds * 1e9),
            serverPID: options.serverPID, scratch: scratch, inFlight: { sentAt.contains { $0 != 0 } },
            readable: { index, now throws(LoadError) in try consume(socket: index, now: now, report: &report) })
    }

    private mutating func send(_ writer: Int, now: UInt64) throws(LoadError) {
        sentAt[writer] = now
        try sockets[writer].sendRaw(calls[writer])
        poller.updateWriteInterest(writer)
    }

    private mutating func consume(socket index: Int, now: UInt64, report: inout AckReport) throws(LoadError) {
        var replies = 0
        var malformed = false
        sockets[index].consumeInbound { bytes in
            var offset = 0
            while let reply = RESP.reply(in: UnsafeRawBufferPointer(rebasing: bytes[offset...])) {
                if reply.kind == UInt8(ascii: "?") { malformed = true }
                if reply.kind == UInt8(ascii: "-") {
                    report.errors += 1
                    if report.firstError == nil {
                        report.firstError = String(decoding: bytes[offset..<(offset + reply.length)], as: UTF8.self)
                    }
                }
                replies += 1
                offset += reply.length
            }
            return offset
        }
        if malformed { throw LoadError("\(sockets[index].label): a reply that is not RESP") }
        guard index < writerCount else {
            report.deliveries += replies
            return
        }
        guard replies > 0 else { return }
        let sent = sentAt[index]
        guard sent != 0 else { return }
        sentAt[index] = 0
        if sent >= windowStart && sent < windowEnd && now < windowEnd {
            report.acknowledged += 1
            report.latencies.append(now &- sent)
        }
        if now < windowEnd { try send(index, now: now) }
    }
}
