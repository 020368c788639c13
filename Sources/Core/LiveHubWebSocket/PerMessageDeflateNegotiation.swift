/// Server-side negotiation of permessage-deflate (RFC 7692 §5, §7.1): picks the first acceptable offer.
public enum PerMessageDeflateNegotiation {
    /// The registered extension name (RFC 7692 §7).
    public static let extensionName = "permessage-deflate"

    /// Reads every `Sec-WebSocket-Extensions` value in order (several offers, several extensions per value,
    /// quoted values) and accepts the first permessage-deflate offer we can honour. Offers with unknown,
    /// duplicate or invalid parameters are declined (RFC 7692 §5.1, §7.1); nil when none is acceptable or
    /// `configuration.enabled` is false.
    public static func negotiate(
        offers headerValues: [String], configuration: PerMessageDeflateConfiguration
    ) -> (parameters: PerMessageDeflateParameters, responseHeaderValue: String)? {
        guard configuration.enabled else { return nil }
        for offer in ExtensionHeaderParser.parse(headerValues)
        where HeaderTokens.equalsIgnoringCase(offer.name, extensionName) {
            if let accepted = accept(offer, configuration: configuration) { return accepted }
        }
        return nil
    }

    /// What one offer asked for.
    private struct Request {
        var serverNoContextTakeover = false
        var clientNoContextTakeover = false
        var serverMaxWindowBits: Int?
        /// Outer nil: parameter absent; inner nil: present without a value.
        var clientMaxWindowBits: Int??
    }

    private static func accept(
        _ offer: ExtensionOffer, configuration: PerMessageDeflateConfiguration
    ) -> (parameters: PerMessageDeflateParameters, responseHeaderValue: String)? {
        guard let request = parse(offer) else { return nil }

        // zlib raw deflate cannot use an 8-bit window, so our own window is 9...15.
        let ownWindowLimit = min(max(configuration.serverMaxWindowBits, 9), 15)
        var parameters = PerMessageDeflateParameters()
        var response = extensionName

        // RFC 7692 §7.1.1.1: accepting an offer with server_no_context_takeover means echoing it; the server
        // may also add it on its own.
        parameters.serverNoContextTakeover = request.serverNoContextTakeover || configuration.serverNoContextTakeover
        if parameters.serverNoContextTakeover { response += "; server_no_context_takeover" }

        // RFC 7692 §7.1.1.2: the server may ask the client not to take over context whether or not the client
        // offered it; a client offering it resets anyway, so record it either way.
        parameters.clientNoContextTakeover = request.clientNoContextTakeover || configuration.clientNoContextTakeover
        if configuration.clientNoContextTakeover || request.clientNoContextTakeover {
            response += "; client_no_context_takeover"
        }

        // RFC 7692 §7.1.2.1: answer with the same or a smaller value than requested. A request for 8 is declined
        // rather than answered with 9 (which would break the client's limit) or 8 (which zlib would not honour).
        if let requested = request.serverMaxWindowBits {
            guard requested >= 9 else { return nil }
            parameters.serverMaxWindowBits = min(requested, ownWindowLimit)
            response += "; server_max_window_bits=\(parameters.serverMaxWindowBits)"
        } else if ownWindowLimit < 15 {
            // RFC 7692 §7.1.2.1: the server may include it even when the offer did not.
            parameters.serverMaxWindowBits = ownWindowLimit
            response += "; server_max_window_bits=\(ownWindowLimit)"
        }

        // RFC 7692 §7.1.2.2: without client_max_window_bits in the offer the response must not carry it and the
        // client may use the full 15 bits; with it, we may answer the same or a smaller value.
        if let offered = request.clientMaxWindowBits {
            let offeredLimit = offered ?? 15
            let wanted = min(max(configuration.clientMaxWindowBits, 8), 15)
            parameters.clientMaxWindowBits = min(offeredLimit, wanted)
            if parameters.clientMaxWindowBits < 15 || offered != nil {
                response += "; client_max_window_bits=\(parameters.clientMaxWindowBits)"
            }
        }
        return (parameters, response)
    }

    /// Validates the offer's parameters (RFC 7692 §7.1: unknown names, duplicates or invalid values
    /// make the whole offer unacceptable).
    private static func parse(_ offer: ExtensionOffer) -> Request? {
        var request = Request()
        var seen: Set<String> = []
        for parameter in offer.parameters {
            let name = String(decoding: parameter.name.utf8.map(HeaderTokens.lowercased), as: UTF8.self)
            guard seen.insert(name).inserted else { return nil }
            switch name {
            case "server_no_context_takeover":
                // RFC 7692 §7.1.1.1: this parameter has no value.
                guard parameter.value == nil else { return nil }
                request.serverNoContextTakeover = true
            case "client_no_context_takeover":
                // RFC 7692 §7.1.1.2: this parameter has no value.
                guard parameter.value == nil else { return nil }
                request.clientNoContextTakeover = true
            case "server_max_window_bits":
                // RFC 7692 §7.1.2.1: a value is required.
                guard let text = parameter.value, let bits = windowBits(text) else { return nil }
                request.serverMaxWindowBits = bits
            case "client_max_window_bits":
                // RFC 7692 §7.1.2.2: the value is optional in an offer.
                if let text = parameter.value {
                    guard let bits = windowBits(text) else { return nil }
                    request.clientMaxWindowBits = .some(bits)
                } else {
                    request.clientMaxWindowBits = .some(nil)
                }
            default:
                return nil
            }
        }
        return request
    }

    /// RFC 7692 §7.1.2: a decimal integer 8–15 without leading zeros.
    static func windowBits(_ text: String) -> Int? {
        guard let first = text.utf8.first, first != UInt8(ascii: "0"), text.utf8.count <= 2,
            text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let value = Int(text), (8...15).contains(value)
        else { return nil }
        return value
    }
}
