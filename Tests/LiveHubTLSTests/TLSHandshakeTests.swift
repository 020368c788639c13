import LiveHubTLS
import Testing

@Suite("TLS over memory buffers")
struct TLSHandshakeTests {
    @Test("a generated certificate is PEM and loads into a server context")
    func generatedCertificate() throws {
        let certificate = try #require(testCertificate)
        #expect(String(decoding: certificate.certificatePEM, as: UTF8.self).hasPrefix("-----BEGIN CERTIFICATE-----"))
        #expect(String(decoding: certificate.privateKeyPEM, as: UTF8.self).hasPrefix("-----BEGIN PRIVATE KEY-----"))
        _ = try makeServerContext()
    }

    @Test(
        "client and server complete the handshake in memory, with ALPN http/1.1", arguments: ["localhost", "127.0.0.1"])
    func handshake(serverName: String) throws {
        let pair = try makePair(serverName: serverName)
        #expect(!pair.client.isHandshakeComplete)
        pair.client.startHandshake()
        #expect(pair.client.pendingCiphertextCount > 0)
        pair.pump()
        #expect(pair.server.isHandshakeComplete)
        #expect(pair.client.isHandshakeComplete)
        #expect(pair.server.negotiatedProtocol == "http/1.1")
        #expect(pair.client.negotiatedProtocol == "http/1.1")
        #expect(pair.server.protocolVersion == "TLSv1.3")
        #expect(pair.serverResult == nil)
        #expect(pair.clientResult == nil)
    }

    @Test("plaintext crosses both ways, from a few bytes to 1 MiB", arguments: [1, 100, 16 * 1024 + 1, 1024 * 1024])
    func exchange(size: Int) throws {
        let pair = try makePair()
        pair.client.startHandshake()
        pair.pump()
        let request = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let response = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        pair.write(request, from: pair.client)
        pair.write(response, from: pair.server)
        pair.pump()
        #expect(pair.receivedByServer == request)
        #expect(pair.receivedByClient == response)
    }

    @Test("an idle session can give back its buffers and keep working")
    func releaseBuffers() throws {
        let pair = try makePair()
        pair.client.startHandshake()
        pair.pump()
        pair.write([UInt8](repeating: 7, count: 100_000), from: pair.server)
        pair.pump()
        pair.server.releaseBuffersIfIdle()
        pair.client.releaseBuffersIfIdle()
        pair.write(Array("after".utf8), from: pair.client)
        pair.write(Array("reply".utf8), from: pair.server)
        pair.pump()
        #expect(pair.receivedByServer == Array("after".utf8))
        #expect(pair.receivedByClient.count == 100_005)
        #expect(pair.receivedByClient.suffix(5) == Array("reply".utf8))
    }

    @Test("data written before the handshake finishes is delivered once it does")
    func writeBeforeHandshake() throws {
        let pair = try makePair()
        pair.client.startHandshake()
        let early = Array("GET / HTTP/1.1\r\n\r\n".utf8)
        let result = early.withUnsafeBytes { pair.client.writePlaintext($0) }
        #expect(result == .written(0))
        pair.write(early, from: pair.client)
        pair.pump()
        #expect(pair.receivedByServer == early)
    }

    @Test("ciphertext fed one byte at a time still completes the handshake and delivers data")
    func byteByByte() throws {
        let pair = try makePair()
        pair.client.startHandshake()
        var rounds = 0
        while !(pair.client.isHandshakeComplete && pair.server.isHandshakeComplete), rounds < 100 {
            rounds += 1
            for (source, destination) in [(pair.client, pair.server), (pair.server, pair.client)] {
                var ciphertext: [UInt8] = []
                source.takeCiphertext(into: &ciphertext)
                for byte in ciphertext {
                    [byte].withUnsafeBytes { destination.feedCiphertext($0) }
                    var received: [UInt8] = []
                    #expect(TLSPair.drain(destination, into: &received) == nil)
                }
            }
        }
        #expect(pair.client.isHandshakeComplete && pair.server.isHandshakeComplete)
        pair.write(Array("ping".utf8), from: pair.client)
        pair.pump()
        #expect(pair.receivedByServer == Array("ping".utf8))
    }

