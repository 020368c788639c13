import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Keeps two hubs from writing one data directory: an exclusive `flock` on `DIRECTORY/lock`, held for the
/// process's life, with the holder's pid written in the file so the refusal can name it.
///
/// `flock` (not `fcntl` locks) because it belongs to the open file description: a second open in the
/// same process conflicts too (so it can be tested in one process), and the kernel drops it when the
/// holder dies, even by SIGKILL, so a crash never leaves a stale lock behind. The pid in the file is for
/// the message only; the lock is the truth.
public final class DataDirectoryLock: Sendable {
    /// The lock file's path.
    public let path: String
    private let fd: Mutex<Int32>

    /// Why the lock was not taken.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// Another process holds it (its pid, if it had written it yet).
        case inUse(directory: String, pid: Int32?)
        case system(FileSystem.Failure)

        public var description: String {
            switch self {
            case .inUse(let directory, let pid?): "data directory \(directory) is in use by pid \(pid)"
            case .inUse(let directory, nil): "data directory \(directory) is in use by another process"
            case .system(let failure): "cannot lock the data directory: \(failure)"
            }
        }
    }

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = Mutex(fd)
    }

    deinit { release() }

    /// Takes the lock of `directory` (which must exist) without waiting, or says who holds it.
    public static func acquire(directory: String) throws(Failure) -> DataDirectoryLock {
        let path = directory + "/lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode_t(0o640))
        guard fd >= 0 else {
            throw .system(FileSystem.Failure(path: path, error: SystemError(call: "open", code: errno)))
        }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            let holder = readPID(fd)
            Glibc.close(fd)
            if code == EWOULDBLOCK { throw .inUse(directory: directory, pid: holder) }
            throw .system(FileSystem.Failure(path: path, error: SystemError(call: "flock", code: code)))
        }
        let text = Array("\(getpid())\n".utf8)
        let written = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        if written != text.count || ftruncate(fd, off_t(text.count)) != 0 {
            let failure = FileSystem.Failure(
                path: path, error: SystemError(call: "pwrite", code: written < 0 ? errno : EIO))
            Glibc.close(fd)
            throw .system(failure)
        }
        return DataDirectoryLock(path: path, fd: fd)
    }

    /// Releases the lock (closing the file). The process's exit does the same.
    public func release() {
        fd.withLock { fd in
            if fd >= 0 { Glibc.close(fd) }
            fd = -1
        }
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).prefix { $0 != "\n" }
        return Int32(text)
    }
}
