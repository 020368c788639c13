import Testing

@testable import LiveHubJournal

@Suite("journal records")
struct RecordFormatTests {
    @Test("records of every size class round-trip with their LSNs, in order", arguments: [1, 2, 8, 100])
    func roundTrip(firstLSN: UInt64) throws {
        let sizes = [0, 1, 7, 8, 9, 63, 64, 65, 1000, 70_000]
        var builder = SegmentBuilder(firstLSN: firstLSN)
        let payloads = sizes.enumerated().map { SegmentBuilder.payload($0.offset, size: $0.element) }
        for payload in payloads { builder.append(payload) }
        let result = try scan(builder.bytes, expectedFirstLSN: firstLSN)
        #expect(result.end == .clean)
        #expect(result.payloads(in: builder.bytes) == payloads)
        #expect(result.records.map(\.lsn) == Array(firstLSN..<firstLSN + UInt64(sizes.count)))
        #expect(result.nextLSN == firstLSN + UInt64(sizes.count))
        #expect(result.goodSize == builder.bytes.count)
    }

    @Test("an empty segment is clean and expects its first LSN next")
    func emptySegment() throws {
        let result = try scan(SegmentBuilder(firstLSN: 5).bytes)
        #expect(result.end == .clean && result.records.isEmpty && result.nextLSN == 5)
        #expect(result.goodSize == JournalFormat.segmentHeaderSize)
    }

    @Test("a record's on-disk size is its 28-byte header plus the payload")
    func encodedSize() {
        var bytes: [UInt8] = []
        RecordEncoder(salt: 1).append(lsn: 1, syncedThrough: 0, payload: [1, 2, 3], to: &bytes)
        #expect(bytes.count == RecordEncoder.encodedSize(payloadSize: 3) && bytes.count == 31)
    }

    @Test("a payload checksum mismatch in a record that later writes vouch for is corruption")
    func checksumMismatchVouched() throws {
        var builder = SegmentBuilder()
        for index in 1...3 { builder.append(SegmentBuilder.payload(index)) }
        var bytes = builder.bytes
        bytes[builder.recordOffsets[1] + JournalFormat.recordHeaderSize + 5] ^= 0x01
        let result = try scan(bytes)
        #expect(result.records.map(\.lsn) == [1])
        let damage = try #require(result.corruption)
        #expect(damage.offset == builder.recordOffsets[1] && damage.expectedLSN == 2)
        #expect(damage.reason.contains("payload fails its checksum"))
        #expect(damage.reason.contains("LSN 3") && damage.droppedWholeRecords == 1)
    }

    @Test("a payload checksum mismatch in the last record is a torn tail")
    func checksumMismatchAtTheEnd() throws {
        var builder = SegmentBuilder()
        for index in 1...3 { builder.append(SegmentBuilder.payload(index)) }
        var bytes = builder.bytes
        bytes[bytes.count - 1] ^= 0x80
        let result = try scan(bytes)
        #expect(result.records.map(\.lsn) == [1, 2])
        let damage = try #require(result.tornTail)
        #expect(damage.offset == builder.recordOffsets[2] && damage.reason.contains("payload fails its checksum"))
    }

    @Test("a record from a segment with another salt does not pass here (the checksums are salted)")
    func saltedChecksums() throws {
        var builder = SegmentBuilder()
        builder.append(SegmentBuilder.payload(1))
        var foreign: [UInt8] = []
        RecordEncoder(salt: SegmentBuilder.salt ^ 1).append(lsn: 2, syncedThrough: 1, payload: [9, 9], to: &foreign)
        let result = try scan(builder.bytes + foreign)
        #expect(result.records.map(\.lsn) == [1])
        #expect(result.tornTail?.reason.contains("header that fails its checksum") == true)
    }
}