    @Test("close_notify from either side is seen as closedByPeer")
    func closeNotify() throws {
        for serverCloses in [true, false] {
            let pair = try makePair()
            pair.client.startHandshake()
            pair.pump()
            (serverCloses ? pair.server : pair.client).shutdown()
            pair.pump()
            #expect((serverCloses ? pair.clientResult : pair.serverResult) == .closedByPeer)
        }
    }

    @Test("garbage ciphertext makes the server fail with OpenSSL's reason")
    func garbage() throws {
        let server = try TLSConnection(context: makeServerContext())
        let garbage = Array("GET / HTTP/1.1\r\nHost: plaintext-by-mistake\r\n\r\n".utf8)
        garbage.withUnsafeBytes { server.feedCiphertext($0) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let result = buffer.withUnsafeMutableBytes { server.readPlaintext(into: $0) }
        guard case .failed(let error) = result else {
            Issue.record("expected failure, got \(result)")
            return
        }
        #expect(error.operation == "handshake")
        #expect(!error.details.isEmpty)
        // The failure is sticky: later calls give the same answer instead of OpenSSL's leftovers.
        #expect(buffer.withUnsafeMutableBytes { server.readPlaintext(into: $0) } == .failed(error))
        #expect([1].withUnsafeBytes { server.writePlaintext($0) } == .failed(error))
    }

    @Test("garbage after the handshake fails the established session")
    func garbageAfterHandshake() throws {
        let pair = try makePair()
        pair.client.startHandshake()
        pair.pump()
        let garbage = [UInt8](repeating: 0x17, count: 64)
        garbage.withUnsafeBytes { pair.server.feedCiphertext($0) }
        var received: [UInt8] = []
        let result = TLSPair.drain(pair.server, into: &received)
        guard case .failed(let error) = result else {
            Issue.record("expected failure, got \(String(describing: result))")
            return
        }
        #expect(error.operation == "SSL_read")
    }

    @Test("a client trusting a different certificate fails verification")
    func untrustedCertificate() throws {
        let other = try SelfSignedCertificate.generate(
            commonName: "other", subjectAltNames: ["localhost"], validDays: 1)
        let pair = try makePair(trusting: other.certificatePEM)
        pair.client.startHandshake()
        pair.pump()
        #expect(!pair.client.isHandshakeComplete)
        guard case .failed(let error) = pair.clientResult else {
            Issue.record("expected failure, got \(String(describing: pair.clientResult))")
            return
        }
        #expect(error.details.contains("certificate verification"))
        // The client's alert reaches the server, which fails too.
        guard case .failed = pair.serverResult else {
            Issue.record("expected server failure, got \(String(describing: pair.serverResult))")
            return
        }
    }

    @Test("a client checking a name the certificate does not carry fails verification")
    func wrongName() throws {
        let pair = try makePair(serverName: "example.org")
        pair.client.startHandshake()
        pair.pump()
        guard case .failed(let error) = pair.clientResult else {
            Issue.record("expected failure, got \(String(describing: pair.clientResult))")
            return
        }
        #expect(error.details.contains("certificate verification"))
    }

    @Test("a client without verification accepts any certificate")
    func noVerification() throws {
        let pair = try makePair(trusting: nil, serverName: "anything.invalid")
        pair.client.startHandshake()
        pair.pump()
        #expect(pair.client.isHandshakeComplete)
    }

    @Test("a server context refuses a key that does not match the certificate, and files that do not exist")
    func contextErrors() throws {
        let certificate = try #require(testCertificate)
        let other = try SelfSignedCertificate.generate(commonName: "other", subjectAltNames: [], validDays: 1)
        #expect(throws: TLSError.self) {
            try TLSServerContext(certificatePEM: certificate.certificatePEM, privateKeyPEM: other.privateKeyPEM)
        }
        #expect(throws: TLSError.self) {
            try TLSServerContext(certificatePEM: Array("not pem".utf8), privateKeyPEM: other.privateKeyPEM)
        }
        #expect(throws: TLSError.self) {
            try TLSServerContext(
                certificateChainPEMPath: "/nonexistent/cert.pem", privateKeyPEMPath: "/nonexistent/key.pem")
        }
    }
}
