import Foundation
import LiveHubDomain
import LiveHubProtocol

/// Bytes as lowercase hex, for comparing digests with published vectors.
func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

/// The bytes of a string, for feeding the parser and codecs.
func utf8(_ text: String) -> [UInt8] {
    Array(text.utf8)
}

/// `Protocol/` in the repository: found from this source file, whether the tests run from the main
/// package or from a development package that links the test folder.
func protocolDirectory() -> URL {
    let testFile = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    return testFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Protocol")
}

/// Every regular file under `directory` with the given extension, sorted by path.
func files(under directory: URL, withExtension pathExtension: String) -> [URL] {
    guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
        return []
    }
    return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == pathExtension }
        .sorted { $0.path < $1.path }
}

/// A file's bytes without one trailing newline (examples end with one, as text files should).
func contentsWithoutTrailingNewline(_ url: URL) throws -> [UInt8] {
    var bytes = [UInt8](try Data(contentsOf: url))
    if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
    return bytes
}

/// The fixed instant tests use: 2023-11-14T22:13:20Z plus `seconds`.
func time(_ seconds: Int64) -> Instant {
    Instant(millisecondsSinceEpoch: 1_700_000_000_000).adding(seconds: seconds)
}

extension Actor {
    static func customer(_ id: UserId) -> Actor {
        Actor(role: .customer, userId: id, connectionId: ConnectionId("\(id)-1"))
    }
    static func agent(_ id: UserId) -> Actor { Actor(role: .agent, userId: id, connectionId: ConnectionId("\(id)-1")) }
    static func supervisor(_ id: UserId) -> Actor {
        Actor(role: .supervisor, userId: id, connectionId: ConnectionId("\(id)-1"))
    }
    static func admin(_ id: UserId) -> Actor { Actor(role: .admin, userId: id, connectionId: ConnectionId("\(id)-1")) }
}

/// A small deterministic generator (SplitMix64) so fuzz runs are reproducible from their seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
