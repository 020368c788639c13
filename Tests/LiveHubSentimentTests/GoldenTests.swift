import Foundation
import Testing

@testable import LiveHubSentiment

/// Every result of `SentimentScorer.analyze` (the score's bit pattern, the language, the evidence)
/// for some 50,000 inputs, recorded in `Evaluation/golden-analyses.txt` as one FNV-1a digest per
/// group of 64 inputs. Speed work on the scorer must not move a single bit; a change of the
/// lexicons or the rules that is meant to move scores regenerates the file:
///
///     SENTIMENT_GOLDEN_WRITE=1 swift test --filter GoldenTests
@Suite("Sentiment golden results")
struct GoldenTests {
    static let groupSize = 64

    @Test("Scores are unchanged by the fast paths: every golden input scores bit for bit as recorded")
    func unchanged() throws {
        let inputs = try Self.inputs()
        let results = inputs.map { Self.describe(SentimentScorer.analyze($0.text, language: $0.hint)) }
        var lines = ["inputs \(inputs.count)"]
        var start = 0
        while start < results.count {
            let end = min(start + Self.groupSize, results.count)
            lines.append(String(Self.digest(results[start..<end].joined(separator: "\n")), radix: 16))
            start = end
        }
        let url = Self.folder.appendingPathComponent("golden-analyses.txt")
        if ProcessInfo.processInfo.environment["SENTIMENT_GOLDEN_WRITE"] != nil {
            try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let recorded = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(recorded.first == lines.first, "the golden inputs changed")
        var reported = 0
        for (group, line) in lines.enumerated().dropFirst() where group >= recorded.count || recorded[group] != line {
            let first = (group - 1) * Self.groupSize
            let range = first..<min(first + Self.groupSize, inputs.count)
            Issue.record("group \(group - 1) differs: inputs \(range)")
            if reported < 3 {
                for index in range {
                    print(
                        "golden \(index) [\(inputs[index].hint?.rawValue ?? "-")] \(results[index]) \(inputs[index].text.prefix(120))"
                    )
                }
            }
            reported += 1
        }
        #expect(recorded.count == lines.count)
    }

    /// A result in a form that changes with any bit of it.
    static func describe(_ analysis: SentimentAnalysis) -> String {
        "\(String(analysis.score.bitPattern, radix: 16)) \(analysis.language.rawValue) \(analysis.evidence)"
    }

    static func digest(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    static var folder: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("Evaluation")
    }

    struct Input {
        var text: String
        var hint: SentimentLanguage?
    }

    /// The inputs in a fixed order: the labelled sets and `GoldenMessages` with every hint and in
    /// variants (capitals, elongated, umlauts typed or combined, emoji, hyphens), each lexicon
    /// term alone and inflected, negated, compounded, and edge cases.
    static func inputs() throws -> [Input] {
        var messages: [String] = []
        for name in ["evaluation", "tuning"] {
            for language in SentimentLanguage.allCases {
                messages += try LabelledSet(name, language).lines.map(\.text)
            }
        }
        messages += GoldenMessages.messages
        var inputs: [Input] = []
        for message in messages {
            for hint in [nil] + SentimentLanguage.allCases { inputs.append(Input(text: message, hint: hint)) }
            for variant in variants(of: message) { inputs.append(Input(text: variant, hint: nil)) }
        }
        for language in SentimentLanguage.allCases {
            let lexicon = Lexicons.lexicon(for: language)
            var terms = Array(lexicon.words.keys) + Array(lexicon.detectionWords) + Array(lexicon.particles)
            terms += lexicon.phrases.values.flatMap { $0.map { $0.words.joined(separator: " ") } }
            for term in Set(terms).sorted() {
                for text in sweep(term) {
                    inputs.append(Input(text: text, hint: language))
                }
                inputs.append(Input(text: term, hint: nil))
            }
            for prefix in lexicon.prefixes.keys.sorted() + lexicon.negatingPrefixes {
                for head in ["service", "laden", "schnell", "goed", "freundlich", "vriendelijk", "helpful", "x"] {
                    inputs.append(Input(text: prefix + head, hint: language))
                    inputs.append(Input(text: prefix + "-" + head, hint: language))
                    inputs.append(Input(text: prefix + "s" + head, hint: language))
                }
            }
        }
        for text in edgeCases(messages) {
            for hint in [nil] + SentimentLanguage.allCases { inputs.append(Input(text: text, hint: hint)) }
        }
        return inputs
    }

    static func variants(of message: String) -> [String] {
        let words = message.split(separator: " ", omittingEmptySubsequences: false)
        let elongated = words.map { word -> String in
            guard word.count >= 3, let last = word.last(where: \.isLetter) else { return String(word) }
            return String(word) + String(repeating: last, count: 3)
        }.joined(separator: " ")
        let typedUmlauts = message.replacingOccurrences(of: "ae", with: "ä").replacingOccurrences(of: "oe", with: "ö")
            .replacingOccurrences(of: "ue", with: "ü").replacingOccurrences(of: "ss", with: "ß")
        let combined = message.replacingOccurrences(of: "ä", with: "a\u{308}").replacingOccurrences(
            of: "ö", with: "o\u{308}"
        )
        .replacingOccurrences(of: "ü", with: "u\u{308}").replacingOccurrences(of: "é", with: "e\u{301}")
        let hyphenated = words.map { word in word.count >= 6 ? word.prefix(3) + "-" + word.dropFirst(3) : word }
            .joined(separator: " ")
        return [
            message.uppercased(), message.lowercased(), elongated, typedUmlauts, combined, hyphenated,
            message + " 😡😡", "😊 " + message + "!!!", message.replacingOccurrences(of: " ", with: ", "),
            message + " " + message,
        ]
    }

    static func sweep(_ term: String) -> [String] {
        let last = term.last.map { String(repeating: $0, count: 4) } ?? ""
        return [
            term, term.uppercased(), term + "e", term + "en", term + "er", term + "es", term + "s", term + "t",
            term + "ly", term + "ing", term + "ed", term + "ste", term + "sten", term + last, "un" + term, "on" + term,
            "kunden" + term, "super" + term + "e", "mist" + term, "lieferung" + term, "not " + term,
            "nicht " + term, "niet " + term, "very " + term + "!", term + " nicht",
            term.replacingOccurrences(of: "ij", with: "y"),
            "Das ist " + term + ", aber gut", term + "-" + term,
        ]
    }

    static func edgeCases(_ messages: [String]) -> [String] {
        var long = ""
        var index = 0
        while long.utf8.count < 10_240 {
            long += messages[index % messages.count] + " "
            index += 7
        }
        return [
            "", " ", "\n", "!!!", "?!?!", "...", "😊", "😡😡😡", "👍🏽", "👨‍👩‍👧", "❤️❤️", "🙂🙃", "😂😂😂😂",
            long, String(repeating: "a", count: 1000), String(repeating: "x", count: 24),
            String(repeating: "X", count: 5000),
            String(repeating: "gut ", count: 2000), String(repeating: "nicht ", count: 300) + "gut",
            "Привет, всё плохо", "Γειά σου", "你好，谢谢", "مرحبا شكرا", "İstanbul ıı İİ", "ǅ ǈ ǋ", "ﬁne ﬂow",
            "straße STRASSE ẞ", "ĳs Ĳssel vrĳ", "café naïve résumé", "e\u{301}e\u{301}e\u{301}", "a\u{308}rger",
            "A\u{308}RGER", "\u{FF01}\u{FF1F}", "…", "‼ ⁉", "– — « » „ “ ”", "don’t can‘t won`t it´s it\u{2BC}s",
            "12:30 10:00 :) 3:) a:)", "https://x.y/z :D", ":))))))))", ":-(((((", "xD XD xDDD", "<3<3<3", "1234 5678",
            "---", "a-", "-a", "'a'", "a''b", "Kunden--Service", "e\u{2010}mail e\u{2011}mail", "\u{0}\u{1}\u{7F}",
            "\u{FEFF}hi", "hi\u{200B}there", "sooooooo goooood", "soooo baaaad", "ÄÖÜ äöü", "ÀÉÎÕÜ",
            "ω ß ĸ", "tschüüüüss", "daaaaaanke", "bedaaaankt", "ТЕСТ ТЕСТ", "A", "OK", "ok!", "NO", "not", "nicht",
            "but", "aber", "maar", "although", "obwohl", "hoewel", "very very very good", "sehr sehr gut",
        ]
    }
}
