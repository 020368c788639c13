/// The customer sentiment of one conversation: the scores of the customer's last six messages.
///
/// Only the customer's own public messages belong here, so the ways in are `record(customerMessage:)`
/// and `note(customerMessage:)`. Agents', supervisors' and bots' messages and internal notes are
/// never recorded: the caller decides who wrote a message, and calls this only for the customer.
///
/// The conversation's score is the mean of those recent scores that carry any sentiment: a
/// message such as "order 48213" or "ok" neither pulls the level toward neutral nor counts, while
/// the window of six lets an old outburst fall out. With no message, or none that carries
/// sentiment, the level is neutral.
///
/// Scoring is the dearest step of a customer's message, and most levels are never read: nobody
/// watches the report, or a message falls out of the window before anyone looks. So `note` only keeps
/// the text, and the message is scored when the level is first needed (`settle`, or computed on the
/// fly by a reader that cannot change the value). Scores are a pure function of the text, so a level
/// is the same whenever it is computed; two values with the same effective scores are equal.
public struct ConversationSentiment: Sendable, Hashable {
    /// How many of the customer's most recent messages count.
    public static let window = 6

    /// Scores already computed, oldest first.
    private var scored: [Double] = []
    /// Messages kept but not yet scored, oldest first, all newer than `scored`; with `scored`, at most
    /// `window` in all.
    private var unscored: [String] = []

    public init() {}

    /// The scores of the customer's most recent messages, oldest first, at most `window`. Scores any
    /// message not scored yet, without keeping the result (see `settle`).
    public var recentScores: [Double] {
        unscored.isEmpty ? scored : scored + unscored.map { Self.clamped(SentimentScorer.score($0)) }
    }

    /// How many kept messages still wait to be scored.
    public var unscoredCount: Int { unscored.count }

    /// The scores computed so far, oldest first: the older part of the window, without scoring the rest
    /// (a snapshot writes these and `unscoredCount`, and takes the texts back from the history).
    public var scoredScores: [Double] { scored }

    /// A sentiment holding these computed scores and, after them, these texts not scored yet (the
    /// last `window` in all): restoring a snapshot without scoring anything.
    public init(scoredScores: [Double], unscored texts: [String]) {
        let texts = Array(texts.suffix(Self.window))
        unscored = texts
        scored = scoredScores.suffix(Self.window - texts.count).map(Self.clamped)
    }

    /// Keeps a message the customer wrote among the last six, to be scored when the level is next
    /// needed. The cheap way in for a hub that may never read this conversation's level.
    public mutating func note(customerMessage text: String) {
        if scored.count + unscored.count == Self.window {
            if scored.isEmpty { unscored.removeFirst() } else { scored.removeFirst() }
        }
        unscored.append(text)
    }

    /// Scores every kept message not scored yet, so that reading the level costs nothing until the
    /// next message.
    public mutating func settle() {
        guard !unscored.isEmpty else { return }
        for text in unscored { scored.append(Self.clamped(SentimentScorer.score(text))) }
        unscored.removeAll(keepingCapacity: true)
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
        settle()
        let before = level
        if scored.count == Self.window { scored.removeFirst() }
        scored.append(Self.clamped(score))
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

    public static func == (lhs: ConversationSentiment, rhs: ConversationSentiment) -> Bool {
        lhs.recentScores == rhs.recentScores
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(recentScores)
    }

    private static func clamped(_ score: Double) -> Double {
        score.isFinite ? min(1, max(-1, score)) : 0
    }
}
