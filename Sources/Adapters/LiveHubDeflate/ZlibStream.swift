import CZlib

/// A zlib stream at a fixed heap address (zlib keeps a back pointer to its `z_stream` and rejects a moved
/// one), created only when a message actually needs it.
struct ZlibStream {
    /// Which direction the stream works in.
    enum Kind {
        case deflate(level: Int32, memoryLevel: Int32)
        case inflate
    }

    let pointer: UnsafeMutablePointer<z_stream>
    let kind: Kind

    /// Raw DEFLATE (negative window bits: no zlib header or trailer, RFC 7692 §7.2.1). Nil when zlib
    /// cannot allocate its state.
    init?(kind: Kind, windowBits: Int32) {
        let pointer = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        pointer.initialize(to: z_stream())
        let status: Int32
        switch kind {
        case .deflate(let level, let memoryLevel):
            status = livehub_deflateInit2(pointer, level, Z_DEFLATED, -windowBits, memoryLevel, Z_DEFAULT_STRATEGY)
        case .inflate:
            status = livehub_inflateInit2(pointer, -windowBits)
        }
        guard status == Z_OK else {
            pointer.deinitialize(count: 1)
            pointer.deallocate()
            return nil
        }
        self.pointer = pointer
        self.kind = kind
    }

    /// Frees zlib's state and the stream itself.
    func end() {
        switch kind {
        case .deflate: _ = deflateEnd(pointer)
        case .inflate: _ = inflateEnd(pointer)
        }
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }
}
