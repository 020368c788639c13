#if canImport(Glibc)
import Glibc
#endif

/// A file that is only ever written at its end: a journal segment. Blocking calls, meant for a thread of
/// its own (the journal writer), never an I/O loop.
///
/// Writes go to the offset this object tracks (`pwrite` at `size`), not through `O_APPEND`, so after a
/// failed write and a `truncate(at:)` the next append lands exactly where the caller expects.
/// Not thread-safe: one thread uses it at a time.
public final class AppendOnlyFile {
    public let path: String
    private var fd: Int32
    /// The file's end as far as this object knows: its size at open, plus every byte written since
    /// (including the part of a failed write that did land), minus truncations.
    public private(set) var size: Int

    private init(path: String, fd: Int32, size: Int) {
        self.path = path
        self.fd = fd
        self.size = size
    }

    deinit { close() }

    /// Opens an existing file to append at its end.
    public static func open(_ path: String) throws(FileSystem.Failure) -> AppendOnlyFile {
        let fd = Glibc.open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystem.Failure(path: path, error: SystemError(call: "open", code: errno)) }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let failure = FileSystem.Failure(path: path, error: SystemError(call: "fstat", code: errno))
            Glibc.close(fd)
            throw failure
        }
        return AppendOnlyFile(path: path, fd: fd, size: Int(status.st_size))
    }

    /// Creates `path`, which must not exist (`O_EXCL`). The directory entry is durable only after
    /// `FileSystem.synchronizeDirectory` on its directory.
    public static func create(_ path: String, mode: UInt32 = 0o640) throws(FileSystem.Failure) -> AppendOnlyFile {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw FileSystem.Failure(path: path, error: SystemError(call: "open", code: errno)) }
        return AppendOnlyFile(path: path, fd: fd, size: 0)
    }

    /// Writes all of `bytes` at the end, retrying short writes and EINTR. On failure, `size` counts the
    /// bytes that did land, and the caller decides where to cut back to.
    public func append(_ bytes: UnsafeRawBufferPointer) throws(FileSystem.Failure) {
        try checkOpen()
        var written = 0
        while written < bytes.count {
            let result = pwrite(fd, bytes.baseAddress! + written, bytes.count - written, off_t(size))
            if result < 0 {
                if errno == EINTR { continue }
                throw FileSystem.Failure(path: path, error: SystemError(call: "pwrite", code: errno))
            }
            // A regular file never takes 0 bytes of a non-empty write unless something is badly wrong.
            guard result > 0 else {
                throw FileSystem.Failure(path: path, error: SystemError(call: "pwrite", code: EIO))
            }
            written += result
            size += result
        }
    }

    /// Writes all of `bytes` at the end.
    public func append(_ bytes: [UInt8]) throws(FileSystem.Failure) {
        let result = bytes.withUnsafeBytes { raw -> FileSystem.Failure? in
            do throws(FileSystem.Failure) {
                try append(raw)
                return nil
            } catch { return error }
        }
        if let result { throw result }
    }

    /// `fdatasync`: the data and the size reach the disk; the modification time need not.
    public func synchronize() throws(FileSystem.Failure) {
        try checkOpen()
        while fdatasync(fd) != 0 {
            if errno == EINTR { continue }
            throw FileSystem.Failure(path: path, error: SystemError(call: "fdatasync", code: errno))
        }
    }

    /// Cuts the file to `offset` bytes (a torn tail, or a failed write). Not durable until `synchronize`.
    public func truncate(at offset: Int) throws(FileSystem.Failure) {
        try checkOpen()
        while ftruncate(fd, off_t(offset)) != 0 {
            if errno == EINTR { continue }
            throw FileSystem.Failure(path: path, error: SystemError(call: "ftruncate", code: errno))
        }
        size = offset
    }

    /// Closes the descriptor; later calls fail with EBADF.
    public func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    private func checkOpen() throws(FileSystem.Failure) {
        guard fd >= 0 else { throw FileSystem.Failure(path: path, error: SystemError(call: "write", code: EBADF)) }
    }
}
