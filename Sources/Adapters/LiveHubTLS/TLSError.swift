import COpenSSL

/// A TLS failure: which step failed and what OpenSSL said about it.
///
/// `details` is OpenSSL's own error text (`ERR_error_string_n`), plus the certificate
/// verification result when verification is what failed; it is meant for logs, not for peers.
public struct TLSError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The step that failed, e.g. `SSL_CTX_use_PrivateKey` or `handshake`.
    public var operation: String
    /// OpenSSL's error strings, oldest first, joined by "; " (empty when OpenSSL gave none).
    public var details: String

    /// Creates an error.
    public init(operation: String, details: String) {
        self.operation = operation
        self.details = details
    }

    public var description: String {
        details.isEmpty ? "TLS error in \(operation)" : "TLS error in \(operation): \(details)"
    }

    /// Builds an error from the calling thread's OpenSSL error queue, emptying it so the next
    /// operation on this thread (possibly for another connection) starts clean.
    static func drainingErrorQueue(operation: String, extra: String? = nil) -> TLSError {
        var messages: [String] = []
        var buffer = [CChar](repeating: 0, count: 256)
        while case let code = ERR_get_error(), code != 0 {
            let message = buffer.withUnsafeMutableBufferPointer { storage -> String in
                guard let base = storage.baseAddress else { return "" }
                ERR_error_string_n(code, base, storage.count)
                return String(cString: base)
            }
            messages.append(message)
        }
        if let extra { messages.append(extra) }
        return TLSError(operation: operation, details: messages.joined(separator: "; "))
    }
}
