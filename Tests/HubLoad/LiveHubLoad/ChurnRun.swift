import CLiveHubSystem
import LiveHubDomain
import LiveHubProtocol

#if canImport(Glibc)
import Glibc
#endif

/// `hubload churn`: conversations started and closed in sequence, for the memory test. `pairs`
/// customers and agents (capacity 1 each, the `BenchHubConfiguration`) run in parallel; each
/// conversation goes the whole way over the real protocol: the customer starts it, whichever agent is
/// offered it accepts and writes, the customer answers, the agent ends and closes it, and on
/// `conversation.closed` the customer starts the next one, until `total` have closed. Every
/// `checkpoint` closed conversations the server's resident memory is read from `/proc/PID/status`:
/// the lowest reading over the second that follows (the churn going on meanwhile, or idle after the
/// last). A snapshot or archive batch being written lifts a single reading for a moment, by up to
/// 13 % here (seen in CI and in the build before as well), which is not growth.
public enum ChurnRun {
    public static func run(
        _ options: LoadOptions, total: Int, checkpoint: Int, timeLimitSeconds: Double
    ) throws(LoadError) -> ChurnReport {
        guard options.conversations > 0, total > 0 else { throw LoadError("pairs and total must be positive") }
        guard !options.secret.isEmpty else { throw LoadError("no hub secret to sign tokens with") }
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { scratch.deallocate() }
        let issuer = TokenIssuer(secret: options.secret)
        let expiresAt = Int64(time(nil)) + 24 * 3600
        func open(_ userId: String, _ role: Role) throws(LoadError) -> LoadSocket {
            let socket = try LoadSocket(
                host: options.host, port: options.port, label: userId, timeoutSeconds: options.stepTimeoutSeconds)
            let token = issuer.issue(TokenClaims(subject: UserId(userId), role: role, name: userId, expiresAt: expiresAt))
            try socket.openHub(token: token, host: options.host, timeoutSeconds: options.stepTimeoutSeconds, scratch: scratch)
            return socket
        }
        var agents: [LoadSocket] = []
        var customers: [LoadSocket] = []
        for index in 0..<options.conversations {
            let agent = try open(BenchHubConfiguration.agentId(index), .agent)
            _ = try agent.exchange(
                #"{"type":"presence.set","id":"p","presence":"available"}"#, id: "p",
                timeoutSeconds: options.stepTimeoutSeconds, scratch: scratch)
            agents.append(agent)
            customers.append(try open(BenchHubConfiguration.customerId(index), .customer))
        }
        var driver = try ChurnDriver(
            agents: agents, customers: customers, options: options, total: total, checkpoint: checkpoint,
            scratch: scratch)
        return try driver.run(timeLimitSeconds: timeLimitSeconds)
    }
}

/// What a churn run measured.
public struct ChurnReport: Sendable {
    public var pairs = 0
    public var closed = 0
    public var seconds = 0.0
    public var errors = 0
    public var firstError: String?
    /// (conversations closed, server VmRSS in KiB), at every checkpoint.
    public var residentKiB: [(closed: Int, kib: Int)] = []

    public var summary: String {
        var lines = [
            "\(closed) conversations started and closed by \(pairs) customer/agent pairs in \(Int(seconds)) s "
                + "(\(Int(Double(closed) / max(seconds, 1e-9)))/s); errors \(errors)"
                + (firstError.map { " (first: \($0))" } ?? "")
        ]
        for point in residentKiB { lines.append("  after \(point.closed): server RSS \(point.kib) KiB") }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let points = residentKiB.map { "[\($0.closed),\($0.kib)]" }.joined(separator: ",")
        return #"{"mode":"churn","pairs":\#(pairs),"closed":\#(closed),"seconds":\#(Int(seconds)),"errors":\#(errors),"#
            + #""rss_kib":[\#(points)]}"#
    }
}

private struct ChurnDriver {
    private let sockets: [LoadSocket]
    private let pairs: Int
    private let options: LoadOptions
    private let total: Int
    private let checkpoint: Int
    private let scratch: UnsafeMutableRawBufferPointer
    private let epollFD: Int32
    private var writeArmed: [Bool]
    /// The conversation each agent (index `pair`) and each customer is in, if any.
    private var agentConversation: [String?]
    private var customerConversation: [String?]
    private var started = 0
    private var report = ChurnReport()
    /// The checkpoint being read: its count, when its second ends, the lowest reading so far.
    private var sampling: (closed: Int, until: UInt64, lowestKiB: Int)?
    private var nextSampleAt: UInt64 = 0
    static let samplingNanoseconds: UInt64 = 1_000_000_000
    static let sampleEveryNanoseconds: UInt64 = 50_000_000

