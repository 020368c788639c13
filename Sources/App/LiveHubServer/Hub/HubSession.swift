import LiveHubDomain
import LiveHubProtocol
import LiveHubTransport

/// One `/v1/ws` connection: who is on it (from the verified token) and its request budget. The
/// transport holds it as the connection's session and calls it on the connection's loop; requests
/// are decoded and limited here, then posted to the hub thread.
final class HubSession: WebSocketSession {
    let claims: TokenClaims
    let connectionId: ConnectionId
    let audience: Audience
    private unowned(unsafe) let endpoint: HubEndpoint
    private var budget: RequestBudget
    /// Typing indicators have their own budget: they never use up the requests' (a fast typist is not
    /// rate-limited for chatting), and beyond theirs they are acknowledged here and go no further.
    private var typingBudget: RequestBudget
    /// Set once the WebSocket is open and the hub knows the session.
    private var handle: HubSessionHandle?

    init(claims: TokenClaims, connectionId: ConnectionId, endpoint: HubEndpoint, now: UInt64) {
        self.claims = claims
        self.connectionId = connectionId
        self.audience = Audience(role: claims.role)
        self.endpoint = endpoint
        self.budget = RequestBudget(limits: endpoint.limits, now: now)
        self.typingBudget = RequestBudget(
            ratePerSecond: endpoint.limits.typingPerSecond, burst: endpoint.limits.typingBurst, now: now)
    }

    func opened(_ connection: Connection) {
        let name = endpoint.displayName(of: claims)
        let welcome = Welcome(
            sessionId: connectionId, user: WireUser(id: claims.subject, role: claims.role, name: name),
            heartbeatSeconds: endpoint.heartbeatSeconds)
        ServerMessageEncoder.encode(welcome).withUnsafeBytes { connection.send(.text, $0) }
        let handle = HubSessionHandle(
            connectionId: connectionId, userId: claims.subject, role: claims.role, audience: audience, name: name,
            connection: connection.reference)
        self.handle = handle
        endpoint.hub.post { $0.sessionOpened(handle) }
    }

    func received(text: UnsafeRawBufferPointer, from connection: Connection) {
        guard let handle else { return }
        let limits = endpoint.limits
        guard text.count <= limits.maxRequestBytes else {
            reply(.tooLarge("a request is at most \(limits.maxRequestBytes) bytes"), on: connection)
            return
        }
        let request: RequestEnvelope
        do {
            request = try RequestDecoder.decode(text)
        } catch {
            guard budget.admit(now: connection.context.loop.now) else {
                reply(.rateLimited("at most \(Int(limits.requestsPerSecond)) requests per second"), on: connection)
                return
            }
            endpoint.refusalsByCode[error.error.code, default: 0] += 1
            ServerMessageEncoder.encodeError(error.error, id: error.id).withUnsafeBytes { connection.send(.text, $0) }
            return
        }
        if case .typing = request.command {
            // Coalesced rather than refused: the hub forwards at most one per participant and
            // conversation every couple of seconds anyway.
            guard typingBudget.admit(now: connection.context.loop.now) else {
                ServerMessageEncoder.encodeAck(id: request.id, result: .done).withUnsafeBytes {
                    connection.send(.text, $0)
                }
                return
            }
        } else {
            guard budget.admit(now: connection.context.loop.now) else {
                reply(.rateLimited("at most \(Int(limits.requestsPerSecond)) requests per second"), on: connection)
                return
            }
        }
        endpoint.hub.post { $0.handle(request, from: handle) }
    }

    func received(binary: UnsafeRawBufferPointer, from connection: Connection) {
        reply(
            .invalidMessage("livehub.v1 carries one JSON object per text frame; binary frames are not used"),
            on: connection)
    }

    func closed(_ connection: Connection) {
        guard handle != nil else { return }
        let connectionId = self.connectionId
        endpoint.hub.post { $0.sessionClosed(connectionId) }
    }

    private func reply(_ error: HubError, on connection: Connection) {
        endpoint.refusalsByCode[error.code, default: 0] += 1
        ServerMessageEncoder.encodeError(error, id: nil).withUnsafeBytes { connection.send(.text, $0) }
    }
}

/// What the hub keeps about one `/v1/ws` connection. The connection itself is only touched on its own
/// loop, through the outbox. A class (immutable, so sendable): every request and every delivery looks
/// one up, and sharing it costs one retain where copying a struct retained each field.
final class HubSessionHandle: Sendable {
    let connectionId: ConnectionId
    let userId: UserId
    let role: Role
    let audience: Audience
    /// The display name: the configured one for staff, the token's for customers.
    let name: String
    let connection: ConnectionReference

    init(
        connectionId: ConnectionId, userId: UserId, role: Role, audience: Audience, name: String,
        connection: ConnectionReference
    ) {
        self.connectionId = connectionId
        self.userId = userId
        self.role = role
        self.audience = audience
        self.name = name
        self.connection = connection
    }
}
