import LiveHubDeflate
import LiveHubHTTP
import LiveHubPosix
import LiveHubWebSocket

/// The HTTP phase: parse requests (pipelined, keep-alive), hand plain routes to their endpoint, upgrade
/// WebSocket routes.
extension Connection {
    func consumeHTTP(_ chunk: UnsafeMutableRawBufferPointer) {
        guard let http else { return }
        http.parser.append(UnsafeRawBufferPointer(chunk))
        parseRequests()
    }

    /// Answers the buffered requests in order, until one is incomplete, one is answered later or
    /// streams, or the output backlog is over the limit (then input pauses until `flush` has written
    /// everything).
    private func parseRequests() {
        guard let http, !http.isParsing else { return }
        http.isParsing = true
        defer { http.isParsing = false }
        while phase == .http && !output.closesAfterFlush && !http.isAnswering {
            let limit = min(context.configuration.maxOutboundBytes, context.configuration.httpPipelineBytes)
            if OutboundQueue.shouldPauseInput(unsent: queuedByteCount, limit: limit) {
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

    /// Called by `flush` once a paused connection's output is all written, and after a deferred answer or
    /// a stream ends: answer what is buffered, then read again. Not corked: the output goes to the backlog
    /// and is flushed at the end of the loop iteration, since another connection may hold the cork now.
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
        case .found(.webSocket(let endpoint), let wildcard):
            upgrade(head, endpoint: endpoint, wildcard: wildcard)
        case .found(.http(let endpoint), let wildcard):
            serve(request, endpoint: endpoint, wildcard: wildcard)
        }
    }

    private func serve(_ request: HTTPRequest, endpoint: any HTTPEndpoint, wildcard: String?) {
        guard let http else { return }
        let requestNumber = http.requestsServed
        let responder = HTTPResponder(connection: reference, requestNumber: requestNumber)
        let reply = endpoint.respond(to: request, context: HTTPRequestContext(wildcard: wildcard, loop: context, responder: responder, fd: fd))
        switch reply {
        case .response(let response):
            respond(response, to: request.head)
        case .stream(let head, let length, let body):
            startStream(head, length: length, body: body, for: request.head)
        case .later:
            // Nothing more is read until the answer arrives (`answerDeferred`): responses stay in order.
            http.awaitedAnswer = AwaitedAnswer(requestNumber: requestNumber, head: request.head)
            isInputPaused = true
            updateInterest()
        }
    }

    /// Whether request `requestNumber` still waits for its deferred answer (the connection is open).
    func awaitsAnswer(_ requestNumber: Int) -> Bool {
        phase == .http && http?.awaitedAnswer?.requestNumber == requestNumber
    }

    /// The deferred answer to request `requestNumber` arrived (posted from another thread).
    func answerDeferred(_ requestNumber: Int, with reply: HTTPReply) {
        guard phase == .http, let http, let awaited = http.awaitedAnswer, awaited.requestNumber == requestNumber else {
            return  // Closed meanwhile, or answered twice.
        }
        http.awaitedAnswer = nil
        switch reply {
        case .response(let response): respond(response, to: awaited.head)
        case .stream(let head, let length, let body): startStream(head, length: length, body: body, for: awaited.head)
        case .later: http.awaitedAnswer = awaited
        }
        context.markDirty(self)
        if !http.isAnswering { resumeInput() }
    }

    private func respond(_ response: HTTPResponse, to head: HTTPRequestHead) {
        respond(response, keepAlive: head.keepAlive, isHead: head.method == "HEAD")
    }

    func respond(_ response: HTTPResponse, keepAlive requested: Bool, isHead: Bool = false) {
        let keepAlive = requested && !context.isDraining && response.status.code < 400
        let bytes = response.serialized(keepAlive: keepAlive, isHeadRequest: isHead)
        appendOutput { $0.append(contentsOf: bytes) }
        finishResponse(keepAlive: keepAlive)
    }

    /// After a response's last byte is queued: wait for the next request, or close once flushed.
    private func finishResponse(keepAlive: Bool) {
        if keepAlive {
            timestamps.phaseDeadline = context.timerPolicy.keepAliveDeadline(respondedAt: context.loop.now)
            armTimer(at: timestamps.phaseDeadline)
        } else {
            closeWhenFlushed()
        }
    }

    // MARK: Streamed bodies

    private func startStream(
        _ head: HTTPResponse, length: Int, body: any HTTPBodySource, for request: HTTPRequestHead
    ) {
        guard let http else { return }
        let isHead = request.method == "HEAD"
        let keepAlive = request.keepAlive && !context.isDraining && head.status.code < 400
        let bytes = head.serialized(keepAlive: keepAlive, isHeadRequest: isHead, streamedLength: length)
        appendOutput { $0.append(contentsOf: bytes) }
        if isHead || length == 0 {
            finishResponse(keepAlive: keepAlive)
            return
        }
        http.stream = HTTPBodyStream(source: body, remaining: length, keepAlive: keepAlive)
        isInputPaused = true
        updateInterest()
        pumpStream()
    }

    /// Pulls the streamed body while the unsent output is below the watermark. Called when the stream
    /// starts and each time `flush` has written output away.
    func pumpStream() {
        guard let http, let stream = http.stream else { return }
        let watermark = HTTPBodyStream.watermark
        while stream.remaining > 0 && queuedByteCount < watermark && phase == .http {
            let chunk = min(stream.remaining, watermark - queuedByteCount, HTTPBodyStream.chunkSize)
            var produced = 0
            appendOutput { buffer in
                let before = buffer.count
                produced = stream.source.read(into: &buffer, maxBytes: chunk)
                // A source that overshoots is cut to what it was asked for.
                if buffer.count - before > chunk { buffer.removeLast(buffer.count - before - chunk) }
                produced = min(produced, chunk)
            }
            if produced <= 0 {
                log(.warning, "event=http.stream_failed remaining=\(stream.remaining)")
                abort()
                return
            }
            stream.remaining -= produced
        }
        guard stream.remaining == 0 else { return }
        http.stream = nil
        finishResponse(keepAlive: stream.keepAlive)
        // Inside `parseRequests` (a body streamed at once) its loop goes on by itself; re-entering it
        // would nest one level per pipelined request.
        if stream.keepAlive && !http.isParsing { resumeInput() }
    }

    // MARK: Upgrade

    private func upgrade(_ head: HTTPRequestHead, endpoint: any WebSocketEndpoint, wildcard: String?) {
        let configuration = context.configuration
        // The endpoint decides first (authentication): a refused client never gets a WebSocket.
        let session: any WebSocketSession
        switch endpoint.admit(head, wildcard: wildcard, on: self) {
        case .refuse(let response):
            respond(response, keepAlive: false)
            return
        case .accept(let accepted):
            session = accepted
        }
        let handshake = HandshakeConfiguration(
            supportedSubprotocols: endpoint.subprotocols, allowedOrigins: configuration.allowedOrigins,
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
            openWebSocket(acceptance, session: session, path: head.path, maxMessageBytes: endpoint.maxMessageBytes)
        }
    }

    private func openWebSocket(
        _ acceptance: HandshakeAcceptance, session: any WebSocketSession, path: String, maxMessageBytes: Int?
    ) {
        let configuration = context.configuration
        var limits = configuration.webSocket
        if let maxMessageBytes {
            limits.maxMessageSize = min(limits.maxMessageSize, maxMessageBytes)
            limits.maxFramePayload = min(limits.maxFramePayload, maxMessageBytes)
        }
        var inflater: PerMessageInflater?
        if let parameters = acceptance.deflate {
            inflater = PerMessageInflater(parameters: parameters, role: .server, shared: context.sharedZlibStreams)
            deflater = PerMessageDeflater(
                parameters: parameters, role: .server, configuration: configuration.deflate,
                shared: context.sharedZlibStreams)
        }
        machine = WebSocketStateMachine(configuration: limits, inflater: inflater)
        phase = .webSocket
        let leftover = http?.parser.takeUnconsumedBytes() ?? []
        http = nil
        timestamps.lastReceived = context.loop.now
        armTimer(at: context.timerPolicy.firstHeartbeat(openedAt: timestamps.lastReceived))
        self.session = session
        log(.debug, "event=ws.open path=\(path) compression=\(acceptance.deflate != nil)")
        session.opened(self)
        // A client may pipeline its first frames right behind the handshake.
        if !leftover.isEmpty && phase == .webSocket {
            inboundCarry = leftover
            consumeWebSocket(UnsafeMutableRawBufferPointer(start: nil, count: 0))
        }
    }
}

/// A request whose endpoint answers later: which one, and what the answer must honour (HEAD, keep-alive).
struct AwaitedAnswer {
    let requestNumber: Int
    let head: HTTPRequestHead
}

/// A response body being streamed: pulled from its source as the connection's output drains.
final class HTTPBodyStream {
    /// Unsent output below which the next chunk is pulled: enough to keep the socket busy, small
    /// enough that a slow reader costs little memory.
    static let watermark = 256 * 1024
    static let chunkSize = 64 * 1024
    let source: any HTTPBodySource
    var remaining: Int
    let keepAlive: Bool

    init(source: any HTTPBodySource, remaining: Int, keepAlive: Bool) {
        self.source = source
        self.remaining = remaining
        self.keepAlive = keepAlive
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
