import LiveHubDomain
import LiveHubProtocol

/// Encoding of what one customer message produces: its journal record, the message event for each
/// audience, and the ack (`encodeAnswer`, as `HubService` answers the `message.send` of `hubload acks`,
/// whose request id is "m").
enum EncodeBench {
    static let event = DomainEvent(
        conversationId: ConversationId("c123"), seq: 42, at: Instant(millisecondsSinceEpoch: 1_780_000_000_000),
        payload: .message(
            Message(
                seq: 42, senderId: UserId("customer-17"), senderRole: .customer,
                text: "ack run xxxxxxxxxxxxxxxxxxxxxxxx", visibility: .public, clientMessageId: nil,
                at: Instant(millisecondsSinceEpoch: 1_780_000_000_000))))

    static let acknowledgement = Acknowledgement.messageAccepted(seq: 42)
    static let requestId = RequestId.string("m")

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
            for frame in ServerMessageEncoder.encodeAnswer(acknowledgement, to: requestId, for: .customer) {
                bytes += frame.count
            }
        }
        return bytes
    }
}
