/// A lexicon's tables for looking into an unknown ASCII word on its bytes: the same rules as
/// `Lexicon.resolveUnknown` (inflection, un-/on-, compounds, Dutch "y"), with every form built in
/// a stack buffer and looked up by its bytes. For ASCII text byte equality is `String` equality
/// and an `ASCIITable` answers as its dictionary does, so the results are the same. A class, so
/// that handing its tables on copies one reference, not each table.
final class LexiconBytes: Sendable {
    let words: ASCIITable<Entry>
    let inflections: [(ending: [UInt8], replacements: [[UInt8]])]
    let inflectionLastBytes: [UInt8]
    let negatingPrefixes: [[UInt8]]
    let particles: ASCIITable<Bool>
    let functionWords: ASCIITable<Bool>
    let prefixes: ASCIITable<PrefixEntry>
    /// `Lexicon.heads` and `Lexicon.prefixesByStart` with their spellings as bytes, same order.
    let heads: ASCIITable<[[UInt8]]>
    let prefixesByStart: ASCIITable<[[UInt8]]>

    init(
        words: [String: Entry], inflections: [(ending: String, replacements: [String])], negatingPrefixes: [String],
        particles: Set<String>, functionWords: Set<String>, prefixes: [String: PrefixEntry], heads: [String: [String]],
        prefixesByStart: [String: [String]]
    ) {
        self.words = ASCIITable(words)
        self.inflections = inflections.map { (Array($0.ending.utf8), $0.replacements.map { Array($0.utf8) }) }
        inflectionLastBytes = inflections.map { Array($0.ending.utf8).last ?? 0 }
        self.negatingPrefixes = negatingPrefixes.map { Array($0.utf8) }
        self.particles = ASCIITable(Dictionary(uniqueKeysWithValues: particles.map { ($0, true) }))
        self.functionWords = ASCIITable(Dictionary(uniqueKeysWithValues: functionWords.map { ($0, true) }))
        self.prefixes = ASCIITable(prefixes)
        self.heads = ASCIITable(heads.mapValues { $0.map { Array($0.utf8) } })
        self.prefixesByStart = ASCIITable(prefixesByStart.mapValues { $0.map { Array($0.utf8) } })
    }
}

typealias Bytes = UnsafeBufferPointer<UInt8>

extension UnsafeBufferPointer where Element == UInt8 {
    func hasSuffix(_ suffix: [UInt8]) -> Bool {
        guard count >= suffix.count else { return false }
        let start = count - suffix.count
        for offset in suffix.indices where self[start + offset] != suffix[offset] { return false }
        return true
    }

    func hasPrefix(_ prefix: [UInt8]) -> Bool {
        guard count >= prefix.count else { return false }
        for offset in prefix.indices where self[offset] != prefix[offset] { return false }
        return true
    }

    func prefix(bytes length: Int) -> Bytes { Bytes(rebasing: self[0..<length]) }
    func suffix(bytes length: Int) -> Bytes { Bytes(rebasing: self[(count - length)...]) }
}

extension Lexicon {
    /// `resolveUnknown` for an ASCII word without hyphenated parts.
    func resolveUnknown(ascii word: Word, in message: MessageView) -> Entry? {
        guard word.hasLetters else { return nil }
        let text = message.text(word).bytes
        let twice = message.spelling(word.shortenedTwice, isASCII: true).bytes
        let once = message.spelling(word.shortenedOnce, isASCII: true).bytes
        if let entry = inflected(ascii: text) { return entry }
        if word.isElongated {
            if let entry = inflected(ascii: twice) { return entry }
            if let entry = inflected(ascii: once) { return entry }
        }
        if let entry = turnedAround(ascii: text) ?? compound(ascii: text) { return entry }
        if word.isElongated {
            if let entry = turnedAround(ascii: twice) ?? compound(ascii: twice) { return entry }
            if let entry = turnedAround(ascii: once) ?? compound(ascii: once) { return entry }
        }
        return respelledDutch(ascii: text)
    }

    /// `resolve` for a plain ASCII spelling (no shortened spellings, no parts, has letters).
    private func resolve(ascii text: Bytes) -> Entry? {
        if let entry = bytes.words.value(ascii: text) { return entry }
        guard bytes.functionWords.value(ascii: text) == nil else { return nil }
        if let entry = inflected(ascii: text) { return entry }
        if let entry = turnedAround(ascii: text) ?? compound(ascii: text) { return entry }
        return respelledDutch(ascii: text)
    }

