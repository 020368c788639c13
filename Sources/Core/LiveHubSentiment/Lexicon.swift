/// What a lexicon says about a word or phrase.
struct Entry: Sendable, Equatable {
    enum Role: Sendable, Equatable {
        /// Carries sentiment (`valence`, and `negated` if negation gives it a value of its own).
        case sentiment
        /// Turns the sentiment that follows (or, in German and Dutch word order, precedes) around.
        case negator
        /// Scales the sentiment word it stands before by `multiplier` ("very", "a bit").
        case modifier
        /// "but": what follows weighs more, what precedes less.
        case contrast
        /// "although": the clause it opens weighs less.
        case concession
        /// "and", "weil", "omdat": ends a negation's reach and a chain of modifiers.
        case boundary
    }

    var role: Role
    var valence: Double = 0
    /// The value under negation; without it a negated positive word is worth -0.75 of itself and
    /// a negated negative one -0.5 ("not bad" is mildly positive).
    var negated: Double? = nil
    /// A modifier's factor; on a sentiment word, the factor it has when it stands right before
    /// another sentiment word ("super" alone is positive, "super helpful" is very helpful).
    var multiplier: Double? = nil

    /// The value of this sentiment entry, negated or not.
    func value(negated isNegated: Bool) -> Double {
        guard isNegated else { return valence }
        if let negated { return negated }
        return valence > 0 ? -0.75 * valence : -0.5 * valence
    }
}

/// A compound's first part that says something on its own ("Mist-", "Spitzen-", "kei-").
struct PrefixEntry: Sendable, Equatable {
    /// The compound's value when its head carries none ("Mistladen", "topservice").
    var valence: Double?
    /// The factor on a head that carries sentiment ("superschnell", "keigoed").
    var multiplier: Double?
}

/// Everything a lexicon knows about one spelling, found with one lookup. A plain value (the
/// phrases are referred to by number), so that copying or dropping one retains nothing.
struct Known: Sendable {
    var entry: Entry?
    /// The index in `Lexicon.phraseLists` of the phrases that start with this word; -1 for none.
    var phraseList = -1
    var isFunctionWord = false
}

/// A multi-word entry. A class: trying a phrase hands on one reference, not its arrays.
final class Phrase: Sendable {
    let words: [String]
    let entry: Entry
    /// The words' bytes one after another and where each ends, when all are ASCII (they are
    /// compared with a message's ASCII words byte for byte); empty otherwise.
    let bytes: [UInt8]
    let ends: [Int]
    /// Which words are the number placeholder `<n>`, a bit per word.
    let numberSlots: UInt64

    init(words: [String], entry: Entry) {
        self.words = words
        self.entry = entry
        var numberSlots: UInt64 = 0
        for (offset, word) in words.enumerated() where word == "<n>" {
            // Past 64 words (none is that long) the slot is told by comparing the word.
            if offset < 64 { numberSlots |= 1 << UInt64(offset) }
        }
        self.numberSlots = numberSlots
        if words.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            bytes = words.flatMap { Array($0.utf8) }
            var end = 0
            ends = words.map {
                end += $0.utf8.count
                return end
            }
        } else {
            bytes = []
            ends = []
        }
    }

    /// Whether word `offset` of the phrase is the ASCII spelling `spelling`; nil when the phrase
    /// is not ASCII.
    func word(_ offset: Int, is spelling: Bytes) -> Bool? {
        guard !ends.isEmpty else { return nil }
        let start = offset == 0 ? 0 : ends[offset - 1]
        guard ends[offset] - start == spelling.count else { return false }
        for position in 0..<spelling.count where bytes[start + position] != spelling[position] { return false }
        return true
    }
}

