import LiveHubDomain

// hubbench: CPU per `conversation.start` and per `message.send` in the pure domain (`Hub.handle`),
// at a given number of open conversations. No sockets, no encoding: the cost the hub thread pays in
// the domain for each request. Run a release build:
//
//     swift build -c release --product hubbench && .build/release/hubbench [--sizes 100,10000,100000]
//
// Scenarios, each at every size n:
// - waiting: n conversations open in one queue and nobody free to take them (every agent full or
//   offline): a start joins the line, a message comes from a waiting customer;
// - active: n conversations handled by agents (capacity 4 each, all full): a start waits, a message
//   alternates customer and agent;
// - routed: as active, plus one agent with free capacity, so each start is offered at once.
// A measured start includes the timers it asks for at once (a waiting customer's place in line), which
// the hub loop fires in the same iteration. Each measured start is force-closed afterwards (not
// measured), so n stays n.
//
// A fixed run for instruction counts (callgrind), deterministic so counts repeat: one scenario at one
// size, a given number of messages, starts and accepts, recipients picked by a seeded generator:
//
//     valgrind --tool=callgrind .build/release/hubbench --scenario active --size 1000 --messages 20000
//
// `--audit N`: the audit's retention, see `AuditRetentionBench`.
//
// Subtract a run with `--messages 0` (same size) for the set-up; divide by the count.
#if canImport(Glibc)
    import Glibc
#endif

/// CPU time of this thread, in nanoseconds.
func threadCPUNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

struct Bench {
    let size: Int
    let scenario: String
    var hub: Hub
    var clock: Int64 = 1_700_000_000_000
    var customers = 0
    let boss = Actor(role: .supervisor, userId: "boss", connectionId: "boss-1")

    init(size: Int, scenario: String) {
        self.size = size
        self.scenario = scenario
        let capacity = 4
        let agentCount = scenario == "waiting" ? 1 : (size + capacity - 1) / capacity + (scenario == "routed" ? 1 : 0)
        let configuration = Configuration(
            queues: [QueueConfiguration(id: "general", name: "General", workstreamId: "chat")],
            workstreams: [
                WorkstreamConfiguration(
                    id: "chat", name: "Chat", channels: [.livechat], allowedPresences: [.available], capacityUnits: 1,
                    offerTimeoutMilliseconds: 30_000)
            ],
            agents: (1...max(1, agentCount)).map {
                AgentProfile(id: UserId("a\($0)"), name: "Agent \($0)", queues: ["general"], capacity: capacity)
            },
            supervisors: [SupervisorProfile(id: "boss", name: "Boss")],
            settings: AdminSettings(
                supervisorMonitor: true, supervisorAssign: true, supervisorTransfer: true, supervisorForceClose: true))
        hub = Hub(configuration: configuration)
    }

    var now: Instant { Instant(millisecondsSinceEpoch: clock) }

    mutating func tick() -> Instant {
        clock += 1
        return Instant(millisecondsSinceEpoch: clock)
    }

    mutating func newCustomer() -> Actor {
        customers += 1
        return Actor(role: .customer, userId: UserId("cust\(customers)"), connectionId: ConnectionId("k\(customers)"))
    }

    @discardableResult
    mutating func run(_ command: Command, _ actor: Actor) -> HubOutcome {
        do {
            return try hub.handle(command, from: actor, sessions: .none, at: actor.role == .system ? now : tick())
        } catch {
            fatalError("\(command) refused: \(error)")
        }
    }

