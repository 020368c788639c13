/// The audit as the hub state keeps it: every entry in the order it happened (append-only), indexes
/// by conversation and by user for the admin's queries, and the monitors started and not yet stopped,
/// so that whatever ends a monitor (unmonitor, the connection, the conversation's close, a restart)
/// is audited too.
///
/// Built only by `Hub.apply` from journaled `audit` events, so a replay rebuilds it exactly; the
/// indexes are functions of the entries and take part in equality like them, so `init(entries:)`
/// rebuilds an equal log from the entries alone. Retention drops old entries the same way: it keeps a
/// subsequence of the entries and rebuilds the rest from it (`dropEntries(before:)`).
public struct AuditLog: Hashable, Sendable {
    /// Every entry, oldest first; `at` never decreases along it.
    public private(set) var entries: [AuditEntry] = []
    /// Positions in `entries` of each conversation's entries, in order.
    var byConversation: [ConversationId: [Int]] = [:]
    /// Positions in `entries` of each user's entries, in order.
    var byUser: [UserId: [Int]] = [:]
    /// Monitors started and not stopped: per monitoring connection, each conversation and who watches.
    var openMonitors: [ConnectionId: [ConversationId: MonitorHolder]] = [:]
    /// The same monitors by conversation, for ending them when it closes.
    var monitorsByConversation: [ConversationId: Set<ConnectionId>] = [:]

    /// Who holds an open monitor, as the stop entry names them.
    struct MonitorHolder: Hashable, Sendable {
        var userId: UserId
        var role: Role
        var name: String
    }

    /// An empty audit.
    public init() {}

    /// The audit holding `entries` (oldest first), its indexes and open monitors rebuilt from them:
    /// for restoring a snapshot, or keeping the recent part after retention, without a replay.
    public init(entries: [AuditEntry]) {
        for entry in entries { append(entry) }
    }

    /// The id the next entry gets.
    public var nextId: Int { (entries.last?.id ?? 0) + 1 }

    /// Retention is checked when an entry's id is a multiple of this, not on every entry: a check is
    /// a binary search, but the rebuild it may start is a pass over every entry.
    public static let retentionCheckInterval = 1_024