/// One language's lexicon, built once (on first use) from its source text in `Lexicons/`.
/// A class, immutable: the scorer uses it on every message, and a struct of this many tables
/// would be copied (a retain and a release per table) each time it is handed on.
final class Lexicon: Sendable {
    let language: SentimentLanguage
    let words: [String: Entry]
    /// Phrases by their first word, longest first.
    let phrases: [String: [Phrase]]
    let prefixes: [String: PrefixEntry]
    /// Prefixes that turn an adjective around ("un-", "on-"): "unfreundlich", "onbehulpzaam".
    let negatingPrefixes: [String]
    /// Function words that tell the language apart (used only to detect it).
    let detectionWords: Set<String>
    /// Verb particles ("auf", "zurück", "uit"): a word starting with one is a verb, not a
    /// compound ("aufgefallen" is not scored as "gefallen").
    let particles: Set<String>
    /// Words, phrase starts and function words in one table (see `Known`).
    let index: ASCIITable<Known>
    /// Phrases by their first word, longest first, numbered for `Known.phraseList`.
    let phraseLists: [[Phrase]]
    /// `words` and `detectionWords` for lookups while scoring.
    private let wordTable: ASCIITable<Entry>
    private let functionWords: ASCIITable<Bool>
    /// Sentiment words of four letters or more by their last three bytes, longest first: the
    /// candidate heads of a compound.
    private let heads: [String: [String]]
    /// Compound first parts by their first three bytes, longest first.
    private let prefixesByStart: [String: [String]]
    /// Lines that did not parse or defined a term twice (a test keeps this empty).
    let problems: [String]
    /// Inflection endings tried when a word is not found as written: (ending, replacements).
    let inflections: [(ending: String, replacements: [String])]
    /// The last byte of each inflection ending, to skip the rules that cannot apply.
    private let inflectionLastBytes: [UInt8]
    /// German and Dutch write compounds as one word: an unknown long word is scored by a known
    /// head or first part.
    let splitsCompounds: Bool
    /// The tables above as `ASCIITable`s and byte arrays, for `resolveUnknown(ascii:)`, which
    /// looks into an ASCII word without making a `String` of it or of its forms.
    let bytes: LexiconBytes

    init(
        language: SentimentLanguage, source: String, shared: String,
        inflections: [(ending: String, replacements: [String])], splitsCompounds: Bool
    ) {
        self.language = language
        self.inflections = inflections
        inflectionLastBytes = inflections.map { Array($0.ending.utf8).last ?? 0 }
        self.splitsCompounds = splitsCompounds
        var parser = LexiconParser(language: language)
        parser.parse(shared, overridable: true)
        parser.parse(source, overridable: false)
        var phrases = parser.phrases
        for key in phrases.keys { phrases[key]!.sort { $0.words.count > $1.words.count } }
        var index: [String: Known] = [:]
        for (word, entry) in parser.words { index[word, default: Known()].entry = entry }
        var phraseLists: [[Phrase]] = []
        for (word, list) in phrases {
            index[word, default: Known()].phraseList = phraseLists.count
            phraseLists.append(list)
        }
        for word in parser.detectionWords { index[word, default: Known()].isFunctionWord = true }
        var heads: [String: [String]] = [:]
        for (word, entry) in parser.words
        where entry.role == .sentiment && (entry.valence != 0 || entry.negated != nil) && word.utf8.count >= 4 {
            heads[word.utf8Suffix(3), default: []].append(word)
        }
        for key in heads.keys { heads[key]!.sort { ($0.utf8.count, $0) > ($1.utf8.count, $1) } }
        var prefixesByStart: [String: [String]] = [:]
        for prefix in parser.prefixes.keys where prefix.utf8.count >= 3 {
            prefixesByStart[prefix.utf8Prefix(3), default: []].append(prefix)
        }
        for key in prefixesByStart.keys { prefixesByStart[key]!.sort { ($0.utf8.count, $0) > ($1.utf8.count, $1) } }
        words = parser.words
        self.phrases = phrases
        prefixes = parser.prefixes
        negatingPrefixes = parser.negatingPrefixes
        detectionWords = parser.detectionWords
        particles = parser.particles
        problems = parser.problems
        self.index = ASCIITable(index)
        self.phraseLists = phraseLists
        wordTable = ASCIITable(parser.words)
        functionWords = ASCIITable(Dictionary(uniqueKeysWithValues: parser.detectionWords.map { ($0, true) }))
        self.heads = heads
        self.prefixesByStart = prefixesByStart
        bytes = LexiconBytes(
            words: parser.words, inflections: inflections, negatingPrefixes: parser.negatingPrefixes,
            particles: parser.particles, functionWords: parser.detectionWords, prefixes: parser.prefixes, heads: heads,
            prefixesByStart: prefixesByStart)
    }

    /// Single words, phrases and compound parts.
    var termCount: Int { words.count + phrases.values.reduce(0) { $0 + $1.count } + prefixes.count }

    // MARK: Looking words up

