import LiveHubDomain
import LiveHubPosix
import LiveHubProtocol

/// Reads `--config PATH` from disk (the shell's job) and hands the bytes to the pure decoder.
public enum HubConfigurationLoader {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Configuration files are small; anything over 4 MiB is refused rather than read.
    public static func load(path: String) throws(Failure) -> ConfigurationFile.Contents {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path, limit: 4 * 1024 * 1024)
        } catch {
            throw Failure(description: "cannot read --config \(error)")
        }
        do {
            return try ConfigurationFile.decodeFile(bytes)
        } catch {
            throw Failure(description: "--config \(path): \(error)")
        }
    }
}
