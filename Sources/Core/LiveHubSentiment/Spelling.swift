/// A folded spelling as bytes of a tokenized message, compared and looked up with `String`'s
/// answers: two ASCII spellings are equal when their bytes are (for ASCII text that is `String`
/// equality); anything else is compared as `String`s, so canonical equivalence keeps working.
struct Spelling {
    let bytes: UnsafeBufferPointer<UInt8>
    let isASCII: Bool

    var string: String { String(decoding: bytes, as: UTF8.self) }

    func equals(_ other: Spelling) -> Bool {
        if isASCII && other.isASCII { return Self.equalBytes(bytes, other.bytes) }
        return string == other.string
    }

    func equals(_ other: String) -> Bool {
        if isASCII {
            let fast: Bool?? = other.utf8.withContiguousStorageIfAvailable { other in
                for byte in other where byte >= 0x80 { return Bool?.none }
                return Self.equalBytes(bytes, other)
            }
            if let fast = fast ?? nil { return fast }
        }
        return string == other
    }

    static func equalBytes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        var offset = 0
        while offset < left.count, left[offset] == right[offset] { offset += 1 }
        return offset == left.count
    }
}

/// A tokenized message while it is scored: its tokens and folded bytes without copies.
struct MessageView {
    let tokens: UnsafeBufferPointer<Token>
    let folded: UnsafeBufferPointer<UInt8>
    let parts: UnsafeBufferPointer<Range<Int>>

    /// Calls `body` with a view of `message`.
    static func with<Result>(_ message: TokenizedMessage, _ body: (MessageView) -> Result) -> Result {
        message.tokens.withUnsafeBufferPointer { tokens in
            message.folded.withUnsafeBufferPointer { folded in
                message.parts.withUnsafeBufferPointer { parts in
                    body(MessageView(tokens: tokens, folded: folded, parts: parts))
                }
            }
        }
    }

    func spelling(_ range: Range<Int>, isASCII: Bool) -> Spelling {
        Spelling(bytes: UnsafeBufferPointer(rebasing: folded[range]), isASCII: isASCII)
    }

    func text(_ word: Word) -> Spelling { spelling(word.text, isASCII: word.isASCII) }

    /// The word's spellings as `String`s, for the rules that look into an unknown word.
    func spelled(_ word: Word) -> SpelledWord {
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: folded[range]), as: UTF8.self)
        }
        return SpelledWord(
            text: string(word.text),
            shortened: word.isElongated ? [string(word.shortenedTwice), string(word.shortenedOnce)] : [],
            parts: word.parts.map { string(parts[$0]) }, hasLetters: word.hasLetters)
    }
}

/// A word's spellings as `String`s: what the lexicon's rules for unknown words work on.
struct SpelledWord {
    var text: String
    var shortened: [String]
    var parts: [String]
    var hasLetters: Bool
}

extension ASCIITable {
    /// The value for a spelling of a message, as `self[spelling.string]` would find it.
    func value(_ spelling: Spelling) -> Value? {
        spelling.isASCII ? value(ascii: spelling.bytes) : dictionary[spelling.string]
    }
}
