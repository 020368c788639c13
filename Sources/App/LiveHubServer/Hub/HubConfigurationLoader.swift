import LiveHubDomain
import LiveHubProtocol

#if canImport(Glibc)
import Glibc
#endif

/// Reads `--config PATH` from disk (the shell's job) and hands the bytes to the pure decoder.
public enum HubConfigurationLoader {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Configuration files are small; anything over 4 MiB is refused rather than read.
    public static func load(path: String) throws(Failure) -> Configuration {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(description: "cannot open --config \(path): errno \(errno)") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 { throw Failure(description: "cannot read --config \(path): errno \(errno)") }
            if count == 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > 4 * 1024 * 1024 { throw Failure(description: "--config \(path) is larger than 4 MiB") }
        }
        do {
            return try ConfigurationFile.decode(bytes)
        } catch {
            throw Failure(description: "--config \(path): \(error)")
        }
    }
}
