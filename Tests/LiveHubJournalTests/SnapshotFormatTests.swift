import Testing

@testable import LiveHubJournal

@Suite("snapshot format")
struct SnapshotFormatTests {
    private let payload: [UInt8] = Array("the hub's state, whatever the codec wrote".utf8)

    @Test("a snapshot records the LSN it covers and its payload, and reads back only when both checksums hold")
    func roundTrip() throws {
        let bytes = SnapshotFormat.encode(lsn: 987_654, payload: payload)
        #expect(Array(bytes.prefix(8)) == SnapshotFormat.magic)
        #expect(bytes.count == SnapshotFormat.headerSize + payload.count)
        let decoded = try SnapshotFormat.decode(bytes).get()
        #expect(decoded.lsn == 987_654)
        #expect(Array(bytes[decoded.payload]) == payload)
    }

    @Test("a damaged snapshot is refused: any flipped byte fails the magic, a checksum or a field check")
    func everyFlippedByte() {
        let bytes = SnapshotFormat.encode(lsn: 3, payload: payload)
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 0x04
            #expect(throws: SnapshotProblem.self, "byte \(index)") { try SnapshotFormat.decode(damaged).get() }
        }
    }

    @Test("a snapshot cut short or grown is refused at every length")
    func wrongLength() {
        let bytes = SnapshotFormat.encode(lsn: 3, payload: payload)
        for length in 0..<bytes.count {
            #expect(throws: SnapshotProblem.self, "length \(length)") {
                try SnapshotFormat.decode(Array(bytes.prefix(length))).get()
            }
        }
        #expect(throws: SnapshotProblem.self) { try SnapshotFormat.decode(bytes + [0]).get() }
    }

    @Test("a snapshot from a later format version is refused as too new, whatever its checksum")
    func futureVersion() {
        var bytes = SnapshotFormat.encode(lsn: 3, payload: payload)
        bytes[8] = UInt8(SnapshotFormat.currentVersion + 1)
        #expect(throws: SnapshotProblem.unsupportedVersion(found: SnapshotFormat.currentVersion + 1)) {
            try SnapshotFormat.decode(bytes).get()
        }
    }

    @Test("snapshot names sort by LSN and give it back")
    func names() {
        #expect(SnapshotName.name(lsn: 42) == "snapshot-00000000000000000042.snapshot")
        #expect(SnapshotName.lsn(of: SnapshotName.name(lsn: 42)) == 42)
        #expect(SnapshotName.lsn(of: SnapshotName.name(lsn: 42) + ".tmp") == nil)
        #expect(SnapshotName.name(lsn: 9) < SnapshotName.name(lsn: 10))
    }
}