    /// Numbers written as words, for `<n>` in phrases.
    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
        "several", "few", "couple", "ein", "eine", "einen", "zwei", "drei", "vier", "fuenf", "sechs", "sieben", "acht",
        "neun", "zehn", "elf", "zwoelf", "zwanzig", "mehreren", "paar", "een", "twee", "drie", "vijf", "zes", "zeven",
        "negen", "tien", "twaalf", "twintig", "enkele",
    ]

    /// `numberWords` as a table for lookups by bytes.
    static let numberTable = ASCIITable(Dictionary(uniqueKeysWithValues: numberWords.map { ($0, true) }))

    /// What the lexicon knows about a word as written, or else as shortened ("sooo" → "so").
    func lookup(_ word: Word, in message: MessageView) -> Known? {
        if let known = index.value(message.text(word)) { return known }
        if word.isElongated {
            if let known = index.value(message.spelling(word.shortenedTwice, isASCII: word.isASCII)) { return known }
            if let known = index.value(message.spelling(word.shortenedOnce, isASCII: word.isASCII)) { return known }
        }
        return nil
    }

    /// Whether the word is word `offset` of `phrase` as written or shortened.
    private static func matches(_ word: Word, _ phrase: Phrase, _ offset: Int, in message: MessageView) -> Bool {
        if word.isASCII, let fast = phrase.word(offset, is: message.text(word).bytes) {
            if fast { return true }
            guard word.isElongated else { return false }
            return phrase.word(offset, is: message.spelling(word.shortenedTwice, isASCII: true).bytes) == true
                || phrase.word(offset, is: message.spelling(word.shortenedOnce, isASCII: true).bytes) == true
        }
        let spelling = phrase.words[offset]
        if message.text(word).equals(spelling) { return true }
        guard word.isElongated else { return false }
        return message.spelling(word.shortenedTwice, isASCII: word.isASCII).equals(spelling)
            || message.spelling(word.shortenedOnce, isASCII: word.isASCII).equals(spelling)
    }

    /// The longest of `candidates` (phrases of the word at `index`) that the tokens continue.
    func phrase(among candidates: [Phrase], in message: MessageView, at index: Int) -> (Phrase, Int)? {
        let tokens = message.tokens
        for phrase in candidates where index + phrase.words.count <= tokens.count {
            var matches = true
            for offset in 1..<phrase.words.count {
                guard case .word(let word) = tokens[index + offset],
                    Self.matches(word, phrase, offset, in: message)
                        || ((offset < 64
                            ? phrase.numberSlots & (1 << UInt64(offset)) != 0 : phrase.words[offset] == "<n>")
                            && (!word.hasLetters || Self.numberTable.value(message.text(word)) != nil))
                else {
                    matches = false
                    break
                }
            }
            if matches { return (phrase, phrase.words.count) }
        }
        return nil
    }

    /// What the lexicon says about a word: as written, elongation shortened, inflection removed,
    /// hyphenated parts, an adjective turned around by un-/on-, a compound's head or first part.
    /// A function word of the language ("und", "the") is never looked at further.
    func resolve(_ word: SpelledWord) -> Entry? {
        if let entry = wordTable[word.text] { return entry }
        for spelling in word.shortened {
            if let entry = wordTable[spelling] { return entry }
        }
        guard !functionWords.contains(word.text) else { return nil }
        return resolveUnknown(word)
    }

    /// `resolve` for a word whose spellings are known not to be in `index`.
    func resolveUnknown(_ word: SpelledWord) -> Entry? {
        guard word.hasLetters else { return nil }
        if let entry = inflected(word.text) { return entry }
        for spelling in word.shortened {
            if let entry = inflected(spelling) { return entry }
        }
        if !word.parts.isEmpty, let entry = resolveParts(word.parts) { return entry }
        if let entry = turnedAround(word.text) ?? compound(word.text) { return entry }
        for spelling in word.shortened {
            if let entry = turnedAround(spelling) ?? compound(spelling) { return entry }
        }
        if language == .dutch, word.text.utf8.contains(UInt8(ascii: "y")) {
            // Dutch "ij" typed as "y" ("vriendelyk").
            var bytes: [UInt8] = []
            for byte in word.text.utf8 {
                if byte == UInt8(ascii: "y") {
                    bytes.append(UInt8(ascii: "i"))
                    bytes.append(UInt8(ascii: "j"))
                } else {
                    bytes.append(byte)
                }
            }
            let respelled = String(decoding: bytes, as: UTF8.self)
            return resolve(SpelledWord(text: respelled, shortened: [], parts: [], hasLetters: true))
        }
        return nil
    }

    /// The spellings an inflection rule leads to: "schlechten" → "schlecht", "schlechte";
    /// "terribly" → "terrible"; Dutch "snelle" → "snell" → "snel".
    private func inflectionForms(_ spelling: String, _ body: (String) -> Bool) {
        let length = spelling.utf8.count
        guard length >= 4 else { return }
        let last = spelling.utf8[spelling.utf8.index(before: spelling.utf8.endIndex)]
        // The last byte first: most rules end otherwise, and their strings are never touched.
        for index in inflections.indices where inflectionLastBytes[index] == last {
            let (ending, replacements) = inflections[index]
            guard spelling.utf8HasSuffix(ending) else { continue }
            let stemLength = length - ending.utf8.count
            guard stemLength >= 3 else { continue }
            let stem = spelling.utf8Prefix(stemLength)
            for replacement in replacements where body(replacement.isEmpty ? stem : stem + replacement) { return }
            if language == .dutch, let single = Self.undoubled(stem), body(single) { return }
        }
    }

    /// A sentiment entry for an inflected form of the word.
    private func inflected(_ spelling: String) -> Entry? {
        var found: Entry?
        inflectionForms(spelling) { form in
            if let entry = wordTable[form], entry.role == .sentiment { found = entry }
            return found != nil
        }
        return found
    }

    /// A stem ending in a doubled consonant, with the last one removed.
    private static func undoubled(_ stem: String) -> String? {
        let bytes = stem.utf8
        guard bytes.count >= 3 else { return nil }
        let last = bytes[bytes.index(bytes.endIndex, offsetBy: -1)]
        let before = bytes[bytes.index(bytes.endIndex, offsetBy: -2)]
        guard last == before, last < 0x80, !"aeiou".utf8.contains(last) else { return nil }
        return stem.utf8Prefix(bytes.count - 1)
    }

    private func sentimentEntry(_ spelling: String) -> Entry? {
        if let entry = wordTable[spelling], entry.role == .sentiment { return entry }
        return inflected(spelling)
    }

    /// "un-" / "on-" before a positive adjective: "unzuverlässig", "onbehulpzaam", "unhelpful".
    private func turnedAround(_ spelling: String) -> Entry? {
        for prefix in negatingPrefixes where spelling.utf8HasPrefix(prefix) {
            let restLength = spelling.utf8.count - prefix.utf8.count
            guard restLength >= 4 else { continue }
            let rest = spelling.utf8Suffix(restLength)
            guard let entry = sentimentEntry(rest), entry.valence > 0 else { continue }
            return Entry(role: .sentiment, valence: -0.8 * entry.valence)
        }
        return nil
    }

    /// Hyphenated words: the last part is the head ("Kunden-Service", "super-fast", "rip-off" is
    /// in the lexicon whole); an earlier part may scale it or carry the sentiment itself.
    private func resolveParts(_ parts: [String]) -> Entry? {
        let head = SpelledWord(text: parts[parts.count - 1], shortened: [], parts: [], hasLetters: true)
        let modifiers = parts.dropLast()
        if let entry = resolve(head), entry.role == .sentiment, entry.valence != 0 || entry.negated != nil {
            var scaled = entry
            for part in modifiers {
                let factor =
                    prefixes[part]?.multiplier ?? wordTable[part].flatMap { $0.role == .modifier ? $0.multiplier : nil }
                if let factor {
                    scaled.valence *= factor
                    scaled.negated = scaled.negated.map { $0 * factor }
                }
            }
            return scaled
        }
        for part in modifiers {
            if let valence = prefixes[part]?.valence { return Entry(role: .sentiment, valence: valence) }
            let word = SpelledWord(text: part, shortened: [], parts: [], hasLetters: true)
            if let entry = resolve(word), entry.role == .sentiment, entry.valence != 0 {
                return Entry(role: .sentiment, valence: entry.valence)
            }
        }
        return nil
    }

    /// German and Dutch compounds. The head (the last part) decides a compound's meaning, so the
    /// longest known sentiment word at the end scores it ("Lieferverzögerung" → "Verzögerung",
    /// "klantonvriendelijk" → "onvriendelijk"); a known first part may scale it ("superschnell",
    /// "keigoed"). A four-letter head counts only after a known first part, so that short words
    /// do not hide at the end of unrelated ones. Without a sentiment head, a first part that
    /// carries sentiment scores the word ("Mistladen", "topservice"; the rest at least five
    /// letters). Linking letters (-s-, -n-, -en-, -es-, -e-) between the parts are allowed; a verb
    /// particle as first part makes a verb, not a compound ("auseinandergefallen"). The heads are
    /// found through an index by their last three letters, so an unknown word costs a few lookups.
    private func compound(_ spelling: String) -> Entry? {
        guard splitsCompounds, spelling.utf8.count >= 7 else { return nil }
        var result: Entry?
        func tryHeads(_ form: String) -> Bool {
            let length = form.utf8.count
            guard length >= 7, let candidates = heads[form.utf8Suffix(3)] else { return false }
            for head in candidates {
                let headLength = head.utf8.count
                guard length - headLength >= 3, form.utf8HasSuffix(head), let entry = wordTable[head] else { continue }
                let modifier = form.utf8Prefix(length - headLength)
                if particles.contains(modifier) { continue }
                let first = prefixEntry(modifier)
                guard headLength >= 5 || first != nil else { continue }
                var scaled = entry
                if let factor = first?.multiplier {
                    scaled.valence *= factor
                    scaled.negated = scaled.negated.map { $0 * factor }
                }
                result = scaled
                return true
            }
            return false
        }
        if tryHeads(spelling) { return result }
        inflectionForms(spelling, tryHeads)
        if result != nil { return result }
        let length = spelling.utf8.count
        if length >= 8, let candidates = prefixesByStart[spelling.utf8Prefix(3)] {
            for prefix in candidates where length - prefix.utf8.count >= 5 && spelling.utf8HasPrefix(prefix) {
                if let valence = prefixes[prefix]?.valence { return Entry(role: .sentiment, valence: valence) }
            }
        }
        return nil
    }

    /// A compound's first part, with or without a linking element.
    private func prefixEntry(_ modifier: String) -> PrefixEntry? {
        if let entry = prefixes[modifier] { return entry }
        let length = modifier.utf8.count
        for link in ["s", "n", "en", "es", "e"] where modifier.utf8HasSuffix(link) && length - link.utf8.count >= 3 {
            if let entry = prefixes[modifier.utf8Prefix(length - link.utf8.count)] { return entry }
        }
        return nil
    }
}

