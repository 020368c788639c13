import LiveHubDeflate
import LiveHubDomain
import LiveHubPosix
import LiveHubProtocol
import LiveHubHTTP
import LiveHubWebSocket

/// The HTTP phase: parse requests (pipelined, keep-alive), answer plain routes, upgrade WebSocket routes.
extension Connection {
    func consumeHTTP(_ chunk: UnsafeMutableRawBufferPointer) {
        guard let http else { return }
        http.parser.append(UnsafeRawBufferPointer(chunk))
        parseRequests()
    }

    /// Answers the buffered requests in order, until one is incomplete or the output backlog is over
    /// the limit (then input pauses until `flush` has written everything).
    private func parseRequests() {
        guard let http else { return }
        while phase == .http && !closeAfterFlush {
            if queuedByteCount > context.configuration.maxOutboundBytes {
                log(.debug, "event=http.paused queued_bytes=\(queuedByteCount) requests_served=\(http.requestsServed)")
                isInputPaused = true
                updateInterest()
                return
            }
            let request: HTTPRequest?
            do {
                request = try http.parser.nextRequest()
            } catch {
                log(.debug, "event=http.rejected status=\(error.status.code) detail=\"\(error.detail)\"")
                respond(.text(error.status, error.detail + "\n"), keepAlive: false)
                return
            }
            guard let request else {
                // RFC 9110 §10.1.1: a client waiting on `Expect: 100-continue` sends its body after this.
                if http.parser.takeExpectContinue() {
                    appendOutput { $0.append(contentsOf: HTTPResponse.continueBytes) }
                }
                return
            }
            http.requestsServed += 1
            handle(request)
        }
    }

    /// Called by `flush` once a paused connection's output is all written: answer what is buffered,
    /// then read again. Not corked: the output goes to `pending` and is flushed at the end of the
    /// loop iteration, since another connection may hold the cork right now.
    func resumeInput() {
        isInputPaused = false
        updateInterest()
        parseRequests()
    }

    private func handle(_ request: HTTPRequest) {
        let head = request.head
        switch context.router.route(method: head.method, path: head.path) {
        case .notFound:
            respond(.text(.notFound, "no route for \(head.path)\n"), to: head)
        case .methodNotAllowed(let allowed):
            var response = HTTPResponse.text(.methodNotAllowed, "\(head.method) is not allowed on \(head.path)\n")
            response.headers.add(name: "Allow", value: allowed.joined(separator: ", "))
            respond(response, to: head)
        case .found(let route, let wildcard):
            if route.isWebSocket {
                upgrade(head, route: route, wildcard: wildcard)
            } else {
                serve(route, head)
            }
        }
    }

    private func serve(_ route: Route, _ head: HTTPRequestHead) {
        switch route {
        case .health:
            let body = "{\"status\":\"\(context.isDraining ? "draining" : "ok")\","
                + "\"connections\":\(context.shared.openConnections.load(ordering: .relaxed))}"
            respond(.json(context.isDraining ? .serviceUnavailable : .ok, body), to: head)
        case .customerSessions:
            respond(mintCustomerSession(), to: head)
        case .echo, .room, .hub:
            respond(.text(.upgradeRequired, "this route needs a WebSocket upgrade\n"), to: head)
        }
    }

    private func respond(_ response: HTTPResponse, to head: HTTPRequestHead) {
        respond(response, keepAlive: head.keepAlive, isHead: head.method == "HEAD")
    }

    func respond(_ response: HTTPResponse, keepAlive requested: Bool, isHead: Bool = false) {
        let keepAlive = requested && !context.isDraining && response.status.code < 400
        let bytes = response.serialized(keepAlive: keepAlive, isHeadRequest: isHead)
        appendOutput { $0.append(contentsOf: bytes) }
        if keepAlive {
            phaseDeadline = context.loop.now &+ context.httpIdleTimeout
            armTimer(at: phaseDeadline)
        } else {
            closeWhenFlushed()
        }
    }

    // MARK: Upgrade

