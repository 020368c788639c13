/// The customer sentiment of one conversation: the scores of the customer's last six messages.
///
/// Only the customer's own public messages belong here, so the one way in is
/// `record(customerMessage:)`. Agents', supervisors' and bots' messages and internal notes are
/// never recorded: the caller decides who wrote a message, and calls this only for the customer.
///
/// The conversation's score is the mean of those recent scores that carry any sentiment: a
/// message such as "order 48213" or "ok" neither pulls the level toward neutral nor counts, while
/// the window of six lets an old outburst fall out. With no message, or none that carries
/// sentiment, the level is neutral.
public struct ConversationSentiment: Sendable, Hashable {
    /// How many of the customer's most recent messages count.
    public static let window = 6

    /// The scores of the customer's most recent messages, oldest first, at most `window`.
    public private(set) var recentScores: [Double] = []

    public init() {}

    /// A sentiment holding these scores (the last `window` of them, each within -1…1): restoring a
    /// snapshot without scoring the messages again.
    public init(recentScores: [Double]) {
        self.recentScores = recentScores.suffix(Self.window).map { $0.isFinite ? min(1, max(-1, $0)) : 0 }
    }

    /// Scores a message the customer wrote and keeps it among the last six. Returns true when the
    /// conversation's level changed (for example to push a report update).
    @discardableResult
    public mutating func record(customerMessage text: String, language hint: SentimentLanguage? = nil) -> Bool {
        record(customerMessageScore: SentimentScorer.score(text, language: hint))
    }

    /// Keeps an already computed score of a customer message (from `SentimentScorer.score`).
    /// Returns true when the conversation's level changed.
    @discardableResult
    public mutating func record(customerMessageScore score: Double) -> Bool {
        let before = level
        if recentScores.count == Self.window { recentScores.removeFirst() }
        recentScores.append(score.isFinite ? min(1, max(-1, score)) : 0)
        return level != before
    }

    /// The mean of the recent scores that carry sentiment; 0 when none does.
    public var score: Double {
        var sum = 0.0
        var count = 0
        for score in recentScores where score != 0 {
            sum += score
            count += 1
        }
        return count == 0 ? 0 : sum / Double(count)
    }

    /// The conversation's level: neutral at the start.
    public var level: SentimentLevel { SentimentLevel(score: score) }
}
