#if canImport(Glibc)
import Glibc
#endif

/// The outcome of a non-blocking I/O call: "would block" is a value, never a thrown error.
public enum IOResult: Equatable, Sendable {
    case processed(Int)
    case wouldBlock
}

/// A failed system call: the call's name and `errno`, rendered for logs.
public struct SystemError: Error, CustomStringConvertible, Sendable, Equatable {
    public let call: String
    public let code: Int32

    public init(call: String, code: Int32) {
        self.call = call
        self.code = code
    }

    /// True for the errors that mean "the peer went away", which are routine for a server and logged quietly.
    public var isConnectionReset: Bool {
        code == ECONNRESET || code == EPIPE || code == ENOTCONN || code == ETIMEDOUT
    }

    /// True when the process or the system ran out of descriptors (accept's EMFILE/ENFILE).
    public var isDescriptorExhaustion: Bool { code == EMFILE || code == ENFILE }

    public var description: String {
        guard let text = strerror(code) else { return "\(call): errno \(code)" }
        return "\(call): \(String(cString: text)) (errno \(code))"
    }
}

/// Every syscall goes through here: EINTR is retried, EAGAIN becomes `.wouldBlock`, anything else throws.
@inline(__always)
func performIO(_ name: StaticString, _ body: () -> Int) throws(SystemError) -> IOResult {
    while true {
        let result = body()
        if result >= 0 { return .processed(result) }
        let code = errno
        if code == EINTR { continue }
        if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
        throw SystemError(call: "\(name)", code: code)
    }
}

/// Runs a call that returns 0/-1 (or an fd), retrying EINTR and throwing on failure.
@inline(__always)
func performCall(_ name: StaticString, _ body: () -> Int32) throws(SystemError) -> Int32 {
    while true {
        let result = body()
        if result >= 0 { return result }
        let code = errno
        if code == EINTR { continue }
        throw SystemError(call: "\(name)", code: code)
    }
}
