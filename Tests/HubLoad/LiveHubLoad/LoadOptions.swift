/// What one hub load run does: how many conversations, the steady message rate and the phases.
///
/// Every conversation has three connections: its customer, its agent and a supervisor's monitoring
/// connection, so one `message.send` is delivered three times (the sender's own copy included), the
/// same fan-out as the kit's `room -M 3` workload.
public struct LoadOptions: Sendable {
    public var host = "127.0.0.1"
    public var port: UInt16 = 8080
    /// HS256 key the hub signs with (its `DATA_DIR/hub-secret`): the driver mints every user's token.
    public var secret: [UInt8] = []
    public var conversations = 1000
    /// Supervisor users sharing the monitoring connections (one connection per conversation).
    public var supervisors = 10
    /// Whether a supervisor connection monitors each conversation (`hubload acks --no-monitor`: customer
    /// and agent only, two members per message instead of three).
    public var monitored = true
    /// Whether each `message.send` carries a fresh `clientMsgId` shaped like the chat pages' (`hubload
    /// acks --client-msg-ids`): the hub then keeps an idempotency key per message, as for real clients.
    public var clientMessageIds = false
    /// Conversations each agent holds (`hubload acks --chats-per-agent K`, with the configuration of
    /// `hubload config --chats-per-agent K`): 1 gives every conversation its own agent; real agents hold
    /// several chats (capacity 3 – 4 in the demo) over one connection, whose deliveries may share a send.
    public var chatsPerAgent = 1
    /// `message.send` requests per second over all conversations; customers and agents take turns.
    public var messagesPerSecond = 2000.0
    /// Sent before the measured window and not counted.
    public var warmupSeconds = 2.0
    /// Only messages sent inside this window count towards rates, latencies and losses.
    public var measureSeconds = 10.0
    /// After the last send, how long to wait for deliveries still in flight.
    public var drainSeconds = 2.0
    /// Bytes of filler after the timestamp marker, so messages have a realistic size.
    public var paddingBytes = 24
    /// Any single setup step (connect, handshake, an answer) that takes longer fails the run.
    public var stepTimeoutSeconds = 5.0
    /// When set, the server's CPU time during the window is read from `/proc/PID/stat`.
    public var serverPID: Int32?

    public init() {}
}

/// Why a load run could not go on. Setup failures name the user and the step.
public struct LoadError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
