/// A read-only table from spellings to values, with the same answers as the `[String: Value]`
/// it is built from, found faster: an ASCII key is looked up by its bytes with a cheap hash
/// (FNV-1a) in an open-addressing table, instead of `String`'s seeded, Unicode-aware hashing and
/// comparison, which were a fifth of the scorer's time. For ASCII text, byte equality is `String`
/// equality. A key with other bytes goes to the dictionary itself, so canonical equivalence
/// ("é" written in one or two scalars) keeps working as it did.
struct ASCIITable<Value: Sendable>: Sendable {
    let dictionary: [String: Value]
    /// Every ASCII key's bytes, one after another.
    private let bytes: [UInt8]
    /// Per entry: where its key starts in `bytes` and its length (plain integers: probing copies
    /// no value), and its value.
    private let keys: [(start: Int32, count: Int32)]
    private let values: [Value]
    /// Entry index + 1 per slot; 0 for an empty slot. A power of two, at most half full.
    private let slots: [Int32]

    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        var bytes: [UInt8] = []
        var keys: [(start: Int32, count: Int32)] = []
        var values: [Value] = []
        for (key, value) in dictionary where key.utf8.allSatisfy({ $0 < 0x80 }) {
            keys.append((Int32(bytes.count), Int32(key.utf8.count)))
            values.append(value)
            bytes.append(contentsOf: key.utf8)
        }
        var capacity = 16
        while capacity < keys.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        for (number, key) in keys.enumerated() {
            let range = Int(key.start)..<Int(key.start + key.count)
            var slot = bytes.withUnsafeBufferPointer {
                Int(truncatingIfNeeded: Self.hash(UnsafeBufferPointer(rebasing: $0[range]))) & (capacity - 1)
            }
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(number + 1)
        }
        self.bytes = bytes
        self.keys = keys
        self.values = values
        self.slots = slots
    }

    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }

    /// The value for an ASCII key given as bytes.
    func value(ascii key: UnsafeBufferPointer<UInt8>) -> Value? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        let found: Int? = bytes.withUnsafeBufferPointer { stored in
            slots.withUnsafeBufferPointer { slots in
                keys.withUnsafeBufferPointer { keys in
                    while true {
                        let number = Int(slots[slot])
                        if number == 0 { return nil }
                        let entry = keys[number - 1]
                        if Int(entry.count) == key.count {
                            let start = Int(entry.start)
                            var offset = 0
                            while offset < key.count, stored[start + offset] == key[offset] { offset += 1 }
                            if offset == key.count { return number - 1 }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        return found.map { values[$0] }
    }

    subscript(key: String) -> Value? {
        let fast: Value?? =
            key.utf8.withContiguousStorageIfAvailable { key in
                for byte in key where byte >= 0x80 { return Value??.none }
                return value(ascii: key)
            } ?? nil
        if let fast { return fast }
        return dictionary[key]
    }

    func contains(_ key: String) -> Bool { self[key] != nil }
}
