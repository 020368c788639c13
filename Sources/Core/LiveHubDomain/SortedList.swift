/// A set of distinct values kept in ascending order: the router's per-queue lines of waiting work and
/// its per-queue lists of ready agents.
///
/// Stored as a list of sorted chunks of at most `maximumChunk` values (a two-level B-tree): finding a
/// value is two binary searches (O(log n)); inserting or removing one moves at most one chunk's worth
/// of values, and splitting or dropping a chunk moves the chunk references (n / 256 of them). The rank
/// of a value (how many come before it) adds the chunk sizes before it. At 100,000 values that is
/// about 400 chunks: every operation stays in the microseconds, where one sorted array would move
/// 100,000 values on each insertion at the front.
///
/// Equality and hashing are by content, in order: the chunking depends on the history of insertions,
/// the content does not, so two hubs holding the same conversations compare equal however they got there.
struct SortedList<Element: Comparable & Hashable>: Hashable, Sequence {
    /// Values per chunk at most; a full chunk splits in two halves.
    static var maximumChunk: Int { 512 }

    private var chunks: [[Element]] = []
    /// How many values the list holds.
    private(set) var count = 0

    init() {}

    var isEmpty: Bool { count == 0 }

    /// The smallest value.
    var first: Element? { chunks.first?.first }

    /// The largest value.
    var last: Element? { chunks.last?.last }

    /// Whether `element` is in the list.
    func contains(_ element: Element) -> Bool {
        guard let chunk = chunkIndex(for: element) else { return false }
        let position = Self.lowerBound(of: element, in: chunks[chunk])
        return position < chunks[chunk].count && chunks[chunk][position] == element
    }

    /// Adds `element`; returns false (and changes nothing) when it is already there.
    @discardableResult
    mutating func insert(_ element: Element) -> Bool {
        guard !chunks.isEmpty else {
            chunks = [[element]]
            count = 1
            return true
        }
        // The first chunk whose last value is not below `element`, or the last chunk.
        let chunk = chunkIndex(for: element) ?? chunks.count - 1
        let position = Self.lowerBound(of: element, in: chunks[chunk])
        if position < chunks[chunk].count && chunks[chunk][position] == element { return false }
        chunks[chunk].insert(element, at: position)
        count += 1
        if chunks[chunk].count > Self.maximumChunk {
            let half = chunks[chunk].count / 2
            let upper = Array(chunks[chunk][half...])
            chunks[chunk].removeSubrange(half...)
            chunks.insert(upper, at: chunk + 1)
        }
        return true
    }

    /// Removes `element`; returns false when it was not there.
    @discardableResult
    mutating func remove(_ element: Element) -> Bool {
        guard let chunk = chunkIndex(for: element) else { return false }
        let position = Self.lowerBound(of: element, in: chunks[chunk])
        guard position < chunks[chunk].count && chunks[chunk][position] == element else { return false }
        chunks[chunk].remove(at: position)
        count -= 1
        if chunks[chunk].isEmpty { chunks.remove(at: chunk) }
        return true
    }

    /// How many values are smaller than `element` (its 0-based position when it is in the list).
    func rank(of element: Element) -> Int {
        guard let chunk = chunkIndex(for: element) else { return count }
        var before = 0
        for index in 0..<chunk { before += chunks[index].count }
        return before + Self.lowerBound(of: element, in: chunks[chunk])
    }

    func makeIterator() -> Iterator {
        Iterator(chunks: chunks, chunk: 0, position: 0)
    }

    /// Walks the chunks in order.
    struct Iterator: IteratorProtocol {
        let chunks: [[Element]]
        var chunk: Int
        var position: Int

        mutating func next() -> Element? {
            while chunk < chunks.count {
                if position < chunks[chunk].count {
                    defer { position += 1 }
                    return chunks[chunk][position]
                }
                chunk += 1
                position = 0
            }
            return nil
        }
    }

    static func == (left: SortedList, right: SortedList) -> Bool {
        left.count == right.count && left.elementsEqual(right)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }

    /// The first chunk whose last value is not below `element`; `nil` when every value is below it.
    private func chunkIndex(for element: Element) -> Int? {
        var low = 0
        var high = chunks.count
        while low < high {
            let middle = (low + high) / 2
            // Chunks are never empty: an emptied chunk is removed at once.
            if chunks[middle][chunks[middle].count - 1] < element { low = middle + 1 } else { high = middle }
        }
        return low < chunks.count ? low : nil
    }

    /// The position of the first value in `chunk` not below `element`.
    private static func lowerBound(of element: Element, in chunk: [Element]) -> Int {
        var low = 0
        var high = chunk.count
        while low < high {
            let middle = (low + high) / 2
            if chunk[middle] < element { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension SortedList: Sendable where Element: Sendable {}
