/// Builds compact JSON text (no whitespace) into a byte array.
///
/// Output is deterministic: members appear in exactly the order they are written, strings escape
/// `"`, `\` and every control character (U+0000–U+001F) and nothing else, integers print in
/// decimal, doubles in Swift's shortest round-tripping form. The codec writes protocol messages
/// straight through this writer, so encoding an event allocates only its output buffer.
///
/// Why it is fast (it runs several times for every customer message on the hub thread): the buffer is
/// zero-filled up to its capacity once, and every write reserves the exact room it needs (or an upper
/// bound, e.g. 20 digits for an integer) and then stores through one pointer: one capacity check and
/// one uniqueness check per value instead of one per byte, member names go out with their comma,
/// quotes and colon in one store, strings are scanned eight bytes at a time and copied whole when
/// nothing needs escaping. No store is ever past the room reserved for it (see `append(reserving:_:)`).
public struct JSONWriter: Sendable {
    /// Zero-filled bytes whose `count` is the writer's capacity; the text is the first `length`.
    private var storage: [UInt8]
    private var length = 0
    private var needsComma = false

    /// A writer whose buffer is pre-sized for `capacity` bytes.
    public init(capacity: Int = 256) {
        storage = []
        storage.reserveCapacity(Swift.max(capacity, 16))
        JSONWriter.fill(&storage, to: storage.capacity)
    }

    /// The text written so far (a copy: encoders that are done writing take `finish()`, which hands
    /// the buffer over).
    public var bytes: [UInt8] { Array(storage[0..<length]) }

    /// The text written, handing the buffer over without copying it; the writer starts empty again.
    public mutating func finish() -> [UInt8] {
        var text: [UInt8] = []
        swap(&text, &storage)
        // In place: the buffer is held by nothing else now, and bytes need no destroying.
        text.removeLast(text.count - length)
        length = 0
        needsComma = false
        return text
    }

