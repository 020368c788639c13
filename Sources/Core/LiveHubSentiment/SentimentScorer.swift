/// The result of scoring one message.
public struct SentimentAnalysis: Sendable, Hashable {
    /// -1 (very negative) … 1 (very positive); 0 when nothing in the message carries sentiment.
    public let score: Double
    /// The language the message was scored in.
    public let language: SentimentLanguage
    /// How many words, phrases, emoji and emoticons contributed.
    public let evidence: Int

    public var level: SentimentLevel { SentimentLevel(score: score) }
}

/// Scores a customer's chat message with the lexicons of this module: pure, deterministic, no I/O.
///
/// A message is split into words, emoji and emoticons. Its language (English, German or Dutch) is
/// detected from its function words and lexicon words; a hint decides when the text does not.
/// Each word or phrase found in that language's lexicon contributes its score (-3…3), scaled by
/// the modifiers right before it ("very", "sehr", "een beetje"), turned around by a negation
/// before it (within four words of the same clause) or, for verb-final clauses, right after it
/// ("Das gefällt mir nicht", "Het werkt niet"). Words in capitals and elongated words count 1.3
/// and 1.2 times, a sentence ending in "!" up to 1.45 times. Before the last "but" / "aber" /
/// "maar" everything counts half, after it 1.5 times; a clause opened by "although" counts half.
/// The sum is squashed into -1…1 by x / (|x| + 3) (no libm needed).
public enum SentimentScorer {
    /// Builds the lexicons now (about 8 ms, once per process) instead of on the first message,
    /// for example at startup, before the hub thread handles customers.
    public static func prepare() {
        _ = Lexicons.detection
    }

    /// The message's score in -1…1.
    public static func score(_ text: String, language hint: SentimentLanguage? = nil) -> Double {
        analyze(text, language: hint).score
    }

    /// The message's score with the language it was scored in and how much evidence it had.
    public static func analyze(_ text: String, language hint: SentimentLanguage? = nil) -> SentimentAnalysis {
        MessageView.with(Tokenizer.tokenize(text)) { message in
            let language = detectLanguage(message, hint: hint)
            return score(message, lexicon: Lexicons.lexicon(for: language))
        }
    }

    /// The language a message is most likely written in; `hint` when the text does not tell.
    public static func detectLanguage(_ text: String, hint: SentimentLanguage? = nil) -> SentimentLanguage {
        MessageView.with(Tokenizer.tokenize(text)) { detectLanguage($0, hint: hint) }
    }

    /// Votes: each of the first 100 words gives a vote to every language that has it as a
    /// function word or a single word of its lexicon; a word none knows gives half a vote to the
    /// language whose typical ending or spelling it has ("-ung", "-lijk", "ae" from "ä"); the hint
    /// is worth 1.5 votes; a tie goes to the hint, then to English, German, Dutch.
    static func detectLanguage(_ message: MessageView, hint: SentimentLanguage?) -> SentimentLanguage {
        let languages = Lexicons.languages
        // One vote count per language (there are three), without an array per message.
        var votes = SIMD4<Double>(repeating: 0)
        for index in languages.indices where languages[index] == hint { votes[index] = 1.5 }
        var seen = 0
        for token in message.tokens {
            guard case .word(let word) = token, word.hasLetters else { continue }
            seen += 1
            if seen > 100 { break }
            let text = message.text(word)
            var mask = Lexicons.detection.value(text)
            if mask == nil, word.isElongated {
                mask = Lexicons.detection.value(message.spelling(word.shortenedTwice, isASCII: word.isASCII))
                if mask == nil {
                    mask = Lexicons.detection.value(message.spelling(word.shortenedOnce, isASCII: word.isASCII))
                }
            }
            if let mask {
                for index in languages.indices where mask & (1 << index) != 0 { votes[index] += 1 }
            } else if text.bytes.count >= 5, let cue = Lexicons.cue(bytes: text.bytes) {
                votes[cue] += 0.5
            }
        }
        var best = hint.flatMap { languages.firstIndex(of: $0) } ?? 0
        for index in languages.indices where votes[index] > votes[best] { best = index }
        return languages[best]
    }

    // MARK: Scoring

    private struct Unit {
        var entry: Entry?  // nil: a word the lexicon does not know
        var symbol: Double?  // an emoji or emoticon's score
        var emphasis: Double
        var clause: Int
        /// The exclamation marks ending its sentence ("!!!" counts three).
        var exclamations = 0
        var negated = false
        var factor = 1.0

        var role: Entry.Role? { entry?.role }
        var isSentiment: Bool { symbol == nil && entry?.role == .sentiment }
    }

