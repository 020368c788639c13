import LiveHubDomain
import LiveHubProtocol

#if canImport(Glibc)
import Glibc
#endif

/// One conversation under load: the customer who started it, the agent who accepted the offer, and a
/// supervisor connection monitoring it.
final class LoadConversation {
    let index: Int
    let conversationId: String
    /// customer, agent, monitor: the order of `LoadRole`.
    let sockets: [LoadSocket]

    /// Opens the three connections and walks the real protocol: the agent goes available, the customer
    /// starts a conversation, the agent accepts the offer, the supervisor starts monitoring. With
    /// `agent`, the conversation goes to that agent's connection, already available, instead of a new one.
    init(
        index: Int, options: LoadOptions, issuer: TokenIssuer, scratch: UnsafeMutableRawBufferPointer,
        agent sharedAgent: LoadSocket? = nil
    ) throws(LoadError) {
        self.index = index
        let timeout = options.stepTimeoutSeconds
        let expiresAt = Int64(time(nil)) + 24 * 3600
        func open(_ userId: String, _ role: Role) throws(LoadError) -> LoadSocket {
            let socket = try LoadSocket(host: options.host, port: options.port, label: userId, timeoutSeconds: timeout)
            let token = issuer.issue(TokenClaims(subject: UserId(userId), role: role, name: userId, expiresAt: expiresAt))
            try socket.openHub(token: token, host: options.host, timeoutSeconds: timeout, scratch: scratch)
            return socket
        }

        let agent: LoadSocket
        if let sharedAgent {
            agent = sharedAgent
        } else {
            agent = try open(BenchHubConfiguration.agentId(index, chatsPerAgent: options.chatsPerAgent), .agent)
            _ = try agent.exchange(
                #"{"type":"presence.set","id":"p","presence":"available"}"#, id: "p", timeoutSeconds: timeout,
                scratch: scratch)
        }

        let customer = try open(BenchHubConfiguration.customerId(index), .customer)
        let started = try customer.exchange(
            #"{"type":"conversation.start","id":"s","subject":"Load \#(index + 1)","channel":"livechat","queueId":"\#(BenchHubConfiguration.queueId)"}"#,
            id: "s", timeoutSeconds: timeout, scratch: scratch)
        guard let conversationId = started["conversationId"]?.stringValue else {
            throw LoadError("\(customer.label): conversation.start was acknowledged without a conversationId")
        }

        // Every earlier agent is full, so this agent is the one offered.
        let offer = try agent.awaitFrame(type: "offer", id: nil, timeoutSeconds: timeout, scratch: scratch)
        guard let offerId = offer["offerId"]?.stringValue, offer["conversationId"]?.stringValue == conversationId else {
            throw LoadError("\(agent.label): expected an offer of \(conversationId)")
        }
        _ = try agent.exchange(
            #"{"type":"offer.accept","id":"a","offerId":"\#(offerId)"}"#, id: "a", timeoutSeconds: timeout, scratch: scratch)

        self.conversationId = conversationId
        guard options.monitored else {
            sockets = [customer, agent]
            return
        }
        let monitor = try open(BenchHubConfiguration.supervisorId(index, supervisors: options.supervisors), .supervisor)
        _ = try monitor.exchange(
            #"{"type":"conversation.monitor","id":"m","conversationId":"\#(conversationId)"}"#, id: "m",
            timeoutSeconds: timeout, scratch: scratch)
        sockets = [customer, agent, monitor]
    }
}

/// The three connections of a conversation, in `LoadConversation.sockets` order.
enum LoadRole: Int, CaseIterable {
    case customer = 0
    case agent = 1
    case monitor = 2
}
