import Testing

@testable import LiveHubDomain

@Suite("Sorted list")
struct SortedListTests {
    /// A small deterministic generator, so a failure replays.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    @Test(
        "Sorted list: inserts, removals, rank and order agree with a sorted array over chunk splits",
        arguments: [1, 7, 42])
    func matchesASortedArray(seed: UInt64) {
        var generator = Generator(state: seed &* 0x9E37_79B9_7F4A_7C15 | 1)
        var list = SortedList<Int>()
        var model: [Int] = []
        for _ in 0..<6_000 {
            let value = Int.random(in: 0..<3_000, using: &generator)
            if Bool.random(using: &generator) || model.count < 100 {
                #expect(list.insert(value) == !model.contains(value))
                if !model.contains(value) { model.append(value) }
                model.sort()
            } else {
                #expect(list.remove(value) == model.contains(value))
                model.removeAll { $0 == value }
            }
        }
        #expect(Array(list) == model)
        #expect(list.count == model.count)
        #expect(list.first == model.first && list.last == model.last)
        for probe in stride(from: -1, through: 3_001, by: 37) {
            #expect(list.rank(of: probe) == model.filter { $0 < probe }.count)
            #expect(list.contains(probe) == model.contains(probe))
        }
    }

    @Test("Sorted list: equal by content, whatever order built it")
    func equalityByContent() {
        var ascending = SortedList<Int>()
        var descending = SortedList<Int>()
        for value in 0..<2_000 { ascending.insert(value) }
        for value in (0..<2_000).reversed() { descending.insert(value) }
        #expect(ascending == descending)
        #expect(ascending.hashValue == descending.hashValue)
        descending.remove(5)
        #expect(ascending != descending)
    }
}
