import COpenSSL

/// Generates self-signed certificates in memory for tests and development (`--tls-self-signed`),
/// with no files and no `openssl` binary.
public enum SelfSignedCertificate {
    /// An EC P-256 key and an X.509 v3 certificate signed with it (SHA-256), valid from a minute
    /// ago (clock skew) for `validDays` days, with `commonName` as subject and issuer and every
    /// `subjectAltNames` entry as a SAN (IP addresses as `IP:`, names as `DNS:`; clients match
    /// SANs, not the CN — RFC 6125 §6.4.4). Extended key usage is serverAuth.
    ///
    /// Deliberately carries no basicConstraints or keyUsage: a self-signed leaf that is itself the
    /// trust anchor must still look "self-issued and able to sign itself" to verifiers.
    public static func generate(
        commonName: String, subjectAltNames: [String], validDays: Int
    ) throws(TLSError) -> (certificatePEM: [UInt8], privateKeyPEM: [UInt8]) {
        let key = try makeP256Key()
        defer { EVP_PKEY_free(key) }
        guard let certificate = X509_new() else { throw TLSError.drainingErrorQueue(operation: "X509_new") }
        defer { X509_free(certificate) }

        // Version field value 2 means X.509 v3 (RFC 5280 §4.1.2.1).
        guard X509_set_version(certificate, 2) == 1 else {
            throw TLSError.drainingErrorQueue(operation: "X509_set_version")
        }
        try setRandomSerialNumber(certificate)
        guard X509_gmtime_adj(X509_getm_notBefore(certificate), -60) != nil,
            X509_gmtime_adj(X509_getm_notAfter(certificate), max(1, validDays) * 86_400) != nil
        else { throw TLSError.drainingErrorQueue(operation: "X509_gmtime_adj") }
        guard let name = X509_get_subject_name(certificate),
            X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, commonName, -1, -1, 0) == 1,
            X509_set_issuer_name(certificate, name) == 1
        else { throw TLSError.drainingErrorQueue(operation: "X509_NAME_add_entry_by_txt") }
        guard X509_set_pubkey(certificate, key) == 1 else {
            throw TLSError.drainingErrorQueue(operation: "X509_set_pubkey")
        }

        let alternativeNames = subjectAltNames.map { isIPAddress($0) ? "IP:\($0)" : "DNS:\($0)" }
        if !alternativeNames.isEmpty {
            try addExtension(certificate, NID_subject_alt_name, alternativeNames.joined(separator: ","))
        }
        try addExtension(certificate, NID_ext_key_usage, "serverAuth")
        try addExtension(certificate, NID_subject_key_identifier, "hash")

        guard X509_sign(certificate, key, EVP_sha256()) > 0 else {
            throw TLSError.drainingErrorQueue(operation: "X509_sign")
        }
        return (try PEMCodec.encode(certificate: certificate), try PEMCodec.encode(privateKey: key))
    }

    private static func makeP256Key() throws(TLSError) -> OpaquePointer {
        guard let keyContext = EVP_PKEY_CTX_new_from_name(nil, "EC", nil) else {
            throw TLSError.drainingErrorQueue(operation: "EVP_PKEY_CTX_new_from_name")
        }
        defer { EVP_PKEY_CTX_free(keyContext) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(keyContext) == 1, EVP_PKEY_CTX_set_group_name(keyContext, "P-256") == 1,
            EVP_PKEY_generate(keyContext, &key) == 1, let key
        else { throw TLSError.drainingErrorQueue(operation: "EVP_PKEY_generate") }
        return key
    }

    /// RFC 5280 §4.1.2.2: a positive serial of up to 20 octets, unique per issuer; 120 random
    /// bits make collisions between generated certificates practically impossible.
    private static func setRandomSerialNumber(_ certificate: OpaquePointer) throws(TLSError) {
        guard let serial = BN_new() else { throw TLSError.drainingErrorQueue(operation: "BN_new") }
        defer { BN_free(serial) }
        guard BN_rand(serial, 120, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1,
            BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(certificate)) != nil
        else { throw TLSError.drainingErrorQueue(operation: "BN_rand") }
    }

    private static func addExtension(_ certificate: OpaquePointer, _ nid: Int32, _ value: String) throws(TLSError) {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, certificate, certificate, nil, nil, 0)
        guard let extensionValue = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
            throw TLSError.drainingErrorQueue(operation: "X509V3_EXT_conf_nid(\(value))")
        }
        defer { X509_EXTENSION_free(extensionValue) }
        guard X509_add_ext(certificate, extensionValue, -1) == 1 else {
            throw TLSError.drainingErrorQueue(operation: "X509_add_ext")
        }
    }

    private static func isIPAddress(_ name: String) -> Bool {
        name.contains(":")
            || (!name.isEmpty
                && name.utf8.allSatisfy {
                    ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".")
                })
    }
}
