#if canImport(Glibc)
import Glibc
#endif

/// Small whole-file operations for configuration, secrets and the data directory. Blocking: called at
/// start-up or off the I/O loops, never on a socket path. Errors carry the call, the path and the
/// system's text (`SystemError.description`), so an operator sees "No such file or directory", not a number.
public enum FileSystem {
    /// A failed file operation: what was attempted, on which path, and why.
    public struct Failure: Error, CustomStringConvertible, Sendable, Equatable {
        public let path: String
        public let error: SystemError
        public var description: String { "\(path): \(error)" }
        public init(path: String, error: SystemError) {
            self.path = path
            self.error = error
        }
        /// The file or directory does not exist (ENOENT).
        public var isMissing: Bool { error.code == ENOENT }
    }

    /// Creates `path` as a directory with `mode`; an existing directory is fine.
    public static func makeDirectory(_ path: String, mode: UInt32 = 0o750) throws(Failure) {
        if mkdir(path, mode_t(mode)) == 0 { return }
        let code = errno
        var status = stat()
        if code == EEXIST && stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR { return }
        throw Failure(path: path, error: SystemError(call: "mkdir", code: code == EEXIST ? ENOTDIR : code))
    }

    /// The absolute, resolved form of an existing `path` (realpath(3)); nil if it cannot be resolved.
    public static func absolutePath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads a whole file of at most `limit` bytes; a larger one is refused (EFBIG) rather than read.
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, error: SystemError(call: "open", code: errno)) }
        defer { Glibc.close(fd) }
        return try readAll(fd, path: path, limit: limit)
    }

    /// Reads `fd` to its end, at most `limit` bytes (EFBIG beyond); `path` names it in failures.
    static func readAll(_ fd: Int32, path: String, limit: Int) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, error: SystemError(call: "read", code: errno))
            }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
            if bytes.count > limit { throw Failure(path: path, error: SystemError(call: "read", code: EFBIG)) }
        }
    }

    /// Creates `path` with `bytes` and `mode`, failing if it exists (O_EXCL): two processes racing to
    /// create a secret never both win.
    public static func createExclusive(_ path: String, bytes: [UInt8], mode: UInt32) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw Failure(path: path, error: SystemError(call: "open", code: errno)) }
        defer { Glibc.close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, error: SystemError(call: "write", code: errno))
            }
            offset += written
        }
    }

    /// `count` bytes from the kernel's CSPRNG: Swift's `SystemRandomNumberGenerator` reads getrandom(2)
    /// on Linux.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in generator.next() }
    }
}

/// The process's standard streams, written unbuffered (stdio's `FILE` globals are not concurrency-safe
/// in Swift 6, and a line must reach the log at once).
public enum StandardStreams {
    /// Writes `text` whole to standard output (retrying short writes and EINTR).
    public static func writeOutput(_ text: String) { write(1, text) }

    /// Writes `text` whole to standard error.
    public static func writeError(_ text: String) { write(2, text) }

    private static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// Leaving the process.
public enum ProcessExit {
    /// Exits with `status` (sysexits codes: 64 usage, 66 no input, 70 software, 73 can't create).
    public static func now(_ status: Int32) -> Never { exit(status) }
}
