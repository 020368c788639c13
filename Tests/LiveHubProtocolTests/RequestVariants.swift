/// Systematic variants of requests, for comparing `RequestDecoder`'s fast path with its general path:
/// every single-byte edit of a few requests, and hand-picked members, values and spellings around every
/// rule the fast path must apply exactly as the general path does.
enum RequestVariants {
    /// Requests the byte edits start from: the fast path's two types, with escapes, non-ASCII text,
    /// integer ids and every optional member.
    static let editedRequests: [String] = [
        #"{"type":"message.send","id":"r2","conversationId":"c1","text":"Hello, my order arrived broken.","visibility":"public","clientMsgId":"m-7f3a"}"#,
        #"{"type":"typing","id":5,"conversationId":"c1"}"#,
        #"{"type":"message.send","id":-17,"conversationId":"c\u00e9","text":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t é 😀","visibility":"internal"}"#,
        " {\"conversationId\" : \"c1\" ,\n\t\"text\":\"\",\r\n\"type\":\"message.send\"} ",
    ]

    /// Bytes each position is overwritten with: JSON punctuation, digits, literal letters, whitespace
    /// (and not-quite-whitespace), control characters and the awkward corners of UTF-8.
    static let replacementBytes: [UInt8] =
        Array(#""\{}[],:01-.eEtfnulrsy/ aAx"#.utf8) + [0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x00, 0x1F, 0x7F]
        + [0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]

    /// Every request with each byte deleted, duplicated, or replaced by each of `replacementBytes`.
    static func byteEdits() -> [[UInt8]] {
        var variants: [[UInt8]] = []
        for request in editedRequests {
            let bytes = Array(request.utf8)
            for offset in bytes.indices {
                var deleted = bytes
                deleted.remove(at: offset)
                variants.append(deleted)
                var duplicated = bytes
                duplicated.insert(bytes[offset], at: offset)
                variants.append(duplicated)
                for replacement in replacementBytes where replacement != bytes[offset] {
                    var replaced = bytes
                    replaced[offset] = replacement
                    variants.append(replaced)
                }
            }
            variants.append(bytes + [0x20, 0x7B])
            variants.append([0xEF, 0xBB, 0xBF] + bytes)
        }
        return variants
    }

    /// The members of a full `message.send`, as raw JSON text, in their usual order.
    static let sendMembers: [String] = [
        #""type":"message.send""#, #""id":"r1""#, #""conversationId":"c1""#, #""text":"hi""#,
        #""visibility":"public""#, #""clientMsgId":"m1""#,
    ]

    /// A `message.send` in every order of its six members (720 requests).
    static func reorderedSends() -> [String] {
        permutations(of: sendMembers).map { "{" + $0.joined(separator: ",") + "}" }
    }

    private static func permutations(of items: [String]) -> [[String]] {
        guard items.count > 1 else { return [items] }
        var result: [[String]] = []
        for (index, item) in items.enumerated() {
            var rest = items
            rest.remove(at: index)
            result += permutations(of: rest).map { [item] + $0 }
        }
        return result
    }

    /// JSON values of every kind and many spellings, put in turn into each member of a `message.send`
    /// and a `typing`.
    static let values: [String] = [
        "null", "true", "false", "0", "-0", "7", "-7", "01", "-01", "1.0", "1.5", "1e2", "1E2", "1e+2", "-", "--1",
        "+1", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "99999999999999999999999", "[]", "{}", #"["c1"]"#, #"{"a":1}"#, #"{"a":{"b":[]}}"#,
        #""""#, #""c1""#, #""message.send""#, #""typing""#, #""public""#, #""internal""#, #""Public""#,
        #""secret""#, #""conversation.start""#, #""message.send ""#, #""typing\u0000""#,
        #""m\u0065ssage.send""#, #""typ\u0069ng""#, #""p\u0075blic""#, #""\u0069nternal""#,
        #""\u0000""#, #""\u001f""#, #""\u00e9""#, #""\u00E9""#, #""\uD83D\uDE00""#, #""\ud83d\ude00""#,
        #""\uD83D""#, #""\uDE00""#, #""\uD83Dx""#, #""\uD83D\u0041""#, #""\uDE00\uD83D""#, #""\uZZZZ""#,
        #""\u12""#, #""\u""#, #""\x""#, #""\'""#, #""\/""#, #""\\""#, #""\"""#, #""a\"b""#, #""tab\there""#,
        "\"raw\ttab\"", "\"raw\nnewline\"", "\"é\"", "\"e\u{301}\"", "\"😀\"", "\"\u{212A}\"", "\"\u{FEFF}x\"",
        #""caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t""#, "\"x\"x", "\"x", "x\"", "'c1'", "c1",
    ]

    /// Invalid UTF-8 inside a string: a lone continuation byte, an overlong encoding, an encoded
    /// surrogate, truncated sequences, bytes that never occur, a code point above U+10FFFF.
    static let invalidUTF8: [[UInt8]] = [
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF0, 0x9F, 0x98], [0xE2, 0x82], [0xC3], [0xF5, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF],
        [0xFE], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ]

