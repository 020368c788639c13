import Foundation
import LiveHubSentiment

/// One labelled line of `Evaluation/*.tsv`.
struct LabelledLine {
    var polarity: SentimentPolarity
    var text: String
    var line: Int
}

/// A labelled set: `Evaluation/<name>-<language>.tsv`, found from this source file.
struct LabelledSet {
    var language: SentimentLanguage
    var lines: [LabelledLine]

    init(_ name: String, _ language: SentimentLanguage) throws {
        self.language = language
        let folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("Evaluation")
        let url = folder.appendingPathComponent("\(name)-\(language.rawValue).tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines: [LabelledLine] = []
        for (offset, row) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if row.isEmpty || row.hasPrefix("#") { continue }
            let columns = row.split(separator: "\t", maxSplits: 1)
            guard columns.count == 2, let polarity = SentimentPolarity(rawValue: String(columns[0])) else {
                throw LabelledSetError.badRow(url.lastPathComponent, offset + 1)
            }
            lines.append(LabelledLine(polarity: polarity, text: String(columns[1]), line: offset + 1))
        }
        self.lines = lines
    }

    /// Lines whose predicted polarity (from the detected language, no hint) differs from the label.
    func misses() -> [(LabelledLine, SentimentAnalysis)] {
        lines.compactMap { line in
            let analysis = SentimentScorer.analyze(line.text)
            return analysis.level.polarity == line.polarity ? nil : (line, analysis)
        }
    }

    /// The share of lines whose polarity the scorer gets right.
    var accuracy: Double { Double(lines.count - misses().count) / Double(lines.count) }

    /// The share of lines detected as this set's language.
    var detectionAccuracy: Double {
        Double(lines.filter { SentimentScorer.detectLanguage($0.text) == language }.count) / Double(lines.count)
    }

    /// Prints the misses when SENTIMENT_REPORT is set (for tuning by hand; silent otherwise).
    func report(_ name: String) {
        guard ProcessInfo.processInfo.environment["SENTIMENT_REPORT"] != nil else { return }
        let misses = misses()
        print("\(name)-\(language.rawValue): \(lines.count - misses.count)/\(lines.count)")
        for (line, analysis) in misses {
            let score = (analysis.score * 100).rounded() / 100
            print("  \(line.line) \(line.polarity.rawValue) → \(analysis.level) \(score) [\(analysis.language.rawValue)] \(line.text)")
        }
    }
}

enum LabelledSetError: Error {
    case badRow(String, Int)
}
