import LiveHubDomain

/// Where a closed conversation lives in the archive: `archive/<UTC day it closed>/<id bucket>.archive`.
///
/// Days make retention cheap and exact to the day: a day's directory goes whole once its last instant
/// is older than the retention period, with nothing read. Buckets of a thousand conversation ids make
/// a lookup by id cheap: the id names the file, so a lookup reads one small file per day still kept
/// (most days have none for a given bucket). Conversations close roughly in start order, so the
/// archive thread appends to one or two files at a time.
enum ArchiveLayout {
    /// Conversation ids per bucket file.
    static let bucketSize = 1000

    /// The day directory of a conversation closed at `closedAt`: `YYYY-MM-DD`, UTC.
    static func day(of closedAt: Instant) -> String {
        let (year, month, day) = civilDate(daysSinceEpoch: floorDivide(closedAt.millisecondsSinceEpoch, 86_400_000))
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// The first instant after the day a directory is named for; nil when the name is not a day.
    static func end(ofDay name: String) -> Instant? {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return Instant(millisecondsSinceEpoch: (days + 1) * 86_400_000)
    }

    /// The bucket file of a conversation: `c000042.archive` holds `c42000` … `c42999`; an id the hub
    /// did not mint (`c` and digits) goes to `other.archive`.
    static func file(of conversationId: ConversationId) -> String {
        let raw = conversationId.rawValue
        guard raw.hasPrefix("c"), raw.count > 1, raw.count <= 19, raw.dropFirst().allSatisfy(\.isASCIINumber),
            let number = Int64(raw.dropFirst())
        else { return "other.archive" }
        return "c" + pad(number / Int64(bucketSize), 6) + ".archive"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    /// Year, month, day of a day count since 1970-01-01 (proleptic Gregorian; the "civil from days"
    /// algorithm on 400-year eras).
    static func civilDate(daysSinceEpoch days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days since 1970-01-01 of a date (the inverse of `civilDate`).
    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(adjustedYear, 400)
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension Character {
    fileprivate var isASCIINumber: Bool { isASCII && isNumber }
}
