/// The server side of the opening handshake (RFC 6455 §4.2), independent of any HTTP type: headers are
/// read through a closure returning every value of a case-insensitive header name.
public enum WebSocketHandshake {
    /// RFC 6455 §1.3: the GUID appended to the client's key.
    public static let keyGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// RFC 6455 §4.2.2 step 5.4: base64(SHA-1(key + GUID)).
    public static func acceptValue(forKey key: String) -> String {
        Base64.encode(SHA1.digest((key + keyGUID).utf8))
    }

    /// Checks a client's opening handshake (RFC 6455 §4.2.1) and builds the response (§4.2.2).
    public static func evaluate(
        method: String, isHTTP11OrLater: Bool, headerValues: (String) -> [String],
        configuration: HandshakeConfiguration
    ) -> HandshakeDecision {
        // RFC 6455 §4.2.1 item 1: "An HTTP/1.1 or higher GET request".
        guard method == "GET" else {
            return .reject(HandshakeRejection(status: 405, reason: "method must be GET", headers: [("Allow", "GET")]))
        }
        guard isHTTP11OrLater else {
            return .reject(HandshakeRejection(status: 400, reason: "HTTP/1.1 or later required"))
        }
        // RFC 6455 §4.2.1 items 3 and 4: an Upgrade header containing "websocket" and a Connection header
        // containing "Upgrade", both ASCII case-insensitive tokens in comma-separated lists.
        guard HeaderTokens.listContains(headerValues("Upgrade"), token: "websocket"),
            HeaderTokens.listContains(headerValues("Connection"), token: "upgrade")
        else {
            return .reject(
                HandshakeRejection(
                    status: 426, reason: "WebSocket upgrade required", headers: [("Upgrade", "websocket")]))
        }
        // RFC 6455 §4.2.2 step 4 / §4.4: an unsupported version is answered with the versions we speak.
        let versions = HeaderTokens.listElements(headerValues("Sec-WebSocket-Version"))
        guard versions.count == 1, versions[0] == "13" else {
            return .reject(
                HandshakeRejection(
                    status: 426, reason: "unsupported WebSocket version",
                    headers: [("Sec-WebSocket-Version", "13")]))
        }
        // RFC 6455 §4.2.1 item 5: exactly one key, the base64 of 16 bytes.
        let keys = headerValues("Sec-WebSocket-Key")
        guard keys.count == 1 else {
            return .reject(HandshakeRejection(status: 400, reason: "exactly one Sec-WebSocket-Key required"))
        }
        let key = HeaderTokens.trimmingWhitespace(Substring(keys[0]))
        guard let nonce = Base64.decode(key), nonce.count == 16 else {
            return .reject(HandshakeRejection(status: 400, reason: "Sec-WebSocket-Key is not 16 base64 bytes"))
        }
        // RFC 6455 §4.2.2 step 1 / §10.2: refuse origins we do not serve with 403.
        if let allowedOrigins = configuration.allowedOrigins {
            for origin in headerValues("Origin") {
                let trimmed = HeaderTokens.trimmingWhitespace(Substring(origin))
                guard allowedOrigins.contains(where: { HeaderTokens.equalsIgnoringCase($0, trimmed) }) else {
                    return .reject(HandshakeRejection(status: 403, reason: "origin not allowed"))
                }
            }
        }

        var headers: [(name: String, value: String)] = [
            ("Upgrade", "websocket"),
            ("Connection", "Upgrade"),
            ("Sec-WebSocket-Accept", acceptValue(forKey: String(key))),
        ]
        // RFC 6455 §4.2.2 step 5.5 /subprotocol/: the first protocol in the client's order that we support.
        let offeredSubprotocols = HeaderTokens.listElements(headerValues("Sec-WebSocket-Protocol"))
        let subprotocol = offeredSubprotocols.first { configuration.supportedSubprotocols.contains(String($0)) }
            .map(String.init)
        if let subprotocol { headers.append(("Sec-WebSocket-Protocol", subprotocol)) }

        // RFC 7692 §5: accept at most one permessage-deflate offer.
        let negotiated = PerMessageDeflateNegotiation.negotiate(
            offers: headerValues("Sec-WebSocket-Extensions"), configuration: configuration.deflate)
        if let negotiated { headers.append(("Sec-WebSocket-Extensions", negotiated.responseHeaderValue)) }

        return .accept(
            HandshakeAcceptance(subprotocol: subprotocol, deflate: negotiated?.parameters, responseHeaders: headers))
    }
}
