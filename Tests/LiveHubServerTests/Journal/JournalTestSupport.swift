import LiveHubDomain
import LiveHubJournalStore
import LiveHubPosix
import LiveHubProtocol
import LiveHubServer
import LiveHubTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real disk with switches: a write or a sync can fail with a chosen errno (a write that fails
/// lets half its bytes land first, like ENOSPC part-way), cuts can fail too (a read-only file system),
/// and syncs can be held until released, so a test sees exactly what waits for the disk.
final class SwitchableDisk: JournalDisk {
    struct Switches {
        var failWrites: Int32?
        var failSyncs: Int32?
        var failCuts: Int32?
        var holdSyncs = false
        var syncs = 0
        var failures = 0
    }

    let switches = Mutex(Switches())
    private let real = PosixJournalDisk()

    func set(_ change: (inout Switches) -> Void) { switches.withLock { change(&$0) } }
    var failures: Int { switches.withLock { $0.failures } }

    func makeDirectory(_ path: String) throws(FileSystem.Failure) { try real.makeDirectory(path) }
    func listDirectory(_ path: String) throws(FileSystem.Failure) -> [String] { try real.listDirectory(path) }
    func contents(of path: String) throws(FileSystem.Failure) -> [UInt8] { try real.contents(of: path) }
    func openForAppending(_ path: String) throws(FileSystem.Failure) -> any JournalFile {
        SwitchableFile(try real.openForAppending(path), path: path, disk: self)
    }
    func create(_ path: String) throws(FileSystem.Failure) -> any JournalFile {
        SwitchableFile(try real.create(path), path: path, disk: self)
    }
    func rename(_ source: String, to destination: String) throws(FileSystem.Failure) {
        try real.rename(source, to: destination)
    }
    func remove(_ path: String) throws(FileSystem.Failure) { try real.remove(path) }
    func removeDirectory(_ path: String) throws(FileSystem.Failure) { try real.removeDirectory(path) }
    func synchronizeDirectory(_ path: String) throws(FileSystem.Failure) { try real.synchronizeDirectory(path) }

    /// Counts a failure and returns it, when `code` is set.
    fileprivate func failure(_ code: Int32?, call: String, path: String) -> FileSystem.Failure? {
        guard let code else { return nil }
        switches.withLock { $0.failures += 1 }
        return FileSystem.Failure(path: path, error: SystemError(call: call, code: code))
    }
}

final class SwitchableFile: JournalFile {
    private let file: any JournalFile
    private let path: String
    private let disk: SwitchableDisk

    init(_ file: any JournalFile, path: String, disk: SwitchableDisk) {
        self.file = file
        self.path = path
        self.disk = disk
    }

    var size: Int { file.size }

    func append(_ bytes: UnsafeRawBufferPointer) throws(FileSystem.Failure) {
        if let failure = disk.failure(disk.switches.withLock { $0.failWrites }, call: "pwrite", path: path) {
            try file.append(UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count / 2)]))
            throw failure
        }
        try file.append(bytes)
    }

    func synchronize() throws(FileSystem.Failure) {
        while disk.switches.withLock({ $0.holdSyncs }) { usleep(1000) }
        if let failure = disk.failure(disk.switches.withLock { $0.failSyncs }, call: "fdatasync", path: path) {
            throw failure
        }
        try file.synchronize()
        disk.switches.withLock { $0.syncs += 1 }
    }

    func truncate(at offset: Int) throws(FileSystem.Failure) {
        if let failure = disk.failure(disk.switches.withLock { $0.failCuts }, call: "ftruncate", path: path) {
            throw failure
        }
        try file.truncate(at: offset)
    }

    func close() { file.close() }
}

/// A fresh data directory under /tmp, removed (with its journal) by `remove()`.
struct ScratchDirectory {
    let path: String

    init() throws {
        path = try FileSystem.makeTemporaryDirectory(prefix: "livehub-journal-test-")
    }

    func remove() {
        Self.removeTree(path)
    }

