extension ConfigurationFile {
    /// Typed access to one JSON object of the file, reporting problems with their JSON path.
    struct Reader {
        let object: JSONObject
        let path: String

        init(_ value: JSONValue, path: String) throws(ConfigurationError) {
            guard let object = value.objectValue else { throw ConfigurationError(path: path, problem: "must be an object") }
            self.object = object
            self.path = path
        }

        func allowOnly(_ keys: Set<String>) throws(ConfigurationError) {
            for key in object.keys where !keys.contains(key) {
                throw ConfigurationError(path: "\(path).\(key)", problem: "unknown key (allowed: \(keys.sorted().joined(separator: ", ")))")
            }
        }

        func list(_ key: String, required: Bool) throws(ConfigurationError) -> [Reader] {
            guard let value = object[key] else {
                if required { throw ConfigurationError(path: "\(path).\(key)", problem: "is required") }
                return []
            }
            guard let items = value.arrayValue else { throw ConfigurationError(path: "\(path).\(key)", problem: "must be a list") }
            if required && items.isEmpty { throw ConfigurationError(path: "\(path).\(key)", problem: "must not be empty") }
            var readers: [Reader] = []
            for (index, item) in items.enumerated() { readers.append(try Reader(item, path: "\(path).\(key)[\(index)]")) }
            return readers
        }

        func optionalObject(_ key: String) throws(ConfigurationError) -> Reader? {
            guard let value = object[key] else { return nil }
            return try Reader(value, path: "\(path).\(key)")
        }

        func string(_ key: String) throws(ConfigurationError) -> String {
            guard let text = object[key]?.stringValue, !text.isEmpty else {
                throw ConfigurationError(path: "\(path).\(key)", problem: "must be a non-empty string")
            }
            return text
        }

        /// Ids travel in URLs and logs: 1–64 characters of letters, digits, `-`, `_`, `.`.
        func identifier(_ key: String) throws(ConfigurationError) -> String {
            let text = try string(key)
            let allowed = text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F || byte == 0x2E
            }
            guard allowed && text.utf8.count <= 64 else {
                throw ConfigurationError(path: "\(path).\(key)", problem: "must be 1-64 letters, digits, '-', '_' or '.'")
            }
            return text
        }

        func strings(_ key: String, default fallback: [String]? = nil) throws(ConfigurationError) -> [String] {
            guard let value = object[key] else {
                if let fallback { return fallback }
                throw ConfigurationError(path: "\(path).\(key)", problem: "is required")
            }
            guard let items = value.arrayValue else { throw ConfigurationError(path: "\(path).\(key)", problem: "must be a list of strings") }
            var texts: [String] = []
            for (index, item) in items.enumerated() {
                guard let text = item.stringValue, !text.isEmpty else {
                    throw ConfigurationError(path: "\(path).\(key)[\(index)]", problem: "must be a non-empty string")
                }
                texts.append(text)
            }
            return texts
        }

        func positiveInteger(_ key: String, default fallback: Int? = nil) throws(ConfigurationError) -> Int {
            guard let value = object[key] else {
                if let fallback { return fallback }
                throw ConfigurationError(path: "\(path).\(key)", problem: "is required")
            }
            guard let number = value.integerValue, number > 0, number <= 1_000_000 else {
                throw ConfigurationError(path: "\(path).\(key)", problem: "must be a positive integer (at most 1000000)")
            }
            return Int(number)
        }

        /// Whether the object has `key` at all.
        func has(_ key: String) -> Bool { object[key] != nil }

        func bool(_ key: String) throws(ConfigurationError) -> Bool {
            guard let value = object[key] else { return false }
            guard let flag = value.boolValue else { throw ConfigurationError(path: "\(path).\(key)", problem: "must be true or false") }
            return flag
        }
    }
}
