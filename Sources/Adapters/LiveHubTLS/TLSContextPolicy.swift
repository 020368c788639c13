import COpenSSL

/// Settings every livehub TLS context shares, server and client alike, kept in one place so the two
/// cannot drift: TLS 1.2 at least, no TLS compression (CRIME), no renegotiation.
enum TLSContextPolicy {
    static func apply(to context: OpaquePointer, extraModes: Int = 0) throws(TLSError) {
        guard livehub_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION) == 1 else {
            throw TLSError.drainingErrorQueue(operation: "SSL_CTX_set_min_proto_version")
        }
        _ = livehub_SSL_CTX_set_options(context, LIVEHUB_SSL_OP_NO_COMPRESSION() | LIVEHUB_SSL_OP_NO_RENEGOTIATION())
        _ = livehub_SSL_CTX_set_mode(
            context, LIVEHUB_SSL_MODE_ENABLE_PARTIAL_WRITE() | LIVEHUB_SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER() | extraModes)
    }
}