    private func upgrade(_ head: HTTPRequestHead, route: Route, wildcard: String?) {
        let configuration = context.configuration
        var identity: HubIdentity?
        if route == .hub {
            // Authentication happens before the upgrade: a bad token never gets a WebSocket.
            guard let verifier = context.shared.tokenVerifier else {
                respond(HubAuthentication.unauthorized(.malformed("the hub has no token secret")), keepAlive: false)
                return
            }
            switch HubAuthentication.authenticate(head, verifier: verifier, nowSeconds: WallClock.millisecondsSinceEpoch() / 1000) {
            case .failure(let rejection):
                log(.info, "event=hub.unauthorized reason=\"\(HubAuthentication.reason(rejection))\"")
                respond(HubAuthentication.unauthorized(rejection), keepAlive: false)
                return
            case .success(let claims):
                identity = HubIdentity(
                    claims: claims, connectionId: context.hubConnectionId(number: id), limits: configuration.hubLimits,
                    now: context.loop.now)
            }
        }
        let handshake = HandshakeConfiguration(
            supportedSubprotocols: route == .hub ? ["livehub.v1"] : [], allowedOrigins: configuration.allowedOrigins,
            deflate: configuration.deflate)
        let decision = WebSocketHandshake.evaluate(
            method: head.method, isHTTP11OrLater: head.isHTTP11OrLater,
            headerValues: { head.headers.values(for: $0) }, configuration: handshake)
        switch decision {
        case .reject(let rejection):
            log(.debug, "event=ws.handshake_rejected status=\(rejection.status) reason=\"\(rejection.reason)\"")
            var response = HTTPResponse.text(HTTPStatus(code: rejection.status), rejection.reason + "\n")
            for header in rejection.headers { response.headers.add(name: header.name, value: header.value) }
            respond(response, keepAlive: false)
        case .accept(let acceptance):
            guard !context.isDraining else {
                respond(.text(.serviceUnavailable, "server is shutting down\n"), keepAlive: false)
                return
            }
            var headers = HTTPHeaders()
            for header in acceptance.responseHeaders { headers.add(name: header.name, value: header.value) }
            appendOutput { $0.append(contentsOf: HTTPResponse.switchingProtocols(headers: headers).serialized(keepAlive: true)) }
            endpointSlot = identity
            openWebSocket(acceptance, route: route, wildcard: wildcard)
        }
    }

    private func openWebSocket(_ acceptance: HandshakeAcceptance, route: Route, wildcard: String?) {
        let configuration = context.configuration
        var inflater: PerMessageInflater?
        if let parameters = acceptance.deflate {
            inflater = PerMessageInflater(parameters: parameters, role: .server)
            deflater = PerMessageDeflater(parameters: parameters, role: .server, configuration: configuration.deflate)
        }
        machine = WebSocketStateMachine(configuration: configuration.webSocket, inflater: inflater)
        phase = .webSocket
        let leftover = http?.parser.takeUnconsumedBytes() ?? []
        http = nil
        lastReceived = context.loop.now
        armTimer(at: lastReceived &+ context.heartbeatInterval)
        let endpoint: any WebSocketEndpoint
        switch route {
        case .room: endpoint = context.roomEndpoint
        case .hub: endpoint = context.hubEndpoint
        default: endpoint = context.echoEndpoint
        }
        self.endpoint = endpoint
        log(.debug, "event=ws.open route=\(route) compression=\(acceptance.deflate != nil)")
        endpoint.sessionOpened(self, wildcard: wildcard)
        // A client may pipeline its first frames right behind the handshake.
        if !leftover.isEmpty {
            inboundCarry = leftover
            consumeWebSocket(UnsafeMutableRawBufferPointer(start: nil, count: 0))
        }
    }
}

extension Connection {
    /// `POST /v1/customer-sessions`: a customer token for an anonymous chat widget.
    fileprivate func mintCustomerSession() -> HTTPResponse {
        guard context.configuration.allowAnonymousCustomers, let issuer = context.shared.tokenIssuer else {
            return .json(.forbidden, "{\"type\":\"error\",\"code\":\"forbidden\",\"message\":\"anonymous chat is off\"}")
        }
        var random = SystemRandomNumberGenerator()
        let suffix = String(random.next(), radix: 16) + String(random.next(), radix: 16)
        let userId = UserId("customer-" + suffix)
        let expiresAt = WallClock.millisecondsSinceEpoch() / 1000 + context.configuration.customerTokenSeconds
        let token = issuer.issue(TokenClaims(subject: userId, role: .customer, name: "Customer", expiresAt: expiresAt))
        log(.debug, "event=hub.customer_session user=\(userId)")
        return .json(.created, "{\"token\":\"\(token)\",\"userId\":\"\(userId)\",\"expiresAt\":\(expiresAt)}")
    }
}

extension HTTPStatus {
    /// The status for a numeric code the handshake core chose; an unlisted code keeps its number.
    init(code: Int) {
        switch code {
        case 400: self = .badRequest
        case 403: self = .forbidden
        case 405: self = .methodNotAllowed
        case 426: self = .upgradeRequired
        default: self.init(code: code, reasonPhrase: "Rejected")
        }
    }
}
