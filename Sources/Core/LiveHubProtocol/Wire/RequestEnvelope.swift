import LiveHubDomain

/// A client's correlation id: echoed in the `ack` or `error` that answers the request.
/// The wire allows a string (1–128 bytes) or an integer.
public enum RequestId: Hashable, Sendable {
    case string(String)
    case integer(Int64)
}

/// One request as sent by a client: its command and optional correlation id.
public struct RequestEnvelope: Hashable, Sendable {
    public var id: RequestId?
    public var command: Command

    public init(id: RequestId?, command: Command) {
        self.id = id
        self.command = command
    }
}

/// A frame that is not a valid request: the `invalid_message` error to send back, and the request id
/// when it could still be read (so the client can match the error to its request).
public struct RequestDecodingFailure: Error, Hashable, Sendable {
    public var id: RequestId?
    public var error: HubError

    public init(id: RequestId?, error: HubError) {
        self.id = id
        self.error = error
    }
}
