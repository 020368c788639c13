#if canImport(Glibc)
import Glibc
#endif

/// Where the running executable is and what a directory holds: what the hub needs to find the files
/// SwiftPM copied next to it (`<package>_<target>.resources/`) without Foundation's `Bundle`.
public enum ExecutableLocation {
    /// The absolute path of the running executable, from the `/proc/self/exe` link (symlinks resolved
    /// by the kernel); nil where /proc is not mounted.
    public static func path() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBufferPointer { pointer in
            pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) {
                readlink("/proc/self/exe", $0, pointer.count - 1)
            }
        }
        guard count > 0, count < buffer.count - 1 else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }

    /// The directory that holds the running executable (e.g. `.build/debug`).
    public static func directory() -> String? {
        guard let path = path(), let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }
}

extension FileSystem {
    /// What a directory entry is, as `lstat(2)` sees it: a symbolic link is reported as a link, never
    /// followed.
    public enum EntryKind: Sendable, Equatable {
        case regularFile(size: Int)
        case directory
        case symbolicLink
        case other
    }

    /// The kind of `path` without following a final symbolic link; nil if it does not exist.
    public static func entryKind(_ path: String) -> EntryKind? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regularFile(size: Int(status.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Reads a regular file whole, refusing to follow a symbolic link in its last component
    /// (`O_NOFOLLOW`) and anything that is not a regular file; at most `limit` bytes.
    public static func readRegularFile(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { throw Failure(path: path, error: SystemError(call: "open", code: errno)) }
        defer { Glibc.close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(path: path, error: SystemError(call: "open", code: EINVAL))
        }
        return try readAll(fd, path: path, limit: limit)
    }
}
