/// Percent-decoding of URI components (RFC 3986 §2.1), as used for query values and path captures.
public enum HTTPPercentEncoding {
    /// Decodes `%XX` escapes; with `plusAsSpace`, `+` becomes a space (the
    /// `application/x-www-form-urlencoded` reading of a query). A malformed escape is kept as
    /// written rather than rejected, and invalid UTF-8 is repaired with U+FFFD, so decoding never fails.
    public static func decode(_ text: Substring, plusAsSpace: Bool) -> String {
        let bytes = text.utf8
        // Fast path: most components need no decoding at all.
        if !bytes.contains(where: { $0 == ASCII.percent || (plusAsSpace && $0 == ASCII.plus) }) {
            return String(text)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == ASCII.percent,
                let highIndex = bytes.index(index, offsetBy: 1, limitedBy: bytes.endIndex), highIndex < bytes.endIndex,
                let lowIndex = bytes.index(index, offsetBy: 2, limitedBy: bytes.endIndex), lowIndex < bytes.endIndex,
                let high = ASCII.hexValue(bytes[highIndex]), let low = ASCII.hexValue(bytes[lowIndex])
            {
                decoded.append(UInt8(high << 4 | low))
                index = bytes.index(after: lowIndex)
                continue
            }
            decoded.append(plusAsSpace && byte == ASCII.plus ? ASCII.space : byte)
            index = bytes.index(after: index)
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// Decodes a whole string; see `decode(_:plusAsSpace:)`.
    public static func decode(_ text: String, plusAsSpace: Bool) -> String {
        decode(text[...], plusAsSpace: plusAsSpace)
    }
}
