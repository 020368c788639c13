import Testing

@testable import LiveHubJournal

@Suite("corruption in the middle")
struct CorruptionTests {
    private static func fiveRecords() -> SegmentBuilder {
        var builder = SegmentBuilder(firstLSN: 10)
        for index in 1...5 { builder.append(SegmentBuilder.payload(index, size: 30 + index)) }
        return builder
    }

    @Test("a damaged middle record is corruption at its offset, whichever of its bytes is damaged")
    func everyByteOfAMiddleRecord() throws {
        let builder = Self.fiveRecords()
        let start = builder.recordOffsets[2]
        for index in start..<builder.recordOffsets[3] {
            var bytes = builder.bytes
            bytes[index] ^= 0x04
            let result = try scan(bytes)
            #expect(result.records.map(\.lsn) == [10, 11], "byte \(index)")
            let damage = try #require(result.corruption, "byte \(index)")
            #expect(damage.offset == start && damage.expectedLSN == 12)
            #expect(damage.droppedBytes == bytes.count - start)
        }
    }

    @Test("a run of garbage over a vouched-for record is corruption, even when it swallows several records")
    func garbageOverSeveralRecords() throws {
        let builder = Self.fiveRecords()
        var bytes = builder.bytes
        for index in builder.recordOffsets[1]..<builder.recordOffsets[3] + 3 { bytes[index] = 0xA5 }
        let result = try scan(bytes)
        #expect(result.records.map(\.lsn) == [10])
        #expect(result.corruption?.reason.contains("LSN 14") == true)
    }

    @Test("zeros over a middle record are corruption when a later record vouches for it")
    func zerosInTheMiddle() throws {
        let builder = Self.fiveRecords()
        var bytes = builder.bytes
        for index in builder.recordOffsets[2]..<builder.recordOffsets[3] { bytes[index] = 0 }
        #expect(try scan(bytes).corruption?.offset == builder.recordOffsets[2])
    }

    @Test("an LSN gap or repeat between whole records is corruption, never a torn tail")
    func lsnGap() throws {
        var gap = SegmentBuilder()
        gap.append(SegmentBuilder.payload(1))
        gap.append(SegmentBuilder.payload(2), lsn: 3)
        let gapResult = try scan(gap.bytes)
        #expect(gapResult.records.map(\.lsn) == [1])
        #expect(gapResult.corruption?.reason.contains("records are missing") == true)

        var repeated = SegmentBuilder()
        repeated.append(SegmentBuilder.payload(1))
        repeated.append(SegmentBuilder.payload(2), lsn: 1)
        #expect(try scan(repeated.bytes).corruption?.reason.contains("a record repeats") == true)
    }

    @Test("a segment that does not start where the previous one ended is corruption at offset 0")
    func gapBetweenSegments() throws {
        let builder = SegmentBuilder(firstLSN: 20)
        let result = try scan(builder.bytes, expectedFirstLSN: 18)
        #expect(result.corruption?.offset == 0 && result.corruption?.expectedLSN == 18)
        #expect(result.corruption?.reason.contains("starts at LSN 20 where LSN 18 was expected") == true)
    }
}
