import LiveHubPosix
import LiveHubWebSocket
import Synchronization

/// Members of one room on one loop.
final class LocalRoom {
    let name: String
    var members: [Connection] = []
    init(name: String) { self.name = name }
}

/// `/room/NAME` (bench-only): each message goes to every current member of the room, sender included.
///
/// Members on this loop get one frame encoded once and copied into each member's output; members on
/// other loops get the payload through their loop's task queue, where it is encoded once again.
final class RoomEndpoint: WebSocketEndpoint {
    /// Unchecked for the same reason as `Connection.context`: the context owns this endpoint.
    unowned(unsafe) let context: LoopContext
    private var rooms: [String: LocalRoom] = [:]

    init(context: LoopContext) { self.context = context }

    func sessionOpened(_ session: Connection, wildcard: String?) {
        let name = wildcard ?? ""
        let room: LocalRoom
        if let existing = rooms[name] {
            room = existing
        } else {
            room = LocalRoom(name: name)
            rooms[name] = room
            context.shared.rooms.loop(context.index, hosts: name, true)
        }
        session.endpointSlot = room
        session.endpointIndex = room.members.count
        room.members.append(session)
    }

    func sessionClosed(_ session: Connection) {
        guard let room = session.endpointSlot as? LocalRoom else { return }
        let index = session.endpointIndex
        guard index < room.members.count, room.members[index] === session else { return }
        let last = room.members.removeLast()
        if index < room.members.count {
            room.members[index] = last
            last.endpointIndex = index
        }
        session.endpointSlot = nil
        if room.members.isEmpty {
            rooms[room.name] = nil
            context.shared.rooms.loop(context.index, hosts: room.name, false)
        }
    }

    func received(text: UnsafeRawBufferPointer, from session: Connection) { publish(.text, text, from: session) }
    func received(binary: UnsafeRawBufferPointer, from session: Connection) { publish(.binary, binary, from: session) }

    private func publish(_ opcode: WebSocketOpcode, _ payload: UnsafeRawBufferPointer, from session: Connection) {
        guard let room = session.endpointSlot as? LocalRoom else { return }
        deliver(opcode, payload, to: room)
        let directory = context.shared.rooms
        guard directory.loopCount > 1 else { return }
        let others = directory.loops(hosting: room.name, except: context.index)
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
        swap(&frame, &context.broadcastScratch)
        frame.removeAll(keepingCapacity: true)
        FrameEncoder.appendFrame(opcode: opcode, payload: payload, to: &frame)
        frame.withUnsafeBytes { encoded in
            for member in room.members {
                if member.compressesOutput {
                    member.send(opcode, payload)
                } else {
                    member.sendEncodedFrame(encoded)
                }
            }
        }
        swap(&frame, &context.broadcastScratch)
    }
}

/// Which loops host members of which room, and a way to run code on another loop's room endpoint.
final class RoomDirectory: Sendable {
    /// Bit i set = loop i has members. Loops are few (one per CPU), so 64 bits suffice.
    private let hostsByRoom = Mutex<[String: UInt64]>([:])
    private let mailboxes = Mutex<[RoomMailbox]>([])

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

/// Carries a loop-confined object across threads. Safe only because the value is touched exclusively
/// from code running on its own loop (via `EventLoop.execute`).
struct LoopConfined<Value: AnyObject>: @unchecked Sendable {
    let value: Value
}
