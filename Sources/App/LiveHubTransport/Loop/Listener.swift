import LiveHubHTTP
import LiveHubPosix
import LiveHubTLS

/// Accepts connections for one loop (each loop has its own SO_REUSEPORT socket).
///
/// At the descriptor limit, accept fails with EMFILE and the pending connection would stay in the
/// backlog, waking the loop forever. A reserve descriptor is kept open for that moment: close it,
/// accept, answer 503, close, reopen it. Clients are refused cleanly and the loop recovers as soon as
/// sockets close.
final class Listener: EventLoopHandler {
    /// Unchecked for the same reason as `Connection.context`: the context outlives its listener.
    private unowned(unsafe) let context: LoopContext
    let socket: ListeningSocket
    var registration: RegistrationID?
    private var reserveFD: Int32 = -1
    private var refusedSinceLastLog = 0
    private var lastRefusalLog: UInt64 = 0

    private static let serviceUnavailable: [UInt8] = Array(
        ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 33\r\n"
            + "Connection: close\r\nRetry-After: 5\r\n\r\nserver is at its connection limit").utf8)

    init(context: LoopContext, socket: ListeningSocket) {
        self.context = context
        self.socket = socket
        reserveFD = SocketIO.openReserveDescriptor()
    }

    func handleTimer() {}

    func handleIO(_ events: IOEvents) {
        // Bounded per wake-up so a connection storm cannot starve established connections.
        for _ in 0..<128 {
            let accepted: Int32?
            do {
                accepted = try socket.accept()
            } catch where error.isDescriptorExhaustion {
                shedWithReserveDescriptor()
                return
            } catch {
                context.logger.error("event=accept.error error=\"\(error)\"")
                return
            }
            guard let fd = accepted else { return }
            admit(fd)
        }
    }

    private func admit(_ fd: Int32) {
        let shared = context.shared
        let open = shared.openConnections.wrappingAdd(1, ordering: .relaxed).newValue
        if context.isDraining {
            shared.openConnections.subtract(1, ordering: .relaxed)
            refuse(fd, reason: "draining")
            return
        }
        SocketIO.setNoDelay(fd)
        var tls: TLSSession?
        if let tlsContext = shared.tlsContext, open <= context.configuration.maxConnections {
            do {
                tls = TLSSession(connection: try TLSConnection(context: tlsContext))
            } catch {
                context.logger.error("event=tls.session_error error=\"\(error)\"")
                shared.openConnections.subtract(1, ordering: .relaxed)
                SocketIO.close(fd)
                return
            }
        }
        let connection = Connection(context: context, fd: fd, tls: tls)
        do {
            connection.registration = try context.loop.register(fd: fd, interest: .readable, handler: connection)
        } catch {
            context.logger.error("event=register.error error=\"\(error)\"")
            shared.openConnections.subtract(1, ordering: .relaxed)
            SocketIO.close(fd)
            return
        }
        context.adopt(connection)
        connection.armTimer(at: connection.timestamps.phaseDeadline)
        if open > context.configuration.maxConnections {
            // Answered and closed like any HTTP connection, not with a bare close: a client whose request
            // is already in our receive buffer would otherwise get a TCP reset instead of the 503. It
            // stays counted until it is gone, so a flood of refused clients keeps being refused.
            noteRefusal(reason: "max_connections")
            connection.refuse(with: Self.limitResponse)
        }
    }

    /// The answer at `--max-connections` (for TLS clients, in clear text: an HTTP client that is not
    /// speaking TLS gets an answer, and a TLS client fails its handshake at once instead of hanging).
    private static let limitResponse: HTTPResponse = {
        var response = HTTPResponse.text(.serviceUnavailable, "server is at its connection limit\n")
        response.headers.add(name: "Retry-After", value: "5")
        return response
    }()

    private func shedWithReserveDescriptor() {
        guard reserveFD >= 0 else {
            noteRefusal(reason: "descriptor_limit")
            return
        }
        SocketIO.close(reserveFD)
        reserveFD = -1
        if let fd = try? socket.accept() { refuse(fd, reason: "descriptor_limit") }
        reserveFD = SocketIO.openReserveDescriptor()
    }

    /// Answers 503 and closes. The response fits in an empty socket buffer, so one write suffices.
    private func refuse(_ fd: Int32, reason: String) {
        Self.serviceUnavailable.withUnsafeBytes { _ = try? SocketIO.write(fd, $0) }
        SocketIO.close(fd)
        noteRefusal(reason: reason)
    }

    /// One log line per second at most, with the count, so a storm does not flood the log.
    private func noteRefusal(reason: String) {
        refusedSinceLastLog += 1
        let now = MonotonicClock.now()
        if now &- lastRefusalLog >= 1_000_000_000 {
            context.logger.warning(
                "event=connection.refused reason=\(reason) refused=\(refusedSinceLastLog) "
                    + "open=\(context.shared.openConnections.load(ordering: .relaxed))")
            refusedSinceLastLog = 0
            lastRefusalLog = now
        }
    }

    func close() {
        if let registration { context.loop.deregister(registration, fd: socket.fd) }
        registration = nil
        socket.close()
        if reserveFD >= 0 { SocketIO.close(reserveFD) }
        reserveFD = -1
    }
}
