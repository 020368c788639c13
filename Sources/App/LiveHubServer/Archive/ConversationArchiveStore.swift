import LiveHubDomain
import LiveHubJournalStore
import LiveHubPosix
import LiveHubProtocol

/// A closed conversation as the archive keeps it: every field it had when it left memory, and its
/// history.
public struct ArchivedConversation: Sendable, Equatable {
    /// The conversation as it was when it left memory (closed).
    public let conversation: Conversation

    /// Every sequenced event of the conversation in seq order: what `conversation.resume` returned
    /// while it was in memory (messages of every visibility, joins, leaves, updates, offers, the close).
    /// Filter it with the domain's visibility rules before showing it to anyone.
    public var events: [DomainEvent] { conversation.historyEvents }
}

/// The archive of closed conversations on disk (`DATA_DIR/archive`, laid out by `ArchiveLayout`): writes
/// them durably, reads one back by id, and applies the retention period. Single-threaded (the archive
/// thread of `ConversationArchive` owns it); `read` may run on any thread. Blocking, never on an I/O
/// loop. Time comes from the caller, so retention is tested with any clock.
final class ConversationArchiveStore {
    let directory: String
    let disk: any JournalDisk
    private let writer: ArchiveWriter
    /// A closed conversation is removed this long after the end of the UTC day it closed on.
    let retentionMilliseconds: Int64

    init(directory: String, disk: any JournalDisk, retentionDays: Int, log: @escaping (String) -> Void) {
        self.directory = directory
        self.disk = disk
        writer = ArchiveWriter(directory: directory, disk: disk, log: log)
        retentionMilliseconds = Int64(max(1, retentionDays)) * 86_400_000
    }

    /// Writes the conversations (closed ones) to the archive, durably: one `fdatasync` per bucket file
    /// touched. Throws when the disk failed; then none of them counts as archived.
    func archive(_ conversations: [Conversation]) throws(ArchiveFailure) {
        var entries: [ArchiveWriter.Entry] = []
        entries.reserveCapacity(conversations.count)
        for conversation in conversations {
            let payload: [UInt8]
            do throws(SnapshotEncodeError) {
                payload = try SnapshotCodec.encode(conversation: conversation)
            } catch {
                throw .encoding(error)
            }
            let closedAt = conversation.closedAt ?? conversation.lastActivityAt ?? conversation.createdAt
            entries.append(
                ArchiveWriter.Entry(
                    group: ArchiveLayout.day(of: closedAt), file: ArchiveLayout.file(of: conversation.id),
                    payload: payload))
        }
        do throws(FileSystem.Failure) {
            try writer.append(entries)
        } catch {
            throw .disk(error)
        }
    }

    /// Removes every day whose conversations all closed more than the retention period before `now`.
    /// Returns the days removed.
    func removeExpired(now: Instant) throws(FileSystem.Failure) -> [String] {
        var removed: [String] = []
        for day in try writer.groups() {
            guard let end = ArchiveLayout.end(ofDay: day),
                end.adding(milliseconds: retentionMilliseconds) <= now
            else { continue }
            try writer.removeGroup(day)
            removed.append(day)
        }
        return removed
    }

    /// The archived conversation with this id (the newest copy, should a crash have archived it twice),
    /// or nil. Reads the id's bucket file in each day, newest day first.
    static func read(
        _ conversationId: ConversationId, directory: String, disk: any JournalDisk
    ) throws(ArchiveFailure) -> ArchivedConversation? {
        let days: [String]
        do throws(FileSystem.Failure) {
            days = try disk.listDirectory(directory).filter { ArchiveLayout.end(ofDay: $0) != nil }.sorted(by: >)
        } catch where error.isMissing {
            return nil
        } catch {
            throw .disk(error)
        }
        let file = ArchiveLayout.file(of: conversationId)
        for day in days {
            let records: [[UInt8]]?
            do throws(FileSystem.Failure) {
                records = try ArchiveFiles.records(directory: directory, group: day, file: file, disk: disk)
            } catch {
                throw .disk(error)
            }
            for record in (records ?? []).reversed()
            where record.withUnsafeBytes({ SnapshotCodec.conversationId(ofRecord: $0) }) == conversationId {
                let decoded = record.withUnsafeBytes { raw in
                    Result(catching: { () throws(SnapshotDecodeError) in try SnapshotCodec.decodeConversation(raw) })
                }
                let conversation: Conversation
                switch decoded {
                case .success(let value): conversation = value
                case .failure(let error): throw .decoding(day: day, error)
                }
                if conversation.id == conversationId { return ArchivedConversation(conversation: conversation) }
            }
        }
        return nil
    }

    func close() { writer.close() }
}

/// Why the archive could not write or read.
public enum ArchiveFailure: Error, CustomStringConvertible, Sendable {
    case disk(FileSystem.Failure)
    case encoding(SnapshotEncodeError)
    case decoding(day: String, SnapshotDecodeError)
    /// The archive was closed (the hub is stopping).
    case closed

    public var description: String {
        switch self {
        case .closed: "archive: closed"

        case .disk(let failure): "archive: \(failure)"
        case .encoding(let error): "archive: cannot encode a conversation: \(error)"
        case .decoding(let day, let error): "archive: a record of \(day) does not decode: \(error)"
        }
    }
}
