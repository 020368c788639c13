/// The languages the scorer has lexicons for.
public enum SentimentLanguage: String, Sendable, Hashable, CaseIterable {
    case english = "en"
    case german = "de"
    case dutch = "nl"
}
