import Testing

@testable import LiveHubWebSocket

private func validate(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { UTF8Validator.isValid($0) } }

/// Feeds a chunk (kept out of `#expect` so the macro does not capture the validator).
private func feed(_ validator: inout UTF8Validator, _ chunk: some Collection<UInt8>) -> Bool {
    Array(chunk).withUnsafeBytes { validator.feed($0) }
}

/// Valid UTF-8, including the boundaries of every multi-byte range.
private let validSamples: [[UInt8]] = [
    [],
    Array("plain ASCII long enough to take the eight-byte fast path twice".utf8),
    Array("κόσμε".utf8),
    [0xC2, 0x80], [0xDF, 0xBF],  // U+0080, U+07FF
    [0xE0, 0xA0, 0x80], [0xEF, 0xBF, 0xBF],  // U+0800, U+FFFF
    [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],  // U+D7FF, U+E000 around the surrogates
    [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],  // U+10000, U+10FFFF
    Array("Hello-µ@ßöäüàá-UTF-8!!".utf8),
]

/// Invalid UTF-8 with a name for each failure.
private let invalidSamples: [(String, [UInt8])] = [
    ("lone continuation", [0x80]),
    ("overlong two-byte C0", [0xC0, 0xAF]),
    ("overlong two-byte C1", [0xC1, 0xBF]),
    ("overlong three-byte", [0xE0, 0x80, 0xAF]),
    ("overlong four-byte", [0xF0, 0x80, 0x80, 0xAF]),
    ("high surrogate", [0xED, 0xA0, 0x80]),
    ("low surrogate", [0xED, 0xBF, 0xBF]),
    ("above U+10FFFF via F4 90", [0xF4, 0x90, 0x80, 0x80]),
    ("F5 lead byte", [0xF5, 0x80, 0x80, 0x80]),
    ("FF byte", [0xFF]),
    ("truncated two-byte at end", [0x41, 0xC3]),
    ("truncated three-byte at end", [0xE2, 0x82]),
    ("truncated four-byte at end", [0xF0, 0x9F, 0x98]),
    ("lead byte followed by ASCII", [0xC3, 0x41]),
    ("Autobahn 6.3.1", Array("κόσμε".utf8) + [0xED, 0xA0, 0x80] + Array("edited".utf8)),
]

@Suite("Incremental UTF-8 validation")
struct UTF8ValidatorTests {
    @Test("valid sequences pass whole, one by one and split at every offset", arguments: validSamples)
    func valid(bytes: [UInt8]) {
        #expect(validate(bytes))
        for offset in 0...bytes.count {
            var validator = UTF8Validator()
            let first = feed(&validator, bytes[..<offset])
            let second = feed(&validator, bytes[offset...])
            #expect(first && second && validator.isComplete, "split at \(offset)")
        }
        var byByte = UTF8Validator()
        var allAccepted = true
        for byte in bytes { allAccepted = feed(&byByte, [byte]) && allAccepted }
        #expect(allAccepted && byByte.isComplete)
    }

    @Test("invalid sequences fail whole, one by one and split at every offset", arguments: invalidSamples)
    func invalid(name: String, bytes: [UInt8]) {
        #expect(!validate(bytes), "\(name)")
        for offset in 0...bytes.count {
            var validator = UTF8Validator()
            let first = feed(&validator, bytes[..<offset])
            let second = feed(&validator, bytes[offset...])
            #expect(!(first && second && validator.isComplete), "\(name) split at \(offset)")
        }
        var byByte = UTF8Validator()
        var allAccepted = true
        for byte in bytes { allAccepted = feed(&byByte, [byte]) && allAccepted }
        #expect(!(allAccepted && byByte.isComplete), "\(name) one by one")
    }

    @Test("failure is reported at the first impossible byte, not at the end of the message")
    func failsFast() {
        var validator = UTF8Validator()
        let leadAccepted = feed(&validator, [0xF4])  // still possible
        let secondAccepted = feed(&validator, [0x90])  // now above U+10FFFF
        let laterAccepted = feed(&validator, Array("more".utf8))  // sticky
        #expect(leadAccepted)
        #expect(!secondAccepted)
        #expect(!laterAccepted)
        #expect(!validator.isValidSoFar)
        validator.reset()
        #expect(validator.isComplete)
    }

    @Test("an incomplete sequence is valid so far but not complete")
    func incompleteIsNotComplete() {
        var validator = UTF8Validator()
        let prefixAccepted = feed(&validator, [0xE2, 0x82])
        #expect(prefixAccepted && validator.isValidSoFar && !validator.isComplete)
        let lastAccepted = feed(&validator, [0xAC])  // completes U+20AC
        #expect(lastAccepted && validator.isComplete)
    }

    @Test("a wide sample of scalars encoded by the standard library is valid")
    func agreesWithStandardLibrary() {
        let scalars = stride(from: 0, through: 0x10FFFF, by: 97).compactMap(Unicode.Scalar.init)
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        #expect(validate(Array(text.utf8)))
    }
}
