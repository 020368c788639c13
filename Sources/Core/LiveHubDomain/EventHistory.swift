/// A conversation's sequenced events, oldest first, kept in chunks of `chunkSize`.
///
/// Why chunks: the hub's state is a value, and a snapshot being written holds a copy of it. With one
/// array per history, the first message a conversation takes while a snapshot is being written copied
/// its whole history (every event, with a retain per string): a pass over all the open histories on
/// the hub thread per snapshot, and their memory twice over until the snapshot was done. Here the full
/// chunks are shared between the copies and never change; an append copies at most the list of chunks
/// and the last chunk.
///
/// A history of fewer than `chunkSize` events is one plain array (`tail`): no extra allocation for the
/// short conversations that are most of them.
public struct EventHistory: RandomAccessCollection, Hashable, Sendable {
    /// Events per full chunk: a power of two, so an index splits with a shift and a mask.
    @usableFromInline static let chunkShift = 8
    @usableFromInline static let chunkSize = 1 << chunkShift
    @usableFromInline static let chunkMask = chunkSize - 1

    /// Full chunks of exactly `chunkSize` events each, never changed once full.
    @usableFromInline private(set) var chunks: [[DomainEvent]] = []
    /// The events after the full chunks: fewer than `chunkSize`.
    @usableFromInline private(set) var tail: [DomainEvent] = []

    /// An empty history.
    public init() {}

    /// A history holding `events`, oldest first.
    public init(_ events: some Sequence<DomainEvent>) {
        for event in events { append(event) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { chunks.count << Self.chunkShift + tail.count }

    public subscript(position: Int) -> DomainEvent {
        let chunk = position >> Self.chunkShift
        return chunk < chunks.count ? chunks[chunk][position & Self.chunkMask] : tail[position & Self.chunkMask]
    }

    /// Makes room for `count` more events in the tail (up to a chunk), so a history read back from a
    /// snapshot is not grown by doubling.
    package mutating func reserveCapacity(_ count: Int) {
        tail.reserveCapacity(Swift.min(tail.count + Swift.max(0, count), Self.chunkSize))
    }

    /// Appends `event`; when that fills the tail, it becomes a full chunk.
    package mutating func append(_ event: DomainEvent) {
        tail.append(event)
        guard tail.count == Self.chunkSize else { return }
        chunks.append(tail)
        tail = []
    }

    /// Whether every full chunk of `other` is the very same storage as the chunk at its place here: what
    /// an append to a copy must leave true (tests).
    func sharesFullChunks(with other: EventHistory) -> Bool {
        guard !other.chunks.isEmpty, other.chunks.count <= chunks.count else { return false }
        return zip(chunks, other.chunks).allSatisfy { mine, theirs in
            mine.withUnsafeBufferPointer { $0.baseAddress } == theirs.withUnsafeBufferPointer { $0.baseAddress }
        }
    }

    /// Calls `body` with each event in order (inlinable, so the snapshot codec's loop is specialized).
    @inlinable
    public func forEachEvent<Failure: Error>(_ body: (borrowing DomainEvent) throws(Failure) -> Void) throws(Failure) {
        for chunk in chunks {
            for index in chunk.indices { try body(chunk[index]) }
        }
        for index in tail.indices { try body(tail[index]) }
    }
}
