extension JSONParser {
    // RFC 8259 §6: number = [ minus ] int [ frac ] [ exp ]; int = zero / ( digit1-9 *DIGIT )
    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        var isNegative = false
        if buffer[position] == UInt8(ascii: "-") {
            isNegative = true
            position += 1
        }
        let integerStart = position
        guard position < buffer.count, isDigit(buffer[position]) else {
            throw JSONParseError(.invalidNumber, at: position)
        }
        if buffer[position] == UInt8(ascii: "0") {
            position += 1
            if position < buffer.count, isDigit(buffer[position]) {
                throw JSONParseError(.invalidNumber, at: position)
            }
        } else {
            skipDigits()
        }
        let integerEnd = position
        var isInteger = true
        if position < buffer.count, buffer[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < buffer.count, isDigit(buffer[position]) else {
                throw JSONParseError(.invalidNumber, at: position)
            }
            skipDigits()
        }
        if position < buffer.count, buffer[position] == UInt8(ascii: "e") || buffer[position] == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if position < buffer.count, buffer[position] == UInt8(ascii: "+") || buffer[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < buffer.count, isDigit(buffer[position]) else {
                throw JSONParseError(.invalidNumber, at: position)
            }
            skipDigits()
        }
        if isInteger, let value = exactInteger(from: integerStart, to: integerEnd, isNegative: isNegative) {
            return .integer(value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONParseError(.numberOutOfRange, at: start)
        }
        return .double(value)
    }

    func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    mutating func skipDigits() {
        while position < buffer.count, isDigit(buffer[position]) { position += 1 }
    }

    /// The digits as an `Int64`, or `nil` when they do not fit (the caller falls back to `Double`).
    func exactInteger(from start: Int, to end: Int, isNegative: Bool) -> Int64? {
        var magnitude: UInt64 = 0
        for index in start..<end {
            let (times10, overflowMultiply) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowAdd) = times10.addingReportingOverflow(UInt64(buffer[index] - UInt8(ascii: "0")))
            if overflowMultiply || overflowAdd { return nil }
            magnitude = sum
        }
        if isNegative {
            if magnitude <= UInt64(Int64.max) { return -Int64(magnitude) }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }
}
