import COpenSSL

/// One TLS session over memory buffers: the caller moves ciphertext between the socket and this
/// object, and reads and writes plaintext. It never touches a file descriptor, so it is tested
/// without sockets and the event loop keeps full control of I/O.
///
/// ```
/// socket → feedCiphertext → readPlaintext → application
/// application → writePlaintext → takeCiphertext → socket
/// ```
/// After every call, send whatever `takeCiphertext` yields: the handshake, alerts and session
/// tickets are produced as a side effect of reads.
///
/// Not thread-safe: confine each connection to the event loop that owns its socket.
public final class TLSConnection {
    /// The `SSL *`; owns both BIOs.
    private let ssl: OpaquePointer
    /// Memory BIO OpenSSL reads ciphertext from (we write the socket's bytes into it).
    private var incoming: OpaquePointer
    /// Memory BIO OpenSSL writes ciphertext to (we drain it to the socket).
    private var outgoing: OpaquePointer
    /// The first fatal error. Kept because OpenSSL reports a dead session inconsistently on later
    /// calls (its error queue has been drained), while callers need one stable answer.
    private var sessionError: TLSError?

    /// A server-side session; the handshake starts with the first ciphertext fed.
    public init(context: TLSServerContext) throws(TLSError) {
        (ssl, incoming, outgoing) = try TLSConnection.makeSession(context.context) { SSL_set_accept_state($0) }
    }

    /// A client-side session. `serverName` is sent as SNI (unless it is an IP address, RFC 6066
    /// §3) and, when the context verifies, checked against the certificate's SAN (DNS or IP).
    /// Call `startHandshake()` to produce the ClientHello.
    public init(context: TLSClientContext, serverName: String?) throws(TLSError) {
        let verifiesPeer = context.verifiesPeer
        (ssl, incoming, outgoing) = try TLSConnection.makeSession(context.context) { ssl throws(TLSError) in
            SSL_set_connect_state(ssl)
            guard let serverName, !serverName.isEmpty else { return }
            if !TLSConnection.looksLikeIPAddress(serverName), livehub_SSL_set_tlsext_host_name(ssl, serverName) != 1 {
                throw TLSError.drainingErrorQueue(operation: "SSL_set_tlsext_host_name")
            }
            if verifiesPeer, SSL_set1_host(ssl, serverName) != 1 {
                throw TLSError.drainingErrorQueue(operation: "SSL_set1_host")
            }
        }
    }

    deinit {
        SSL_free(ssl)
    }

