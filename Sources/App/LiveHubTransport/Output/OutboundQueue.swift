import LiveHubPosix

/// One connection's unsent output and the rules for writing it, apart from the syscalls (the way
/// SwiftNIO keeps `PendingStreamWritesState` apart from its channel): the queue decides what to
/// write, in which order and what to keep; a `SocketWriter` performs the calls.
///
/// Output reaches the kernel along three paths:
/// - While a connection processes its own input it is *corked*: its output goes to the loop's shared
///   cork buffer (owned by the loop, not by this queue) and `uncork` writes it with one call, behind
///   any backlog (a batch of echoes = one `send`, or one two-vector `sendmsg`).
/// - Output from elsewhere (a room broadcast, a deferred HTTP answer) is appended to the backlog and
///   flushed once at the end of the loop iteration.
/// - TLS plaintext waits in the TLS session until flush time; its records are appended here.
/// Whatever the socket does not take stays in the backlog until EPOLLOUT.
///
/// Byte budget: 17 bytes inline (array reference, start offset, one flag); no heap storage while
/// drained, except at most `retainedCapacity` bytes kept between messages.
struct OutboundQueue {
    /// The backlog is `bytes[start...]`; the bytes before `start` are written already. Invariant: when
    /// the backlog is empty, `bytes` is empty and `start` is 0.
    private(set) var bytes: [UInt8] = []
    private(set) var start = 0
    /// The connection closes once everything is written (an HTTP `Connection: close`, a WebSocket whose
    /// close handshake is done, a half-closed HTTP client).
    private(set) var closesAfterFlush = false

    /// Output storage kept between messages: enough for typical chat frames, so a broadcast allocates
    /// nothing per delivery, and small next to the idle-connection budget. Larger storage is dropped
    /// once drained, so a connection that once received a big message does not hold it while idle.
    static let retainedCapacity = 512

    /// Bytes queued here and not yet taken by the kernel.
    @inline(__always)
    var backlogCount: Int { bytes.count &- start }

    @inline(__always)
    var hasBacklog: Bool { start < bytes.count }

    /// The capacity of the storage held now (0 once released).
    var storageCapacity: Int { bytes.capacity }

    /// Everything accepted for the connection and not yet written: the backlog, the bytes it has in the
    /// loop's cork buffer (while corked) and TLS plaintext not yet encrypted.
    @inline(__always)
    func unsentCount(corked: Int = 0, plaintext: Int = 0) -> Int { backlogCount &+ corked &+ plaintext }

    // MARK: Rules

    /// The outbound limit for a WebSocket, checked *before* new output is appended: a consumer is slow
    /// when output keeps arriving while its earlier output is still unsent past the limit. One large
    /// message on a consumer that reads is fine, so memory stays bounded by the limit plus one message.
    @inline(__always)
    static func isSlowConsumer(unsent: Int, limit: Int) -> Bool { unsent > limit }

    /// HTTP backpressure: while the unsent responses exceed the limit, the connection's next requests
    /// are not read, so a pipelining client that does not read is held back by TCP, not by our memory.
    @inline(__always)
    static func shouldPauseInput(unsent: Int, limit: Int) -> Bool { unsent > limit }

    /// Input paused by backpressure is read again only once every unsent byte is written (not at a low
    /// watermark: one more response is then parsed for each one the client reads, and no more).
    @inline(__always)
    static func mayResumeInput(unsent: Int) -> Bool { unsent == 0 }

    /// A close was asked for and everything is out, TLS plaintext included: the write side can be
    /// shut down now.
    @inline(__always)
    func isReadyToLinger(plaintext: Int = 0) -> Bool { closesAfterFlush && !hasBacklog && plaintext == 0 }

    // MARK: Appending

    /// Appends output through `write`, which receives the backlog's storage to append to.
    @inline(__always)
    mutating func append(_ write: (inout [UInt8]) -> Void) { write(&bytes) }

    @inline(__always)
    mutating func append(_ newBytes: UnsafeRawBufferPointer) { bytes.append(contentsOf: newBytes) }

    // MARK: Writing

    /// Writes the bytes corked while the connection processed its input, then empties the cork buffer
    /// (keeping its storage: it is the loop's). One call: a plain write when there is no backlog, else
    /// one two-vector write with the backlog first, so order holds. What the kernel does not take joins
    /// the backlog, in order, and waits for EPOLLOUT.
    mutating func uncork<Writer: SocketWriter>(_ cork: inout [UInt8], to writer: inout Writer) -> WriteProgress {
        defer { cork.removeAll(keepingCapacity: true) }
        return cork.withUnsafeBytes { writeCorked($0, to: &writer) }
    }

    @inline(__always)
    private mutating func writeCorked<Writer: SocketWriter>(
        _ cork: UnsafeRawBufferPointer, to writer: inout Writer
    ) -> WriteProgress {
        let backlog = backlogCount
        let outcome: WriteOutcome
        if backlog == 0 {
            outcome = writer.write(cork)
        } else {
            outcome = bytes.withUnsafeBytes { writer.write(UnsafeRawBufferPointer(rebasing: $0[start...]), cork) }
        }
        let written: Int
        switch outcome {
        case .wrote(let count): written = count
        case .wouldBlock: written = 0
        case .failed(let error): return .failed(error)
        }
        if written < backlog {
            start &+= written
            bytes.append(contentsOf: cork)
            return .blocked
        }
        let fromCork = written &- backlog
        if backlog > 0 { releaseOrKeepStorage() }
        guard fromCork < cork.count else { return .drained }
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: cork[fromCork...]))
        return .blocked
    }

    /// Writes the backlog until it is drained or the kernel would block. Drained storage is kept if
    /// small (`retainedCapacity`) and released otherwise.
    mutating func flush<Writer: SocketWriter>(to writer: inout Writer) -> WriteProgress {
        while start < bytes.count {
            let outcome = bytes.withUnsafeBytes { writer.write(UnsafeRawBufferPointer(rebasing: $0[start...])) }
            switch outcome {
            case .wrote(let count) where count > 0: start &+= count
            case .wrote, .wouldBlock: return .blocked  // A stream socket takes 0 bytes only when full.
            case .failed(let error): return .failed(error)
            }
        }
        releaseOrKeepStorage()
        return .drained
    }

    /// Empties the (fully written) storage, keeping it only if small.
    @inline(__always)
    private mutating func releaseOrKeepStorage() {
        bytes.removeAll(keepingCapacity: bytes.capacity <= Self.retainedCapacity)
        start = 0
    }

    /// An idle connection gives back even its small retained storage (at the heartbeat).
    mutating func releaseStorageIfDrained() {
        guard !hasBacklog else { return }
        bytes = []
        start = 0
    }

    // MARK: Closing

    /// Asks for the connection to close once everything queued is written.
    mutating func closeWhenFlushed() { closesAfterFlush = true }

    /// The close is under way (the write side is shut down): nothing more to wait for.
    mutating func closeStarted() { closesAfterFlush = false }

    /// The connection is gone: drop everything, storage included.
    mutating func discard() { self = OutboundQueue() }
}

/// Where a write pass left the queue.
enum WriteProgress: Equatable {
    /// The backlog is empty: everything given to the queue is on the socket.
    case drained
    /// The kernel took less than everything: the rest waits for EPOLLOUT.
    case blocked
    /// The connection is broken; the caller aborts it.
    case failed(SystemError)
}