    init(
        agents: [LoadSocket], customers: [LoadSocket], options: LoadOptions, total: Int, checkpoint: Int,
        scratch: UnsafeMutableRawBufferPointer
    ) throws(LoadError) {
        sockets = agents + customers
        pairs = agents.count
        self.options = options
        self.total = total
        self.checkpoint = max(1, checkpoint)
        self.scratch = scratch
        writeArmed = Array(repeating: false, count: sockets.count)
        agentConversation = Array(repeating: nil, count: agents.count)
        customerConversation = Array(repeating: nil, count: customers.count)
        epollFD = livehub_epoll_create()
        guard epollFD >= 0 else { throw LoadError("epoll_create1: errno \(errno)") }
        for (index, socket) in sockets.enumerated()
        where livehub_epoll_ctl(epollFD, LIVEHUB_EPOLL_CTL_ADD, socket.fd, LIVEHUB_EPOLLIN, UInt64(index)) != 0 {
            throw LoadError("epoll_ctl: errno \(errno)")
        }
        report.pairs = pairs
    }

    mutating func run(timeLimitSeconds: Double) throws(LoadError) -> ChurnReport {
        defer { close(epollFD) }
        let start = livehub_monotonic_nanoseconds()
        let deadline = start + UInt64(timeLimitSeconds * 1e9)
        for customer in 0..<pairs where started < total { try startConversation(customer) }
        let capacity = 512
        var events = [UInt32](repeating: 0, count: capacity)
        var tokens = [UInt64](repeating: 0, count: capacity)
        while report.closed < total || sampling != nil {
            sampleResidentMemory()
            guard livehub_monotonic_nanoseconds() < deadline else {
                throw LoadError("only \(report.closed) of \(total) conversations closed within \(Int(timeLimitSeconds)) s")
            }
            let ready = events.withUnsafeMutableBufferPointer { eventBuffer in
                tokens.withUnsafeMutableBufferPointer { tokenBuffer in
                    livehub_epoll_wait(epollFD, eventBuffer.baseAddress, tokenBuffer.baseAddress, Int32(capacity), 50)
                }
            }
            guard ready >= 0 || errno == EINTR else { throw LoadError("epoll_wait: errno \(errno)") }
            for position in 0..<Int(max(0, ready)) {
                let index = Int(tokens[position])
                if events[position] & LIVEHUB_EPOLLOUT != 0 {
                    try sockets[index].flush()
                    updateWriteInterest(index)
                }
                if events[position] & (LIVEHUB_EPOLLIN | LIVEHUB_EPOLLHUP | LIVEHUB_EPOLLERR) != 0 {
                    guard try sockets[index].readAvailable(scratch: scratch) else {
                        throw LoadError("\(sockets[index].label): the hub closed the connection during the run")
                    }
                    try consume(index)
                }
            }
        }
        report.seconds = Double(livehub_monotonic_nanoseconds() - start) / 1e9
        return report
    }

    private mutating func consume(_ index: Int) throws(LoadError) {
        var frames: [JSONObject] = []
        try sockets[index].forEachMessage { payload throws(LoadError) in
            guard let object = try? JSONParser.parse(Array(payload)).objectValue else {
                throw LoadError("\(sockets[index].label): the hub sent a frame that is not a JSON object")
            }
            frames.append(object)
        }
        for frame in frames {
            if index < pairs { try agentFrame(frame, agent: index) } else { try customerFrame(frame, customer: index - pairs) }
        }
    }