    /// Builds a configured session, or frees it and throws; stored properties are assigned only on
    /// success, so `deinit` never frees a half-built session.
    private static func makeSession(
        _ context: OpaquePointer, configure: (OpaquePointer) throws(TLSError) -> Void
    ) throws(TLSError) -> (OpaquePointer, OpaquePointer, OpaquePointer) {
        guard let ssl = SSL_new(context) else { throw TLSError.drainingErrorQueue(operation: "SSL_new") }
        guard let incoming = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw TLSError.drainingErrorQueue(operation: "BIO_new")
        }
        guard let outgoing = BIO_new(BIO_s_mem()) else {
            BIO_free(incoming)
            SSL_free(ssl)
            throw TLSError.drainingErrorQueue(operation: "BIO_new")
        }
        // An empty memory BIO must read as "retry later", not as end of file: more ciphertext
        // may simply not have arrived yet.
        _ = livehub_BIO_set_mem_eof_return(incoming, -1)
        SSL_set_bio(ssl, incoming, outgoing)
        do throws(TLSError) {
            try configure(ssl)
        } catch {
            SSL_free(ssl)
            throw error
        }
        return (ssl, incoming, outgoing)
    }

    private static func looksLikeIPAddress(_ name: String) -> Bool {
        name.contains(":")
            || name.utf8.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") }
    }

    /// True once the handshake has finished on this side.
    public var isHandshakeComplete: Bool {
        SSL_is_init_finished(ssl) == 1
    }

    /// The ALPN protocol agreed on (`http/1.1`), or nil when none was.
    public var negotiatedProtocol: String? {
        var data: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &data, &length)
        guard let data, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }

    /// The negotiated protocol version, e.g. `TLSv1.3`.
    public var protocolVersion: String {
        String(cString: SSL_get_version(ssl))
    }

    /// Hands bytes received from the socket to OpenSSL. The memory BIO copies them, so the
    /// buffer can be reused immediately.
    public func feedCiphertext(_ bytes: UnsafeRawBufferPointer) {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let chunk = Int32(clamping: remaining)
            let written = BIO_write(incoming, base, chunk)
            // A memory BIO only refuses a write when allocation fails; there is nothing to retry.
            guard written > 0 else { return }
            base += Int(written)
            remaining -= Int(written)
        }
    }

    /// Produces the ClientHello on a client session (no-op on a server, which waits for one).
    public func startHandshake() {
        ERR_clear_error()
        _ = SSL_do_handshake(ssl)
        // Progress or "want read" are both fine here; a real failure shows on the next read.
    }

    /// Decrypts into `buffer`, running the handshake first when needed.
    public func readPlaintext(into buffer: UnsafeMutableRawBufferPointer) -> TLSReadResult {
        if let sessionError { return .failed(sessionError) }
        guard let base = buffer.baseAddress, buffer.count > 0 else { return .bytes(0) }
        // The error queue is per thread and shared by every connection of this loop: start clean
        // so SSL_get_error classifies this call only (SSL_get_error(3)).
        ERR_clear_error()
        // Taken before the call: a fatal error resets the handshake state.
        let wasEstablished = isHandshakeComplete
        var read = 0
        if SSL_read_ex(ssl, base, buffer.count, &read) == 1 { return .bytes(read) }
        switch SSL_get_error(ssl, 0) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .wantMoreCiphertext
        case SSL_ERROR_ZERO_RETURN:
            return .closedByPeer
        default:
            return .failed(failure(operation: wasEstablished ? "SSL_read" : "handshake"))
        }
    }

    /// Encrypts `bytes` into pending ciphertext. With memory BIOs a write never blocks, so once the
    /// handshake is complete everything is written; before that, the handshake is advanced and
    /// `.written(0)` is returned.
    public func writePlaintext(_ bytes: UnsafeRawBufferPointer) -> TLSWriteResult {
        if let sessionError { return .failed(sessionError) }
        guard var base = bytes.baseAddress, bytes.count > 0 else { return .written(0) }
        ERR_clear_error()
        if !isHandshakeComplete {
            if SSL_do_handshake(ssl) != 1 {
                switch SSL_get_error(ssl, 0) {
                case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE: return .written(0)
                default: return .failed(failure(operation: "handshake"))
                }
            }
        }
        var total = 0
        while total < bytes.count {
            var written = 0
            // Partial-write mode returns after each record, so loop until all is encrypted.
            guard SSL_write_ex(ssl, base, bytes.count - total, &written) == 1 else {
                switch SSL_get_error(ssl, 0) {
                case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE: return .written(total)
                default: return .failed(failure(operation: "SSL_write"))
                }
            }
            total += written
            base += written
        }
        return .written(total)
    }

    /// Gives back the memory BIOs' buffers when nothing is pending in either direction.
    ///
    /// A memory BIO keeps its largest allocation forever (as big as the biggest read fed or
    /// flight written), which `SSL_MODE_RELEASE_BUFFERS` does not cover. Call this when a
    /// connection goes idle (reads drained to `.wantMoreCiphertext`, ciphertext taken): it swaps in
    /// two empty BIOs, so an idle session holds only OpenSSL's `SSL` object. Does nothing during
    /// the handshake, when OpenSSL may still stack a buffering BIO on the write side.
    public func releaseBuffersIfIdle() {
        guard sessionError == nil, isHandshakeComplete, livehub_BIO_ctrl_pending(incoming) == 0,
            livehub_BIO_ctrl_pending(outgoing) == 0
        else { return }
        guard let freshIncoming = BIO_new(BIO_s_mem()) else { return }
        guard let freshOutgoing = BIO_new(BIO_s_mem()) else {
            BIO_free(freshIncoming)
            return
        }
        _ = livehub_BIO_set_mem_eof_return(freshIncoming, -1)
        // Both differ from the current pair, so SSL_set_bio frees the old ones (SSL_set_bio(3)).
        SSL_set_bio(ssl, freshIncoming, freshOutgoing)
        incoming = freshIncoming
        outgoing = freshOutgoing
    }

    /// Ciphertext bytes waiting to be sent.
    public var pendingCiphertextCount: Int {
        Int(livehub_BIO_ctrl_pending(outgoing))
    }

    /// Appends every pending ciphertext byte to `output`.
    public func takeCiphertext(into output: inout [UInt8]) {
        let pending = pendingCiphertextCount
        guard pending > 0 else { return }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: pending))
        let read = output.withUnsafeMutableBytes { storage in
            takeCiphertext(into: UnsafeMutableRawBufferPointer(rebasing: storage[start...]))
        }
        output.removeLast(pending - read)
    }

    /// Moves up to `buffer.count` pending ciphertext bytes into `buffer` (for example straight into
    /// an outbound queue's free space); returns how many were moved.
    public func takeCiphertext(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard var base = buffer.baseAddress else { return 0 }
        var total = 0
        while total < buffer.count {
            let read = BIO_read(outgoing, base, Int32(clamping: buffer.count - total))
            guard read > 0 else { break }
            total += Int(read)
            base += Int(read)
        }
        return total
    }

    /// Queues close_notify (RFC 8446 §6.1); send the pending ciphertext, then close the socket.
    /// Does nothing before the handshake has completed (there is no session to close).
    public func shutdown() {
        guard isHandshakeComplete else { return }
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    /// Records and returns the error for a failed call, adding the verification verdict when that
    /// is the cause.
    private func failure(operation: String) -> TLSError {
        let verifyResult = SSL_get_verify_result(ssl)
        let verification: String? =
            verifyResult == X509_V_OK
            ? nil : "certificate verification: " + String(cString: X509_verify_cert_error_string(verifyResult))
        let error = TLSError.drainingErrorQueue(operation: operation, extra: verification)
        sessionError = error
        return error
    }
}
