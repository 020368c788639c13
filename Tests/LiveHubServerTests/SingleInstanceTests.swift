import LiveHubServer
import LiveHubTestSupport
import LiveHubTransport
import Testing

/// One hub per port: SO_REUSEPORT would otherwise let a second server start silently and take a share
/// of the connections.
@Suite("one hub per port")
struct SingleInstanceTests {
    @Test("a second hub on the same port refuses to start, and the first keeps serving")
    func secondHubOnSamePortRefused() throws {
        let first = try TestServer()
        var configuration = ServerConfiguration()
        configuration.port = first.port
        configuration.threads = 2
        configuration.logLevel = .error
        #expect {
            _ = try HubServer.start(configuration: configuration)
        } throws: { error in
            guard let refusal = error as? TransportStartError, case .portInUse(let address, _) = refusal else { return false }
            return address.hasSuffix(":\(first.port)") && "\(refusal)".contains("already in use")
        }
        let reply = try first.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 200 "))
    }
}