/// Reads a lexicon's source text into its tables (see `Lexicon`).
private struct LexiconParser {
    let language: SentimentLanguage
    var words: [String: Entry] = [:]
    var phrases: [String: [Phrase]] = [:]
    var prefixes: [String: PrefixEntry] = [:]
    var negatingPrefixes: [String] = []
    var detectionWords: Set<String> = []
    var particles: Set<String> = []
    var problems: [String] = []

    init(language: SentimentLanguage) {
        self.language = language
    }

    // MARK: Parsing

    /// Lines of `term, term = spec`, `prefix: term = spec`, and word lists `detect: …`,
    /// `particles: …`, `boundaries: …`; `#` comments. In a phrase, `<n>` stands for a number
    /// ("seit <n> wochen" matches "seit 3 Wochen" and "seit drei Wochen").
    /// A spec is a score (`-2`), a score and its negated value (`0 / -1.5`), a factor (`x1.3`),
    /// a score or a factor (`+2 | x1.4`), or one of `not`, `but`, `although`.
    mutating func parse(_ text: String, overridable: Bool) {
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty { continue }
            for (label, role) in [("detect:", 0), ("particles:", 1), ("boundaries:", 2)] where trimmed.hasPrefix(label)
            {
                for word in trimmed.dropFirst(label.count).split(separator: " ").map({ Folding.fold(String($0)) }) {
                    switch role {
                    case 0: detectionWords.insert(word)
                    case 1: particles.insert(word)
                    default:
                        if self.words[word] != nil { problems.append("\(language.rawValue): \(word) twice") }
                        self.words[word] = Entry(role: .boundary)
                    }
                }
            }
            if trimmed.hasPrefix("detect:") || trimmed.hasPrefix("particles:") || trimmed.hasPrefix("boundaries:") {
                continue
            }
            var isPrefix = false
            var body = trimmed
            if body.hasPrefix("prefix:") {
                isPrefix = true
                body = body.dropFirst("prefix:".count).trimmingSpaces
            }
            guard let equals = body.firstIndex(of: "=") else {
                problems.append("\(language.rawValue): no '=' in \(trimmed)")
                continue
            }
            let terms = body[..<equals].split(separator: ",").map { Folding.fold(String($0.trimmingSpaces)) }
            let spec = body[body.index(after: equals)...].trimmingSpaces
            guard let entry = Self.entry(from: spec), !terms.contains(where: \.isEmpty) else {
                problems.append("\(language.rawValue): cannot read \(trimmed)")
                continue
            }
            for term in terms {
                if isPrefix {
                    if entry.role == .negator {
                        negatingPrefixes.append(term)
                    } else {
                        if prefixes[term] != nil { problems.append("\(language.rawValue): prefix \(term) twice") }
                        prefixes[term] = PrefixEntry(
                            valence: entry.valence == 0 ? nil : entry.valence, multiplier: entry.multiplier)
                    }
                    continue
                }
                let words = term.split(separator: " ").map(String.init)
                var list = phrases[words[0], default: []]
                let existingPhrase = words.count > 1 ? list.firstIndex(where: { $0.words == words }) : nil
                if self.words[term] != nil && words.count == 1 || existingPhrase != nil {
                    // A language may redefine a shared term once; anything else is a slip.
                    if !overridable, sharedTerms.remove(term) != nil {
                    } else {
                        problems.append("\(language.rawValue): \(term) twice")
                    }
                }
                if overridable { sharedTerms.insert(term) }
                if words.count == 1 {
                    self.words[term] = entry
                } else {
                    if let existingPhrase { list.remove(at: existingPhrase) }
                    list.append(Phrase(words: words, entry: entry))
                    phrases[words[0]] = list
                }
            }
        }
    }

    /// Terms from the shared list, which a language may redefine once.
    private var sharedTerms: Set<String> = []

    private static func entry(from spec: Substring) -> Entry? {
        switch spec {
        case "not": return Entry(role: .negator)
        case "but": return Entry(role: .contrast)
        case "although": return Entry(role: .concession)
        default: break
        }
        var entry = Entry(role: .sentiment)
        var sawValence = false
        for part in spec.split(separator: "|").map(\.trimmingSpaces) {
            if part.hasPrefix("x") {
                guard let factor = Double(part.dropFirst()) else { return nil }
                entry.multiplier = factor
            } else {
                let values = part.split(separator: "/").map(\.trimmingSpaces)
                guard values.count <= 2, let valence = Double(values[0]) else { return nil }
                entry.valence = valence
                sawValence = true
                if values.count == 2 {
                    guard let negated = Double(values[1]) else { return nil }
                    entry.negated = negated
                }
            }
        }
        if !sawValence {
            guard entry.multiplier != nil else { return nil }
            entry.role = .modifier
        }
        return entry
    }
}

