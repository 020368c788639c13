import LiveHubPosix

/// The file operations the journal needs, so tests can put a fake disk with faults (ENOSPC, EIO, a
/// read-only directory, short and torn writes, crashes) under the real writer and recovery code.
/// Errors carry the path and the system's text (`FileSystem.Failure`).
public protocol JournalDisk: Sendable {
    func makeDirectory(_ path: String) throws(FileSystem.Failure)
    /// Entry names, in any order.
    func listDirectory(_ path: String) throws(FileSystem.Failure) -> [String]
    func contents(of path: String) throws(FileSystem.Failure) -> [UInt8]
    /// Opens an existing file to append at its end.
    func openForAppending(_ path: String) throws(FileSystem.Failure) -> any JournalFile
    /// Creates a file that must not exist yet.
    func create(_ path: String) throws(FileSystem.Failure) -> any JournalFile
    func rename(_ source: String, to destination: String) throws(FileSystem.Failure)
    func remove(_ path: String) throws(FileSystem.Failure)
    /// Removes an empty directory.
    func removeDirectory(_ path: String) throws(FileSystem.Failure)
    /// Makes the directory's entries (creations, renames, removals) durable.
    func synchronizeDirectory(_ path: String) throws(FileSystem.Failure)
}

/// An open segment file, written only at its end. Used by one thread at a time.
public protocol JournalFile: AnyObject {
    /// The end of the file: where the next append lands.
    var size: Int { get }
    /// Writes every byte at the end or throws; on a throw, `size` counts what did land.
    func append(_ bytes: UnsafeRawBufferPointer) throws(FileSystem.Failure)
    /// `fdatasync`.
    func synchronize() throws(FileSystem.Failure)
    /// Cuts the file to `offset` bytes.
    func truncate(at offset: Int) throws(FileSystem.Failure)
    func close()
}

extension AppendOnlyFile: JournalFile {}

/// The real disk, through `LiveHubPosix`.
public struct PosixJournalDisk: JournalDisk {
    public init() {}

    public func makeDirectory(_ path: String) throws(FileSystem.Failure) { try FileSystem.makeDirectory(path) }
    public func listDirectory(_ path: String) throws(FileSystem.Failure) -> [String] {
        try FileSystem.listDirectory(path)
    }
    public func contents(of path: String) throws(FileSystem.Failure) -> [UInt8] { try FileSystem.contents(of: path) }
    public func openForAppending(_ path: String) throws(FileSystem.Failure) -> any JournalFile {
        try AppendOnlyFile.open(path)
    }
    public func create(_ path: String) throws(FileSystem.Failure) -> any JournalFile { try AppendOnlyFile.create(path) }
    public func rename(_ source: String, to destination: String) throws(FileSystem.Failure) {
        try FileSystem.rename(source, to: destination)
    }
    public func remove(_ path: String) throws(FileSystem.Failure) { try FileSystem.remove(path) }
    public func removeDirectory(_ path: String) throws(FileSystem.Failure) { try FileSystem.removeDirectory(path) }
    public func synchronizeDirectory(_ path: String) throws(FileSystem.Failure) {
        try FileSystem.synchronizeDirectory(path)
    }
}

extension JournalFile {
    /// Appends `bytes` whole.
    func append(_ bytes: [UInt8]) throws(FileSystem.Failure) {
        let failure = bytes.withUnsafeBytes { raw -> FileSystem.Failure? in
            do throws(FileSystem.Failure) {
                try append(raw)
                return nil
            } catch { return error }
        }
        if let failure { throw failure }
    }
}
