import LiveHubJournalStore
import LiveHubPosix
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// An in-memory disk with a page cache: every file has the bytes the process sees (`cached`) and the
/// bytes that would survive a crash (`durable`, updated by `fdatasync`); directory entries likewise
/// survive only after the directory is synced. Faults are set by the test: a capacity (ENOSPC, with the
/// write's first part landing), failing syncs (EIO), a read-only mode (EROFS), a one-shot short write
/// that then fails, failing truncation. `crashImage` is what a machine crash would leave: the durable
/// bytes, plus a random choice of the unsynced 32-byte pieces, and either size.
final class FakeDisk: JournalDisk, Sendable {
    struct Inode {
        var cached: [UInt8] = []
        var durable: [UInt8] = []
    }

    struct State {
        var inodes: [Int: Inode] = [:]
        var names: [String: Int] = [:]
        var durableNames: [String: Int] = [:]
        var nextInode = 1
        // Faults.
        var capacity: Int?
        var readOnly = false
        var failingSyncs = 0
        var failingTruncates = 0
        var shortWrite: (bytes: Int, code: Int32)?
        var syncDelayNanoseconds: UInt64 = 0
        // Counters.
        var fileSyncs = 0
        var directorySyncs = 0
        var operations = 0
        /// Taken when `operations` reaches `crashAt`.
        var crashAt: Int?
        var crashSeed: UInt64 = 0
        var crashImage: FakeDisk?

        var usedBytes: Int { inodes.values.reduce(0) { $0 + $1.cached.count } }
    }

    let state: Mutex<State>

    init() { state = Mutex(State()) }

    private init(_ state: State) { self.state = Mutex(state) }

    // MARK: Test controls

    func setCapacity(_ bytes: Int?) { state.withLock { $0.capacity = bytes } }
    func setReadOnly(_ readOnly: Bool) { state.withLock { $0.readOnly = readOnly } }
    func failSyncs(_ count: Int) { state.withLock { $0.failingSyncs = count } }
    func failTruncates(_ count: Int) { state.withLock { $0.failingTruncates = count } }
    func shortWrite(landing bytes: Int, then code: Int32) { state.withLock { $0.shortWrite = (bytes, code) } }
    func setSyncDelay(nanoseconds: UInt64) { state.withLock { $0.syncDelayNanoseconds = nanoseconds } }
    func crash(atOperation operation: Int, seed: UInt64) {
        state.withLock {
            $0.crashAt = operation
            $0.crashSeed = seed
        }
    }
    var fileSyncs: Int { state.withLock { $0.fileSyncs } }
    var operations: Int { state.withLock { $0.operations } }
    var takenCrashImage: FakeDisk? { state.withLock { $0.crashImage } }

    /// What the process sees in `path`.
    func bytes(_ path: String) -> [UInt8]? { state.withLock { s in s.names[path].map { s.inodes[$0]!.cached } } }
    /// What would survive a crash in `path`.
    func durableBytes(_ path: String) -> [UInt8]? {
        state.withLock { s in s.durableNames[path].map { s.inodes[$0]!.durable } }
    }
    /// Names in `directory`, sorted.
    func names(in directory: String) -> [String] {
        state.withLock { s in
            s.names.keys.filter { $0.hasPrefix(directory + "/") }.map { String($0.dropFirst(directory.count + 1)) }
                .sorted()
        }
    }
    /// Replaces a file's content, durably (to lay out damage).
    func overwrite(_ path: String, with bytes: [UInt8]) {
        state.withLock { s in
            let inode = s.names[path] ?? s.nextInode
            if s.names[path] == nil { s.nextInode += 1 }
            s.inodes[inode] = Inode(cached: bytes, durable: bytes)
            s.names[path] = inode
            s.durableNames[path] = inode
        }
    }

    /// The disk a crash right now would leave (see the type's documentation); `keepingUnsynced: false`
    /// keeps only what was synced.
    func crashImage(seed: UInt64, keepingUnsynced: Bool = true) -> FakeDisk {
        state.withLock { Self.image(of: $0, seed: seed, keepingUnsynced: keepingUnsynced) }
    }

