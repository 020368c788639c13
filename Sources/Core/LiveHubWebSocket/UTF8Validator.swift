/// An incremental UTF-8 validator (RFC 3629 §4) that takes a message in chunks and fails at the first byte
/// that cannot be part of valid UTF-8, even when a sequence straddles two chunks (RFC 6455 §8.1: an
/// endpoint must fail the connection on invalid UTF-8 in a text message, and may do so as soon as it sees it).
///
/// Rejects overlong forms (C0, C1, E0 80–9F, F0 80–8F), UTF-16 surrogates (ED A0–BF) and code points above
/// U+10FFFF (F4 90–BF, F5–FF). One byte of state.
public struct UTF8Validator: Sendable, Hashable {
    /// What the next byte must be.
    @usableFromInline
    enum Expectation: UInt8, Sendable {
        /// At a scalar boundary: any ASCII or valid lead byte.
        case scalarStart
        /// 1, 2 or 3 more continuation bytes in 80–BF.
        case oneContinuation, twoContinuations, threeContinuations
        /// After E0: A0–BF (shorter forms would be overlong), then one more.
        case afterE0
        /// After ED: 80–9F (A0–BF would encode a surrogate), then one more.
        case afterED
        /// After F0: 90–BF (shorter forms would be overlong), then two more.
        case afterF0
        /// After F4: 80–8F (higher would exceed U+10FFFF), then two more.
        case afterF4
        /// An impossible byte was seen; sticky until `reset()`.
        case failed
    }

    @usableFromInline
    var expectation: Expectation = .scalarStart

    public init() {}

    /// False once an impossible byte has been seen.
    @inlinable
    public var isValidSoFar: Bool { expectation != .failed }

    /// True when everything fed so far is complete, valid UTF-8 (no scalar cut off at the end).
    @inlinable
    public var isComplete: Bool { expectation == .scalarStart }

    /// Forgets all input, for the next message.
    @inlinable
    public mutating func reset() { expectation = .scalarStart }

    /// Feeds the next chunk; returns false as soon as the input can no longer be valid UTF-8.
    @discardableResult
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard expectation != .failed else { return false }
        guard let base = chunk.baseAddress else { return true }
        let count = chunk.count
        var state = expectation
        var index = 0
        while index < count {
            if state == .scalarStart {
                // Fast path: skip ASCII eight bytes at a time.
                while index + 8 <= count
                    && base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                if index == count { break }
            }
            state = Self.next(state, base.load(fromByteOffset: index, as: UInt8.self))
            if state == .failed {
                expectation = .failed
                return false
            }
            index += 1
        }
        expectation = state
        return true
    }

    /// Validates a complete buffer in one go.
    public static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var validator = UTF8Validator()
        return validator.feed(bytes) && validator.isComplete
    }

    /// The transition function: one byte, one state.
    @inline(__always)
    @usableFromInline
    static func next(_ state: Expectation, _ byte: UInt8) -> Expectation {
        switch state {
        case .scalarStart:
            switch byte {
            case 0x00...0x7F: return .scalarStart
            case 0xC2...0xDF: return .oneContinuation
            case 0xE0: return .afterE0
            case 0xE1...0xEC, 0xEE...0xEF: return .twoContinuations
            case 0xED: return .afterED
            case 0xF0: return .afterF0
            case 0xF1...0xF3: return .threeContinuations
            case 0xF4: return .afterF4
            // 80–BF: continuation without a lead; C0–C1: overlong two-byte; F5–FF: beyond U+10FFFF.
            default: return .failed
            }
        case .oneContinuation: return (0x80...0xBF).contains(byte) ? .scalarStart : .failed
        case .twoContinuations: return (0x80...0xBF).contains(byte) ? .oneContinuation : .failed
        case .threeContinuations: return (0x80...0xBF).contains(byte) ? .twoContinuations : .failed
        case .afterE0: return (0xA0...0xBF).contains(byte) ? .oneContinuation : .failed
        case .afterED: return (0x80...0x9F).contains(byte) ? .oneContinuation : .failed
        case .afterF0: return (0x90...0xBF).contains(byte) ? .twoContinuations : .failed
        case .afterF4: return (0x80...0x8F).contains(byte) ? .twoContinuations : .failed
        case .failed: return .failed
        }
    }
}
