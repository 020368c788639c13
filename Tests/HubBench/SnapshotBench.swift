import LiveHubDomain
import LiveHubProtocol

/// `hubbench --snapshot CONVERSATIONS MESSAGES`: what writing and reading a snapshot costs. Builds a
/// state of CONVERSATIONS open conversations with MESSAGES messages each (customer and agent taking
/// turns, each message with a `clientMsgId` like the chat pages'), then encodes it and decodes it three
/// times each: prints the best times, the bytes, and the cost per message.
enum SnapshotBench {
    static func run(conversations: Int, messages: Int) {
        var hub = Hub(configuration: Configuration(queues: [], workstreams: [], agents: [], supervisors: []))
        let start = Instant(millisecondsSinceEpoch: 1_700_000_000_000)
        for index in 0..<max(1, conversations) {
            let conversationId = ConversationId("c\(index + 1)")
            let customerId = UserId("customer-\(index + 1)")
            hub.apply(
                DomainEvent(
                    conversationId: conversationId, seq: 1, at: start,
                    payload: .conversationStarted(
                        ConversationStarted(
                            subject: "Order \(index)", channel: .livechat, mode: .text, queueId: "general",
                            customerId: customerId, capacityUnits: 1))))
            for number in 0..<messages {
                let seq = number + 2
                let at = start.adding(milliseconds: Int64(seq))
                let fromCustomer = number.isMultiple(of: 2)
                let message = Message(
                    seq: seq, senderId: fromCustomer ? customerId : UserId("agent-\(index + 1)"),
                    senderRole: fromCustomer ? .customer : .agent,
                    text: "Message \(number) about the order, with a few words", visibility: .public,
                    clientMessageId: "m-\(String(UInt64(seq * 7_919 + index) &* 0x9E37_79B9, radix: 36))-\(seq)", at: at
                )
                hub.apply(DomainEvent(conversationId: conversationId, seq: seq, at: at, payload: .message(message)))
            }
        }
        let state = hub.state
        var bytes: [UInt8] = []
        var encodeBest = UInt64.max
        var decodeBest = UInt64.max
        for _ in 0..<3 {
            let before = threadCPUNanoseconds()
            do throws(SnapshotEncodeError) {
                bytes = try SnapshotCodec.encode(state)
            } catch {
                print("snapshot: \(error)")
                return
            }
            encodeBest = min(encodeBest, threadCPUNanoseconds() - before)
            let decodeStart = threadCPUNanoseconds()
            let decoded = bytes.withUnsafeBytes { try? SnapshotCodec.decode($0) }
            decodeBest = min(decodeBest, threadCPUNanoseconds() - decodeStart)
            guard decoded == state else {
                print("snapshot: the decoded state differs")
                return
            }
        }
        let total = Double(max(1, conversations * messages))
        print(
            "snapshot \(conversations) conversations x \(messages) messages: \(bytes.count) bytes "
                + "(\(format3(Double(bytes.count) / total)) per message); encode \(format3(Double(encodeBest) / 1e6)) ms "
                + "(\(format3(Double(encodeBest) / total)) ns per message), decode \(format3(Double(decodeBest) / 1e6)) ms "
                + "(\(format3(Double(decodeBest) / total)) ns per message)")
    }
}
