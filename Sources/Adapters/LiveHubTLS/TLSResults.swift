/// The outcome of `TLSConnection.readPlaintext(into:)`.
public enum TLSReadResult: Equatable, Sendable {
    /// This many plaintext bytes were written to the buffer (0 only when the buffer was empty).
    /// More may be pending: read again until `.wantMoreCiphertext`.
    case bytes(Int)
    /// Nothing more can be decrypted until more ciphertext is fed. Handshake messages may have
    /// been produced meanwhile: check `pendingCiphertextCount`.
    case wantMoreCiphertext
    /// The peer sent close_notify: no more plaintext will come.
    case closedByPeer
    /// The connection is unusable. An alert may be pending: flush it, then close.
    case failed(TLSError)
}

/// The outcome of `TLSConnection.writePlaintext(_:)`.
public enum TLSWriteResult: Equatable, Sendable {
    /// This many plaintext bytes were encrypted into pending ciphertext. 0 while the handshake is
    /// still running: exchange ciphertext and retry.
    case written(Int)
    /// The connection is unusable.
    case failed(TLSError)
}
