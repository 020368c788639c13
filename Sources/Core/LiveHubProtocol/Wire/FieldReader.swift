import LiveHubDomain

/// Reads the members of one JSON object, turning every problem into an `invalid_message` that names
/// the field, and refusing members nobody read (`finish()`), so a misspelt field is an error rather
/// than silently ignored.
struct FieldReader {
    let object: JSONObject
    /// Prefix for error messages: the message type, or a path such as `welcome.user`.
    let context: String
    /// Which members were read: bit `i` for member `i` (a protocol object has far fewer than 64, so
    /// no allocation per object), and an array for any beyond.
    private var consumed: UInt64 = 0
    private var consumedBeyond64: [Bool]

    init(_ object: JSONObject, context: String) {
        self.object = object
        self.context = context
        consumedBeyond64 = Array(repeating: false, count: max(0, object.count - 64))
    }

    /// Fails with `invalid_message` naming the context.
    func failure(_ problem: String) -> HubError {
        .invalidMessage("\(context): \(problem)")
    }

    /// The raw value of `key`, marking it read; `nil` when absent.
    mutating func value(_ key: StaticString) -> JSONValue? {
        let name = key.description
        guard let index = object.keys.firstIndex(of: name) else { return nil }
        if index < 64 {
            consumed |= 1 << UInt64(index)
        } else {
            consumedBeyond64[index - 64] = true
        }
        return object.values[index]
    }

    mutating func required(_ key: StaticString) throws(HubError) -> JSONValue {
        guard let value = value(key) else { throw failure("field '\(key)' is missing") }
        return value
    }

    mutating func optionalString(_ key: StaticString) throws(HubError) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.stringValue else { throw failure("field '\(key)' must be a string") }
        return text
    }

    mutating func string(_ key: StaticString) throws(HubError) -> String {
        guard let text = try optionalString(key) else { throw failure("field '\(key)' is missing") }
        return text
    }

    /// A non-empty string of at most 256 bytes: ids of conversations, users, queues, offers.
    mutating func optionalIdentifier(_ key: StaticString) throws(HubError) -> String? {
        guard let text = try optionalString(key) else { return nil }
        guard !text.isEmpty, text.utf8.count <= 256 else {
            throw failure("field '\(key)' must be a non-empty id of at most 256 bytes")
        }
        return text
    }

    mutating func identifier(_ key: StaticString) throws(HubError) -> String {
        guard let text = try optionalIdentifier(key) else { throw failure("field '\(key)' is missing") }
        return text
    }

    mutating func optionalInteger(_ key: StaticString) throws(HubError) -> Int64? {
        guard let value = value(key) else { return nil }
        guard case .integer(let number) = value else { throw failure("field '\(key)' must be an integer") }
        return number
    }

    mutating func integer(_ key: StaticString) throws(HubError) -> Int64 {
        guard let number = try optionalInteger(key) else { throw failure("field '\(key)' is missing") }
        return number
    }

    /// An integer that fits `Int` and is at least `minimum`.
    mutating func count(_ key: StaticString, minimum: Int = 0) throws(HubError) -> Int {
        let number = try integer(key)
        guard number >= minimum, number <= Int64(Int32.max) else {
            throw failure("field '\(key)' must be an integer from \(minimum) to \(Int32.max)")
        }
        return Int(number)
    }

    mutating func optionalBool(_ key: StaticString) throws(HubError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let flag = value.boolValue else { throw failure("field '\(key)' must be true or false") }
        return flag
    }

    mutating func bool(_ key: StaticString) throws(HubError) -> Bool {
        guard let flag = try optionalBool(key) else { throw failure("field '\(key)' is missing") }
        return flag
    }

    mutating func optionalEnumeration<Value: WireSpelled>(_ key: StaticString, as type: Value.Type)
        throws(HubError) -> Value?
    {
        guard let text = try optionalString(key) else { return nil }
        guard let value = Value(wireName: text) else {
            let choices = Value.allCases.map(\.wireName).joined(separator: ", ")
            throw failure("field '\(key)' must be one of \(choices)")
        }
        return value
    }

    mutating func enumeration<Value: WireSpelled>(_ key: StaticString, as type: Value.Type) throws(HubError) -> Value {
        guard let value = try optionalEnumeration(key, as: type) else { throw failure("field '\(key)' is missing") }
        return value
    }

    /// A role as the wire allows it: never `system`.
    mutating func role(_ key: StaticString) throws(HubError) -> Role {
        let text = try string(key)
        guard let role = Role(wireName: text) else {
            let choices = Role.wireRoles.map(\.wireName).joined(separator: ", ")
            throw failure("field '\(key)' must be one of \(choices)")
        }
        return role
    }

    mutating func instant(_ key: StaticString) throws(HubError) -> Instant {
        Instant(millisecondsSinceEpoch: try integer(key))
    }

    mutating func optionalInstant(_ key: StaticString) throws(HubError) -> Instant? {
        try optionalInteger(key).map { Instant(millisecondsSinceEpoch: $0) }
    }

    /// An array of ids.
    mutating func identifiers(_ key: StaticString) throws(HubError) -> [String] {
        guard let elements = try required(key).arrayValue else { throw failure("field '\(key)' must be an array") }
        var identifiers: [String] = []
        for element in elements {
            guard let text = element.stringValue, !text.isEmpty, text.utf8.count <= 256 else {
                throw failure("field '\(key)' must hold ids (strings of 1 to 256 bytes)")
            }
            identifiers.append(text)
        }
        return identifiers
    }

    mutating func object(_ key: StaticString) throws(HubError) -> JSONObject {
        guard let object = try required(key).objectValue else { throw failure("field '\(key)' must be an object") }
        return object
    }

    /// Refuses any member that was not read.
    func finish() throws(HubError) {
        let readFirst64 = object.count >= 64 ? UInt64.max : (1 << UInt64(object.count)) - 1
        let index: Int
        if consumed != readFirst64 {
            index = (~consumed).trailingZeroBitCount
        } else if let beyond = consumedBeyond64.firstIndex(of: false) {
            index = 64 + beyond
        } else {
            return
        }
        throw failure("unknown field '\(object.keys[index])'")
    }
}