    /// Opens `size` conversations; returns (conversation, customer, agent) of each.
    mutating func setUp() -> [(ConversationId, Actor, Actor?)] {
        var opened: [(ConversationId, Actor, Actor?)] = []
        opened.reserveCapacity(size)
        if scenario == "waiting" {
            for _ in 0..<size {
                let customer = newCustomer()
                guard
                    case .conversationStarted(let id) = run(
                        .start(subject: "Help", channel: .livechat, queueId: "general"), customer
                    ).acknowledgement
                else { fatalError() }
                opened.append((id, customer, nil))
            }
            return opened
        }
        let agentCount = (size + 3) / 4
        for index in 1...agentCount {
            let agent = Actor(role: .agent, userId: UserId("a\(index)"), connectionId: ConnectionId("a\(index)-1"))
            run(.setPresence(.available), agent)
            for _ in 0..<4 where opened.count < size {
                let customer = newCustomer()
                let outcome = run(.start(subject: "Help", channel: .livechat, queueId: "general"), customer)
                guard case .conversationStarted(let id) = outcome.acknowledgement,
                    let offer = outcome.events.compactMap({ event -> Offer? in
                        if case .offer(let offer) = event.payload { offer } else { nil }
                    }).first
                else { fatalError("not offered") }
                run(.acceptOffer(offer.offerId), agent)
                opened.append((id, customer, agent))
            }
        }
        if scenario == "routed" {
            let spare = Actor(role: .agent, userId: UserId("a\(agentCount + 1)"), connectionId: "spare")
            run(.setPresence(.available), spare)
        }
        return opened
    }

    /// Mean CPU nanoseconds per start (each force-closed afterwards, unmeasured).
    mutating func measureStarts(_ count: Int) -> Double {
        var total: UInt64 = 0
        for _ in 0..<count {
            let customer = newCustomer()
            let command = Command.start(subject: "Help", channel: .livechat, queueId: "general")
            let before = threadCPUNanoseconds()
            let outcome = run(command, customer)
            for timer in outcome.timers where timer.deadline.millisecondsSinceEpoch <= clock {
                run(timer.command, .system)
            }
            total += threadCPUNanoseconds() - before
            guard case .conversationStarted(let id) = outcome.acknowledgement else { fatalError() }
            run(.forceClose(conversationId: id, reason: "bench"), boss)
        }
        return Double(total) / Double(count)
    }

    /// Mean CPU nanoseconds per message, spread over the open conversations.
    mutating func measureMessages(_ count: Int, in opened: [(ConversationId, Actor, Actor?)]) -> Double {
        var generator = SystemRandomNumberGenerator()
        return measureMessages(count, in: opened, using: &generator)
    }

    /// Mean CPU nanoseconds per message, conversations picked by `generator`.
    mutating func measureMessages<Generator: RandomNumberGenerator>(
        _ count: Int, in opened: [(ConversationId, Actor, Actor?)], using generator: inout Generator
    ) -> Double {
        var total: UInt64 = 0
        for index in 0..<count {
            let (id, customer, agent) = opened[Int.random(in: 0..<opened.count, using: &generator)]
            let sender = (index % 2 == 1 ? agent : nil) ?? customer
            let command = Command.sendMessage(
                conversationId: id, text: "Hello there, message \(index)", visibility: .public,
                clientMessageId: "m\(index)")
            let before = threadCPUNanoseconds()
            run(command, sender)
            total += threadCPUNanoseconds() - before
        }
        return Double(total) / Double(count)
    }
}

/// SplitMix64: a seeded generator, so a fixed run picks the same conversations every time.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Offers made to one agent with free capacity, each accepted and then force-closed: mean CPU
/// nanoseconds per accept (the force-close is not measured).
extension Bench {
    mutating func measureAccepts(_ count: Int) -> Double {
        let agent = Actor(role: .agent, userId: UserId("a\((size + 3) / 4 + 1)"), connectionId: "spare")
        var total: UInt64 = 0
        for _ in 0..<count {
            let outcome = run(.start(subject: "Help", channel: .livechat, queueId: "general"), newCustomer())
            guard case .conversationStarted(let id) = outcome.acknowledgement,
                let offer = outcome.events.compactMap({ event -> Offer? in
                    if case .offer(let offer) = event.payload { offer } else { nil }
                }).first
            else { fatalError("not offered") }
            let before = threadCPUNanoseconds()
            run(.acceptOffer(offer.offerId), agent)
            total += threadCPUNanoseconds() - before
            run(.forceClose(conversationId: id, reason: "bench"), boss)
        }
        return count == 0 ? 0 : Double(total) / Double(count)
    }
}

