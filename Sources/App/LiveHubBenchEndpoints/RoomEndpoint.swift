import LiveHubHTTP
import LiveHubPosix
import LiveHubTransport
import LiveHubWebSocket
import Synchronization

/// Members of one room on one loop.
final class LocalRoom {
    let name: String
    var members: [RoomMember] = []
    init(name: String) { self.name = name }
}

/// One connection's membership: its room and its index there (for O(1) removal). It joins the room
/// only once the upgrade succeeded (`opened`), so a refused handshake leaves no member behind.
final class RoomMember: WebSocketSession {
    /// Unchecked: the endpoint lives as long as its loop, and the connection as long as this session.
    unowned(unsafe) let endpoint: RoomEndpoint
    unowned(unsafe) let connection: Connection
    let roomName: String
    var room: LocalRoom?
    var index = 0

    init(endpoint: RoomEndpoint, roomName: String, connection: Connection) {
        self.endpoint = endpoint
        self.roomName = roomName
        self.connection = connection
    }

    func opened(_ connection: Connection) { endpoint.join(self) }
    func received(text: UnsafeRawBufferPointer, from connection: Connection) { publish(.text, text) }
    func received(binary: UnsafeRawBufferPointer, from connection: Connection) { publish(.binary, binary) }
    func closed(_ connection: Connection) { endpoint.leave(self) }

    private func publish(_ opcode: WebSocketOpcode, _ payload: UnsafeRawBufferPointer) {
        guard let room else { return }
        endpoint.publish(opcode, payload, in: room)
    }
}

/// `/room/NAME` (bench-only): each message goes to every current member of the room, sender included.
///
/// Members on this loop get one frame encoded once and copied into each member's output; members on
/// other loops get the payload through their loop's task queue, where it is encoded once again.
public final class RoomEndpoint: WebSocketEndpoint {
    private let loopIndex: Int
    private let directory: RoomDirectory
    private var rooms: [String: LocalRoom] = [:]
    /// Scratch space for encoding one frame that goes to many members.
    private var broadcastScratch: [UInt8] = []

    /// Creates loop `context`'s room endpoint and makes it reachable from the other loops' endpoints.
    public init(context: LoopContext, directory: RoomDirectory) {
        self.loopIndex = context.index
        self.directory = directory
        directory.register(RoomMailbox(index: context.index, loop: context.loop, endpoint: LoopConfined(value: self)))
    }

    public var subprotocols: [String] { [] }

    public func admit(_ request: HTTPRequestHead, wildcard: String?, on connection: Connection) -> WebSocketAdmission {
        .accept(RoomMember(endpoint: self, roomName: wildcard ?? "", connection: connection))
    }

    fileprivate func join(_ member: RoomMember) {
        let room: LocalRoom
        if let existing = rooms[member.roomName] {
            room = existing
        } else {
            room = LocalRoom(name: member.roomName)
            rooms[member.roomName] = room
            directory.loop(loopIndex, hosts: member.roomName, true)
        }
        member.room = room
        member.index = room.members.count
        room.members.append(member)
    }

    fileprivate func leave(_ member: RoomMember) {
        guard let room = member.room else { return }
        member.room = nil
        let index = member.index
        guard index < room.members.count, room.members[index] === member else { return }
        let last = room.members.removeLast()
        if index < room.members.count {
            room.members[index] = last
            last.index = index
        }
        if room.members.isEmpty {
            rooms[room.name] = nil
            directory.loop(loopIndex, hosts: room.name, false)
        }
    }

    fileprivate func publish(_ opcode: WebSocketOpcode, _ payload: UnsafeRawBufferPointer, in room: LocalRoom) {
        deliver(opcode, payload, to: room)
        let directory = self.directory
        guard directory.loopCount > 1 else { return }
        let others = directory.loops(hosting: room.name, except: loopIndex)
        guard !others.isEmpty else { return }
        let copy = Array(payload)
        let name = room.name
        for target in others {
            directory.post(to: target) { endpoint in
                guard let room = endpoint.rooms[name] else { return }
                copy.withUnsafeBytes { endpoint.deliver(opcode, $0, to: room) }
            }
        }
    }

    /// Encodes the frame once, then copies those bytes to every member.
    private func deliver(_ opcode: WebSocketOpcode, _ payload: UnsafeRawBufferPointer, to room: LocalRoom) {
        var frame: [UInt8] = []
        swap(&frame, &broadcastScratch)
        frame.removeAll(keepingCapacity: true)
        FrameEncoder.appendFrame(opcode: opcode, payload: payload, to: &frame)
        frame.withUnsafeBytes { encoded in
            for member in room.members {
                let connection = member.connection
                if connection.compressesOutput {
                    connection.send(opcode, payload)
                } else {
                    connection.sendEncodedFrame(encoded)
                }
            }
        }
        swap(&frame, &broadcastScratch)
    }
}

/// Which loops host members of which room, and a way to run code on another loop's room endpoint.
public final class RoomDirectory: Sendable {
    /// Bit i set = loop i has members. Loops are few (one per CPU), so 64 bits suffice.
    private let hostsByRoom = Mutex<[String: UInt64]>([:])
    private let mailboxes = Mutex<[RoomMailbox]>([])

    public init() {}

    var loopCount: Int { mailboxes.withLock { $0.count } }

    func register(_ mailbox: RoomMailbox) { mailboxes.withLock { $0.append(mailbox) } }

    func loop(_ index: Int, hosts room: String, _ present: Bool) {
        guard index < 64 else { return }
        hostsByRoom.withLock { table in
            let bits = table[room, default: 0]
            let updated = present ? bits | (1 << UInt64(index)) : bits & ~(1 << UInt64(index))
            table[room] = updated == 0 ? nil : updated
        }
    }

    func loops(hosting room: String, except index: Int) -> [Int] {
        let bits = hostsByRoom.withLock { $0[room] ?? 0 }
        return (0..<64).filter { $0 != index && bits & (1 << UInt64($0)) != 0 }
    }

    func post(to index: Int, _ work: @escaping @Sendable (RoomEndpoint) -> Void) {
        guard let mailbox = mailboxes.withLock({ $0.first { $0.index == index } }) else { return }
        mailbox.loop.execute { work(mailbox.endpoint.value) }
    }
}

/// A loop's room endpoint, reachable from other threads only by posting work to that loop.
struct RoomMailbox: Sendable {
    let index: Int
    let loop: EventLoop
    let endpoint: LoopConfined<RoomEndpoint>
}