    private static func image(of state: State, seed: UInt64, keepingUnsynced: Bool = true) -> FakeDisk {
        var random = SplitMix64(seed: seed)
        var after = State()
        after.names = state.durableNames
        after.durableNames = state.durableNames
        after.nextInode = state.nextInode
        for (number, inode) in state.inodes {
            var bytes = inode.durable
            if keepingUnsynced && inode.cached != inode.durable {
                let size = random.next() % 2 == 0 ? inode.durable.count : inode.cached.count
                var torn = [UInt8](repeating: 0, count: size)
                // 32-byte pieces rather than 512-byte sectors: every tearing a sector-atomic disk can
                // produce is among these, and small records get torn too.
                for start in stride(from: 0, to: size, by: 32) {
                    let end = min(size, start + 32)
                    let fromCache = random.next() % 2 == 0
                    for index in start..<end {
                        let source = fromCache ? inode.cached : inode.durable
                        torn[index] = index < source.count ? source[index] : 0
                    }
                }
                bytes = torn
            }
            after.inodes[number] = Inode(cached: bytes, durable: bytes)
        }
        return FakeDisk(after)
    }

    // MARK: JournalDisk

    /// Counts an operation (taking the crash image when its turn comes), then checks read-only.
    fileprivate func operate<T>(
        _ path: String, call: String, writes: Bool, _ body: (inout State) throws(FileSystem.Failure) -> T
    ) throws(FileSystem.Failure) -> T {
        try state.withLock { (s: inout State) throws(FileSystem.Failure) -> T in
            s.operations += 1
            if s.operations == s.crashAt { s.crashImage = Self.image(of: s, seed: s.crashSeed) }
            if writes && s.readOnly {
                throw FileSystem.Failure(path: path, error: SystemError(call: call, code: EROFS))
            }
            return try body(&s)
        }
    }

    func makeDirectory(_ path: String) throws(FileSystem.Failure) {}

    /// The entries directly in `path`: files, and the directories that paths below it imply.
    func listDirectory(_ path: String) throws(FileSystem.Failure) -> [String] {
        Array(Set(names(in: path).map { String($0.prefix { $0 != "/" }) })).sorted()
    }

    func removeDirectory(_ path: String) throws(FileSystem.Failure) {
        try operate(path, call: "rmdir", writes: true) { (s: inout State) throws(FileSystem.Failure) in
            guard !s.names.keys.contains(where: { $0.hasPrefix(path + "/") }) else {
                throw FileSystem.Failure(path: path, error: SystemError(call: "rmdir", code: ENOTEMPTY))
            }
        }
    }

    func contents(of path: String) throws(FileSystem.Failure) -> [UInt8] {
        try operate(path, call: "open", writes: false) { (s: inout State) throws(FileSystem.Failure) in
            guard let inode = s.names[path] else {
                throw FileSystem.Failure(path: path, error: SystemError(call: "open", code: ENOENT))
            }
            return s.inodes[inode]!.cached
        }
    }

    func openForAppending(_ path: String) throws(FileSystem.Failure) -> any JournalFile {
        try operate(path, call: "open", writes: true) { (s: inout State) throws(FileSystem.Failure) in
            guard let inode = s.names[path] else {
                throw FileSystem.Failure(path: path, error: SystemError(call: "open", code: ENOENT))
            }
            return FakeFile(disk: self, path: path, inode: inode)
        }
    }

    func create(_ path: String) throws(FileSystem.Failure) -> any JournalFile {
        try operate(path, call: "open", writes: true) { (s: inout State) throws(FileSystem.Failure) in
            guard s.names[path] == nil else {
                throw FileSystem.Failure(path: path, error: SystemError(call: "open", code: EEXIST))
            }
            let inode = s.nextInode
            s.nextInode += 1
            s.inodes[inode] = Inode()
            s.names[path] = inode
            return FakeFile(disk: self, path: path, inode: inode)
        }
    }

