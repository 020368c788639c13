import Testing

@testable import LiveHubLoad

/// The Redis replies `hubload redis-fanout` counts: one per complete reply, none for a partial one.
@Suite struct RESPTests {
    private func reply(_ text: String) -> (length: Int, kind: Character)? {
        Array(text.utf8).withUnsafeBytes { bytes in
            RESP.reply(in: bytes).map { ($0.length, Character(Unicode.Scalar($0.kind))) }
        }
    }

    @Test("a command is an array of bulk strings, lengths in bytes")
    func commandEncoding() {
        #expect(String(decoding: RESP.command(["PING"]), as: UTF8.self) == "*1\r\n$4\r\nPING\r\n")
        #expect(
            String(decoding: RESP.command(["SUBSCRIBE", "conv:é"]), as: UTF8.self)
                == "*2\r\n$9\r\nSUBSCRIBE\r\n$7\r\nconv:é\r\n")
    }

    @Test("each complete reply is measured whole: status, error, integer, bulk, null bulk, nested array")
    func completeReplies() {
        #expect(reply("+OK\r\n:1\r\n")?.length == 5)
        #expect(reply("-ERR no\r\n")?.kind == "-")
        #expect(reply(":42\r\n")?.length == 5)
        #expect(reply("$5\r\nhello\r\n+OK\r\n")?.length == 11)
        #expect(reply("$-1\r\n")?.length == 5)
        let push = "*3\r\n$7\r\nmessage\r\n$6\r\nconv:1\r\n$3\r\nhey\r\n"
        #expect(reply(push)?.length == push.utf8.count)
        #expect(reply("*2\r\n*1\r\n:1\r\n$1\r\nx\r\n")?.length == 19)
    }

    @Test("a reply cut anywhere is incomplete, never miscounted")
    func partialReplies() {
        let push = "*3\r\n$7\r\nmessage\r\n$6\r\nconv:1\r\n$3\r\nhey\r\n"
        let bytes = Array(push.utf8)
        for cut in 0..<bytes.count {
            let prefix = String(decoding: bytes[0..<cut], as: UTF8.self)
            #expect(reply(prefix) == nil, "cut at \(cut)")
        }
    }

    @Test("a byte RESP 2 does not start a reply with is malformed, so the run fails instead of miscounting")
    func malformedReply() {
        #expect(reply("!oops\r\n")?.kind == "?")
        #expect(reply("$x\r\n")?.kind == "?")
    }
}
