import COpenSSL

/// Reading and writing PEM in memory, through temporary memory BIOs.
enum PEMCodec {
    /// Every certificate in `pem`, in order. Throws when there is none.
    static func certificates(from pem: [UInt8]) throws(TLSError) -> [OpaquePointer] {
        let bio = try memoryBIO(reading: pem, operation: "BIO_write")
        defer { BIO_free(bio) }
        var certificates: [OpaquePointer] = []
        while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) {
            certificates.append(certificate)
        }
        // Reading stops with a "no start line" error at the end of the input: expected, not a failure.
        ERR_clear_error()
        guard !certificates.isEmpty else {
            throw TLSError(operation: "PEM_read_bio_X509", details: "no certificate found in PEM")
        }
        return certificates
    }

    /// The private key in `pem` (PKCS#8, or a traditional EC/RSA key).
    static func privateKey(from pem: [UInt8]) throws(TLSError) -> OpaquePointer {
        let bio = try memoryBIO(reading: pem, operation: "BIO_write")
        defer { BIO_free(bio) }
        guard let key = PEM_read_bio_PrivateKey(bio, nil, nil, nil) else {
            throw TLSError.drainingErrorQueue(operation: "PEM_read_bio_PrivateKey")
        }
        return key
    }

    /// The PEM text of a certificate.
    static func encode(certificate: OpaquePointer) throws(TLSError) -> [UInt8] {
        try writing(operation: "PEM_write_bio_X509") { PEM_write_bio_X509($0, certificate) }
    }

    /// The PKCS#8 PEM text of an unencrypted private key.
    static func encode(privateKey: OpaquePointer) throws(TLSError) -> [UInt8] {
        try writing(operation: "PEM_write_bio_PrivateKey") {
            PEM_write_bio_PrivateKey($0, privateKey, nil, nil, 0, nil, nil)
        }
    }

    private static func writing(
        operation: String, _ write: (OpaquePointer) -> Int32
    ) throws(TLSError) -> [UInt8] {
        guard let bio = BIO_new(BIO_s_mem()) else { throw TLSError.drainingErrorQueue(operation: "BIO_new") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw TLSError.drainingErrorQueue(operation: operation) }
        return readAll(from: bio)
    }

    /// Everything pending in a memory BIO.
    static func readAll(from bio: OpaquePointer) -> [UInt8] {
        let pending = Int(livehub_BIO_ctrl_pending(bio))
        guard pending > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: pending)
        let read = bytes.withUnsafeMutableBytes { BIO_read(bio, $0.baseAddress, Int32(pending)) }
        bytes.removeLast(pending - max(0, Int(read)))
        return bytes
    }

    /// A memory BIO holding a copy of `bytes`, so it never points into Swift-managed storage.
    private static func memoryBIO(reading bytes: [UInt8], operation: String) throws(TLSError) -> OpaquePointer {
        guard let bio = BIO_new(BIO_s_mem()) else { throw TLSError.drainingErrorQueue(operation: operation) }
        let written = bytes.withUnsafeBytes { BIO_write(bio, $0.baseAddress, Int32(clamping: $0.count)) }
        guard bytes.isEmpty || written == Int32(clamping: bytes.count) else {
            BIO_free(bio)
            throw TLSError.drainingErrorQueue(operation: operation)
        }
        return bio
    }
}