    func rename(_ source: String, to destination: String) throws(FileSystem.Failure) {
        try operate(source, call: "rename", writes: true) { (s: inout State) throws(FileSystem.Failure) in
            guard let inode = s.names.removeValue(forKey: source) else {
                throw FileSystem.Failure(path: source, error: SystemError(call: "rename", code: ENOENT))
            }
            s.names[destination] = inode
        }
    }

    func remove(_ path: String) throws(FileSystem.Failure) {
        try operate(path, call: "unlink", writes: true) { (s: inout State) throws(FileSystem.Failure) in
            guard s.names.removeValue(forKey: path) != nil else {
                throw FileSystem.Failure(path: path, error: SystemError(call: "unlink", code: ENOENT))
            }
        }
    }

    func synchronizeDirectory(_ path: String) throws(FileSystem.Failure) {
        try operate(path, call: "fsync", writes: false) { (s: inout State) throws(FileSystem.Failure) in
            s.directorySyncs += 1
            let prefix = path + "/"
            s.durableNames = s.durableNames.filter { !$0.key.hasPrefix(prefix) }
            for (name, inode) in s.names where name.hasPrefix(prefix) { s.durableNames[name] = inode }
        }
    }
}

/// A file on the fake disk.
final class FakeFile: JournalFile {
    let disk: FakeDisk
    let path: String
    let inode: Int
    private var closed = false

    init(disk: FakeDisk, path: String, inode: Int) {
        self.disk = disk
        self.path = path
        self.inode = inode
    }

    var size: Int { disk.state.withLock { $0.inodes[inode]!.cached.count } }

    func append(_ bytes: UnsafeRawBufferPointer) throws(FileSystem.Failure) {
        let inode = self.inode
        try disk.operate(path, call: "pwrite", writes: true) {
            [path] (s: inout FakeDisk.State) throws(FileSystem.Failure) in
            var allowed = bytes.count
            var failure: Int32?
            if let short = s.shortWrite {
                s.shortWrite = nil
                allowed = min(allowed, short.bytes)
                failure = short.code
            }
            if let capacity = s.capacity, s.usedBytes + allowed > capacity {
                allowed = max(0, capacity - s.usedBytes)
                failure = ENOSPC
            }
            s.inodes[inode]!.cached.append(contentsOf: bytes.prefix(allowed))
            if let failure { throw FileSystem.Failure(path: path, error: SystemError(call: "pwrite", code: failure)) }
        }
    }

    func synchronize() throws(FileSystem.Failure) {
        let inode = self.inode
        let delay = disk.state.withLock { $0.syncDelayNanoseconds }
        if delay > 0 { usleep(UInt32(delay / 1000)) }
        try disk.operate(path, call: "fdatasync", writes: false) {
            [path] (s: inout FakeDisk.State) throws(FileSystem.Failure) in
            if s.failingSyncs > 0 {
                s.failingSyncs -= 1
                // Like Linux after a failed writeback: the error is reported, and the pages are not on disk.
                throw FileSystem.Failure(path: path, error: SystemError(call: "fdatasync", code: EIO))
            }
            s.fileSyncs += 1
            s.inodes[inode]!.durable = s.inodes[inode]!.cached
        }
    }

    func truncate(at offset: Int) throws(FileSystem.Failure) {
        let inode = self.inode
        try disk.operate(path, call: "ftruncate", writes: true) {
            [path] (s: inout FakeDisk.State) throws(FileSystem.Failure) in
            if s.failingTruncates > 0 {
                s.failingTruncates -= 1
                throw FileSystem.Failure(path: path, error: SystemError(call: "ftruncate", code: EIO))
            }
            var bytes = s.inodes[inode]!.cached
            if offset < bytes.count {
                bytes.removeLast(bytes.count - offset)
            } else {
                bytes += [UInt8](repeating: 0, count: offset - bytes.count)
            }
            s.inodes[inode]!.cached = bytes
        }
    }

    func close() { closed = true }
}

/// A small deterministic generator for seeds.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
