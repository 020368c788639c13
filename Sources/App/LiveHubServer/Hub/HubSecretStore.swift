#if canImport(Glibc)
import Glibc
#endif

/// The hub's HS256 key, kept in `DATA_DIR/hub-secret` (32 random bytes, mode 0600) so tokens minted by
/// `livehub token` stay valid across restarts.
public enum HubSecretStore {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func loadOrCreate(directory: String) throws(Failure) -> [UInt8] {
        if mkdir(directory, 0o750) != 0 && errno != EEXIST {
            throw Failure(description: "cannot create \(directory): errno \(errno)")
        }
        let path = directory + "/hub-secret"
        if let existing = read(path) {
            guard existing.count >= 32 else { throw Failure(description: "\(path) is shorter than 32 bytes") }
            return existing
        }
        guard let random = read("/dev/urandom", count: 32), random.count == 32 else {
            throw Failure(description: "cannot read /dev/urandom")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(description: "cannot create \(path): errno \(errno)") }
        defer { close(fd) }
        let written = random.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == random.count else { throw Failure(description: "short write to \(path)") }
        return random
    }

    private static func read(_ path: String, count limit: Int = 4096) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: limit)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        return count >= 0 ? Array(buffer[0..<count]) : nil
    }
}
