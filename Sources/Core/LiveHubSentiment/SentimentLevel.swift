/// The seven levels of the report's sentiment column, from very negative to very positive.
///
/// Their wire spellings (`very-negative` … `very-positive`) live in `LiveHubProtocol`, with every
/// other name on the wire.
///
/// A level is a band of the score in -1…1: neutral is -0.05 < score < 0.05, the slight levels
/// reach 0.3 in magnitude, the plain levels 0.6, and the very levels the rest.
public enum SentimentLevel: Int, Sendable, Hashable, CaseIterable, Comparable {
    case veryNegative = -3
    case negative = -2
    case slightlyNegative = -1
    case neutral = 0
    case slightlyPositive = 1
    case positive = 2
    case veryPositive = 3

    /// The band edges: magnitudes where slight, plain and very begin.
    static let neutralBelow = 0.05
    static let plainFrom = 0.3
    static let veryFrom = 0.6

    /// The level of a score in -1…1 (values outside are clamped by the bands).
    public init(score: Double) {
        let magnitude = abs(score)
        let step: Int
        if !(magnitude >= Self.neutralBelow) {  // NaN lands on neutral too
            step = 0
        } else if magnitude < Self.plainFrom {
            step = 1
        } else if magnitude < Self.veryFrom {
            step = 2
        } else {
            step = 3
        }
        self.init(rawValue: score < 0 ? -step : step)!
    }

    /// Three-way polarity: the slight levels count with their side.
    public var polarity: SentimentPolarity {
        rawValue < 0 ? .negative : rawValue > 0 ? .positive : .neutral
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Negative, neutral or positive: what the evaluation set labels.
public enum SentimentPolarity: String, Sendable, Hashable, CaseIterable {
    case negative
    case neutral
    case positive
}
