import LiveHubDomain
import LiveHubPosix
import LiveHubProtocol

/// `/v1/ws`: the conversation protocol (see `Protocol/README.md`). One per loop. Requests are decoded
/// here, on the connection's own loop, and handed to the hub loop; limits are enforced before that,
/// answering `too_large` / `rate_limited` and keeping the connection.
final class HubEndpoint: WebSocketEndpoint {
    unowned(unsafe) let context: LoopContext

    init(context: LoopContext) { self.context = context }

    func sessionOpened(_ session: Connection, wildcard: String?) {
        guard let identity = session.endpointSlot as? HubIdentity, let hub = context.hubMailbox else {
            session.closeWebSocket(code: .internalError, reason: "hub unavailable")
            return
        }
        let welcome = Welcome(
            sessionId: identity.connectionId,
            user: WireUser(id: identity.claims.subject, role: identity.claims.role, name: identity.claims.name),
            heartbeatSeconds: Int(context.configuration.heartbeatIntervalSeconds))
        ServerMessageEncoder.encode(welcome).withUnsafeBytes { session.send(.text, $0) }
        let handle = HubSessionHandle(
            connectionId: identity.connectionId, userId: identity.claims.subject, role: identity.claims.role,
            audience: identity.audience, loopIndex: context.index, loop: context.loop,
            connection: LoopConfined(value: session))
        identity.handle = handle
        hub.post(from: context) { $0.sessionOpened(handle) }
    }

    func received(text: UnsafeRawBufferPointer, from session: Connection) {
        guard let identity = session.endpointSlot as? HubIdentity, let handle = identity.handle,
            let hub = context.hubMailbox
        else { return }
        let limits = context.configuration.hubLimits
        guard text.count <= limits.maxRequestBytes else {
            reply(.tooLarge("a request is at most \(limits.maxRequestBytes) bytes"), to: session)
            return
        }
        guard identity.admitRequest(now: context.loop.now) else {
            reply(.rateLimited("at most \(Int(limits.requestsPerSecond)) requests per second"), to: session)
            return
        }
        let request: RequestEnvelope
        do {
            request = try RequestDecoder.decode(text)
        } catch {
            ServerMessageEncoder.encodeError(error.error, id: error.id).withUnsafeBytes { session.send(.text, $0) }
            return
        }
        hub.post(from: context) { $0.handle(request, from: handle) }
    }

    func received(binary: UnsafeRawBufferPointer, from session: Connection) {
        reply(.invalidMessage("livehub.v1 carries one JSON object per text frame; binary frames are not used"), to: session)
    }

    func sessionClosed(_ session: Connection) {
        guard let identity = session.endpointSlot as? HubIdentity, identity.handle != nil,
            let hub = context.hubMailbox
        else { return }
        let connectionId = identity.connectionId
        hub.post(from: context) { $0.sessionClosed(connectionId) }
    }

    private func reply(_ error: HubError, to session: Connection) {
        ServerMessageEncoder.encodeError(error, id: nil).withUnsafeBytes { session.send(.text, $0) }
    }
}

/// How any loop reaches the hub service on the hub loop.
struct HubMailbox: Sendable {
    let index: Int
    let loop: EventLoop
    let service: LoopConfined<HubService>
    /// Connection ids of this server start. Built once, when the server starts and makes its one
    /// mailbox (a `let` with a value stays out of the memberwise initializer), and copied to every loop;
    /// the number part comes from the server's shared atomic connection counter (`Connection.id`).
    let connectionIds = ConnectionIdGenerator(bootedAt: WallClock.now(), nonce: .random(in: .min ... .max))

    /// Runs `work` on the hub loop: at once when already there, else through its task queue.
    func post(from context: LoopContext, _ work: @escaping @Sendable (HubService) -> Void) {
        if context.index == index {
            work(service.value)
        } else {
            let service = self.service
            loop.execute { work(service.value) }
        }
    }
}

extension LoopContext {
    /// The hub's id for connection number `number` (`Connection.id`), unique across restarts.
    func hubConnectionId(number: UInt64) -> ConnectionId {
        // Loops get the mailbox before they run, so the fallback only serves a context used without a hub.
        (hubMailbox?.connectionIds ?? ConnectionIdGenerator(bootedAt: WallClock.now(), nonce: 0)).id(number: number)
    }
}
