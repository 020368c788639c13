import Foundation
import LiveHubDomain
import LiveHubProtocol
import Testing

@Suite("JWT HS256 tokens")
struct TokenTests {
    static let secret = utf8("test-secret")
    static let now: Int64 = 1_700_000_000
    let verifier = TokenVerifier(secret: TokenTests.secret)
    let issuer = TokenIssuer(secret: TokenTests.secret)

    /// A token with any header and payload JSON, signed with `secret`.
    static func signedToken(header: String, payload: String, secret: [UInt8] = TokenTests.secret) -> String {
        let input = Base64URL.encode(utf8(header)) + "." + Base64URL.encode(utf8(payload))
        return input + "." + Base64URL.encode(HMACSHA256.authenticationCode(for: input.utf8, key: secret))
    }

    static let header = #"{"alg":"HS256","typ":"JWT"}"#
    static let payload = #"{"sub":"alice","role":"agent","name":"Alice","exp":1700003600}"#

    @Test("a valid token yields its claims")
    func validToken() throws {
        let claims = try verifier.verify(Self.signedToken(header: Self.header, payload: Self.payload), now: Self.now)
        #expect(claims == TokenClaims(subject: "alice", role: .agent, name: "Alice", expiresAt: 1_700_003_600))
    }

    @Test("a token minted by an independent implementation verifies")
    func independentToken() throws {
        let token =
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSIsInJvbGUiOiJhZ2VudCIsIm5hbWUiOiJBbGljZSBBcmNoZXIiLCJleHAiOjE3MDAwMDM2MDAsImlhdCI6MTcwMDAwMDAwMH0.a99aWxvL7qZ8Eb2TCPmC9UdoUrUQvb4enbkf7L35e_A"
        let claims = try verifier.verify(token, now: Self.now)
        #expect(claims.subject == "alice" && claims.name == "Alice Archer" && claims.issuedAt == 1_700_000_000)
    }

    @Test("issued tokens verify, with every optional claim kept", arguments: Role.wireRoles)
    func issueThenVerify(role: Role) throws {
        let claims = TokenClaims(
            subject: "u-1", role: role, name: "Ünïcode \"name\"", expiresAt: Self.now + 60, notBefore: Self.now - 5,
            issuedAt: Self.now - 5)
        #expect(try verifier.verify(issuer.issue(claims), now: Self.now) == claims)
    }

    @Test("alg none is refused")
    func algorithmNone() {
        let token = Base64URL.encode(utf8(#"{"alg":"none"}"#)) + "." + Base64URL.encode(utf8(Self.payload)) + "."
        #expect(throws: TokenRejection.unsupportedAlgorithm("none")) { try verifier.verify(token, now: Self.now) }
    }

    @Test("alg other than HS256 is refused", arguments: ["HS384", "HS512", "RS256", "hs256", "ES256"])
    func otherAlgorithm(algorithm: String) {
        let token = Self.signedToken(header: #"{"alg":"\#(algorithm)"}"#, payload: Self.payload)
        #expect(throws: TokenRejection.unsupportedAlgorithm(algorithm)) { try verifier.verify(token, now: Self.now) }
    }

    @Test(
        "malformed tokens are refused",
        arguments: [
            "", "abc", "a.b", "a.b.c.d", "!!.e30.AAAA", Base64URL.encode(utf8("not json")) + ".e30.AAAA",
            Base64URL.encode(utf8(#"{"typ":"JWT"}"#)) + ".e30.AAAA",
        ])
    func malformed(token: String) {
        #expect {
            try verifier.verify(token, now: Self.now)
        } throws: { error in
            if case .malformed = error as? TokenRejection { true } else { false }
        }
    }

    @Test(
        "missing or mistyped claims are malformed",
        arguments: [
            #"{"role":"agent","exp":1700003600}"#, #"{"sub":"","role":"agent","exp":1700003600}"#,
            #"{"sub":"a","exp":1700003600}"#, #"{"sub":"a","role":"agent"}"#,
            #"{"sub":"a","role":"agent","exp":"soon"}"#,
            #"{"sub":"a","role":"agent","exp":1700003600,"nbf":"x"}"#,
            #"{"sub":"a","role":"agent","name":7,"exp":1700003600}"#,
        ])
    func malformedClaims(payload: String) {
        #expect {
            try verifier.verify(Self.signedToken(header: Self.header, payload: payload), now: Self.now)
        } throws: { error in
            if case .malformed = error as? TokenRejection { true } else { false }
        }
    }

    @Test("a bad signature is refused")
    func badSignature() {
        let forged = Self.signedToken(header: Self.header, payload: Self.payload, secret: utf8("other-secret"))
        #expect(throws: TokenRejection.badSignature) { try verifier.verify(forged, now: Self.now) }
        let good = Self.signedToken(header: Self.header, payload: Self.payload)
        let parts = good.split(separator: ".").map(String.init)
        let elevated = Base64URL.encode(utf8(Self.payload.replacingOccurrences(of: "agent", with: "admin")))
        let tampered = parts[0] + "." + elevated + "." + parts[2]
        #expect(throws: TokenRejection.badSignature) { try verifier.verify(tampered, now: Self.now) }
        let truncated = String(good.dropLast(2))
        #expect(throws: TokenRejection.badSignature) { try verifier.verify(truncated, now: Self.now) }
    }

    @Test("an expired token is refused, from the exp second on")
    func expired() throws {
        let token = Self.signedToken(header: Self.header, payload: Self.payload)
        #expect(throws: Never.self) { try verifier.verify(token, now: 1_700_003_599) }
        #expect(throws: TokenRejection.expired) { try verifier.verify(token, now: 1_700_003_600) }
        #expect(throws: Never.self) {
            try TokenVerifier(secret: Self.secret, leewaySeconds: 30).verify(token, now: 1_700_003_620)
        }
    }

    @Test("a token before its nbf is refused as not yet valid")
    func notYetValid() {
        let token = Self.signedToken(
            header: Self.header, payload: #"{"sub":"a","role":"agent","nbf":1700000100,"exp":1700003600}"#)
        #expect(throws: TokenRejection.notYetValid) { try verifier.verify(token, now: 1_700_000_099) }
        #expect(throws: Never.self) { try verifier.verify(token, now: 1_700_000_100) }
    }

    @Test("an unknown role is refused", arguments: ["system", "root", "Agent", ""])
    func unknownRole(role: String) {
        let token = Self.signedToken(
            header: Self.header, payload: #"{"sub":"a","role":"\#(role)","exp":1700003600}"#)
        #expect(throws: TokenRejection.unknownRole(role)) { try verifier.verify(token, now: Self.now) }
    }

    @Test("a token without name uses the subject as its name")
    func nameDefaultsToSubject() throws {
        let token = Self.signedToken(
            header: Self.header, payload: #"{"sub":"cust-9","role":"customer","exp":1700003600}"#)
        #expect(try verifier.verify(token, now: Self.now).name == "cust-9")
    }
}
