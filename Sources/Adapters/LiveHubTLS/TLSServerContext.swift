import COpenSSL

/// Server-side TLS configuration: certificate chain, private key and protocol policy, shared by
/// every accepted connection.
///
/// `@unchecked Sendable` because the wrapped `SSL_CTX` is fully configured in `init` and never
/// mutated afterwards, and OpenSSL documents `SSL_new` (which only reads the context and bumps its
/// reference count atomically) as safe to call from many threads on one context. Each event loop
/// can therefore create its connections from the same context.
///
/// Policy: TLS 1.2 minimum; no compression (CRIME); no renegotiation (a client-triggered CPU cost
/// and an old attack surface); partial writes and moving write buffers so plaintext can be written
/// from any buffer; `SSL_MODE_RELEASE_BUFFERS` so an idle connection holds no record buffers; ALPN
/// answers `http/1.1` when the client offers it and stays silent otherwise.
public final class TLSServerContext: @unchecked Sendable {
    /// The `SSL_CTX *`; owned.
    let context: OpaquePointer

    /// Loads a PEM certificate chain (leaf first) and a PEM private key from files.
    public init(certificateChainPEMPath: String, privateKeyPEMPath: String) throws(TLSError) {
        context = try TLSServerContext.makeContext { context throws(TLSError) in
            guard SSL_CTX_use_certificate_chain_file(context, certificateChainPEMPath) == 1 else {
                throw TLSError.drainingErrorQueue(operation: "SSL_CTX_use_certificate_chain_file")
            }
            guard SSL_CTX_use_PrivateKey_file(context, privateKeyPEMPath, SSL_FILETYPE_PEM) == 1 else {
                throw TLSError.drainingErrorQueue(operation: "SSL_CTX_use_PrivateKey_file")
            }
        }
    }

    /// Uses a PEM certificate chain (leaf first, then intermediates) and a PEM private key held in memory.
    public init(certificatePEM: [UInt8], privateKeyPEM: [UInt8]) throws(TLSError) {
        context = try TLSServerContext.makeContext { context throws(TLSError) in
            let certificates = try PEMCodec.certificates(from: certificatePEM)
            defer { for certificate in certificates { X509_free(certificate) } }
            guard SSL_CTX_use_certificate(context, certificates[0]) == 1 else {
                throw TLSError.drainingErrorQueue(operation: "SSL_CTX_use_certificate")
            }
            for intermediate in certificates.dropFirst()
            where livehub_SSL_CTX_add1_chain_cert(context, intermediate) != 1 {
                throw TLSError.drainingErrorQueue(operation: "SSL_CTX_add1_chain_cert")
            }
            let key = try PEMCodec.privateKey(from: privateKeyPEM)
            defer { EVP_PKEY_free(key) }
            guard SSL_CTX_use_PrivateKey(context, key) == 1 else {
                throw TLSError.drainingErrorQueue(operation: "SSL_CTX_use_PrivateKey")
            }
        }
    }

    deinit {
        SSL_CTX_free(context)
    }

    /// Builds a fully configured context, or frees it and throws. The stored property is only
    /// assigned on success, so `deinit` never sees a half-built context (no double free).
    private static func makeContext(
        loadingCredentials loadCredentials: (OpaquePointer) throws(TLSError) -> Void
    ) throws(TLSError) -> OpaquePointer {
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw TLSError.drainingErrorQueue(operation: "SSL_CTX_new")
        }
        do throws(TLSError) {
            // RELEASE_BUFFERS: an idle server connection gives its record buffers back.
            try TLSContextPolicy.apply(to: context, extraModes: LIVEHUB_SSL_MODE_RELEASE_BUFFERS())
            SSL_CTX_set_alpn_select_cb(context, selectHTTP11, nil)
            try loadCredentials(context)
            guard SSL_CTX_check_private_key(context) == 1 else {
                throw TLSError.drainingErrorQueue(operation: "SSL_CTX_check_private_key")
            }
            return context
        } catch {
            SSL_CTX_free(context)
            throw error
        }
    }
}

/// ALPN selection (RFC 7301 §3.2): pick `http/1.1` when offered. Otherwise decline without
/// failing (`NOACK`), so a client offering only `h2` still completes and falls back to HTTP/1.1.
/// `output` points into the client's own list, which OpenSSL keeps alive for the handshake.
private func selectHTTP11(
    ssl: OpaquePointer?, output: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
    outputLength: UnsafeMutablePointer<UInt8>?, offered: UnsafePointer<UInt8>?, offeredLength: UInt32,
    argument: UnsafeMutableRawPointer?
) -> Int32 {
    guard let offered, let output, let outputLength else { return SSL_TLSEXT_ERR_NOACK }
    let wanted: StaticString = "http/1.1"
    let list = UnsafeBufferPointer(start: offered, count: Int(offeredLength))
    let wantedBytes = UnsafeBufferPointer(start: wanted.utf8Start, count: wanted.utf8CodeUnitCount)
    var index = 0
    // The list is a sequence of one-byte lengths each followed by that many bytes.
    while index < list.count {
        let length = Int(list[index])
        let start = index + 1
        guard start + length <= list.count else { break }
        if length == wantedBytes.count, list[start..<(start + length)].elementsEqual(wantedBytes) {
            output.pointee = offered + start
            outputLength.pointee = UInt8(length)
            return SSL_TLSEXT_ERR_OK
        }
        index = start + length
    }
    return SSL_TLSEXT_ERR_NOACK
}
