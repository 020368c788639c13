/// Why a request stream was rejected. Each case maps to the exact status to answer with; after
/// any of them the connection must be closed, because the message framing can no longer be trusted.
public enum HTTPParseError: Error, Equatable, Sendable {
    /// The request line exceeds `maxRequestLineBytes` (414).
    case requestLineTooLong
    /// The head exceeds `maxHeaderBytes` (431).
    case headTooLarge
    /// The head has more than `maxHeaderCount` field lines (431).
    case tooManyHeaders
    /// The request line is not `method SP request-target SP HTTP-version` (RFC 9112 §3) (400).
    case malformedRequestLine
    /// A line ends in a bare LF, or contains a bare CR (RFC 9112 §2.2) (400).
    case invalidLineEnding
    /// A version other than HTTP/1.x (RFC 9110 §15.6.6) (505).
    case unsupportedVersion
    /// A field name that is not a token, or whitespace before the colon (RFC 9112 §5.1) (400).
    case invalidHeaderName
    /// A field value with a control character (RFC 9110 §5.5) (400).
    case invalidHeaderValue
    /// A field line continued with obs-fold, or whitespace before the first field (RFC 9112 §5.2, §2.2) (400).
    case obsoleteLineFolding
    /// HTTP/1.1 without Host, several Host lines, or an invalid Host value (RFC 9112 §3.2) (400).
    case invalidHost
    /// Content-Length that is not digits, or duplicates that disagree (RFC 9110 §8.6) (400).
    case invalidContentLength
    /// Both Content-Length and Transfer-Encoding (RFC 9112 §6.3) (400).
    case contentLengthWithTransferEncoding
    /// Transfer-Encoding whose final coding is not chunked, chunked twice, or sent by HTTP/1.0
    /// (RFC 9112 §6.1, §6.3) (400).
    case invalidTransferEncoding
    /// A transfer coding other than chunked (RFC 9112 §6.1) (501).
    case unsupportedTransferCoding
    /// The declared or accumulated body exceeds `maxBodyBytes` (413).
    case bodyTooLarge
    /// A malformed chunk size line, chunk terminator or trailer field (RFC 9112 §7.1) (400).
    case invalidChunkedEncoding
    /// The trailer section exceeds `maxHeaderBytes` or `maxHeaderCount` (431).
    case trailersTooLarge

    /// The status to answer with before closing the connection.
    public var status: HTTPStatus {
        switch self {
        case .requestLineTooLong: .uriTooLong
        case .headTooLarge, .tooManyHeaders, .trailersTooLarge: .requestHeaderFieldsTooLarge
        case .unsupportedVersion: .httpVersionNotSupported
        case .unsupportedTransferCoding: .notImplemented
        case .bodyTooLarge: .payloadTooLarge
        case .malformedRequestLine, .invalidLineEnding, .invalidHeaderName, .invalidHeaderValue,
            .obsoleteLineFolding, .invalidHost, .invalidContentLength, .contentLengthWithTransferEncoding,
            .invalidTransferEncoding, .invalidChunkedEncoding:
            .badRequest
        }
    }

    /// A short human-readable explanation, suitable for logs and for the error response body.
    public var detail: String {
        switch self {
        case .requestLineTooLong: "request line too long"
        case .headTooLarge: "request head too large"
        case .tooManyHeaders: "too many header fields"
        case .malformedRequestLine: "malformed request line"
        case .invalidLineEnding: "lines must end with CRLF; bare CR or LF is not accepted"
        case .unsupportedVersion: "only HTTP/1.0 and HTTP/1.1 are supported"
        case .invalidHeaderName: "invalid header field name"
        case .invalidHeaderValue: "invalid character in header field value"
        case .obsoleteLineFolding: "obsolete line folding is not accepted"
        case .invalidHost: "missing, duplicate or invalid Host header"
        case .invalidContentLength: "invalid Content-Length"
        case .contentLengthWithTransferEncoding: "Content-Length and Transfer-Encoding together"
        case .invalidTransferEncoding: "invalid Transfer-Encoding"
        case .unsupportedTransferCoding: "only the chunked transfer coding is supported"
        case .bodyTooLarge: "request body too large"
        case .invalidChunkedEncoding: "malformed chunked body"
        case .trailersTooLarge: "trailer section too large"
        }
    }
}
