#if canImport(Glibc)
import Glibc
#endif

/// Directory operations for the journal and the data directory. Blocking; off the I/O loops.
extension FileSystem {
    /// The names in `directory` (without `.` and `..`), sorted bytewise so walks are reproducible.
    public static func listDirectory(_ directory: String) throws(Failure) -> [String] {
        guard let stream = opendir(directory) else {
            throw Failure(path: directory, error: SystemError(call: "opendir", code: errno))
        }
        defer { closedir(stream) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw Failure(path: directory, error: SystemError(call: "readdir", code: errno)) }
                return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            }
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    /// Renames `source` to `destination`, atomically replacing it. Durable after `synchronizeDirectory`.
    public static func rename(_ source: String, to destination: String) throws(Failure) {
        guard Glibc.rename(source, destination) == 0 else {
            throw Failure(path: source, error: SystemError(call: "rename", code: errno))
        }
    }

    /// Removes the file at `path`.
    public static func remove(_ path: String) throws(Failure) {
        guard unlink(path) == 0 else { throw Failure(path: path, error: SystemError(call: "unlink", code: errno)) }
    }

    /// Removes the empty directory at `path`.
    public static func removeDirectory(_ path: String) throws(Failure) {
        guard rmdir(path) == 0 else { throw Failure(path: path, error: SystemError(call: "rmdir", code: errno)) }
    }

    /// `fsync` on the directory itself: makes the creation, renaming or removal of its entries durable.
    /// A new file's data can be on disk while its name is not, after a crash, without this.
    public static func synchronizeDirectory(_ directory: String) throws(Failure) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: directory, error: SystemError(call: "open", code: errno)) }
        defer { Glibc.close(fd) }
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            throw Failure(path: directory, error: SystemError(call: "fsync", code: errno))
        }
    }

    /// The whole content of `path`, read at its size (one allocation; a segment can be 64 MiB).
    public static func contents(of path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, error: SystemError(call: "open", code: errno)) }
        defer { Glibc.close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw Failure(path: path, error: SystemError(call: "fstat", code: errno)) }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        var failure: SystemError?
        bytes.withUnsafeMutableBytes { buffer in
            while filled < buffer.count {
                let count = pread(fd, buffer.baseAddress! + filled, buffer.count - filled, off_t(filled))
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = SystemError(call: "pread", code: errno)
                    return
                }
                if count == 0 { return }  // the file shrank meanwhile: keep what was there
                filled += count
            }
        }
        if let failure { throw Failure(path: path, error: failure) }
        if filled < bytes.count { bytes.removeLast(bytes.count - filled) }
        return bytes
    }

    /// Creates a fresh directory `<parent>/<prefix>XXXXXX` (`mkdtemp`) for tests and benchmarks.
    public static func makeTemporaryDirectory(in parent: String = "/tmp", prefix: String) throws(Failure) -> String {
        var template = Array("\(parent)/\(prefix)XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
        guard made else { throw Failure(path: parent, error: SystemError(call: "mkdtemp", code: errno)) }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
