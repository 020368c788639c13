import LiveHubPosix

/// The hub's HS256 key, kept in `DATA_DIR/hub-secret` (32 random bytes, mode 0600) so tokens minted by
/// `livehub token` stay valid across restarts.
public enum HubSecretStore {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The existing secret of `directory`; never creates one (a token signed with a new secret in the
    /// wrong directory would only be refused later, far from the mistake).
    public static func load(directory: String) throws(Failure) -> [UInt8] {
        guard let existing = try existingSecret(in: directory) else {
            throw Failure(
                description: "no hub secret at \(directory)/hub-secret: point --data-dir at the hub's data directory "
                    + "(the hub creates the secret on its first start)")
        }
        return existing
    }

    /// The secret of `directory`, created (with the directory) on the hub's first start.
    public static func loadOrCreate(directory: String) throws(Failure) -> [UInt8] {
        do {
            try FileSystem.makeDirectory(directory)
        } catch {
            throw Failure(description: "cannot create data directory \(error)")
        }
        if let existing = try existingSecret(in: directory) { return existing }
        let secret = FileSystem.randomBytes(32)
        do {
            try FileSystem.createExclusive(directory + "/hub-secret", bytes: secret, mode: 0o600)
        } catch {
            throw Failure(description: "cannot create the hub secret \(error)")
        }
        return secret
    }

    /// The secret file's bytes; nil when there is none yet.
    private static func existingSecret(in directory: String) throws(Failure) -> [UInt8]? {
        let path = directory + "/hub-secret"
        switch Result(catching: { () throws(FileSystem.Failure) in try FileSystem.read(path, limit: 4096) }) {
        case .success(let existing):
            guard existing.count >= 32 else { throw Failure(description: "\(path) is shorter than 32 bytes") }
            return existing
        case .failure(let failure) where failure.isMissing:
            return nil
        case .failure(let failure):
            throw Failure(description: "cannot read the hub secret \(failure)")
        }
    }
}
