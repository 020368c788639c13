import LiveHubDomain

/// Everything the hub sends a client, one value per frame.
public enum ServerMessage: Hashable, Sendable {
    /// The first frame of every session.
    case welcome(Welcome)
    /// A request succeeded.
    case ack(id: RequestId?, result: AcknowledgementResult)
    /// A request (or a frame that could not be read as one) failed.
    case error(id: RequestId?, HubError)
    /// A domain event: live, or replayed before the ack of `conversation.resume` / `conversation.monitor`.
    case event(DomainEvent)
    /// The report rows sent before the ack of `report.subscribe`.
    case reportSnapshot([ReportRow])
    /// The agents-view rows sent before the ack of `agents.subscribe`.
    case agentsSnapshot([AgentRow])
}

/// The `welcome` frame: who the session belongs to and how often to expect pings.
public struct Welcome: Hashable, Sendable {
    /// This connection's id; monitor notifications name it.
    public var sessionId: ConnectionId
    public var user: WireUser
    /// The hub pings an idle connection after this many seconds.
    public var heartbeatSeconds: Int

    public init(sessionId: ConnectionId, user: WireUser, heartbeatSeconds: Int) {
        self.sessionId = sessionId
        self.user = user
        self.heartbeatSeconds = heartbeatSeconds
    }
}

/// The authenticated user, as the token described them.
public struct WireUser: Hashable, Sendable {
    public var id: UserId
    public var role: Role
    public var name: String

    public init(id: UserId, role: Role, name: String) {
        self.id = id
        self.role = role
        self.name = name
    }
}

/// The results an `ack` carries, by request.
public enum AcknowledgementResult: Hashable, Sendable {
    /// No result fields.
    case done
    /// `conversation.start`: `conversationId`.
    case conversationStarted(ConversationId)
    /// `message.send`: `seq`.
    case messageAccepted(seq: Int)
    /// `conversation.transfer` to an agent, `consult.invite`: `offerId`.
    case offerMade(OfferId)
    /// `conversation.assign`: `capacityExceededBy`.
    case assigned(capacityExceededBy: Int)
    /// `conversation.resume`, `conversation.monitor`: `replayed`, the number of event frames sent just before.
    case replayed(count: Int)
    /// `settings.get`: `settings`, all four booleans.
    case settings(AdminSettings)
    /// `conversations.mine`: `conversations`, the caller's conversations that are not closed, oldest first.
    case conversations([OwnConversation])
}
