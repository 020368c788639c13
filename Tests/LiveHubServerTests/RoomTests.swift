import LiveHubTestSupport
import Testing

@Suite("bench rooms over real sockets")
struct RoomTests {
    @Test("a message reaches every member of its room, sender included, and no one else")
    func broadcast() throws {
        let server = try TestServer()
        let members = try (0..<3).map { _ in try server.webSocket("/room/a") }
        let outsider = try server.webSocket("/room/b")
        try members[1].sendText("hello room a")
        for member in members { #expect(try member.receiveMessageFrame()?.text == "hello room a") }
        try outsider.sendText("only b")
        #expect(try outsider.receiveMessageFrame()?.text == "only b")
    }

    @Test("members on different event loops receive each other's messages")
    func acrossLoops() throws {
        let server = try TestServer { $0.threads = 2 }
        // SO_REUSEPORT spreads connections by hash; with enough members both loops have some.
        let members = try (0..<8).map { _ in try server.webSocket("/room/x") }
        try members[0].sendText("to all")
        for member in members { #expect(try member.receiveMessageFrame()?.text == "to all") }
    }

    @Test("a member that left no longer receives, the rest still do")
    func leave() throws {
        let server = try TestServer()
        let stay = try server.webSocket("/room/c")
        let leave = try server.webSocket("/room/c")
        try leave.sendClose()
        _ = try leave.receiveFrame()
        try stay.sendText("after")
        #expect(try stay.receiveMessageFrame()?.text == "after")
    }

    @Test("/room without the bench flag is not served")
    func disabledByDefault() throws {
        let server = try TestServer { $0.benchRoomsEnabled = false }
        #expect(try server.exchange("GET /room/a HTTP/1.1\r\nHost: x\r\n\r\n").hasPrefix("HTTP/1.1 404 "))
    }
}
