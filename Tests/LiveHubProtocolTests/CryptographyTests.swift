import LiveHubProtocol
import Testing

@Suite("SHA-256, HMAC and base64url")
struct CryptographyTests {
    @Test(
        "SHA-256 matches the FIPS 180-4 examples",
        arguments: [
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func sha256Vectors(message: String, digest: String) {
        #expect(hex(SHA256.hash(message.utf8)) == digest)
    }

    @Test("SHA-256 of one million 'a' fed in uneven pieces matches FIPS 180-4")
    func sha256Million() {
        var hasher = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 999)
        var remaining = 1_000_000
        while remaining > 0 {
            let count = min(remaining, piece.count)
            hasher.update(piece.prefix(count))
            remaining -= count
        }
        #expect(hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(
        "HMAC-SHA256 matches RFC 4231 test cases 1, 2, 3, 4, 6 and 7",
        arguments: [
            (
                [UInt8](repeating: 0x0b, count: 20), utf8("Hi There"),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
            ),
            (
                utf8("Jefe"), utf8("what do ya want for nothing?"),
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
            ),
            (
                [UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
                "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
            ),
            (
                Array(1...25), [UInt8](repeating: 0xcd, count: 50),
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
            ),
            (
                [UInt8](repeating: 0xaa, count: 131), utf8("Test Using Larger Than Block-Size Key - Hash Key First"),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
            ),
            (
                [UInt8](repeating: 0xaa, count: 131),
                utf8(
                    "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."
                ),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
            ),
        ] as [([UInt8], [UInt8], String)])
    func hmacVectors(key: [UInt8], message: [UInt8], mac: String) {
        #expect(hex(HMACSHA256.authenticationCode(for: message, key: key)) == mac)
    }

    @Test("constant-time comparison tells equal from unequal at every position and length")
    func constantTimeEquality() {
        let reference = Array(0..<32) as [UInt8]
        #expect(HMACSHA256.constantTimeEquals(reference, reference))
        for index in reference.indices {
            var changed = reference
            changed[index] ^= 0x01
            #expect(!HMACSHA256.constantTimeEquals(reference, changed))
        }
        #expect(!HMACSHA256.constantTimeEquals(reference, Array(reference.dropLast())))
    }

    @Test(
        "base64url matches RFC 4648 §10 without padding",
        arguments: [
            ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ])
    func base64Vectors(plain: String, encoded: String) {
        #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
        #expect(Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test(
        "base64url uses - and _ and refuses padding, foreign characters and non-canonical forms",
        arguments: ["Zg==", "Zm9v+", "Zm9v/", "Z", "Zh", "Zm9 v"])
    func base64Refusals(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test("base64url round-trips every byte")
    func base64AllBytes() {
        let bytes = Array(0...255) as [UInt8]
        let encoded = Base64URL.encode(bytes)
        #expect(!encoded.contains("+") && !encoded.contains("/") && !encoded.contains("="))
        #expect(Base64URL.decode(encoded) == bytes)
    }
}
