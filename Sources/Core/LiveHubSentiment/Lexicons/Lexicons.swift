/// The three lexicons, built once on first use from the Swift sources in this folder.
enum Lexicons {
    static let english = Lexicon(
        language: .english, source: EnglishLexicon.source, shared: SharedLexicon.source,
        inflections: [
            ("iest", ["y"]), ("ier", ["y"]), ("ily", ["y"]), ("bly", ["ble"]), ("ly", ["", "e"]), ("ness", [""]),
            ("ing", ["", "e"]), ("ied", ["y"]), ("ies", ["y"]), ("ed", ["", "e"]), ("es", ["", "e"]), ("est", ["", "e"]),
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

    /// Word endings typical of one language, for words no lexicon knows ("einwandfreiem",
    /// "Bestätigung", "vriendelijkheid"): half a vote in `SentimentScorer.detectLanguage`.
    static let endings: [(ending: String, language: SentimentLanguage)] = [
        ("tion", .english), ("ing", .english), ("ly", .english), ("ness", .english), ("ful", .english),
        ("ung", .german), ("heit", .german), ("keit", .german), ("lich", .german), ("isch", .german), ("em", .german),
        ("chen", .german), ("lijk", .dutch), ("heid", .dutch), ("tje", .dutch), ("tjes", .dutch),
    ]

    /// Letter pairs typical of one language anywhere in an unknown word ("ae" is a folded ä).
    static let spellings: [(pair: String, language: SentimentLanguage)] = [
        ("ae", .german), ("ij", .dutch), ("aa", .dutch), ("uu", .dutch),
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
