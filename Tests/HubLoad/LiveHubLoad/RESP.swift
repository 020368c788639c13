/// The little of RESP (the Redis protocol) `RedisFanoutRun` needs: commands out, whole replies in.
enum RESP {
    /// A command as an array of bulk strings.
    static func command(_ arguments: [String]) -> [UInt8] {
        var bytes = Array("*\(arguments.count)\r\n".utf8)
        for argument in arguments {
            let utf8 = Array(argument.utf8)
            bytes += Array("$\(utf8.count)\r\n".utf8)
            bytes += utf8
            bytes += [13, 10]
        }
        return bytes
    }

    /// One complete reply at the start of `bytes`: its length and its first byte (`+`, `-`, `:`, `$`
    /// or `*`); nil while it is incomplete. Malformed input (a type byte RESP 2 does not have) is
    /// reported as a reply of kind `?` spanning everything, so the caller fails the run.
    static func reply(in bytes: UnsafeRawBufferPointer) -> (length: Int, kind: UInt8)? {
        guard let first = bytes.first else { return nil }
        guard let end = element(in: bytes, at: 0) else { return nil }
        return end < 0 ? (bytes.count, UInt8(ascii: "?")) : (end, first)
    }

    /// The end of the element at `start`; nil when incomplete, -1 when malformed.
    private static func element(in bytes: UnsafeRawBufferPointer, at start: Int) -> Int? {
        guard start < bytes.count, let lineEnd = lineEnd(in: bytes, from: start + 1) else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: ":"):
            return lineEnd + 2
        case UInt8(ascii: "$"):
            guard let length = integer(in: bytes, from: start + 1, to: lineEnd) else { return -1 }
            if length < 0 { return lineEnd + 2 }
            let end = lineEnd + 2 + length + 2
            return end <= bytes.count ? end : nil
        case UInt8(ascii: "*"):
            guard let count = integer(in: bytes, from: start + 1, to: lineEnd) else { return -1 }
            var position = lineEnd + 2
            for _ in 0..<max(0, count) {
                guard let end = element(in: bytes, at: position) else { return nil }
                if end < 0 { return -1 }
                position = end
            }
            return position
        default:
            return -1
        }
    }

    private static func lineEnd(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 13 && bytes[index + 1] == 10 { return index }
            index += 1
        }
        return nil
    }

    private static func integer(in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        var value = 0
        var negative = false
        var index = start
        if index < end && bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard index < end else { return nil }
        while index < end {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit), value < 1 << 40 else { return nil }
            value = value * 10 + digit
            index += 1
        }
        return negative ? -value : value
    }
}
