import LiveHubDomain
import Testing

@Test("Instant measures elapsed time and never goes negative")
func instantMeasuresElapsedTime() {
    let start = Instant(millisecondsSinceEpoch: 1_000)
    #expect(start.adding(seconds: 2).milliseconds(since: start) == 2_000)
    #expect(start.milliseconds(since: start.adding(seconds: 1)) == 0)
    let someone = Actor(role: .agent, userId: "a", connectionId: "k")
    #expect(someone.role == .agent)
}
