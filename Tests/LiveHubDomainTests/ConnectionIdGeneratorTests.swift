import LiveHubDomain
import Testing

@Suite("Connection ids")
struct ConnectionIdGeneratorTests {
    @Test("Connection ids: s<boot><nonce>-<n>, the boot instant in base 36 and the nonce in 7 base-36 digits")
    func shape() {
        let generator = ConnectionIdGenerator(bootedAt: Instant(millisecondsSinceEpoch: 36 * 36), nonce: 35)
        #expect(generator.prefix == "s100" + "000000z")
        #expect(generator.id(number: 7) == "s100000000z-7")
        let widest = ConnectionIdGenerator(bootedAt: time(0), nonce: .max)
        #expect(widest.prefix.hasSuffix("1z141z3"))
    }

    @Test("Connection ids: a later start, or the same millisecond with another nonce, never repeats an id")
    func uniqueAcrossStarts() {
        let starts = [
            ConnectionIdGenerator(bootedAt: time(0), nonce: 1),
            ConnectionIdGenerator(bootedAt: time(0), nonce: 2),
            ConnectionIdGenerator(bootedAt: time(1), nonce: 1),
            // Without a fixed-width nonce both would spell "s123": boot "1" + nonce "23", boot "12" + nonce "3".
            ConnectionIdGenerator(bootedAt: Instant(millisecondsSinceEpoch: 1), nonce: 2 * 36 + 3),
            ConnectionIdGenerator(bootedAt: Instant(millisecondsSinceEpoch: 1 * 36 + 2), nonce: 3),
        ]
        var seen: Set<ConnectionId> = []
        for generator in starts {
            for number in 1...1_000 as ClosedRange<UInt64> {
                #expect(seen.insert(generator.id(number: number)).inserted)
            }
        }
        #expect(Set(starts.map(\.prefix)).count == starts.count)
    }
}