    private mutating func agentFrame(_ frame: JSONObject, agent: Int) throws(LoadError) {
        let type = frame["type"]?.stringValue
        let conversationId = frame["conversationId"]?.stringValue
        switch (type, frame["id"]?.stringValue) {
        case ("offer", _):
            guard let offerId = frame["offerId"]?.stringValue else { return }
            agentConversation[agent] = conversationId
            try send(#"{"type":"offer.accept","id":"a","offerId":"\#(offerId)"}"#, on: agent)
        case ("ack", "a"):
            guard let current = agentConversation[agent] else { return }
            try send(
                #"{"type":"message.send","id":"m","conversationId":"\#(current)","text":"Hello, how can I help?"}"#,
                on: agent)
        case ("message", _):
            guard let current = agentConversation[agent], conversationId == current,
                frame["senderRole"]?.stringValue == "customer"
            else { return }
            try send(#"{"type":"conversation.end","id":"e","conversationId":"\#(current)"}"#, on: agent)
        case ("ack", "e"):
            guard let current = agentConversation[agent] else { return }
            try send(#"{"type":"conversation.close","id":"c","conversationId":"\#(current)"}"#, on: agent)
        case ("ack", "c"):
            agentConversation[agent] = nil
            report.closed += 1
            if report.closed % checkpoint == 0 || report.closed == total { recordResidentMemory() }
        case ("error", _):
            noteError(frame, on: agent)
        default:
            break
        }
    }

    private mutating func customerFrame(_ frame: JSONObject, customer: Int) throws(LoadError) {
        let type = frame["type"]?.stringValue
        let conversationId = frame["conversationId"]?.stringValue
        switch (type, frame["id"]?.stringValue) {
        case ("ack", "s"):
            customerConversation[customer] = conversationId
        case ("message", _):
            guard let current = customerConversation[customer], conversationId == current,
                frame["senderRole"]?.stringValue == "agent"
            else { return }
            try send(
                #"{"type":"message.send","id":"r","conversationId":"\#(current)","text":"My order has not arrived"}"#,
                on: pairs + customer)
        case ("conversation.closed", _):
            guard conversationId == customerConversation[customer] else { return }
            customerConversation[customer] = nil
            if started < total { try startConversation(customer) }
        case ("error", _):
            noteError(frame, on: pairs + customer)
        default:
            break
        }
    }

    private mutating func startConversation(_ customer: Int) throws(LoadError) {
        started += 1
        try send(
            #"{"type":"conversation.start","id":"s","subject":"Order \#(started)","channel":"livechat","queueId":"\#(BenchHubConfiguration.queueId)"}"#,
            on: pairs + customer)
    }

    private mutating func noteError(_ frame: JSONObject, on index: Int) {
        report.errors += 1
        if report.firstError == nil {
            report.firstError = "\(sockets[index].label): \(frame["code"]?.stringValue ?? "?") \(frame["message"]?.stringValue ?? "")"
        }
    }

    private mutating func send(_ request: String, on index: Int) throws(LoadError) {
        try sockets[index].sendText(Array(request.utf8))
        updateWriteInterest(index)
    }

    private mutating func recordResidentMemory() {
        guard let pid = options.serverPID, let kib = residentKiB(ofProcess: pid) else { return }
        if let open = sampling { report.residentKiB.append((open.closed, open.lowestKiB)) }
        sampling = (report.closed, livehub_monotonic_nanoseconds() + Self.samplingNanoseconds, kib)
    }

    /// Another reading of the open checkpoint, every 50 ms; once its second is over, the lowest goes
    /// into the report.
    private mutating func sampleResidentMemory() {
        guard let open = sampling, let pid = options.serverPID else { return }
        let now = livehub_monotonic_nanoseconds()
        guard now >= nextSampleAt || now >= open.until else { return }
        nextSampleAt = now + Self.sampleEveryNanoseconds
        let kib = residentKiB(ofProcess: pid) ?? open.lowestKiB
        if now >= open.until {
            report.residentKiB.append((open.closed, min(open.lowestKiB, kib)))
            sampling = nil
        } else {
            sampling = (open.closed, open.until, min(open.lowestKiB, kib))
        }
    }

    private mutating func updateWriteInterest(_ index: Int) {
        let wantsWrite = !sockets[index].outbound.isEmpty
        guard wantsWrite != writeArmed[index] else { return }
        writeArmed[index] = wantsWrite
        let interest = wantsWrite ? LIVEHUB_EPOLLIN | LIVEHUB_EPOLLOUT : LIVEHUB_EPOLLIN
        _ = livehub_epoll_ctl(epollFD, LIVEHUB_EPOLL_CTL_MOD, sockets[index].fd, interest, UInt64(index))
    }
}

/// VmRSS of another process, from `/proc/PID/status`, in KiB.
func residentKiB(ofProcess pid: Int32) -> Int? {
    let fd = open("/proc/\(pid)/status", O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard count > 0 else { return nil }
    let text = String(decoding: buffer[0..<count], as: UTF8.self)
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
    return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
}
