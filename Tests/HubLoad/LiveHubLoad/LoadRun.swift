import CLiveHubSystem
import LiveHubProtocol

#if canImport(Glibc)
import Glibc
#endif

/// A hub load run: sets up `conversations` live conversations over the real protocol, then sends
/// `message.send` at a steady rate (customers and agents taking turns) and measures every delivery.
///
/// Each message text carries a marker `~T<send time ns><C|A><number>~`: the sender (customer or agent)
/// and its own message number in the conversation. A delivery's latency is its receive time minus that
/// send time (one process, one monotonic clock). Each sender's messages must arrive in the order sent
/// (one TCP stream each); messages of the customer and the agent may legitimately interleave.
public enum LoadRun {
    public static func run(_ options: LoadOptions) throws(LoadError) -> LoadReport {
        guard options.conversations > 0, options.messagesPerSecond > 0, options.measureSeconds > 0 else {
            throw LoadError("conversations, rate and measured seconds must be positive")
        }
        guard !options.secret.isEmpty else { throw LoadError("no hub secret to sign tokens with") }
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { scratch.deallocate() }

        let setupStart = livehub_monotonic_nanoseconds()
        let issuer = TokenIssuer(secret: options.secret)
        var conversations: [LoadConversation] = []
        conversations.reserveCapacity(options.conversations)
        for index in 0..<options.conversations {
            conversations.append(try LoadConversation(index: index, options: options, issuer: issuer, scratch: scratch))
        }
        var report = LoadReport()
        report.conversations = options.conversations
        report.connections = options.conversations * LoadRole.allCases.count
        report.setupSeconds = Double(livehub_monotonic_nanoseconds() - setupStart) / 1e9
        report.targetMessagesPerSecond = options.messagesPerSecond
        report.measureSeconds = options.measureSeconds

        var driver = try LoadDriver(conversations: conversations, options: options, scratch: scratch)
        try driver.run(into: &report)
        report.latencies.sort()
        return report
    }
}

/// The measured phase: one epoll loop over every connection of the run.
private struct LoadDriver {
    private let conversations: [LoadConversation]
    private let sockets: [LoadSocket]
    private let options: LoadOptions
    private let scratch: UnsafeMutableRawBufferPointer
    private let epollFD: Int32
    /// Per conversation: the request prefix up to the marker's digits; per conversation and sender
    /// (customer, agent): the next marker number.
    private let requestPrefixes: [[UInt8]]
    private var nextNumber: [Int]
    /// Per socket and sender: the highest marker number delivered so far; per socket: whether EPOLLOUT is armed.
    private var lastNumber: [Int]
    private var writeArmed: [Bool]
    private let padding: [UInt8]
    private var request: [UInt8] = []

    private var sentTotal = 0
    private var deliveredTotal = 0
    private var windowStart: UInt64 = 0
    private var windowEnd: UInt64 = 0

