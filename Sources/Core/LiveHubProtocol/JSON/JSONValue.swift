/// A parsed JSON value (RFC 8259).
///
/// Numbers keep the distinction the protocol needs: an integer literal that fits in 64 bits stays
/// exact as `.integer`; anything with a fraction or exponent (or too large) is `.double`.
/// Objects keep their members in the order they were written, so serializing a parsed value
/// reproduces the member order exactly.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A short name of the value's kind, for error messages: `string`, `number`, `object`, ….
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The members when this is an object.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { object } else { nil }
    }

    /// The text when this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// The value when this is an integer, or a double that holds an exact integer within `Int64`.
    public var integerValue: Int64? {
        switch self {
        case .integer(let value):
            return value
        case .double(let value):
            guard value.rounded(.towardZero) == value, value >= -9.223_372_036_854_775_808e18,
                value < 9.223_372_036_854_775_808e18
            else { return nil }
            return Int64(value)
        default:
            return nil
        }
    }

    /// The flag when this is a boolean.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { flag } else { nil }
    }

    /// The elements when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { elements } else { nil }
    }
}

/// The members of a JSON object, in the order written. Keys are unique: the parser rejects an
/// object that repeats a key, since RFC 8259 §4 leaves duplicates' meaning undefined.
///
/// Lookup is a linear scan, which beats hashing for the handful of members a protocol message has.
public struct JSONObject: Hashable, Sendable {
    /// Member names, in order.
    public private(set) var keys: [String]
    /// Member values, parallel to `keys`.
    public private(set) var values: [JSONValue]

    /// An empty object.
    public init() {
        keys = []
        values = []
    }

    /// An object with these members, in this order. A later duplicate key replaces the earlier value.
    public init(_ members: KeyValuePairs<String, JSONValue>) {
        self.init()
        for (key, value) in members { self[key] = value }
    }

    /// The number of members.
    public var count: Int { keys.count }

    /// The value of `key`, or `nil`. Setting `nil` removes the member; setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let index = keys.firstIndex(of: key) else { return nil }
            return values[index]
        }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Makes room for `count` members at once: the parser's objects (requests have 3 to 6 members)
    /// would otherwise grow their two arrays 1 → 2 → 4 → 8. An empty object reserves nothing.
    mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    /// Appends a member without checking for duplicates; the parser checks before calling it.
    mutating func appendUnchecked(key: String, value: JSONValue) {
        keys.append(key)
        values.append(value)
    }
}
