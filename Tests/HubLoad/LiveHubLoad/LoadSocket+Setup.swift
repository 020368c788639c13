import LiveHubProtocol
import LiveHubWebSocket

#if canImport(Glibc)
import Glibc
#endif

/// The setup steps of a load run: the opening handshake and request/answer exchanges, each bounded
/// by the step timeout. Frames that are not the awaited one are dropped (setup is not measured).
extension LoadSocket {
    /// RFC 6455 §4.1 client handshake for `/v1/ws` with the `livehub.v1` subprotocol and a bearer
    /// token; checks the 101 status, `Sec-WebSocket-Accept` and the subprotocol, then the `welcome` frame.
    func openHub(token: String, host: String, timeoutSeconds: Double, scratch: UnsafeMutableRawBufferPointer)
        throws(LoadError)
    {
        var keyBytes: [UInt8] = []
        for _ in 0..<16 { keyBytes.append(UInt8.random(in: 0...255)) }
        let key = Base64.encode(keyBytes)
        let request =
            "GET /v1/ws HTTP/1.1\r\nHost: \(host)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: livehub.v1\r\n"
            + "Authorization: Bearer \(token)\r\n\r\n"
        try sendRaw(Array(request.utf8))
        var head: [UInt8]? = nil
        while head == nil {
            try wait(for: Int16(POLLIN), timeoutSeconds: timeoutSeconds, step: "handshake")
            guard try readAvailable(scratch: scratch) else { throw LoadError("\(label): closed during the handshake") }
            head = takeResponseHead()
        }
        let text = String(decoding: head ?? [], as: UTF8.self)
        let lines = text.split(separator: "\r\n")
        guard let status = lines.first, status.hasPrefix("HTTP/1.1 101") else {
            throw LoadError("\(label): handshake answered '\(lines.first ?? "")'")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingSpaces()
        }
        guard headers["sec-websocket-accept"] == WebSocketHandshake.acceptValue(forKey: key) else {
            throw LoadError("\(label): wrong Sec-WebSocket-Accept")
        }
        guard headers["sec-websocket-protocol"] == "livehub.v1" else {
            throw LoadError("\(label): subprotocol livehub.v1 was not selected")
        }
        _ = try awaitFrame(type: "welcome", id: nil, timeoutSeconds: timeoutSeconds, scratch: scratch)
    }

    /// Sends `request` (which carries `"id": id`) and returns its `ack`; an `error` answer fails the run.
    func exchange(_ request: String, id: String, timeoutSeconds: Double, scratch: UnsafeMutableRawBufferPointer)
        throws(LoadError) -> JSONObject
    {
        try sendText(Array(request.utf8))
        return try awaitFrame(type: "ack", id: id, timeoutSeconds: timeoutSeconds, scratch: scratch)
    }

    /// Waits for the first frame of `type` (and `id`, when given); an `error` with that id fails the run.
    func awaitFrame(type: String, id: String?, timeoutSeconds: Double, scratch: UnsafeMutableRawBufferPointer)
        throws(LoadError) -> JSONObject
    {
        while true {
            var found: JSONObject? = nil
            var failure: String? = nil
            try forEachMessage { payload throws(LoadError) in
                guard found == nil, failure == nil else { return }
                guard let object = try? JSONParser.parse(Array(payload)).objectValue else {
                    throw LoadError("\(label): the hub sent a frame that is not a JSON object")
                }
                let frameType = object["type"]?.stringValue
                let frameId = object["id"]?.stringValue
                if frameType == "error" && (id == nil || frameId == id) {
                    failure = object["message"]?.stringValue ?? "unknown error"
                } else if frameType == type && (id == nil || frameId == id) {
                    found = object
                }
            }
            if let failure { throw LoadError("\(label): the hub refused: \(failure)") }
            if let found { return found }
            try wait(for: Int16(POLLIN), timeoutSeconds: timeoutSeconds, step: "waiting for \(type)")
            guard try readAvailable(scratch: scratch) else { throw LoadError("\(label): the hub closed the connection") }
        }
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
