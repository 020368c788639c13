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
        var total: UInt64 = 0
        var generator = SystemRandomNumberGenerator()
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

var sizes = [100, 10_000, 100_000]
var rounds = 3
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--sizes": sizes = (arguments.popFirst() ?? "").split(separator: ",").compactMap { Int($0) }
    case "--rounds": rounds = Int(arguments.popFirst() ?? "") ?? rounds
    default:
        print("usage: hubbench [--sizes 100,10000,100000] [--rounds 3]")
        exit(64)
    }
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
