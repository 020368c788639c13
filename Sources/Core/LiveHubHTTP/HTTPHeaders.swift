/// An ordered list of header fields, as received or as to be sent.
///
/// Order and duplicates are preserved (RFC 9110 §5.3: the order of same-named lines matters);
/// names keep their original spelling but are compared case-insensitively (RFC 9110 §5.1).
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// One field line.
    public typealias Field = (name: String, value: String)

    private var fields: [Field]

    /// Creates an empty list.
    public init() {
        fields = []
    }

    /// Creates a list holding `fields` in order.
    public init(_ fields: [Field]) {
        self.fields = fields
    }

    /// `["Upgrade": "websocket", "Connection": "Upgrade"]` keeps the written order.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { (name: $0.0, value: $0.1) }
    }

    /// Number of field lines.
    public var count: Int { fields.count }

    /// True when there are no field lines.
    public var isEmpty: Bool { fields.isEmpty }

    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    /// The value of the first line named `name` (case-insensitive), or nil.
    public subscript(name: String) -> String? {
        for field in fields where ASCII.equalsIgnoringCase(field.name, name) {
            return field.value
        }
        return nil
    }

    /// True when at least one line is named `name`.
    public func contains(name: String) -> Bool {
        self[name] != nil
    }

    /// The values of every line named `name`, in order.
    public func values(for name: String) -> [String] {
        fields.lazy.filter { ASCII.equalsIgnoringCase($0.name, name) }.map(\.value)
    }

    /// Every line named `name` split at commas, trimmed of OWS and lowercased, empty elements
    /// dropped: the reading of list-valued fields such as Connection or Upgrade (RFC 9110 §5.6.1).
    public func tokens(for name: String) -> [String] {
        var result: [String] = []
        for field in fields where ASCII.equalsIgnoringCase(field.name, name) {
            HTTPHeaders.appendTokens(of: field.value, to: &result)
        }
        return result
    }

    /// True when the comma-separated list in `name` holds `token` (case-insensitive).
    public func containsToken(_ token: String, for name: String) -> Bool {
        tokens(for: name).contains { ASCII.equalsIgnoringCase($0, token) }
    }

    /// Appends a line; existing lines with the same name are kept.
    public mutating func add(name: String, value: String) {
        fields.append((name: name, value: value))
    }

    /// Removes every line named `name`, then appends one.
    public mutating func replaceOrAdd(name: String, value: String) {
        remove(name: name)
        fields.append((name: name, value: value))
    }

    /// Removes every line named `name`.
    public mutating func remove(name: String) {
        fields.removeAll { ASCII.equalsIgnoringCase($0.name, name) }
    }

    /// Splits one list-valued field value (RFC 9110 §5.6.1); quoted strings are not special-cased,
    /// which is right for every list field this server reads (Connection, Upgrade, Transfer-Encoding,
    /// Sec-WebSocket-Protocol, Sec-WebSocket-Extensions' outer list).
    static func appendTokens(of value: String, to result: inout [String]) {
        for element in value.utf8.split(separator: ASCII.comma, omittingEmptySubsequences: true) {
            var start = element.startIndex
            var end = element.endIndex
            while start < end, ASCII.isWhitespace(element[start]) { start = element.index(after: start) }
            while end > start, ASCII.isWhitespace(element[element.index(before: end)]) {
                end = element.index(before: end)
            }
            guard start < end else { continue }
            result.append(String(decoding: element[start..<end].lazy.map(ASCII.lowercased), as: UTF8.self))
        }
    }
}
