import COpenSSL

/// Client-side TLS configuration, used by tests and the test client.
///
/// `@unchecked Sendable` for the same reason as `TLSServerContext`: configured once in `init`,
/// then only read by `SSL_new`.
public final class TLSClientContext: @unchecked Sendable {
    /// The `SSL_CTX *`; owned.
    let context: OpaquePointer
    /// Whether the server's certificate is verified (against the trusted PEM only).
    let verifiesPeer: Bool

    /// Trusts exactly the certificates in `trustingCertificatePEM` (no system roots); nil turns
    /// verification off. Offers ALPN `http/1.1`; TLS 1.2 minimum.
    public init(trustingCertificatePEM: [UInt8]?) throws(TLSError) {
        context = try TLSClientContext.makeContext(trusting: trustingCertificatePEM)
        verifiesPeer = trustingCertificatePEM != nil
    }

    deinit {
        SSL_CTX_free(context)
    }

    /// Builds a fully configured context, or frees it and throws (see `TLSServerContext`).
    private static func makeContext(trusting trustingCertificatePEM: [UInt8]?) throws(TLSError) -> OpaquePointer {
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            throw TLSError.drainingErrorQueue(operation: "SSL_CTX_new")
        }
        do throws(TLSError) {
            try TLSContextPolicy.apply(to: context)
            // Wire format: a one-byte length, then the name. Note the inverted return convention.
            let protocols: [UInt8] = [8] + Array("http/1.1".utf8)
            guard SSL_CTX_set_alpn_protos(context, protocols, UInt32(protocols.count)) == 0 else {
                throw TLSError.drainingErrorQueue(operation: "SSL_CTX_set_alpn_protos")
            }
            if let trustingCertificatePEM {
                let certificates = try PEMCodec.certificates(from: trustingCertificatePEM)
                defer { for certificate in certificates { X509_free(certificate) } }
                guard let store = SSL_CTX_get_cert_store(context) else {
                    throw TLSError.drainingErrorQueue(operation: "SSL_CTX_get_cert_store")
                }
                for certificate in certificates where X509_STORE_add_cert(store, certificate) != 1 {
                    throw TLSError.drainingErrorQueue(operation: "X509_STORE_add_cert")
                }
                SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
            } else {
                SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
            }
            return context
        } catch {
            SSL_CTX_free(context)
            throw error
        }
    }
}
