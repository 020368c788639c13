// Small value vocabularies of the conversation domain. Their wire spellings live in
// `LiveHubProtocol` (`WireVocabulary.swift`), the one home of every name on the wire.

/// An agent's availability for new work.
public enum Presence: Hashable, Sendable, CaseIterable {
    case available
    case busy
    case dnd
    case away
    case offline
}

/// The medium of a conversation. Conversations start in text; `conversation.escalate` records
/// a move to voice or video.
public enum Mode: Hashable, Sendable, CaseIterable {
    case text
    case voice
    case video
}

/// Where a conversation's lifecycle stands.
///
/// open → active → (waiting ↔ active) → wrap-up → closed; active → open on release or re-queue;
/// anything → closed by a supervisor's force close.
public enum ConversationStatus: Hashable, Sendable, CaseIterable {
    case open
    case active
    case waiting
    case wrapUp
    case closed
}

/// The part a user plays in one conversation.
public enum ParticipantRole: Hashable, Sendable, CaseIterable {
    case customer
    /// The primary agent, who owns the conversation and its capacity.
    case agent
    /// An agent helping the primary agent (invited, or the former primary after a transfer).
    case consult
    case supervisor
    case bot
    /// The hub itself: the sender of system entries in the transcript (why a conversation closed or
    /// went back to its queue). Never a participant.
    case system
}

/// Who may read a message.
public enum Visibility: Hashable, Sendable, CaseIterable {
    /// Everyone in the conversation, the customer included.
    case `public`
    /// Agents and supervisors only; never delivered to a customer or a bot.
    case `internal`
}

/// The channel a customer reached the hub through. A string wrapper rather than an enum
/// because deployments add channels through configuration alone.
public struct Channel: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public static func < (left: Channel, right: Channel) -> Bool { left.rawValue < right.rawValue }
    public var description: String { rawValue }

    public static let livechat = Channel("livechat")
    public static let sms = Channel("sms")
    public static let whatsapp = Channel("whatsapp")
    public static let facebook = Channel("facebook")
    public static let teams = Channel("teams")
}
