import LiveHubSentiment

// A customer's messages are kept unscored until someone reads the level (`ConversationSentiment`):
// these are the readers inside the hub that keep the scores they compute.
extension Hub {
    /// The conversation's report row, its customer's sentiment scored first and kept scored: a row
    /// pushed to subscribers is built again at every change, and should score each message only once.
    mutating func settledReportRow(of conversationId: ConversationId, at now: Instant) -> ReportRow? {
        var row: ReportRow?
        state.changing(conversationId) { conversation in
            conversation.customerSentiment.settle()
            row = Self.reportRow(for: conversation, at: now)
        }
        return row
    }

    /// The conversation's sentiment level, scoring (and keeping the scores of) the messages it kept.
    mutating func settledSentiment(of conversationId: ConversationId) -> SentimentLevel? {
        var level: SentimentLevel?
        state.changing(conversationId) { conversation in
            conversation.customerSentiment.settle()
            level = conversation.customerSentiment.level
        }
        return level
    }
}
