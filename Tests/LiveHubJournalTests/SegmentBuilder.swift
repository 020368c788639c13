import LiveHubJournal

/// Builds segment bytes for tests: a header, then records whose `syncedThrough` the test chooses, so it
/// can lay out exactly which records later writes vouch for.
struct SegmentBuilder {
    static let salt: UInt32 = 0x5EED_CAFE

    var bytes: [UInt8]
    /// The offset at which each record starts.
    var recordOffsets: [Int] = []
    var nextLSN: UInt64
    let encoder = RecordEncoder(salt: Self.salt)

    init(firstLSN: UInt64 = 1, salt: UInt32 = Self.salt) {
        bytes = SegmentHeader(salt: salt, firstLSN: firstLSN).encoded()
        nextLSN = firstLSN
    }

    /// Appends a record with the next LSN. `syncedThrough` defaults to "everything before it was synced",
    /// as when each record is its own group.
    mutating func append(_ payload: [UInt8], syncedThrough: UInt64? = nil) {
        recordOffsets.append(bytes.count)
        encoder.append(lsn: nextLSN, syncedThrough: syncedThrough ?? nextLSN - 1, payload: payload, to: &bytes)
        nextLSN += 1
    }

    /// Appends a record with an arbitrary LSN (to break the sequence).
    mutating func append(_ payload: [UInt8], lsn: UInt64) {
        recordOffsets.append(bytes.count)
        encoder.append(lsn: lsn, syncedThrough: lsn - 1, payload: payload, to: &bytes)
    }

    static func payload(_ index: Int, size: Int = 40) -> [UInt8] {
        (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index &* 7 &+ 1) }
    }
}

extension SegmentScan {
    /// The payloads of the good records, read from `bytes`.
    func payloads(in bytes: [UInt8]) -> [[UInt8]] { records.map { Array(bytes[$0.payload]) } }

    var tornTail: SegmentDamage? {
        if case .tornTail(let damage) = end { return damage }
        return nil
    }

    var corruption: SegmentDamage? {
        if case .corrupt(let damage) = end { return damage }
        return nil
    }
}

func scan(_ bytes: [UInt8], expectedFirstLSN: UInt64? = nil, last: Bool = true) throws -> SegmentScan {
    try SegmentScanner.scan(bytes, expectedFirstLSN: expectedFirstLSN, isLastSegment: last)
}