var sizes = [100, 10_000, 100_000]
var rounds = 3
var fixedScenario: String? = nil
var fixedSize = 1_000
var fixedMessages = 0
var fixedStarts = 0
var fixedAccepts = 0
var auditEntries: Int? = nil
var snapshotShape: (conversations: Int, messages: Int)? = nil
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--sizes": sizes = (arguments.popFirst() ?? "").split(separator: ",").compactMap { Int($0) }
    case "--rounds": rounds = Int(arguments.popFirst() ?? "") ?? rounds
    case "--scenario": fixedScenario = arguments.popFirst()
    case "--size": fixedSize = Int(arguments.popFirst() ?? "") ?? fixedSize
    case "--messages": fixedMessages = Int(arguments.popFirst() ?? "") ?? 0
    case "--starts": fixedStarts = Int(arguments.popFirst() ?? "") ?? 0
    case "--accepts": fixedAccepts = Int(arguments.popFirst() ?? "") ?? 0
    case "--audit": auditEntries = Int(arguments.popFirst() ?? "")
    case "--snapshot":
        guard let conversations = Int(arguments.popFirst() ?? ""), let messages = Int(arguments.popFirst() ?? "") else {
            print("--snapshot needs CONVERSATIONS MESSAGES")
            exit(64)
        }
        snapshotShape = (conversations, messages)
    default:
        print(
            "usage: hubbench [--sizes 100,10000,100000] [--rounds 3]\n"
                + "       hubbench --scenario waiting|active|routed [--size 1000] [--messages N] [--starts N]"
                + " [--accepts N (routed)]\n       hubbench --audit N\n"
                + "       hubbench --snapshot CONVERSATIONS MESSAGES")
        exit(64)
    }
}

if let snapshotShape {
    SnapshotBench.run(conversations: snapshotShape.conversations, messages: snapshotShape.messages)
    exit(0)
}

if let auditEntries {
    AuditRetentionBench.run(entries: auditEntries)
    exit(0)
}

if let scenario = fixedScenario {
    var bench = Bench(size: fixedSize, scenario: scenario)
    let opened = bench.setUp()
    var generator = SeededGenerator(state: 42)
    let message = fixedMessages == 0 ? 0 : bench.measureMessages(fixedMessages, in: opened, using: &generator)
    let start = fixedStarts == 0 ? 0 : bench.measureStarts(fixedStarts)
    let accept = fixedAccepts == 0 ? 0 : bench.measureAccepts(fixedAccepts)
    print(
        "\(scenario) \(fixedSize): \(fixedMessages) messages \(format3(message / 1_000)) µs, "
            + "\(fixedStarts) starts \(format3(start / 1_000)) µs, \(fixedAccepts) accepts \(format3(accept / 1_000)) µs"
    )
    exit(0)
}

print("scenario  open       start µs (min of \(rounds))  message µs (min of \(rounds))")
for scenario in ["waiting", "active", "routed"] {
    for size in sizes {
        var bench = Bench(size: size, scenario: scenario)
        let opened = bench.setUp()
        var starts: [Double] = []
        var messages: [Double] = []
        for _ in 0..<rounds {
            starts.append(bench.measureStarts(2_000))
            messages.append(bench.measureMessages(20_000, in: opened))
        }
        let start = starts.min()! / 1_000
        let message = messages.min()! / 1_000
        print(pad(scenario, 9) + " " + pad(String(size), 10) + " " + pad(format3(start), 29) + " " + format3(message))
    }
}

func format3(_ value: Double) -> String {
    let scaled = Int((value * 100).rounded())
    let fraction = scaled % 100
    return "\(scaled / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
}