    init(conversations: [LoadConversation], options: LoadOptions, scratch: UnsafeMutableRawBufferPointer)
        throws(LoadError)
    {
        self.conversations = conversations
        self.sockets = conversations.flatMap(\.sockets)
        self.options = options
        self.scratch = scratch
        requestPrefixes = conversations.map { conversation in
            Array(#"{"type":"message.send","conversationId":"\#(conversation.conversationId)","text":"~T"#.utf8)
        }
        nextNumber = Array(repeating: 1, count: conversations.count * 2)
        lastNumber = Array(repeating: 0, count: sockets.count * 2)
        writeArmed = Array(repeating: false, count: sockets.count)
        padding = Array(repeating: UInt8(ascii: "x"), count: max(0, options.paddingBytes))
        epollFD = livehub_epoll_create()
        guard epollFD >= 0 else { throw LoadError("epoll_create1: errno \(errno)") }
        for (index, socket) in sockets.enumerated()
        where livehub_epoll_ctl(epollFD, LIVEHUB_EPOLL_CTL_ADD, socket.fd, LIVEHUB_EPOLLIN, UInt64(index)) != 0 {
            throw LoadError("epoll_ctl: errno \(errno)")
        }
    }

    mutating func run(into report: inout LoadReport) throws(LoadError) {
        defer { close(epollFD) }
        let start = livehub_monotonic_nanoseconds()
        windowStart = start + UInt64(options.warmupSeconds * 1e9)
        windowEnd = windowStart + UInt64(options.measureSeconds * 1e9)
        let deadline = windowEnd + UInt64(options.drainSeconds * 1e9)
        let nanosecondsPerMessage = 1e9 / options.messagesPerSecond
        var cpuAtWindowStart: Double? = nil
        var serverCPUAtWindowStart: Double? = nil
        let capacity = 512
        var events = [UInt32](repeating: 0, count: capacity)
        var tokens = [UInt64](repeating: 0, count: capacity)

        // Frames that arrived while later conversations were being set up are already buffered.
        for index in sockets.indices { try consume(socket: index, now: start, report: &report) }

        while true {
            var now = livehub_monotonic_nanoseconds()
            if cpuAtWindowStart == nil && now >= windowStart {
                cpuAtWindowStart = Self.processCPUSeconds()
                serverCPUAtWindowStart = options.serverPID.flatMap(Self.cpuSeconds(ofProcess:))
            }
            if now < windowEnd {
                let due = Int(Double(now - start) / nanosecondsPerMessage) + 1 - sentTotal
                for _ in 0..<max(0, due) { try sendNext(now: now, report: &report) }
            } else {
                if report.driverCPUSeconds == 0 {
                    report.driverCPUSeconds = Self.processCPUSeconds() - (cpuAtWindowStart ?? 0)
                    if let before = serverCPUAtWindowStart, let after = options.serverPID.flatMap(Self.cpuSeconds(ofProcess:)) {
                        report.serverCPUSeconds = after - before
                    }
                }
                let everythingArrived =
                    deliveredTotal >= sentTotal * LoadRole.allCases.count && report.acks + report.errors >= sentTotal
                if everythingArrived || now >= deadline { break }
            }
            let nextSend = start + UInt64(Double(sentTotal) * nanosecondsPerMessage)
            // Sleep until the next send is due, rounded up to epoll's millisecond: sends go out in
            // batches of at most rate/1000, and the driver does not spin between them.
            let timeoutMilliseconds: Int32
            if now >= windowEnd {
                timeoutMilliseconds = 5
            } else if nextSend <= now {
                timeoutMilliseconds = 0
            } else {
                timeoutMilliseconds = Int32(min(5, (nextSend - now + 999_999) / 1_000_000))
            }
            let ready = events.withUnsafeMutableBufferPointer { eventBuffer in
                tokens.withUnsafeMutableBufferPointer { tokenBuffer in
                    livehub_epoll_wait(
                        epollFD, eventBuffer.baseAddress, tokenBuffer.baseAddress, Int32(capacity), timeoutMilliseconds)
                }
            }
            guard ready >= 0 || errno == EINTR else { throw LoadError("epoll_wait: errno \(errno)") }
            now = livehub_monotonic_nanoseconds()
            for position in 0..<Int(max(0, ready)) {
                let index = Int(tokens[position])
                let socket = sockets[index]
                if events[position] & LIVEHUB_EPOLLOUT != 0 {
                    try socket.flush()
                    updateWriteInterest(index)
                }
                if events[position] & (LIVEHUB_EPOLLIN | LIVEHUB_EPOLLHUP | LIVEHUB_EPOLLERR) != 0 {
                    guard try socket.readAvailable(scratch: scratch) else {
                        throw LoadError("\(socket.label): the hub closed the connection during the run")
                    }
                    try consume(socket: index, now: now, report: &report)
                }
            }
        }
    }

    /// Sends the next message: conversations in turn, the customer in even rounds and the agent in odd ones.
    private mutating func sendNext(now: UInt64, report: inout LoadReport) throws(LoadError) {
        let conversation = sentTotal % conversations.count
        let round = sentTotal / conversations.count
        let role: LoadRole = round % 2 == 0 ? .customer : .agent
        let number = nextNumber[conversation * 2 + role.rawValue]
        nextNumber[conversation * 2 + role.rawValue] += 1
        request.removeAll(keepingCapacity: true)
        request += requestPrefixes[conversation]
        Self.appendDecimal(now, to: &request)
        request.append(role == .customer ? UInt8(ascii: "C") : UInt8(ascii: "A"))
        Self.appendDecimal(UInt64(number), to: &request)
        request.append(UInt8(ascii: "~"))
        request += padding
        request += [UInt8(ascii: "\""), UInt8(ascii: "}")]
        let socketIndex = conversation * LoadRole.allCases.count + role.rawValue
        try sockets[socketIndex].sendText(request)
        updateWriteInterest(socketIndex)
        sentTotal += 1
        if now >= windowStart && now < windowEnd { report.sentInWindow += 1 }
    }

    private mutating func updateWriteInterest(_ index: Int) {
        let wantsWrite = !sockets[index].outbound.isEmpty
        guard wantsWrite != writeArmed[index] else { return }
        writeArmed[index] = wantsWrite
        let interest = wantsWrite ? LIVEHUB_EPOLLIN | LIVEHUB_EPOLLOUT : LIVEHUB_EPOLLIN
        _ = livehub_epoll_ctl(epollFD, LIVEHUB_EPOLL_CTL_MOD, sockets[index].fd, interest, UInt64(index))
    }

    /// Classifies every complete frame of one socket: a `message` carrying our marker counts as a delivery.
    private mutating func consume(socket index: Int, now: UInt64, report: inout LoadReport) throws(LoadError) {
        var delivered: [(sentAt: UInt64, sender: Int, number: Int)] = []
        try sockets[index].forEachMessage { payload throws(LoadError) in
            if Self.hasPrefix(payload, Self.messagePrefix), let marker = Self.marker(in: payload) {
                delivered.append(marker)
            } else if Self.hasPrefix(payload, Self.ackPrefix) {
                report.acks += 1
            } else if Self.hasPrefix(payload, Self.errorPrefix) {
                report.errors += 1
                if report.firstError == nil { report.firstError = String(decoding: payload, as: UTF8.self) }
            } else {
                report.otherFrames += 1
            }
        }
        for (sentAt, sender, number) in delivered {
            deliveredTotal += 1
            let slot = index * 2 + sender
            if number <= lastNumber[slot] { report.outOfOrder += 1 } else { lastNumber[slot] = number }
            if sentAt >= windowStart && sentAt < windowEnd {
                report.deliveredInWindow += 1
                report.latencies.append(now &- sentAt)
            }
        }
    }

    private static let messagePrefix = Array(#"{"type":"message","#.utf8)
    private static let ackPrefix = Array(#"{"type":"ack""#.utf8)
    private static let errorPrefix = Array(#"{"type":"error""#.utf8)

    private static func hasPrefix(_ payload: UnsafeRawBufferPointer, _ prefix: [UInt8]) -> Bool {
        payload.count >= prefix.count && payload.prefix(prefix.count).elementsEqual(prefix)
    }

    /// Finds `~T<digits><C|A><digits>~` in a delivered message; sender 0 = customer, 1 = agent.
    private static func marker(in payload: UnsafeRawBufferPointer) -> (sentAt: UInt64, sender: Int, number: Int)? {
        var index = 0
        while index + 1 < payload.count {
            if payload[index] == UInt8(ascii: "~") && payload[index + 1] == UInt8(ascii: "T") { break }
            index += 1
        }
        index += 2
        var sentAt: UInt64 = 0
        while index < payload.count, payload[index] >= 48, payload[index] <= 57 {
            sentAt = sentAt &* 10 &+ UInt64(payload[index] - 48)
            index += 1
        }
        guard index < payload.count, payload[index] == UInt8(ascii: "C") || payload[index] == UInt8(ascii: "A") else {
            return nil
        }
        let sender = payload[index] == UInt8(ascii: "C") ? LoadRole.customer.rawValue : LoadRole.agent.rawValue
        index += 1
        var number = 0
        while index < payload.count, payload[index] >= 48, payload[index] <= 57 {
            number = number &* 10 &+ Int(payload[index] - 48)
            index += 1
        }
        guard index < payload.count, payload[index] == UInt8(ascii: "~") else { return nil }
        return (sentAt, sender, number)
    }

    private static func appendDecimal(_ value: UInt64, to bytes: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for position in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[position]) }
        }
    }

    /// utime + stime of another process, from `/proc/PID/stat` (fields 14 and 15, in clock ticks).
    private static func cpuSeconds(ofProcess pid: Int32) -> Double? {
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    private static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
