import LiveHubDomain
import Testing

/// An open conversation keeps every event of its history in memory, and each message's event is moved
/// and copied about ten times on its way (history, outcome, journal, frames), so the inline size of an
/// event is paid per message, in memory and in time.
@Suite("Event footprint")
struct EventFootprintTests {
    @Test("An event takes at most 128 bytes inline: its rare large payloads are boxed")
    func eventStaysSmall() {
        // Inline, a report row made every event 216 bytes; an open conversation's memory per message
        // fell by about a third when the four large cases were boxed.
        #expect(MemoryLayout<DomainEvent>.stride <= 128)
        #expect(MemoryLayout<ReportRow>.size > 128)
        #expect(MemoryLayout<Offer>.size > 128)
    }
}
