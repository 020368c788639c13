import Testing

@testable import LiveHubJournal

@Suite("torn tails")
struct TornTailTests {
    /// Three records, each its own group (each vouches for the ones before it).
    private static func threeRecords() -> SegmentBuilder {
        var builder = SegmentBuilder()
        builder.append(SegmentBuilder.payload(1, size: 50))
        builder.append(SegmentBuilder.payload(2, size: 9))
        builder.append(SegmentBuilder.payload(3, size: 70))
        return builder
    }

    @Test(
        "a last record cut at every byte offset is a torn tail: the records before it are kept, the cut is at its start"
    )
    func cutAtEveryOffset() throws {
        let builder = Self.threeRecords()
        let start = builder.recordOffsets[2]
        for cut in start..<builder.bytes.count {
            let bytes = Array(builder.bytes[..<cut])
            let result = try scan(bytes)
            #expect(result.records.map(\.lsn) == [1, 2], "cut at \(cut)")
            #expect(result.goodSize == start)
            if cut == start {
                #expect(result.end == .clean)
            } else {
                let damage = try #require(result.tornTail, "cut at \(cut)")
                #expect(damage.offset == start && damage.droppedBytes == cut - start && damage.expectedLSN == 3)
            }
        }
    }

    @Test("a last record cut at every offset and zero-filled to its full length (a preallocated tail) is a torn tail")
    func zeroFilledAtEveryOffset() throws {
        let builder = Self.threeRecords()
        let start = builder.recordOffsets[2]
        for cut in start..<builder.bytes.count {
            let bytes = Array(builder.bytes[..<cut]) + [UInt8](repeating: 0, count: builder.bytes.count - cut + 4096)
            let result = try scan(bytes)
            #expect(result.records.map(\.lsn) == [1, 2], "cut at \(cut)")
            #expect(result.tornTail?.offset == start, "cut at \(cut)")
        }
        let zeros = try scan(builder.bytes + [UInt8](repeating: 0, count: 100))
        #expect(zeros.records.count == 3 && zeros.tornTail?.reason.contains("zero-filled") == true)
    }

    @Test("a torn size field cannot swallow records or point past the end: the header checksum catches it")
    func tornSizeField() throws {
        let builder = Self.threeRecords()
        for value: UInt8 in [0x01, 0x7F, 0xFF] {
            var bytes = builder.bytes
            bytes[builder.recordOffsets[2] + 3] = value  // the size's top byte (70 has it 0)
            let result = try scan(bytes)
            #expect(result.records.count == 2)
            #expect(result.tornTail?.reason.contains("record header that fails its checksum") == true)
        }
        // Torn so that the size is smaller than written: the rest of the payload cannot pass for a record.
        var shrunk = builder.bytes
        shrunk[builder.recordOffsets[2]] = 3
        #expect(try scan(shrunk).tornTail?.offset == builder.recordOffsets[2])
    }

    @Test(
        "a group written in one go, with pages of it lost in any order, is a torn tail: no record in it vouches for another"
    )
    func lostPagesInsideTheLastGroup() throws {
        var builder = SegmentBuilder()
        builder.append(SegmentBuilder.payload(1))  // synced alone
        for index in 2...6 { builder.append(SegmentBuilder.payload(index), syncedThrough: 1) }  // one group
        for damaged in 1...5 {
            var bytes = builder.bytes
            bytes[builder.recordOffsets[damaged] + JournalFormat.recordHeaderSize + 1] ^= 0xFF
            let result = try scan(bytes)
            #expect(result.records.count == damaged, "damaged LSN \(damaged + 1)")
            let damage = try #require(result.tornTail)
            #expect(damage.droppedWholeRecords == 5 - damaged)
            #expect(damage.description.contains("\(5 - damaged) whole record") || damaged == 5)
        }
    }

    @Test("the same damage in a sealed segment (one a later segment follows) is corruption")
    func sealedSegmentIsNeverTorn() throws {
        let builder = Self.threeRecords()
        let cut = Array(builder.bytes.dropLast(5))
        let result = try scan(cut, last: false)
        #expect(result.records.count == 2)
        #expect(result.corruption?.reason.contains("sealed segment") == true)
    }
}