    /// A message's units in storage from `withUnsafeTemporaryAllocation`, filled in order.
    private struct Units {
        let storage: UnsafeMutableBufferPointer<Unit>
        private(set) var count = 0

        init(storage: UnsafeMutableBufferPointer<Unit>) {
            self.storage = storage
        }

        var indices: Range<Int> { 0..<count }

        mutating func append(_ unit: Unit) {
            storage.initializeElement(at: count, to: unit)
            count += 1
        }

        subscript(position: Int) -> Unit {
            get { storage[position] }
            nonmutating set { storage[position] = newValue }
        }
    }

    static let squash = 3.0

    static func score(_ message: MessageView, lexicon: Lexicon) -> SentimentAnalysis {
        let tokens = message.tokens
        var words = 0
        var capitalWords = 0
        for token in tokens {
            if case .word(let word) = token, word.hasLetters, word.text.count >= 2 {
                words += 1
                if word.isCapitals { capitalWords += 1 }
            }
        }
        // A message written all in capitals shouts throughout: its capitals say less each.
        let capitalsEmphasis = words >= 2 && capitalWords == words ? 1.1 : 1.3

        // The units on the stack when the message is short (at most one per token).
        return withUnsafeTemporaryAllocation(of: Unit.self, capacity: max(tokens.count, 1)) { storage in
            var units = Units(storage: storage)
            // A message repeats its words: look each up once. A short list first (`==`, as the
            // dictionary compares; on the stack), the dictionary only for a long message.
            // The list holds a spelling and the unit that has its entry, small enough for the stack.
            withUnsafeTemporaryAllocation(of: (text: Spelling, unit: Int).self, capacity: 16) { recent in
                var recentCount = 0
                var resolved: [String: Entry?] = [:]
                var clause = 0
                var sentenceStart = 0  // the first unit of the sentence being read
                var index = 0
                while index < tokens.count {
                    switch tokens[index] {
                    case .word(let word):
                        var emphasis = 1.0
                        let known = lexicon.lookup(word, in: message)
                        if let list = known?.phraseList, list >= 0,
                            case let candidates = lexicon.phraseLists[list],
                            let (phrase, length) = lexicon.phrase(among: candidates, in: message, at: index)
                        {
                            for offset in 0..<length {
                                if case .word(let part) = tokens[index + offset] {
                                    emphasis = max(emphasis, Self.emphasis(of: part, capitals: capitalsEmphasis))
                                }
                            }
                            units.append(Unit(entry: phrase.entry, emphasis: emphasis, clause: clause))
                            index += length
                            continue
                        }
                        let entry: Entry?
                        if let known, known.entry != nil || known.isFunctionWord {
                            entry = known.entry
                        } else if let cached = recent[0..<recentCount].first(where: {
                            $0.text.equals(message.text(word))
                        }) {
                            entry = units[cached.unit].entry
                        } else if !resolved.isEmpty, let cached = resolved[message.text(word).string] {
                            entry = cached
                        } else {
                            if known == nil, word.isASCII, word.parts.isEmpty {
                                entry = lexicon.resolveUnknown(ascii: word, in: message)
                            } else {
                                let spelled = message.spelled(word)
                                entry = known == nil ? lexicon.resolveUnknown(spelled) : lexicon.resolve(spelled)
                            }
                            if recentCount < 16 {
                                recent.initializeElement(at: recentCount, to: (message.text(word), units.count))
                                recentCount += 1
                            } else {
                                resolved[message.text(word).string] = entry
                            }
                        }
                        units.append(
                            Unit(
                                entry: entry, emphasis: Self.emphasis(of: word, capitals: capitalsEmphasis),
                                clause: clause))
                    case .symbol(let score, let repeated):
                        units.append(
                            Unit(entry: nil, symbol: score, emphasis: repeated ? 1.2 : 1, clause: clause))
                    case .clauseBreak:
                        clause += 1
                    case .sentenceBreak(let count):
                        // The sentence's units learn how many exclamation marks end it.
                        for position in sentenceStart..<units.count { units[position].exclamations = count }
                        sentenceStart = units.count
                        clause += 1
                    }
                    index += 1
                }
            }

            resolveDoubleRoles(units)
            applyModifiersAndNegation(units)

            // Contrast: the last "but" that has sentiment after it splits the message.
            var contrastAt: Int?
            var sentimentAfter = false
            for position in units.indices.reversed() {
                if units[position].isSentiment || units[position].symbol != nil { sentimentAfter = true }
                if units[position].role == .contrast, sentimentAfter {
                    contrastAt = position
                    break
                }
            }
            var concessionClause: Int?
            var total = 0.0
            var evidence = 0
            for position in units.indices {
                let unit = units[position]
                if unit.role == .concession { concessionClause = unit.clause }
                var value: Double
                if let symbol = unit.symbol {
                    value = symbol * unit.emphasis
                } else if let entry = unit.entry, entry.role == .sentiment {
                    value = entry.value(negated: unit.negated) * unit.factor * unit.emphasis
                } else {
                    continue
                }
                guard value != 0 else { continue }
                if let contrastAt { value *= position < contrastAt ? 0.5 : 1.5 }
                if concessionClause == unit.clause { value *= 0.5 }
                value *= 1 + 0.15 * Double(min(unit.exclamations, 3))
                total += value
                evidence += 1
            }
            let score = total / (abs(total) + squash)
            return SentimentAnalysis(score: score, language: lexicon.language, evidence: evidence)
        }
    }

