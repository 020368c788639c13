import CLiveHubSystem

#if canImport(Glibc)
import Glibc
#endif

/// Who already listens on a TCP port, so a second server refuses to start instead of silently sharing
/// the port through SO_REUSEPORT (the kernel would hand it a share of the connections).
public enum PortOwner {
    /// Whether a plain bind (no SO_REUSEPORT) of `address` fails with EADDRINUSE: some socket listens
    /// there already, ours to share or not.
    public static func isTaken(_ address: SocketAddress) -> Bool {
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { Glibc.close(fd) }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = address.withSockAddr { bind(fd, $0, $1) }
        return bound != 0 && errno == EADDRINUSE
    }

    /// "pid N (command)" for the process holding a listening socket on `port`, from /proc; nil when it
    /// cannot be told (another user's process, or a container boundary).
    public static func describeListener(port: UInt16) -> String? {
        var inodes: Set<String> = []
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            guard let bytes = try? FileSystem.read(table, limit: 64 << 20) else { continue }
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                // local_address is "HEXIP:HEXPORT"; st "0A" is LISTEN; the inode is field 9.
                guard fields.count > 9, fields[3] == "0A", let colon = fields[1].lastIndex(of: ":"),
                    UInt16(fields[1][fields[1].index(after: colon)...], radix: 16) == port
                else { continue }
                inodes.insert("socket:[\(fields[9])]")
            }
        }
        guard !inodes.isEmpty, let processes = opendir("/proc") else { return nil }
        defer { closedir(processes) }
        while let entry = readdir(processes) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let pid = Int32(name), pid != getpid(), let descriptors = opendir("/proc/\(name)/fd") else { continue }
            defer { closedir(descriptors) }
            while let descriptor = readdir(descriptors) {
                let fd = withUnsafeBytes(of: descriptor.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                var target = [CChar](repeating: 0, count: 64)
                let length = readlink("/proc/\(name)/fd/\(fd)", &target, target.count - 1)
                guard length > 0 else { continue }
                let link = String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if inodes.contains(link) {
                    let command = (try? FileSystem.read("/proc/\(name)/comm", limit: 256))
                        .map { String(decoding: $0, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "" } ?? ""
                    return command.isEmpty ? "pid \(pid)" : "pid \(pid) (\(command))"
                }
            }
        }
        return nil
    }
}
