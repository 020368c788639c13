/// Small helpers for HTTP header values (RFC 9110 §5.6): comma-separated lists, optional whitespace,
/// ASCII case-insensitive tokens. Stdlib only.
enum HeaderTokens {
    /// All non-empty elements of comma-separated list values, trimmed of optional whitespace
    /// (RFC 9110 §5.6.1: empty list elements are ignored).
    static func listElements(_ values: [String]) -> [Substring] {
        var elements: [Substring] = []
        for value in values {
            for element in value.split(separator: ",", omittingEmptySubsequences: true) {
                let trimmed = trimmingWhitespace(element)
                if !trimmed.isEmpty { elements.append(trimmed) }
            }
        }
        return elements
    }

    /// Whether any list element equals `token`, ignoring ASCII case.
    static func listContains(_ values: [String], token: String) -> Bool {
        listElements(values).contains { equalsIgnoringCase($0, token) }
    }

    /// Removes leading and trailing spaces and tabs (RFC 9110 §5.6.3 OWS).
    static func trimmingWhitespace(_ text: Substring) -> Substring {
        var start = text.startIndex
        var end = text.endIndex
        while start < end, text[start] == " " || text[start] == "\t" { start = text.index(after: start) }
        while end > start {
            let previous = text.index(before: end)
            guard text[previous] == " " || text[previous] == "\t" else { break }
            end = previous
        }
        return text[start..<end]
    }

    /// ASCII case-insensitive comparison; header tokens are ASCII (RFC 9110 §5.6.2).
    static func equalsIgnoringCase(_ left: some StringProtocol, _ right: some StringProtocol) -> Bool {
        let leftBytes = left.utf8
        let rightBytes = right.utf8
        guard leftBytes.count == rightBytes.count else { return false }
        return zip(leftBytes, rightBytes).allSatisfy { lowercased($0) == lowercased($1) }
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
