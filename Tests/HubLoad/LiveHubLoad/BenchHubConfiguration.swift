/// The hub configuration a load run needs: one agent per `chatsPerAgent` conversations (capacity
/// `chatsPerAgent`, so routing offers each new conversation to the one agent who went available last,
/// until it is full), and `supervisors` supervisors with monitoring allowed. Written as the JSON
/// `livehub serve --config` reads.
///
/// A load run writes far more into one conversation than a chat does (an 8 s ack run at 45,000/s puts
/// 360 messages in each of 1,000, a longer or narrower run thousands), so the conversation limits are
/// lifted: a run measures throughput, not the `too_large` of a full conversation.
public enum BenchHubConfiguration {
    public static let queueId = "general"

    public static func agentId(_ conversation: Int, chatsPerAgent: Int = 1) -> String {
        "agent-\(conversation / max(1, chatsPerAgent) + 1)"
    }
    public static func customerId(_ conversation: Int) -> String { "customer-\(conversation + 1)" }
    public static func supervisorId(_ conversation: Int, supervisors: Int) -> String {
        "supervisor-\(conversation % max(1, supervisors) + 1)"
    }

    public static func json(conversations: Int, supervisors: Int, chatsPerAgent: Int = 1) -> String {
        let chats = max(1, chatsPerAgent)
        let agents = (0..<(conversations + chats - 1) / chats).map { index in
            #"{"id":"\#(agentId(index))","name":"Agent \#(index + 1)","queues":["\#(queueId)"],"capacity":\#(chats)}"#
        }
        let supervisorList = (0..<max(1, supervisors)).map { index in
            #"{"id":"supervisor-\#(index + 1)","name":"Supervisor \#(index + 1)"}"#
        }
        return """
            {"queues":[{"id":"\(queueId)","name":"General","workstream":"chat"}],
             "workstreams":[{"id":"chat","name":"Live chat","channels":["livechat"],"allowedPresences":["available"],
                             "capacityUnits":1,"offerTimeoutSeconds":30}],
             "agents":[\(agents.joined(separator: ",\n"))],
             "supervisors":[\(supervisorList.joined(separator: ","))],
             "settings":{"supervisorMonitor":true,"supervisorAssign":true,"supervisorTransfer":true,
                         "supervisorForceClose":true},
             "limits":{"maximumConversationMessages":1000000,"maximumConversationTextKiB":1000000}}

            """
    }
}
