import LiveHubDomain

/// The fast path of `RequestDecoder` for the hottest requests, `message.send` and `typing`: reads the
/// flat request object straight from its bytes into a `RequestEnvelope`, without building a
/// `JSONValue` tree first.
///
/// It accepts only what the general path (`JSONParser`, then `FieldReader`) accepts, with the same
/// value, and returns nil for everything else: another request type, nesting, null, booleans,
/// fractions, exponents, integers beyond Int64, duplicate or unknown members, a member name with an
/// escape, malformed JSON, invalid UTF-8, lone surrogates, and any field rule the general path would
/// refuse. The caller then falls back to the general path, which decodes the request or produces the
/// precise error, so errors always come from one place: this is a fast path, never a second dialect.
enum FlatRequestScanner {
    static func envelope(_ bytes: UnsafeRawBufferPointer) -> RequestEnvelope? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var cursor = RequestCursor(base: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        // Plain locals rather than a struct, so the strings move into the envelope without copies.
        var seen: UInt8 = 0
        var type: FastRequestType?
        var id: RequestId?
        var conversationId: String?
        var text: String?
        var visibility: Visibility?
        var clientMessageId: String?
        cursor.skipSpace()
        guard cursor.take(UInt8(ascii: "{")) else { return nil }
        repeat {
            cursor.skipSpace()
            // A repeated member means fall back: the general parser refuses duplicate keys.
            guard let member = cursor.memberName(), seen & member.rawValue == 0 else { return nil }
            seen |= member.rawValue
            cursor.skipSpace()
            guard cursor.take(UInt8(ascii: ":")) else { return nil }
            cursor.skipSpace()
            switch member {
            case .type:
                guard let value = cursor.requestType() else { return nil }
                type = value
            case .id:
                guard let value = cursor.requestId() else { return nil }
                id = value
            case .conversationId:
                guard let value = cursor.identifier() else { return nil }
                conversationId = value
            case .text:
                guard let value = cursor.string() else { return nil }
                text = value
            case .visibility:
                guard let value = cursor.visibility() else { return nil }
                visibility = value
            case .clientMessageId:
                guard let value = cursor.identifier() else { return nil }
                clientMessageId = value
            }
            cursor.skipSpace()
        } while cursor.take(UInt8(ascii: ","))
        guard cursor.take(UInt8(ascii: "}")) else { return nil }
        cursor.skipSpace()
        // `take()` moves each string into the envelope instead of copying it and releasing the local.
        guard cursor.atEnd, let type, let conversationId = conversationId.take() else { return nil }
        switch type {
        case .messageSend:
            guard let text = text.take() else { return nil }
            return RequestEnvelope(
                id: id.take(),
                command: .sendMessage(
                    conversationId: ConversationId(conversationId), text: text, visibility: visibility ?? .public,
                    clientMessageId: clientMessageId.take()))
        case .typing:
            guard seen & FastRequestMember.typingMembers == seen else { return nil }
            return RequestEnvelope(id: id.take(), command: .typing(conversationId: ConversationId(conversationId)))
        }
    }
}

/// The request types the fast path handles.
enum FastRequestType {
    case messageSend
    case typing
}

/// The members the fast path knows; any other name sends the request to the general path.
enum FastRequestMember: UInt8 {
    case type = 1
    case id = 2
    case conversationId = 4
    case text = 8
    case visibility = 16
    case clientMessageId = 32

    /// The members `typing` may have; any other (text, visibility, clientMsgId) is refused there.
    static var typingMembers: UInt8 { type.rawValue | id.rawValue | conversationId.rawValue }
}