    /// Opens an object (as a value, or as an array element).
    public mutating func beginObject() {
        punctuate(UInt8(ascii: "{"))
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    /// Opens an array.
    public mutating func beginArray() {
        punctuate(UInt8(ascii: "["))
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// Writes a member name; the next value written is its value. Names are protocol constants and
    /// are written as given, without escaping.
    public mutating func key(_ name: StaticString) {
        name.withUTF8Buffer { name in
            let comma = needsComma
            append(reserving: name.count + 4) { out in JSONWriter.storeName(name, comma: comma, at: out) }
        }
        needsComma = false
    }

    /// Writes a member name that may need escaping (e.g. from a parsed object).
    public mutating func key(_ name: String) {
        quoted(name, suffix: UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a string value.
    public mutating func string(_ text: String) {
        quoted(text, suffix: nil)
        needsComma = true
    }

    /// Writes an integer value.
    public mutating func integer(_ value: Int64) {
        let comma = needsComma
        append(reserving: 21) { out in
            let index = JSONWriter.storeComma(comma, at: out)
            return index + JSONWriter.storeDecimal(value, at: out + index)
        }
        needsComma = true
    }

    /// Writes an integer value.
    public mutating func integer(_ value: Int) {
        integer(Int64(value))
    }

    /// Writes a double; NaN and infinities, which JSON cannot express, become `null`.
    public mutating func double(_ value: Double) {
        if value.isFinite {
            raw(value.description)
        } else {
            literal("null")
        }
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ flag: Bool) {
        literal(flag ? "true" : "false")
    }

    /// Writes `null`.
    public mutating func null() {
        literal("null")
    }

    /// Writes any value; object members keep their stored order.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .integer(let number): integer(number)
        case .double(let number): double(number)
        case .string(let text): string(text)
        case .array(let elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case .object(let object):
            beginObject()
            for index in object.keys.indices {
                key(object.keys[index])
                self.value(object.values[index])
            }
            endObject()
        }
    }

    // MARK: Members in one write

    /// `name` and a string value, as one reservation.
    @inline(__always)
    mutating func member(_ name: StaticString, _ text: String) {
        name.withUTF8Buffer { name in
            JSONWriter.withUTF8(of: text) { text in
                let comma = needsComma
                let escaped = JSONWriter.escapedCount(text)
                append(reserving: name.count + 4 + escaped + 2) { out in
                    let start = JSONWriter.storeName(name, comma: comma, at: out)
                    return start + JSONWriter.storeQuoted(text, escapedCount: escaped, at: out + start)
                }
            }
        }
        needsComma = true
    }

    /// `name` and an integer value, as one reservation.
    @inline(__always)
    mutating func member(_ name: StaticString, _ value: Int64) {
        name.withUTF8Buffer { name in
            let comma = needsComma
            append(reserving: name.count + 4 + 20) { out in
                let start = JSONWriter.storeName(name, comma: comma, at: out)
                return start + JSONWriter.storeDecimal(value, at: out + start)
            }
        }
        needsComma = true
    }

    /// `name` and `true` or `false`, as one reservation.
    @inline(__always)
    mutating func member(_ name: StaticString, _ flag: Bool) {
        name.withUTF8Buffer { name in
            let comma = needsComma
            append(reserving: name.count + 4 + 5) { out in
                let start = JSONWriter.storeName(name, comma: comma, at: out)
                let word: StaticString = flag ? "true" : "false"
                return start + JSONWriter.store(word, at: out + start)
            }
        }
        needsComma = true
    }

    // MARK: Writing

    /// Stores through a pointer to at least `room` writable bytes at the end of the text, and keeps
    /// what `body` says it wrote. Every caller reserves the exact size (or an upper bound) of what its
    /// body stores, computed from the same inputs the body reads, so no store lands past the room.
    @inline(__always)
    private mutating func append(reserving room: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if storage.count - length < room { grow(room) }
        let start = length
        let written = storage.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            return body(base + start)
        }
        // A body that claimed more than its room would be a bug in this file, not bad input.
        precondition(written <= room, "JSONWriter stored past its reservation")
        length = start + written
    }

    /// Makes room for `room` more bytes, at least doubling so that appends stay amortised O(1).
    private mutating func grow(_ room: Int) {
        let needed = length + room
        let target = Swift.max(needed, storage.count * 2, 64)
        storage.reserveCapacity(target)
        JSONWriter.fill(&storage, to: storage.capacity)
    }

    /// Extends `storage` with zeros up to `count` bytes, a block at a time: `Array(repeating:count:)`
    /// takes an unspecialised path through the runtime's metadata lookup that costs more than the rest
    /// of encoding a small event.
    private static func fill(_ storage: inout [UInt8], to count: Int) {
        zeroBlock.withUnsafeBufferPointer { zeros in
            while storage.count < count {
                let chunk = Swift.min(zeros.count, count - storage.count)
                storage.append(contentsOf: UnsafeBufferPointer(rebasing: zeros[0..<chunk]))
            }
        }
    }

    /// The separating comma if one is due, then `byte` (an opening bracket).
    private mutating func punctuate(_ byte: UInt8) {
        let comma = needsComma
        append(reserving: 2) { out in
            let index = JSONWriter.storeComma(comma, at: out)
            out[index] = byte
            return index + 1
        }
        needsComma = false
    }

    /// A closing bracket; a comma is due after it.
    private mutating func close(_ byte: UInt8) {
        append(reserving: 1) { out in
            out[0] = byte
            return 1
        }
        needsComma = true
    }

    /// A value written as given (`true`, `null`): the separating comma if one is due, then `word`.
    private mutating func literal(_ word: StaticString) {
        let comma = needsComma
        append(reserving: word.utf8CodeUnitCount + 1) { out in
            let index = JSONWriter.storeComma(comma, at: out)
            return index + JSONWriter.store(word, at: out + index)
        }
        needsComma = true
    }

    /// A value whose text needs no escaping (a number's description).
    private mutating func raw(_ text: String) {
        JSONWriter.withUTF8(of: text) { text in
            let comma = needsComma
            append(reserving: text.count + 1) { out in
                let index = JSONWriter.storeComma(comma, at: out)
                return index + JSONWriter.store(text, at: out + index)
            }
        }
        needsComma = true
    }

    /// A quoted, escaped string after the separating comma if one is due, then `suffix` if given.
    private mutating func quoted(_ text: String, suffix: UInt8?) {
        JSONWriter.withUTF8(of: text) { text in
            let comma = needsComma
            let escaped = JSONWriter.escapedCount(text)
            append(reserving: escaped + 4) { out in
                var index = JSONWriter.storeComma(comma, at: out)
                index += JSONWriter.storeQuoted(text, escapedCount: escaped, at: out + index)
                if let suffix {
                    out[index] = suffix
                    index += 1
                }
                return index
            }
        }
    }

    /// Runs `body` over the string's UTF-8: a native string lends it without a copy; only a bridged
    /// one is copied first.
    @inline(__always)
    private static func withUTF8(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if text.utf8.withContiguousStorageIfAvailable(body) == nil {
            var text = text
            text.withUTF8(body)
        }
    }
}

/// The zeros `JSONWriter.fill` extends its buffers with.
private let zeroBlock = [UInt8](repeating: 0, count: 1024)

extension JSONValue {
    /// This value as compact JSON text.
    public func serialized() -> [UInt8] {
        var writer = JSONWriter()
        writer.value(self)
        return writer.finish()
    }
}