    /// Dutch "ij" typed as "y" ("vriendelyk"): the word resolved with "ij".
    private func respelledDutch(ascii text: Bytes) -> Entry? {
        guard language == .dutch, text.contains(UInt8(ascii: "y")) else { return nil }
        var extra = 0
        for byte in text where byte == UInt8(ascii: "y") { extra += 1 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count + extra) { buffer in
            var written = 0
            for byte in text {
                if byte == UInt8(ascii: "y") {
                    buffer[written] = UInt8(ascii: "i")
                    buffer[written + 1] = UInt8(ascii: "j")
                    written += 2
                } else {
                    buffer[written] = byte
                    written += 1
                }
            }
            return resolve(ascii: Bytes(rebasing: buffer[0..<written]))
        }
    }

    /// `inflectionForms` on bytes: each form is handed to `body` until it returns true.
    private func inflectionForms(ascii spelling: Bytes, _ body: (Bytes) -> Bool) {
        let length = spelling.count
        guard length >= 4 else { return }
        let last = spelling[length - 1]
        let tables = bytes
        for rule in tables.inflections.indices where tables.inflectionLastBytes[rule] == last {
            let (ending, replacements) = tables.inflections[rule]
            guard spelling.hasSuffix(ending) else { continue }
            let stemLength = length - ending.count
            guard stemLength >= 3 else { continue }
            let stem = spelling.prefix(bytes: stemLength)
            for replacement in replacements {
                let found: Bool
                if replacement.isEmpty {
                    found = body(stem)
                } else {
                    found = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: stemLength + replacement.count) {
                        form in
                        for offset in 0..<stemLength { form[offset] = stem[offset] }
                        for offset in replacement.indices { form[stemLength + offset] = replacement[offset] }
                        return body(Bytes(form))
                    }
                }
                if found { return }
            }
            if language == .dutch, stemLength >= 3 {
                // A stem ending in a doubled consonant, with the last one removed.
                let stemLast = stem[stemLength - 1]
                if stemLast == stem[stemLength - 2], stemLast < 0x80, !"aeiou".utf8.contains(stemLast),
                    body(stem.prefix(bytes: stemLength - 1))
                {
                    return
                }
            }
        }
    }

    private func inflected(ascii spelling: Bytes) -> Entry? {
        var found: Entry?
        inflectionForms(ascii: spelling) { form in
            if let entry = bytes.words.value(ascii: form), entry.role == .sentiment { found = entry }
            return found != nil
        }
        return found
    }

    private func sentimentEntry(ascii spelling: Bytes) -> Entry? {
        if let entry = bytes.words.value(ascii: spelling), entry.role == .sentiment { return entry }
        return inflected(ascii: spelling)
    }

    private func turnedAround(ascii spelling: Bytes) -> Entry? {
        for prefix in bytes.negatingPrefixes where spelling.hasPrefix(prefix) {
            let restLength = spelling.count - prefix.count
            guard restLength >= 4 else { continue }
            guard let entry = sentimentEntry(ascii: spelling.suffix(bytes: restLength)), entry.valence > 0 else {
                continue
            }
            return Entry(role: .sentiment, valence: -0.8 * entry.valence)
        }
        return nil
    }

    private func compound(ascii spelling: Bytes) -> Entry? {
        guard splitsCompounds, spelling.count >= 7 else { return nil }
        let tables = bytes
        var result: Entry?
        func tryHeads(_ form: Bytes) -> Bool {
            let length = form.count
            guard length >= 7, let candidates = tables.heads.value(ascii: form.suffix(bytes: 3)) else { return false }
            for head in candidates {
                let headLength = head.count
                guard length - headLength >= 3, form.hasSuffix(head) else { continue }
                guard let entry = head.withUnsafeBufferPointer({ tables.words.value(ascii: $0) }) else { continue }
                let modifier = form.prefix(bytes: length - headLength)
                if tables.particles.value(ascii: modifier) != nil { continue }
                let first = prefixEntry(ascii: modifier)
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
        inflectionForms(ascii: spelling, tryHeads)
        if result != nil { return result }
        let length = spelling.count
        if length >= 8, let candidates = tables.prefixesByStart.value(ascii: spelling.prefix(bytes: 3)) {
            for prefix in candidates where length - prefix.count >= 5 && spelling.hasPrefix(prefix) {
                if let valence = prefix.withUnsafeBufferPointer({ tables.prefixes.value(ascii: $0) })?.valence {
                    return Entry(role: .sentiment, valence: valence)
                }
            }
        }
        return nil
    }

    private static let links: [[UInt8]] = ["s", "n", "en", "es", "e"].map { Array($0.utf8) }

    private func prefixEntry(ascii modifier: Bytes) -> PrefixEntry? {
        if let entry = bytes.prefixes.value(ascii: modifier) { return entry }
        let length = modifier.count
        for link in Self.links where modifier.hasSuffix(link) && length - link.count >= 3 {
            if let entry = bytes.prefixes.value(ascii: modifier.prefix(bytes: length - link.count)) { return entry }
        }
        return nil
    }
}
