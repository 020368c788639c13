import LiveHubPosix

/// The kernel as the output queue sees it: a socket that takes some, all or none of what it is given.
///
/// `OutboundQueue` decides what to write and in which order; a writer only performs the call. The
/// real one is `SocketDescriptorWriter` (a concrete struct, so the hot path is specialised and never
/// boxed); tests use a fake kernel that accepts a scripted number of bytes per call and records them.
protocol SocketWriter {
    /// Writes as much of `bytes` as the socket takes now.
    mutating func write(_ bytes: UnsafeRawBufferPointer) -> WriteOutcome
    /// Writes `first` then `second` with one call (a two-vector `sendmsg`): the socket takes a prefix
    /// of their concatenation.
    mutating func write(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> WriteOutcome
}

/// What one write call did. "Would block" is a value, never an error (EAGAIN).
enum WriteOutcome: Equatable {
    /// The socket took this many bytes from the front.
    case wrote(Int)
    /// The socket's send buffer is full: wait for EPOLLOUT.
    case wouldBlock
    /// The connection is broken (EPIPE, ECONNRESET, …).
    case failed(SystemError)
}

/// A connected, non-blocking socket descriptor: `send` and `sendmsg` through `SocketIO`, which retries
/// EINTR and turns EAGAIN into `.wouldBlock`.
struct SocketDescriptorWriter: SocketWriter {
    let fd: Int32

    @inline(__always)
    mutating func write(_ bytes: UnsafeRawBufferPointer) -> WriteOutcome {
        do {
            return WriteOutcome(try SocketIO.write(fd, bytes))
        } catch {
            return .failed(error)
        }
    }

    @inline(__always)
    mutating func write(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> WriteOutcome {
        do {
            return WriteOutcome(try SocketIO.write(fd, first, second))
        } catch {
            return .failed(error)
        }
    }
}

extension WriteOutcome {
    @inline(__always)
    init(_ result: IOResult) {
        switch result {
        case .processed(let count): self = .wrote(count)
        case .wouldBlock: self = .wouldBlock
        }
    }
}
