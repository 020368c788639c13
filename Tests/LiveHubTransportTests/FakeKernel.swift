import LiveHubPosix

@testable import LiveHubTransport

/// A socket whose calls take a scripted number of bytes, recording exactly what was offered and taken.
/// Each write call consumes the next step of `script`; once it runs out, every call takes everything.
struct FakeKernel: SocketWriter {
    enum Step: Equatable {
        /// Take at most this many bytes (a partial write when fewer than offered).
        case take(Int)
        /// Take everything offered.
        case takeAll
        /// EAGAIN: the send buffer is full.
        case wouldBlock
        /// The connection is broken.
        case fail(SystemError)
    }

    /// One write call: the vectors offered (one, or two for `sendmsg`) and how many bytes were taken.
    struct Call: Equatable, CustomStringConvertible {
        var vectors: [[UInt8]]
        var taken: Int
        var description: String { "write(\(vectors.map(\.count))) took \(taken)" }
    }

    var script: [Step]
    private(set) var calls: [Call] = []
    /// Every byte the kernel took, in order: what the peer reads.
    private(set) var delivered: [UInt8] = []

    init(_ script: [Step] = []) { self.script = script }

    mutating func write(_ bytes: UnsafeRawBufferPointer) -> WriteOutcome {
        offer([Array(bytes)])
    }

    mutating func write(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> WriteOutcome {
        offer([Array(first), Array(second)])
    }

    private mutating func offer(_ vectors: [[UInt8]]) -> WriteOutcome {
        let offered = Array(vectors.joined())
        let step = script.isEmpty ? .takeAll : script.removeFirst()
        let taken: Int
        switch step {
        case .take(let limit): taken = min(limit, offered.count)
        case .takeAll: taken = offered.count
        case .wouldBlock:
            calls.append(Call(vectors: vectors, taken: 0))
            return .wouldBlock
        case .fail(let error):
            calls.append(Call(vectors: vectors, taken: 0))
            return .failed(error)
        }
        calls.append(Call(vectors: vectors, taken: taken))
        delivered += offered[..<taken]
        return .wrote(taken)
    }
}

/// Distinct, recognisable bytes: `count` bytes starting at `first`, wrapping at 256.
func pattern(_ count: Int, from first: UInt8 = 0) -> [UInt8] {
    (0..<count).map { first &+ UInt8(truncatingIfNeeded: $0) }
}

extension OutboundQueue {
    /// Appends `bytes` to the backlog (output from elsewhere, not corked).
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The unsent backlog's bytes.
    var backlog: [UInt8] { Array(bytes[start...]) }
}
