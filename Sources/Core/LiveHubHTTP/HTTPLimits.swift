/// Size limits the request parser enforces as early as it can: before buffering what they bound.
public struct HTTPLimits: Sendable, Equatable {
    /// Longest request line, without its CRLF; longer → 414 (RFC 9112 §3 recommends ≥ 8000 octets).
    public var maxRequestLineBytes: Int
    /// Largest whole head (request line, fields, blank line, and any tolerated leading CRLFs);
    /// larger → 431 (RFC 6585 §5). Also bounds a chunked body's trailer section.
    public var maxHeaderBytes: Int
    /// Most field lines in a head (or trailer section); more → 431.
    public var maxHeaderCount: Int
    /// Largest body, declared by Content-Length or accumulated from chunks; larger → 413.
    public var maxBodyBytes: Int

    /// Creates limits; the defaults are 8 KiB, 16 KiB, 100 fields and 1 MiB.
    public init(
        maxRequestLineBytes: Int = 8 * 1024, maxHeaderBytes: Int = 16 * 1024, maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 1024 * 1024
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}