extension String {
    /// The first `count` UTF-8 bytes as a string (callers cut at ASCII or lexicon-word boundaries).
    func utf8Prefix(_ count: Int) -> String {
        String(decoding: utf8.prefix(count), as: UTF8.self)
    }

    /// The last `count` UTF-8 bytes as a string.
    func utf8Suffix(_ count: Int) -> String {
        String(decoding: utf8.suffix(count), as: UTF8.self)
    }

    func utf8HasSuffix(_ suffix: String) -> Bool {
        let count = suffix.utf8.count
        let total = utf8.count
        guard total >= count else { return false }
        let fast = utf8.withContiguousStorageIfAvailable { bytes in
            suffix.utf8.withContiguousStorageIfAvailable { other in
                var offset = 0
                while offset < count, bytes[total - count + offset] == other[offset] { offset += 1 }
                return offset == count
            }
        }
        if let fast = fast ?? nil { return fast }
        return utf8.suffix(count).elementsEqual(suffix.utf8)
    }

    func utf8HasPrefix(_ prefix: String) -> Bool {
        let count = prefix.utf8.count
        guard utf8.count >= count else { return false }
        let fast = utf8.withContiguousStorageIfAvailable { bytes in
            prefix.utf8.withContiguousStorageIfAvailable { other in
                var offset = 0
                while offset < count, bytes[offset] == other[offset] { offset += 1 }
                return offset == count
            }
        }
        if let fast = fast ?? nil { return fast }
        return utf8.prefix(count).elementsEqual(prefix.utf8)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
