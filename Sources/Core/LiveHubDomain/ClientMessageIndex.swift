/// Identifies a message for idempotent resend: the same client id from another sender is a different message.
struct ClientMessageKey: Hashable, Sendable {
    var senderId: UserId
    var clientMessageId: String
}

/// The seq of each message a client sent with a `clientMsgId`, so a resend is answered, not repeated.
///
/// Keyed by the key's hash, not by the key: the history already holds each message with its sender and
/// client id, so a look-up checks the message at the seq it finds. A slot is two integers instead of two
/// strings, which makes it less than half the memory per message, and copying the index (what the first
/// message after a snapshot started does, as the snapshot holds the state) retains nothing. Two keys
/// with the same hash (one in 2^64) are kept apart in `collided`.
///
/// The hash is seeded per process, so the index is never stored: a replay rebuilds it through `apply`,
/// a restore from a snapshot or an archive from the history (`init(history:)`), in seq order both times.
struct ClientMessageIndex: Hashable, Sendable {
    private var seqByHash: [Int: Int] = [:]
    private var collided: [ClientMessageKey: Int] = [:]
    /// The hash bits used: all of them, except in tests that make keys collide on purpose.
    private let hashMask: Int

    /// An empty index; `hashMask` keeps only some bits of each hash (tests: 0 makes every key collide).
    init(hashMask: Int = ~0) {
        self.hashMask = hashMask
    }

    /// Room for a dozen at the first: growing from one slot rehashes it five times over a conversation's
    /// first twenty messages.
    private static let reservedAtFirst = 12

    /// The seq of the message `key` names, read against `history` (where a seq's event is at seq - 1).
    func seq(of key: ClientMessageKey, in history: EventHistory) -> Int? {
        guard let seq = seqByHash[hash(key)] else { return nil }
        if Self.names(history, seq, key) { return seq }
        return collided[key]
    }

    /// Records that the message `key` names has `seq`; the history does not hold it yet, but holds
    /// every earlier one.
    mutating func insert(_ key: ClientMessageKey, seq: Int, history: EventHistory) {
        let hash = hash(key)
        if seqByHash.isEmpty { seqByHash.reserveCapacity(Self.reservedAtFirst) }
        if let taken = seqByHash[hash], !Self.names(history, taken, key) {
            collided[key] = seq
        } else {
            seqByHash[hash] = seq
        }
    }

    /// The index of every message in `history` sent with a client id, built in seq order as `apply`
    /// builds it: what a conversation restored from a snapshot or an archive starts with.
    init(history: EventHistory, hashMask: Int = ~0) {
        self.init(hashMask: hashMask)
        // `insert` reads only the events before the one inserted, which the whole history holds too.
        history.forEachEvent { event in
            if case .message(let message) = event.payload, let clientMessageId = message.clientMessageId {
                insert(
                    ClientMessageKey(senderId: message.senderId, clientMessageId: clientMessageId), seq: message.seq,
                    history: history)
            }
        }
    }

    private func hash(_ key: ClientMessageKey) -> Int {
        var hasher = Hasher()
        key.hash(into: &hasher)
        return hasher.finalize() & hashMask
    }

    private static func names(_ history: EventHistory, _ seq: Int, _ key: ClientMessageKey) -> Bool {
        guard seq >= 1, seq <= history.count, case .message(let message) = history[seq - 1].payload else {
            return false
        }
        return message.senderId == key.senderId && message.clientMessageId == key.clientMessageId
    }
}