    private static func emphasis(of word: Word, capitals: Double) -> Double {
        (word.isCapitals ? capitals : 1) * (word.isElongated ? 1.2 : 1)
    }

    /// A sentiment word that can also scale ("super", "echt", "erg") scales when another
    /// sentiment word, modifier or negation follows it in the same clause.
    private static func resolveDoubleRoles(_ units: Units) {
        var position = units.count - 2
        while position >= 0 {
            defer { position -= 1 }
            guard let entry = units[position].entry, entry.role == .sentiment, let factor = entry.multiplier,
                units[position].symbol == nil
            else { continue }
            let next = units[position + 1]
            guard next.clause == units[position].clause, next.symbol == nil, let nextEntry = next.entry,
                nextEntry.role == .modifier || nextEntry.role == .negator
                    || (nextEntry.role == .sentiment
                        && (nextEntry.valence != 0 || nextEntry.negated != nil || nextEntry.multiplier != nil))
            else { continue }
            units[position].entry = Entry(role: .modifier, multiplier: factor)
        }
    }

    /// Modifiers in an unbroken chain right before a sentiment word scale it; a negation up to
    /// four units before it in the same clause turns it around. A negation with no sentiment
    /// word after it turns around the nearest one up to three units before it, with the modifiers
    /// right before the negation ("funktioniert überhaupt nicht", "werkt helemaal niet").
    private static func applyModifiersAndNegation(_ units: Units) {
        var usedNegations: [Bool] = []  // allocated at the first negation
        for position in units.indices where units[position].isSentiment {
            var factor = 1.0
            var emphasis = units[position].emphasis
            var negated = false
            var chain = true
            var back = position - 1
            var distance = 0
            while back >= 0, distance < 4, units[back].clause == units[position].clause {
                let unit = units[back]
                if unit.symbol != nil { break }
                switch unit.role {
                case .sentiment?, .contrast?, .concession?, .boundary?:
                    distance = 4
                    continue
                case .modifier?:
                    if chain {
                        factor *= unit.entry?.multiplier ?? 1
                        emphasis = max(emphasis, unit.emphasis)
                    }
                case .negator?:
                    if !negated {
                        negated = true
                        if usedNegations.isEmpty { usedNegations = [Bool](repeating: false, count: units.count) }
                        usedNegations[back] = true
                        emphasis = max(emphasis, unit.emphasis)
                    }
                case nil:
                    chain = false
                }
                distance += 1
                back -= 1
            }
            units[position].factor = factor
            units[position].emphasis = emphasis
            units[position].negated = negated
        }
        for position in units.indices
        where units[position].role == .negator && (usedNegations.isEmpty || !usedNegations[position]) {
            var factor = 1.0
            var emphasis = units[position].emphasis
            var back = position - 1
            while back >= 0, units[back].clause == units[position].clause, units[back].role == .modifier,
                units[back].symbol == nil
            {
                factor *= units[back].entry?.multiplier ?? 1
                emphasis = max(emphasis, units[back].emphasis)
                back -= 1
            }
            var distance = 0
            while back >= 0, distance < 3, units[back].clause == units[position].clause, units[back].symbol == nil {
                if units[back].role == .contrast || units[back].role == .concession || units[back].role == .boundary {
                    break
                }
                // Only what negation can turn around: "gefällt", "werkt", not "leider" or "kaputt".
                if units[back].isSentiment, let entry = units[back].entry, entry.valence > 0 || entry.negated != nil {
                    if !units[back].negated {
                        units[back].negated = true
                        units[back].factor *= factor
                        units[back].emphasis = max(units[back].emphasis, emphasis)
                    }
                    break
                }
                distance += 1
                back -= 1
            }
        }
    }
}
