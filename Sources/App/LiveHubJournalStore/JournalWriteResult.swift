import LiveHubPosix

/// A batch that made it into the journal.
public struct JournalAck: Equatable, Sendable {
    /// The batch's records.
    public let lsns: Range<UInt64>
    /// True when the records are on disk (`group`, or any mode once a sync covered them); false when they
    /// are only written (`interval`, `off`).
    public let durable: Bool
}

/// A batch that is not in the journal. Nothing in it was acknowledged, and nothing appended after it in
/// the same group was either: the journal never holds a batch whose predecessor failed.
public struct JournalWriteFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// A write or sync failed (ENOSPC, EIO, EROFS…). The file was cut back to its last good end.
        case disk(FileSystem.Failure)
        /// The batch did not start at the journal's next LSN: a batch before it failed.
        case outOfSequence(firstLSN: UInt64)
        /// A record over `JournalFormat.maximumPayloadSize`.
        case tooLarge(bytes: Int)
        /// The writer was closed.
        case closed
    }

    public let reason: Reason
    /// The LSN the journal will accept next: re-append from here (the failed batch first).
    public let nextLSN: UInt64

    public var description: String {
        switch reason {
        case .disk(let failure): "journal write failed: \(failure); the journal resumes at LSN \(nextLSN)"
        case .outOfSequence(let first):
            "journal batch starting at LSN \(first) refused: the journal's next LSN is \(nextLSN)"
        case .tooLarge(let bytes): "journal record of \(bytes) bytes is over the 1 GiB limit"
        case .closed: "the journal is closed"
        }
    }
}

/// What a batch's completion receives.
public typealias JournalWriteResult = Result<JournalAck, JournalWriteFailure>
