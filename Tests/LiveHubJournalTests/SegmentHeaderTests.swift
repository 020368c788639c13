import Testing

@testable import LiveHubJournal

@Suite("segment header")
struct SegmentHeaderTests {
    private func decode(_ bytes: [UInt8]) -> Result<SegmentHeader, SegmentHeaderProblem> {
        bytes.withUnsafeBytes { SegmentHeader.decode($0) }
    }

    @Test("a header round-trips through its 32 bytes, magic first")
    func roundTrip() {
        let header = SegmentHeader(salt: 0xDEAD_BEEF, firstLSN: 1_234_567)
        let bytes = header.encoded()
        #expect(bytes.count == JournalFormat.segmentHeaderSize)
        #expect(Array(bytes.prefix(8)) == JournalFormat.magic)
        #expect(decode(bytes) == .success(header))
    }

    @Test("a damaged header is refused: any flipped byte fails the magic, the checksum or a field check")
    func everyFlippedByte() {
        let bytes = SegmentHeader(salt: 7, firstLSN: 1).encoded()
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 0x10
            #expect(throws: (any Error).self, "byte \(index)") { try decode(damaged).get() }
        }
    }

    @Test("an unknown future version is refused with a message naming both versions, whatever its checksum")
    func futureVersion() throws {
        var bytes = SegmentHeader(salt: 7, firstLSN: 1, version: JournalFormat.currentVersion + 1).encoded()
        bytes[28] ^= 0xFF  // a later release may checksum differently: the version is read first
        #expect(decode(bytes) == .failure(.unsupportedVersion(found: 2)))
        var segment = bytes
        segment += [UInt8](repeating: 0xAB, count: 100)
        #expect(throws: UnsupportedJournalVersion(found: 2)) { try scan(segment) }
        let message = UnsupportedJournalVersion(found: 2).description
        #expect(message.contains("version 2") && message.contains("up to 1"))
    }

    @Test("a corrupt header makes the whole segment corrupt, even the last one, with nothing kept")
    func corruptHeaderInLastSegment() throws {
        var builder = SegmentBuilder()
        builder.append(SegmentBuilder.payload(1))
        var bytes = builder.bytes
        bytes[20] ^= 0x01  // inside first LSN: checksum fails
        let result = try scan(bytes)
        #expect(result.records.isEmpty)
        #expect(result.corruption?.offset == 0)
        #expect(result.corruption?.reason.contains("header checksum") == true)
    }

    @Test("a file cut inside its header, or not a segment at all, is corrupt")
    func shortOrForeign() throws {
        let header = SegmentHeader(salt: 7, firstLSN: 1).encoded()
        #expect(try scan(Array(header.prefix(20))).corruption?.reason.contains("cut short") == true)
        #expect(try scan(Array("hello, world, not a journal".utf8)).corruption?.reason.contains("magic") == true)
        #expect(try scan([]).corruption != nil)
    }

    @Test("segment names sort by LSN and parse back; other names are not segments")
    func names() {
        #expect(SegmentName.name(firstLSN: 42) == "segment-00000000000000000042.journal")
        #expect(SegmentName.firstLSN(of: SegmentName.name(firstLSN: UInt64.max)) == UInt64.max)
        #expect(SegmentName.firstLSN(of: "segment-00000000000000000042.journal.tmp") == nil)
        #expect(SegmentName.firstLSN(of: "segment-42.journal") == nil)
        #expect(SegmentName.name(firstLSN: 9) < SegmentName.name(firstLSN: 10))
    }
}
