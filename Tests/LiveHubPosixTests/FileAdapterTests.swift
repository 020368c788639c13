import LiveHubPosix
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("file adapter")
struct FileAdapterTests {
    /// A fresh directory, removed (with its files) after `body`.
    private func withDirectory(_ body: (String) throws -> Void) throws {
        let directory = try FileSystem.makeTemporaryDirectory(prefix: "livehub-posix-")
        defer {
            for name in (try? FileSystem.listDirectory(directory)) ?? [] {
                try? FileSystem.remove(directory + "/" + name)
            }
            try? FileSystem.removeDirectory(directory)
        }
        try body(directory)
    }

    @Test("an append-only file appends, syncs, truncates back and reopens at its end")
    func appendOnlyFile() throws {
        try withDirectory { directory in
            let path = directory + "/segment"
            let file = try AppendOnlyFile.create(path)
            try file.append(Array("hello, ".utf8))
            try file.append(Array("world".utf8))
            try file.synchronize()
            #expect(file.size == 12)
            try file.truncate(at: 5)
            try file.append(Array("!".utf8))
            file.close()
            #expect(try FileSystem.contents(of: path) == Array("hello!".utf8))
            let reopened = try AppendOnlyFile.open(path)
            #expect(reopened.size == 6)
            try reopened.append(Array("?".utf8))
            #expect(try FileSystem.contents(of: path) == Array("hello!?".utf8))
        }
    }

    @Test("creating a file that exists fails with its path and the system's words")
    func createExclusive() throws {
        try withDirectory { directory in
            _ = try AppendOnlyFile.create(directory + "/a")
            #expect {
                _ = try AppendOnlyFile.create(directory + "/a")
            } throws: { error in
                "\(error)".contains(directory + "/a") && "\(error)".contains("File exists")
            }
        }
    }

    @Test("a directory lists its entries; rename, remove and directory sync work")
    func directories() throws {
        try withDirectory { directory in
            _ = try AppendOnlyFile.create(directory + "/one.tmp")
            _ = try AppendOnlyFile.create(directory + "/two")
            try FileSystem.rename(directory + "/one.tmp", to: directory + "/one")
            try FileSystem.synchronizeDirectory(directory)
            #expect(try FileSystem.listDirectory(directory).sorted() == ["one", "two"])
            try FileSystem.remove(directory + "/two")
            #expect(try FileSystem.listDirectory(directory) == ["one"])
            #expect(throws: FileSystem.Failure.self) { try FileSystem.listDirectory(directory + "/missing") }
        }
    }

    @Test("a second holder of the data directory lock is refused with the first one's pid")
    func dataDirectoryLock() throws {
        try withDirectory { directory in
            let lock = try DataDirectoryLock.acquire(directory: directory)
            #expect(throws: DataDirectoryLock.Failure.inUse(directory: directory, pid: getpid())) {
                _ = try DataDirectoryLock.acquire(directory: directory)
            }
            let message = DataDirectoryLock.Failure.inUse(directory: directory, pid: getpid()).description
            #expect(message == "data directory \(directory) is in use by pid \(getpid())")
            lock.release()
            let again = try DataDirectoryLock.acquire(directory: directory)
            again.release()
        }
    }

    @Test("a condition lock wakes a waiter when signalled, and a deadline ends the wait without a signal")
    func conditionLock() throws {
        let shared = ConditionLock<[Int]>([])
        let received = Atomic<Int>(0)
        let thread = try LoopThread.start(name: "test-waiter") {
            let value = shared.withLock(waitingUntil: { !$0.isEmpty }, deadline: nil) { $0.removeFirst() }
            received.store(value, ordering: .releasing)
        }
        shared.withLock { $0.append(42) }
        shared.signal()
        thread.join()
        #expect(received.load(ordering: .acquiring) == 42)

        let start = MonotonicClock.now()
        let timedOut = shared.withLock(waitingUntil: { !$0.isEmpty }, deadline: start + 20_000_000) { $0.isEmpty }
        #expect(timedOut && MonotonicClock.now() - start >= 20_000_000)
    }
}
