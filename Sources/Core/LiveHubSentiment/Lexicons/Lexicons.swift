/// The three lexicons, built once on first use from the Swift sources in this folder.
enum Lexicons {
    static let english = Lexicon(
        language: .english, source: EnglishLexicon.source, shared: SharedLexicon.source,
        inflections: [
            ("iest", ["y"]), ("ier", ["y"]), ("ily", ["y"]), ("bly", ["ble"]), ("ly", ["", "e"]), ("ness", [""]),
            ("ing", ["", "e"]), ("ied", ["y"]), ("ies", ["y"]), ("ed", ["", "e"]), ("es", ["", "e"]),
            ("est", ["", "e"]),
            ("er", ["", "e"]), ("'s", [""]), ("s", [""]),
        ],
        splitsCompounds: false)

    static let german = Lexicon(
        language: .german, source: GermanLexicon.source, shared: SharedLexicon.source,
        inflections: [
            ("esten", [""]), ("ester", [""]), ("estes", [""]), ("estem", [""]), ("este", [""]), ("sten", [""]),
            ("ster", [""]), ("stes", [""]), ("stem", [""]), ("ste", [""]), ("eren", ["er"]), ("erem", ["er"]),
            ("eres", ["er"]), ("ere", ["er"]), ("en", ["", "e"]), ("er", [""]), ("es", [""]), ("em", [""]),
            ("e", [""]), ("n", [""]), ("s", [""]), ("t", ["", "en"]), ("st", ["", "en"]),
        ],
        splitsCompounds: true)

    static let dutch = Lexicon(
        language: .dutch, source: DutchLexicon.source, shared: SharedLexicon.source,
        inflections: [
            // A verb's -t goes back to the infinitive only: "duurt" is "duren", not "duur" (expensive).
            ("ste", [""]), ("sten", [""]), ("ere", [""]), ("er", [""]), ("en", ["", "e"]), ("e", [""]), ("s", [""]),
            ("t", ["en"]),
        ],
        splitsCompounds: true)

    static let all: [Lexicon] = [english, german, dutch]
    static let languages: [SentimentLanguage] = all.map(\.language)

    /// For each spelling any lexicon knows (a function word or a single-word entry), a bit per
    /// language of `languages` that knows it: one lookup per word to detect the language.
    static let detection: ASCIITable<UInt8> = {
        var table: [String: UInt8] = [:]
        for (bit, lexicon) in all.enumerated() {
            for word in lexicon.detectionWords { table[word, default: 0] |= 1 << bit }
            for word in lexicon.words.keys { table[word, default: 0] |= 1 << bit }
        }
        return ASCIITable(table)
    }()

    /// The index in `languages` of the language an unknown word's ending or spelling points to.
    static func cue(_ word: String) -> Int? {
        if let fast = word.utf8.withContiguousStorageIfAvailable({ cue(bytes: $0) }) { return fast }
        return slowCue(word)
    }

    /// `endings` as plain values for `cue(bytes:)` (no array to retain per ending): the ending's
    /// bytes packed first byte lowest, its length, the index of its language.
    private static let packedEndings: [(bytes: UInt32, count: Int, language: Int?)] = endings.map { ending in
        var packed: UInt32 = 0
        for (offset, byte) in ending.ending.utf8.enumerated() { packed |= UInt32(byte) << (8 * offset) }
        return (packed, ending.ending.utf8.count, languages.firstIndex(of: ending.language))
    }

    /// `cue` on the word's bytes: the first ending it has, else the first position where a pair
    /// of `spellings` ends (the last pair listed wins there).
    static func cue(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // An ending can match only when the word ends in the last byte of one.
        if let last = bytes.last {
            for (packed, count, language) in endingsByLastByte[Int(last)] where count <= bytes.count {
                let start = bytes.count - count
                var offset = 0
                while offset < count, UInt32(bytes[start + offset]) == (packed >> (8 * offset)) & 0xFF { offset += 1 }
                if offset == count { return language }
            }
        }
        let pairs = Self.pairs
        var previous = 0
        for byte in bytes {
            let pair = pairs[previous << 8 | Int(byte)]
            if pair != 0 { return pair == 0xFF ? nil : Int(pair) - 1 }
            previous = Int(byte)
        }
        return nil
    }

    /// Per pair of bytes (the first shifted up by 8): 0 when no pair of `spellings` is these
    /// bytes, else 1 + the index in `languages` of the last pair listed with them (0xFF for a
    /// language not in `languages`). One load per byte instead of a walk over `spellings`.
    private static let pairs: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 1 << 16)
        for (first, second, language) in spellings {
            table[Int(first) << 8 | Int(second)] = languages.firstIndex(of: language).map { UInt8($0 + 1) } ?? 0xFF
        }
        return table
    }()

    /// `packedEndings` by their last byte, in their order: a word is compared only with the
    /// endings that end as it does.
    private static let endingsByLastByte: [[(bytes: UInt32, count: Int, language: Int?)]] = (0..<256).map {
        (byte: Int) in
        // (Endings have one to four bytes; one of another length is kept with every byte.)
        packedEndings.filter {
            !(1...4).contains($0.count) || Int($0.bytes >> (8 * UInt32($0.count - 1)) & 0xFF) == byte
        }
    }

    /// `cue` by the rules as written, on `String`s: what the byte version must answer (tested).
    static func slowCue(_ word: String) -> Int? {
        var language = endings.first { word.utf8HasSuffix($0.ending) }?.language
        if language == nil {
            var previous: UInt8 = 0
            for byte in word.utf8 {
                for (first, second, candidate) in spellings where previous == first && byte == second {
                    language = candidate
                }
                if language != nil { break }
                previous = byte
            }
        }
        return language.flatMap { languages.firstIndex(of: $0) }
    }

    /// Word endings typical of one language, for words no lexicon knows ("einwandfreiem",
    /// "Bestätigung", "vriendelijkheid"): half a vote in `SentimentScorer.detectLanguage`.
    static let endings: [(ending: String, language: SentimentLanguage)] = [
        ("tion", .english), ("ing", .english), ("ly", .english), ("ness", .english), ("ful", .english),
        ("ung", .german), ("heit", .german), ("keit", .german), ("lich", .german), ("isch", .german), ("em", .german),
        ("chen", .german), ("lijk", .dutch), ("heid", .dutch), ("tje", .dutch), ("tjes", .dutch),
    ]

    /// Letter pairs typical of one language anywhere in an unknown word ("ae" is a folded ä).
    static let spellings: [(first: UInt8, second: UInt8, language: SentimentLanguage)] = [
        (UInt8(ascii: "a"), UInt8(ascii: "e"), .german), (UInt8(ascii: "i"), UInt8(ascii: "j"), .dutch),
        (UInt8(ascii: "a"), UInt8(ascii: "a"), .dutch), (UInt8(ascii: "u"), UInt8(ascii: "u"), .dutch),
    ]

    static func lexicon(for language: SentimentLanguage) -> Lexicon {
        switch language {
        case .english: english
        case .german: german
        case .dutch: dutch
        }
    }
}

/// Chat words customers use whatever language they write in. A language may redefine any of them.
enum SharedLexicon {
    static let source = """
        thanks, thx, thanx, thnx, merci = 1.5
        nice = 1.5
        cool = 1.2
        top = 2
        super = 2 | x1.4
        mega = 1.5 | x1.5
        perfect, perfekt = 2.5
        xd = 1.5
        yay = 1.5
        wtf = -2.5
        grr, argh, ugh, meh = -1.5
        fail = -2
        ok, okay, oke, oki = 0 / -1.5
        """
}
