/// Emoji and emoticons, the same in every language. Scores on the lexicons' scale (-3…3), set for
/// how customers use them in a service chat (😂 is often bitter there, so it counts little).
enum Emoji {
    static let scores: [UInt32: Double] = {
        var table: [UInt32: Double] = [:]
        let entries: [(String, Double)] = [
            // Joy, affection, approval.
            ("😀", 2), ("😃", 2), ("😄", 2), ("😁", 2), ("😆", 1.5), ("😊", 1.8), ("🙂", 1.2), ("☺", 1.5),
            ("😇", 1.5), ("🥰", 2.5), ("😍", 2.5), ("🤩", 2.5), ("😘", 2), ("😗", 1), ("😙", 1.2), ("😚", 1.5),
            ("🤗", 2), ("🥳", 2.5), ("😎", 1.5), ("😉", 1), ("😋", 1.5), ("😌", 1.2), ("🙏", 1), ("👍", 1.5),
            ("👌", 1.5), ("👏", 1.8), ("🙌", 2), ("💪", 1), ("🤝", 1.2), ("✌", 1), ("🎉", 2), ("🎊", 2), ("🥂", 1.5),
            ("❤", 2), ("🧡", 2), ("💛", 2), ("💚", 2), ("💙", 2), ("💜", 2), ("🤍", 1.5), ("💖", 2.2), ("💕", 2),
            ("💗", 2), ("💓", 2), ("😻", 2), ("⭐", 1.2), ("🌟", 1.5), ("✨", 1), ("💯", 1.5), ("✅", 1), ("✔", 0.8),
            ("☀", 0.8), ("🌞", 1), ("🌈", 1), ("🍀", 1), ("🏆", 1.5), ("🥇", 1.5), ("🔥", 0.8), ("😂", 0.3),
            ("🤣", 0.5), ("😅", 0.3), ("🙃", -0.5), ("😏", -0.3),
            // Displeasure, sadness, anger.
            ("😐", -0.3), ("😑", -0.8), ("😶", -0.3), ("🙄", -1.5), ("😒", -1.5), ("😬", -0.8), ("🤨", -0.5),
            ("😕", -1), ("🫤", -1), ("🙁", -1.2), ("☹", -1.5), ("😟", -1.3), ("😞", -1.8), ("😔", -1.5), ("😓", -1.2),
            ("😥", -1.5), ("😢", -1.8), ("😭", -2), ("😿", -1.8), ("😩", -1.8), ("😫", -1.8), ("😖", -1.5),
            ("😣", -1.5), ("😤", -1.8), ("😠", -2.2), ("😡", -2.5), ("🤬", -3), ("👿", -2.5), ("💢", -2),
            ("😾", -2), ("😱", -1.5), ("😰", -1.5), ("😨", -1.5), ("😧", -1.2), ("😦", -1.2), ("🤦", -1.5),
            ("🤷", -0.3), ("🤯", -1.2), ("🥵", -0.5), ("🤢", -2), ("🤮", -2.5), ("💩", -2), ("👎", -1.8),
            ("💔", -2), ("❌", -1), ("✖", -0.5), ("⛔", -1), ("🚫", -1), ("🐌", -1), ("⚠", -0.5), ("🤡", -1.5),
            ("😪", -1), ("😴", -0.8), ("🥱", -1),
        ]
        for (emoji, score) in entries {
            table[emoji.unicodeScalars.first!.value] = score
        }
        return table
    }()

    /// The smallest scalar value with a score: no scalar below it needs a table lookup.
    static let smallest: UInt32 = scores.keys.min() ?? 0

    /// Scalars that only modify the emoji before them: variation selectors, skin tones, the
    /// zero-width joiner (the joined part is looked at on its own), tags.
    static func isModifier(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE0E, 0xFE0F, 0x200D, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F, 0x20E3: true
        default: false
        }
    }
}

/// ASCII emoticons: ":)", ":-(", ":'(", "<3", "xD" (the last as a word, in the lexicons).
enum Emoticons {
    private static let table: [(text: [UInt8], score: Double)] = {
        let entries: [(String, Double)] = [
            (">:-(", -2.5), (">:(", -2.5), (":'-(", -2), (":'(", -2), (":-)", 1.5), (":-]", 1.5), (":-D", 2),
            (":-(", -1.5), (":-[", -1.5), (":-/", -0.8), (":-|", -0.3), (":-P", 0.8), (":-p", 0.8), (";-)", 1),
            ("^_^", 1.5), ("</3", -2), (":)", 1.5), (":]", 1.5), ("=)", 1.5), ("(:", 1.5), (":D", 2), ("=D", 2),
            (";D", 1.5), (";)", 1), (":P", 0.8), (":p", 0.8), (":*", 1.5), ("<3", 2), ("^^", 1), (":(", -1.5),
            (":[", -1.5), ("=(", -1.5), (":/", -0.8), (":\\", -0.8), (":|", -0.3), (":@", -2.5),
            (":S", -1), ("-_-", -1), ("-.-", -1),
        ]
        // All ASCII: one byte is one scalar, so byte lengths are scalar counts.
        return entries.map { (Array($0.0.utf8), $0.1) }.sorted { $0.text.count > $1.text.count }
    }()

    /// The emoticon starting at byte `index` of a message's UTF-8, if any: its score, its length
    /// (with any repeats of its last character, ":(((") and whether it was repeated. An emoticon
    /// must stand apart from digits, URLs and words after it ("10:30", "https://", ":Dear" are not
    /// emoticons).
    static func match(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Double, Int, Bool)? {
        switch bytes[index] {
        case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "^"), UInt8(ascii: "("), UInt8(ascii: "-"):
            break
        default: return nil
        }
        if index > 0 {
            let before = Tokenizer.scalar(bytes, before: index)
            // Among ASCII scalars only the digits have a numeric type: no property lookup for them.
            let isNumeric = before.isASCII ? (before >= "0" && before <= "9") : before.properties.numericType != nil
            if isNumeric || before == ":" || before == "/" || before == "." { return nil }
        }
        for entry in table where index + entry.text.count <= bytes.count {
            var equal = true
            for offset in 0..<entry.text.count where bytes[index + offset] != entry.text[offset] {
                equal = false
                break
            }
            guard equal else { continue }
            var end = index + entry.text.count
            let last = entry.text[entry.text.count - 1]
            let isMouth =
                last == UInt8(ascii: ")") || last == UInt8(ascii: "(") || last == UInt8(ascii: "D")
                || last == UInt8(ascii: "/") || last == UInt8(ascii: "[")
            while isMouth, end < bytes.count, bytes[end] == last, last != UInt8(ascii: "D") { end += 1 }
            if end < bytes.count {
                let after = Tokenizer.scalar(bytes, at: end).0
                if Tokenizer.isWordScalar(after) || after == "/" { continue }
            }
            return (entry.score, end - index, end > index + entry.text.count)
        }
        return nil
    }
}