    /// Strings of `length` bytes in ASCII, in two-byte characters (when `length` is even), and spelled
    /// with `\u` escapes whose decoded length is `length`.
    static func strings(ofBytes length: Int) -> [String] {
        var strings = ["\"" + String(repeating: "a", count: length) + "\""]
        if length.isMultiple(of: 2) {
            strings.append("\"" + String(repeating: "é", count: length / 2) + "\"")
            strings.append("\"" + String(repeating: #"\u00e9"#, count: length / 2) + "\"")
        }
        if length >= 4 {
            strings.append("\"" + String(repeating: "a", count: length - 4) + "😀\"")
            strings.append("\"" + String(repeating: "a", count: length - 4) + #"\ud83d\ude00""#)
        }
        return strings
    }

    /// Requests around each rule: every value in every member, lengths at the limits, invalid UTF-8,
    /// duplicate, extra and misspelt members, whitespace, and other documents.
    static func ruleVariants() -> [[UInt8]] {
        var texts: [String] = []
        let sendMembers = ["id", "conversationId", "text", "visibility", "clientMsgId", "type"]
        for member in sendMembers {
            for value in values + strings(ofBytes: 128) + strings(ofBytes: 129) + strings(ofBytes: 256)
                + strings(ofBytes: 257)
            {
                texts.append(send(replacing: member, with: value))
                if ["id", "conversationId", "type"].contains(member) {
                    texts.append(typing(replacing: member, with: value))
                }
            }
        }
        for member in sendMembers + ["subject", "agentId", "afterSeq", "clientMessageId", "Type", "ID", "", "type "] {
            texts.append(send(adding: member, with: #""x""#))
            texts.append(send(adding: member, with: #""c2""#))
            texts.append(typing(adding: member, with: #""x""#))
        }
        texts += ["typing", "message.send"].flatMap { type in
            [
                #"{"type":"\#(type)"}"#, #"{"type":"\#(type)","conversationId":"c1"}"#,
                #"{"type":"\#(type)","text":"x"}"#, #"{"conversationId":"c1","text":"x"}"#,
                #"{"type":"\#(type)","conversationId":"c1","text":"x","visibility":"internal","clientMsgId":"m"}"#,
                #"{"type":"\#(type)","conversationId":"c1","text":"x",}"#,
                #"{"type":"\#(type)","conversationId":"c1","text":"x"}}"#,
                #"{"type":"\#(type)","conversationId":"c1","text":"x"},"#,
                #"{"type":"\#(type)","conversationId":"c1","text":"x"} x"#,
                #"{"type":"\#(type)","conversationId":"c1","text":"x""#, #"{"type":"\#(type)","conversationId":"c1","#,
                #"{"type":"\#(type)" "conversationId":"c1","text":"x"}"#,
                #"{"type"="\#(type)","conversationId":"c1","text":"x"}"#,
                #"{"t\u0079pe":"\#(type)","conversationId":"c1","text":"x"}"#,
                #"{"type":"\#(type)","conversation\u0049d":"c1","text":"x"}"#,
                " \t\r\n{ \t\r\n\"type\" \t\r\n: \t\r\n\"\(type)\" \t\r\n, \"conversationId\":\"c1\" , \"text\" : \"x\" \t\r\n} \t\r\n",
                "\u{0B}{\"type\":\"\(type)\",\"conversationId\":\"c1\",\"text\":\"x\"}",
                "{\"type\":\"\(type)\",\"conversationId\":\"c1\",\"text\":\"x\"}\u{0C}",
                "{\"type\":\"\(type)\",\"conversationId\":\"c1\",\u{A0}\"text\":\"x\"}",
            ]
        }
        texts += ["", " ", "{}", "[]", "null", "7", #""message.send""#, "{", "}", "{ }", #"[{"type":"typing"}]"#]
        var variants = texts.map { Array($0.utf8) }
        for invalid in invalidUTF8 {
            for member in ["id", "conversationId", "text", "clientMsgId", "visibility", "type"] {
                let prefix = Array(send(replacing: member, with: "\"a").utf8)
                let (head, tail) = split(prefix, after: "\"a")
                variants.append(head + invalid + Array("b\"".utf8) + tail)
                variants.append(head + invalid + Array(#"\n""#.utf8) + tail)
            }
            variants.append(Array(#"{"type":"typing","conversationId":"c1",""#.utf8) + invalid + Array(#"":1}"#.utf8))
        }
        return variants
    }

    /// A full `message.send` with `member`'s value replaced (or the member added) as raw JSON.
    static func send(replacing member: String, with value: String) -> String {
        var members: [(String, String)] = [
            ("type", #""message.send""#), ("id", #""r1""#), ("conversationId", #""c1""#), ("text", #""hi""#),
            ("visibility", #""public""#), ("clientMsgId", #""m1""#),
        ]
        if let index = members.firstIndex(where: { $0.0 == member }) {
            members[index].1 = value
        } else {
            members.append((member, value))
        }
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    static func send(adding member: String, with value: String) -> String {
        String(send(replacing: "clientMsgId", with: #""m1""#).dropLast()) + ",\"\(member)\":\(value)}"
    }

    static func typing(replacing member: String, with value: String) -> String {
        var members: [(String, String)] = [("type", #""typing""#), ("id", "9"), ("conversationId", #""c1""#)]
        if let index = members.firstIndex(where: { $0.0 == member }) { members[index].1 = value }
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    static func typing(adding member: String, with value: String) -> String {
        #"{"type":"typing","conversationId":"c1","\#(member)":\#(value)}"#
    }

    /// `bytes` cut just after the first occurrence of `marker`.
    private static func split(_ bytes: [UInt8], after marker: String) -> ([UInt8], [UInt8]) {
        let needle = Array(marker.utf8)
        for start in 0...(bytes.count - needle.count) where Array(bytes[start..<(start + needle.count)]) == needle {
            return (Array(bytes[..<(start + needle.count)]), Array(bytes[(start + needle.count)...]))
        }
        return (bytes, [])
    }
}
