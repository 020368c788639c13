import LiveHubHTTP
import LiveHubPosix

/// A plain HTTP route. The transport calls it on the connection's loop thread, one request at a time
/// per connection: until a request is answered, the connection reads no further request, so
/// pipelined requests wait in order and a client cannot queue unbounded work.
public protocol HTTPEndpoint: AnyObject {
    func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply
}

/// How an HTTP endpoint answers.
public enum HTTPReply {
    /// A whole response, now.
    case response(HTTPResponse)
    /// `head` (its body ignored) announcing `length` bytes, then the body pulled from `body` whenever the
    /// connection's unsent output falls below the streaming watermark: a slow reader holds back the
    /// producer instead of filling memory.
    case stream(HTTPResponse, length: Int, body: any HTTPBodySource)
    /// The endpoint answers later, from any thread, through `context.responder`.
    case later
}

/// Produces a streamed response body in chunks, on the connection's loop thread.
public protocol HTTPBodySource: AnyObject {
    /// Appends at most `maxBytes` of the body to `buffer`. Returns the number of bytes appended; the
    /// transport stops asking once the announced length has been produced. Returning 0 before that
    /// means the source failed: the connection is aborted, since the client was promised more bytes.
    func read(into buffer: inout [UInt8], maxBytes: Int) -> Int
}

/// What an endpoint knows about the request besides the request itself.
public struct HTTPRequestContext {
    /// What a `/*` route pattern captured; nil for exact routes.
    public let wildcard: String?
    /// The loop the connection lives on (its index and monotonic clock).
    public let loop: LoopContext
    /// Answers this request later, from any thread (for `HTTPReply.later`).
    public let responder: HTTPResponder
    let fd: Int32

    /// The client's IP address as text (no port), for per-address limits; asked of the kernel only
    /// when an endpoint needs it, so other requests pay nothing.
    public var peerHost: String? { ListeningSocket.peerAddress(of: fd)?.host }
}

/// Answers one request from any thread: the response hops to the connection's loop. Answering twice, or
/// after the connection closed, does nothing.
public struct HTTPResponder: Sendable {
    let connection: ConnectionReference
    let requestNumber: Int

    public func send(_ response: HTTPResponse) {
        let requestNumber = self.requestNumber
        connection.execute { $0.answerDeferred(requestNumber, with: .response(response)) }
    }

    /// Answers with the reply `build` makes on the connection's loop: a large body is then encoded
    /// there (not on the thread that found the data) and may be streamed (`HTTPReply.stream`), whose
    /// body source never leaves that loop. `build` is not called if the connection closed meanwhile.
    public func reply(_ build: @escaping @Sendable () -> HTTPReply) {
        let requestNumber = self.requestNumber
        connection.execute { connection in
            guard connection.awaitsAnswer(requestNumber) else { return }
            connection.answerDeferred(requestNumber, with: build())
        }
    }
}
