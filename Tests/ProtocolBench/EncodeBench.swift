import LiveHubDomain
import LiveHubProtocol

/// Encoding of what one customer message produces: its journal record, the message event for each
/// audience, and the ack.
enum EncodeBench {
    static let event = DomainEvent(
        conversationId: ConversationId("c123"), seq: 42, at: Instant(millisecondsSinceEpoch: 1_780_000_000_000),
        payload: .message(
            Message(
                seq: 42, senderId: UserId("customer-17"), senderRole: .customer,
                text: "ack run xxxxxxxxxxxxxxxxxxxxxxxx", visibility: .public, clientMessageId: nil,
                at: Instant(millisecondsSinceEpoch: 1_780_000_000_000))))

    /// Returns a checksum so the work cannot be optimised away.
    static func run(iterations: Int) -> Int { measureEncode(event, iterations: iterations) }

    @inline(never)
    static func measureEncode(_ event: DomainEvent, iterations: Int) -> Int {
        var bytes = 0
        for _ in 0..<iterations {
            bytes += JournalEventCodec.encode(event)?.count ?? 0
            var encoded = EncodedEvent(event)
            bytes += encoded.bytes(for: .staff)?.count ?? 0
            bytes += encoded.bytes(for: .customer)?.count ?? 0
        }
        return bytes
    }
}