    /// Drops the entries from before `cutoff`, except the start of each monitor still open: whatever
    /// ends that monitor is audited against it, and a log rebuilt from its entries (a snapshot's) must
    /// know it is open. The kept entries stay in order, so the indexes are rebuilt from them alone.
    ///
    /// Rebuilding costs a pass over every entry, so it waits until at least an eighth of them can go:
    /// each entry then pays for a bounded share of the rebuilds, and a check that finds too few (a
    /// binary search) costs next to nothing.
    mutating func dropEntries(before cutoff: Instant) {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].at < cutoff { low = middle + 1 } else { high = middle }
        }
        let openCount = openMonitors.values.reduce(0) { $0 + $1.count }
        guard low - openCount >= max(1, entries.count / 8) else { return }
        // The latest start of each open monitor, found from the end (an earlier start of the same
        // connection and conversation belongs to a monitor that stopped since).
        var pinned: Set<Int> = []
        var open: Set<MonitorKey> = []
        for index in entries.indices.reversed() {
            guard case .monitorStarted(let sessionId) = entries[index].action,
                let conversationId = entries[index].conversationId,
                openMonitors[sessionId]?[conversationId] != nil,
                open.insert(MonitorKey(sessionId: sessionId, conversationId: conversationId)).inserted
            else { continue }
            if entries[index].at < cutoff { pinned.insert(index) }
        }
        let kept = entries.indices.filter { entries[$0].at >= cutoff || pinned.contains($0) }.map { entries[$0] }
        guard kept.count < entries.count else { return }
        self = AuditLog(entries: kept)
    }

    /// A monitor: one connection watching one conversation.
    private struct MonitorKey: Hashable {
        var sessionId: ConnectionId
        var conversationId: ConversationId
    }

    /// Appends an entry and keeps the indexes (and the open monitors) in step.
    mutating func append(_ entry: AuditEntry) {
        let position = entries.count
        entries.append(entry)
        if let conversationId = entry.conversationId { byConversation[conversationId, default: []].append(position) }
        byUser[entry.userId, default: []].append(position)
        guard let conversationId = entry.conversationId else { return }
        switch entry.action {
        case .monitorStarted(let sessionId):
            openMonitors[sessionId, default: [:]][conversationId] = MonitorHolder(
                userId: entry.userId, role: entry.role, name: entry.name)
            monitorsByConversation[conversationId, default: []].insert(sessionId)
        case .monitorStopped(let sessionId, _):
            openMonitors[sessionId]?[conversationId] = nil
            if openMonitors[sessionId]?.isEmpty == true { openMonitors[sessionId] = nil }
            monitorsByConversation[conversationId]?.remove(sessionId)
            if monitorsByConversation[conversationId]?.isEmpty == true { monitorsByConversation[conversationId] = nil }
        default:
            break
        }
    }

    /// One page of the entries `query` selects, oldest first.
    ///
    /// A page never splits a millisecond, so `next` (the time of the first entry left out) is exactly
    /// where the next page starts with `since` inclusive: it holds at most `limit` entries, unless the
    /// first millisecond alone holds more, and then it is that millisecond whole. Binary search finds
    /// `since`; the cost is O(log n + page), whatever the audit's size.
    public func page(_ query: AuditQuery) -> AuditPage {
        switch (query.conversationId, query.userId) {
        case (nil, nil):
            return page(over: entries.indices, query)
        case (let conversationId?, nil):
            return page(over: byConversation[conversationId] ?? [], query)
        case (nil, let userId?):
            return page(over: byUser[userId] ?? [], query)
        case (let conversationId?, let userId?):
            // Walk the shorter index and check the other field.
            let ofConversation = byConversation[conversationId] ?? []
            let ofUser = byUser[userId] ?? []
            return page(over: ofConversation.count <= ofUser.count ? ofConversation : ofUser, query)
        }
    }

    private func page<Positions: RandomAccessCollection<Int>>(over positions: Positions, _ query: AuditQuery)
        -> AuditPage
    {
        let limit = max(1, query.limit)
        var index = positions.startIndex
        if let since = query.since {
            // The first position at or after `since` (entries' times never decrease).
            var low = positions.startIndex
            var high = positions.endIndex
            while low < high {
                let middle = positions.index(low, offsetBy: positions.distance(from: low, to: high) / 2)
                if entries[positions[middle]].at < since {
                    low = positions.index(after: middle)
                } else {
                    high = middle
                }
            }
            index = low
        }
        var selected: [AuditEntry] = []
        while index < positions.endIndex {
            let entry = entries[positions[index]]
            index = positions.index(after: index)
            guard query.matches(entry) else { continue }
            if selected.count >= limit, let last = selected.last, let first = selected.first {
                if entry.at != last.at { return AuditPage(entries: selected, next: entry.at) }
                if first.at != last.at {
                    // Full in the middle of a millisecond: leave that millisecond to the next page.
                    while selected.last?.at == entry.at { selected.removeLast() }
                    return AuditPage(entries: selected, next: entry.at)
                }
                // The page is one millisecond only: it takes that millisecond whole.
            }
            selected.append(entry)
        }
        return AuditPage(entries: selected, next: nil)
    }
}

/// What the admin asks of the audit: entries at or after `since`, of one conversation and/or one
/// user, at most `limit` per page.
public struct AuditQuery: Hashable, Sendable {
    public var since: Instant?
    public var conversationId: ConversationId?
    public var userId: UserId?
    public var limit: Int

    /// A page's size when none is asked for.
    public static let defaultLimit = 500
    /// The largest page one may ask for.
    public static let maximumLimit = 5_000

    public init(
        since: Instant? = nil, conversationId: ConversationId? = nil, userId: UserId? = nil,
        limit: Int = AuditQuery.defaultLimit
    ) {
        self.since = since
        self.conversationId = conversationId
        self.userId = userId
        self.limit = limit
    }

    func matches(_ entry: AuditEntry) -> Bool {
        if let conversationId, entry.conversationId != conversationId { return false }
        if let userId, entry.userId != userId { return false }
        return true
    }
}

/// One page of the audit, oldest first; `next` is the `since` of the following page, nil when this
/// page reaches the end.
public struct AuditPage: Hashable, Sendable {
    public var entries: [AuditEntry]
    public var next: Instant?

    public init(entries: [AuditEntry], next: Instant?) {
        self.entries = entries
        self.next = next
    }
}
