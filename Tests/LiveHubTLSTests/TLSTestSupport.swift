import LiveHubTLS
import Testing

/// A server and a client session wired back to back in memory.
final class TLSPair {
    let server: TLSConnection
    let client: TLSConnection
    /// Plaintext each side has received so far.
    var receivedByServer: [UInt8] = []
    var receivedByClient: [UInt8] = []
    var serverResult: TLSReadResult?
    var clientResult: TLSReadResult?

    init(server: TLSConnection, client: TLSConnection) {
        self.server = server
        self.client = client
    }

    /// Moves ciphertext both ways and drains plaintext until nothing moves any more.
    /// Bounded, so a stuck exchange fails the test instead of hanging it.
    @discardableResult
    func pump(maximumRounds: Int = 1000) -> Int {
        var rounds = 0
        while rounds < maximumRounds {
            rounds += 1
            let movedToServer = TLSPair.transfer(from: client, to: server)
            let serverStep = TLSPair.drain(server, into: &receivedByServer)
            let movedToClient = TLSPair.transfer(from: server, to: client)
            let clientStep = TLSPair.drain(client, into: &receivedByClient)
            serverResult = serverStep ?? serverResult
            clientResult = clientStep ?? clientResult
            if movedToServer == 0, movedToClient == 0 { break }
        }
        return rounds
    }

    /// Moves every pending ciphertext byte; returns how many moved.
    static func transfer(from source: TLSConnection, to destination: TLSConnection) -> Int {
        var ciphertext: [UInt8] = []
        source.takeCiphertext(into: &ciphertext)
        ciphertext.withUnsafeBytes { destination.feedCiphertext($0) }
        return ciphertext.count
    }

    /// Reads plaintext until the session wants more ciphertext; returns the last non-data result.
    static func drain(_ connection: TLSConnection, into received: inout [UInt8]) -> TLSReadResult? {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let result = buffer.withUnsafeMutableBytes { connection.readPlaintext(into: $0) }
            switch result {
            case .bytes(let count):
                received += buffer[..<count]
            case .wantMoreCiphertext:
                return nil
            case .closedByPeer, .failed:
                return result
            }
        }
    }

    /// Writes everything, pumping while the handshake is still running.
    func write(_ bytes: [UInt8], from connection: TLSConnection) {
        var offset = 0
        var attempts = 0
        while offset < bytes.count, attempts < 100 {
            attempts += 1
            let result = bytes[offset...].withUnsafeBytes { connection.writePlaintext($0) }
            switch result {
            case .written(let count):
                offset += count
                if count == 0 { pump() }
            case .failed(let error):
                Issue.record("write failed: \(error)")
                return
            }
        }
    }
}

/// One certificate for the whole test run: generating keys is the slow part.
let testCertificate: (certificatePEM: [UInt8], privateKeyPEM: [UInt8])? = try? SelfSignedCertificate.generate(
    commonName: "livehub test", subjectAltNames: ["127.0.0.1", "localhost"], validDays: 1)

/// A server context over `testCertificate`.
func makeServerContext() throws -> TLSServerContext {
    let certificate = try #require(testCertificate)
    return try TLSServerContext(certificatePEM: certificate.certificatePEM, privateKeyPEM: certificate.privateKeyPEM)
}

/// A server and a client that trusts `trusting` (the test certificate by default).
func makePair(trusting: [UInt8]? = testCertificate?.certificatePEM, serverName: String? = "localhost") throws -> TLSPair
{
    let server = try TLSConnection(context: makeServerContext())
    let client = try TLSConnection(context: TLSClientContext(trustingCertificatePEM: trusting), serverName: serverName)
    return TLSPair(server: server, client: client)
}
