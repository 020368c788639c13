// hubload: drives the livehub conversation hub with live conversations over the real protocol
// (customer + agent + monitoring supervisor each) at a steady message rate and reports delivered
// messages/s and latency percentiles. See `.ci/bench-hub`.
import LiveHubLoad
import LiveHubPosix

#if canImport(Glibc)
import Glibc
#endif

let usage = """
    usage: hubload config [--conversations N] [--supervisors K] [--chats-per-agent C]
               prints the hub configuration (--config) a run of N conversations needs (C conversations
               per agent, capacity C; default 1)
           hubload run --port P --data-dir DIR [--host H] [--conversations N] [--supervisors K]
               [--rate MSGS_PER_S] [--warmup S] [--duration S] [--drain S] [--padding BYTES]
               [--server-pid PID] [--json]
               sets up N conversations on a hub started with that configuration and DIR, then measures
           hubload acks --port P --data-dir DIR [--no-monitor] [--client-msg-ids] [--chats-per-agent C]
               [same options as run, without --rate]
               the same N conversations, each customer keeping one message.send in flight: acknowledged
               messages/s and send-to-ack latency (--no-monitor: customer and agent only; --client-msg-ids:
               a fresh clientMsgId on every message, as the chat pages send; --chats-per-agent: each agent
               holds C conversations over one connection, with the configuration printed for the same C)
           hubload redis-fanout --port P [--subscribers R] [same options as acks, without --data-dir]
               the acks run's yardstick: N Redis connections each keeping one EVALSHA in flight that
               XADDs the message to its conversation's stream and PUBLISHes it to R subscriber connections
           hubload journal --data-dir DIR [--conversations N] [--events N] [--messages-per-conversation M]
               writes DIR/config.json and a journal of N events made by the domain (pairs chat, close
               after M messages, start again), to time `livehub serve --config DIR/config.json --data-dir DIR`
           hubload churn --port P --data-dir DIR [--conversations PAIRS] [--total N] [--checkpoint K]
               [--time-limit S] [--server-pid PID] [--json]
               PAIRS customers and agents start and close N conversations in sequence (each: start, accept,
               a message each way, end, close); every K closed, the server's RSS (the memory test)
    """

func fail(_ message: String) -> Never {
    FileHandleOutput.standardError("hubload: \(message)\n")
    exit(2)
}

enum FileHandleOutput {
    static func standardError(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }
}

/// Reads `DIR/hub-secret`, which the server creates on start.
func readSecret(directory: String) -> [UInt8] {
    let fd = open(directory + "/hub-secret", O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { fail("cannot read \(directory)/hub-secret (start the hub with --data-dir \(directory) first)") }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard count >= 32 else { fail("\(directory)/hub-secret is shorter than 32 bytes") }
    return Array(buffer[0..<count])
}

var arguments = Array(CommandLine.arguments.dropFirst())
let commands = ["config", "run", "acks", "redis-fanout", "journal", "churn"]
guard let command = arguments.first, commands.contains(command) else { fail(usage) }
arguments.removeFirst()
var options = LoadOptions()
var dataDirectory: String?
var printJSON = false
var events = 1_000_000
var messagesPerConversation = 50
var churnTotal = 100_000
var churnCheckpoint = 10_000
var churnTimeLimit = 600.0
var redisSubscribers = 2
while !arguments.isEmpty {
    let flag = arguments.removeFirst()
    if flag == "--json" {
        printJSON = true
        continue
    }
    if flag == "--no-monitor" {
        options.monitored = false
        continue
    }
    if flag == "--client-msg-ids" {
        options.clientMessageIds = true
        continue
    }
    guard let value = arguments.first else { fail("\(flag) needs a value\n\(usage)") }
    arguments.removeFirst()
    func number(_ text: String) -> Double {
        guard let parsed = Double(text), parsed >= 0 else { fail("\(flag): '\(text)' is not a non-negative number") }
        return parsed
    }
    switch flag {
    case "--host": options.host = value
    case "--port":
        guard let port = UInt16(value) else { fail("--port: '\(value)' is not a port") }
        options.port = port
    case "--data-dir": dataDirectory = value
    case "--conversations": options.conversations = Int(number(value))
    case "--supervisors": options.supervisors = max(1, Int(number(value)))
    case "--chats-per-agent": options.chatsPerAgent = min(1000, max(1, Int(number(value))))
    case "--rate": options.messagesPerSecond = number(value)
    case "--warmup": options.warmupSeconds = number(value)
    case "--duration": options.measureSeconds = min(600, number(value))
    case "--drain": options.drainSeconds = min(60, number(value))
    case "--padding": options.paddingBytes = Int(number(value))
    case "--events": events = Int(number(value))
    case "--messages-per-conversation": messagesPerConversation = max(1, Int(number(value)))
    case "--total": churnTotal = max(1, Int(number(value)))
    case "--checkpoint": churnCheckpoint = max(1, Int(number(value)))
    case "--time-limit": churnTimeLimit = min(3600, max(1, number(value)))
    case "--subscribers": redisSubscribers = Int(number(value))
    case "--server-pid":
        guard let pid = Int32(value) else { fail("--server-pid: '\(value)' is not a process id") }
        options.serverPID = pid
    default: fail("unknown flag \(flag)\n\(usage)")
    }
}

if options.chatsPerAgent > 1 && command != "config" && command != "acks" {
    fail("--chats-per-agent is for config and acks (the other runs give every conversation its own agent)")
}
if command == "config" {
    print(
        BenchHubConfiguration.json(
            conversations: options.conversations, supervisors: options.supervisors, chatsPerAgent: options.chatsPerAgent),
        terminator: "")
    exit(0)
}
if command == "redis-fanout" {
    Processor.raiseOpenFileLimit()
    do {
        let report = try RedisFanoutRun.run(options, subscribers: redisSubscribers)
        if !printJSON { print(report.summary) }
        print(report.json)
        exit(report.errors == 0 ? 0 : 1)
    } catch {
        fail("\(error)")
    }
}
guard let dataDirectory else { fail("\(command) needs --data-dir (the hub's, for its token secret)") }
if command == "journal" {
    do {
        let result = try JournalFill.run(
            directory: dataDirectory, conversations: options.conversations, events: events,
            messagesPerConversation: messagesPerConversation, supervisors: options.supervisors)
        print(
            "wrote \(result.records) journal records (\(result.conversationsStarted) conversations started) "
                + "to \(dataDirectory)/journal in \(Int(result.seconds * 1000)) ms")
        exit(0)
    } catch {
        fail("\(error)")
    }
}
options.secret = readSecret(directory: dataDirectory)
// Three descriptors per conversation: lift the soft open-file limit to the hard one.
Processor.raiseOpenFileLimit()
if command == "churn" {
    do {
        let report = try ChurnRun.run(
            options, total: churnTotal, checkpoint: churnCheckpoint, timeLimitSeconds: churnTimeLimit)
        if !printJSON { print(report.summary) }
        print(report.json)
        exit(report.errors == 0 ? 0 : 1)
    } catch {
        fail("\(error)")
    }
}
if command == "acks" {
    do {
        let report = try AckRun.run(options)
        if !printJSON { print(report.summary) }
        print(report.json)
        exit(report.errors == 0 ? 0 : 1)
    } catch {
        fail("\(error)")
    }
}
do {
    let report = try LoadRun.run(options)
    if !printJSON { print(report.summary) }
    print(report.json)
    exit(report.lost == 0 && report.errors == 0 ? 0 : 1)
} catch {
    fail("\(error)")
}