    private static func removeTree(_ path: String) {
        for name in (try? FileSystem.listDirectory(path)) ?? [] {
            let child = path + "/" + name
            if (try? FileSystem.listDirectory(child)) != nil {
                removeTree(child)
            } else {
                try? FileSystem.remove(child)
            }
        }
        try? FileSystem.removeDirectory(path)
    }
}

/// A test server on a data directory, with the journal on.
func journaledServer(
    _ directory: ScratchDirectory, sync: JournalSyncMode = .group, disk: (any JournalDisk)? = nil,
    repair: Bool = false, configure: (inout ServerConfiguration) -> Void = { _ in }
) throws -> TestServer {
    try TestServer { configuration in
        configuration.dataDirectory = directory.path
        configuration.journalSync = sync
        configuration.repairJournal = repair
        if let disk { configuration.journalDisk = disk }
        configure(&configuration)
    }
}

/// A `/v1/ws` client that numbers its requests and reads up to their answers.
final class JournalClient {
    let hub: HubClient
    let name: String
    private var counter = 0

    init(_ server: TestServer, _ role: Role, _ name: String) throws {
        hub = try HubClient(server, role: role, subject: name)
        self.name = name
    }

    /// Sends `{"type":type,"id":…,fields}` and returns the id.
    @discardableResult
    func send(_ type: String, _ fields: String = "") throws -> String {
        counter += 1
        let id = "\(name)-\(counter)"
        try hub.send(#"{"type":"\#(type)","id":"\#(id)"\#(fields.isEmpty ? "" : "," + fields)}"#)
        return id
    }

    /// Reads frames up to the answer (`ack` or `error`) to `id`; returns the answer and what came before.
    func answer(_ id: String) throws -> (answer: JSONObject, before: [JSONObject]) {
        var before: [JSONObject] = []
        for _ in 0..<500 {
            let frame = try hub.next()
            let type = frame["type"]?.stringValue
            if frame["id"]?.stringValue == id && (type == "ack" || type == "error") { return (frame, before) }
            before.append(frame)
        }
        throw TestClientError("\(name): no answer to \(id)")
    }

    /// Sends a request and returns its answer.
    @discardableResult
    func call(_ type: String, _ fields: String = "") throws -> JSONObject {
        try answer(send(type, fields)).answer
    }

    /// Sends a request that must be acknowledged; returns the ack and the frames before it.
    @discardableResult
    func ack(_ type: String, _ fields: String = "") throws -> (ack: JSONObject, before: [JSONObject]) {
        let (answer, before) = try self.answer(send(type, fields))
        guard answer["type"]?.stringValue == "ack" else {
            throw TestClientError("\(name): \(type) answered \(answer)")
        }
        return (answer, before)
    }

    /// The next frame of `type`, reading past others.
    func next(_ type: String) throws -> JSONObject {
        for _ in 0..<500 {
            let frame = try hub.next()
            if frame["type"]?.stringValue == type { return frame }
        }
        throw TestClientError("\(name): no \(type) frame")
    }

    /// Reads everything sent to this connection so far: a request whose answer comes after all of it.
    func drain() throws {
        let answer = try call("conversation.resume", #""conversationId":"none","afterSeq":0"#)
        guard answer["code"]?.stringValue == "not_found" else { throw TestClientError("\(name): drain answered \(answer)") }
    }

    /// True when nothing at all arrives for `milliseconds`.
    func staysSilent(milliseconds: Int32) -> Bool {
        !hub.client.hasBufferedBytes
            && !hub.client.socket.waitUntilReady(writable: false, readable: true, milliseconds: milliseconds).readable
    }
}

/// The demo configuration with offers that expire after `milliseconds`.
func configuration(offerTimeoutMilliseconds milliseconds: Int64) -> Configuration {
    var configuration = Configuration.demo
    for index in configuration.workstreams.indices {
        configuration.workstreams[index].offerTimeoutMilliseconds = milliseconds
    }
    return configuration
}
