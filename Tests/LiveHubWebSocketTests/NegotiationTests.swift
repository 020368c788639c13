import Testing

@testable import LiveHubWebSocket

private func negotiate(
    _ offers: [String], _ configuration: PerMessageDeflateConfiguration = PerMessageDeflateConfiguration()
) -> (PerMessageDeflateParameters, String)? {
    PerMessageDeflateNegotiation.negotiate(offers: offers, configuration: configuration).map {
        ($0.parameters, $0.responseHeaderValue)
    }
}

@Suite("permessage-deflate negotiation")
struct NegotiationTests {
    @Test(
        "offers and their responses with the default configuration",
        arguments: [
            ("permessage-deflate", "permessage-deflate", PerMessageDeflateParameters()),
            ("permessage-deflate; client_max_window_bits", "permessage-deflate", PerMessageDeflateParameters()),
            (
                "permessage-deflate; client_max_window_bits=10", "permessage-deflate; client_max_window_bits=10",
                PerMessageDeflateParameters(clientMaxWindowBits: 10)
            ),
            (
                "permessage-deflate; server_max_window_bits=9; client_max_window_bits",
                "permessage-deflate; server_max_window_bits=9", PerMessageDeflateParameters(serverMaxWindowBits: 9)
            ),
            (
                "permessage-deflate; server_max_window_bits=15", "permessage-deflate; server_max_window_bits=15",
                PerMessageDeflateParameters()
            ),
            (
                "permessage-deflate; server_no_context_takeover", "permessage-deflate; server_no_context_takeover",
                PerMessageDeflateParameters(serverNoContextTakeover: true)
            ),
            (
                "permessage-deflate; client_no_context_takeover", "permessage-deflate; client_no_context_takeover",
                PerMessageDeflateParameters(clientNoContextTakeover: true)
            ),
            (
                "Permessage-Deflate; SERVER_NO_CONTEXT_TAKEOVER; client_no_context_takeover; client_max_window_bits",
                "permessage-deflate; server_no_context_takeover; client_no_context_takeover",
                PerMessageDeflateParameters(serverNoContextTakeover: true, clientNoContextTakeover: true)
            ),
            (
                "permessage-deflate; server_max_window_bits=\"12\"", "permessage-deflate; server_max_window_bits=12",
                PerMessageDeflateParameters(serverMaxWindowBits: 12)
            ),
            (
                "x-webkit-deflate-frame, permessage-deflate ;client_max_window_bits = 9",
                "permessage-deflate; client_max_window_bits=9",
                PerMessageDeflateParameters(clientMaxWindowBits: 9)
            ),
        ])
    func accepted(offer: String, response: String, parameters: PerMessageDeflateParameters) {
        let result = negotiate([offer])
        #expect(result?.1 == response)
        #expect(result?.0 == parameters)
    }

    @Test(
        "unacceptable offers are declined",
        arguments: [
            "permessage-deflate; unknown_parameter",
            "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
            "permessage-deflate; server_no_context_takeover=1",
            "permessage-deflate; server_max_window_bits",
            "permessage-deflate; server_max_window_bits=16",
            "permessage-deflate; server_max_window_bits=7",
            "permessage-deflate; server_max_window_bits=010",
            "permessage-deflate; client_max_window_bits=abc",
            "permessage-deflate; server_max_window_bits=8",
            "permessage-deflate; client_max_window_bits=\"9",
            "permessage-deflate; ; client_max_window_bits",
            "x-webkit-deflate-frame",
        ])
    func declined(offer: String) { #expect(negotiate([offer]) == nil) }

    @Test("the first acceptable offer wins, across offers in one value and across header values")
    func firstAcceptableOffer() {
        let oneValue = negotiate([
            "permessage-deflate; server_max_window_bits=8, permessage-deflate; server_max_window_bits=10, permessage-deflate"
        ])
        #expect(oneValue?.0.serverMaxWindowBits == 10)
        let twoValues = negotiate([
            "permessage-deflate; bogus", "foo; a=\"x, y\", permessage-deflate; client_no_context_takeover",
        ])
        #expect(twoValues?.1 == "permessage-deflate; client_no_context_takeover")
    }

    @Test("server configuration adds its own restrictions")
    func configuredLimits() {
        let configuration = PerMessageDeflateConfiguration(
            serverNoContextTakeover: true, clientNoContextTakeover: true, serverMaxWindowBits: 8,
            clientMaxWindowBits: 11)
        let result = negotiate(["permessage-deflate; client_max_window_bits"], configuration)
        #expect(
            result?.1
                == "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=9; client_max_window_bits=11"
        )
        #expect(
            result?.0
                == PerMessageDeflateParameters(
                    serverNoContextTakeover: true, clientNoContextTakeover: true, serverMaxWindowBits: 9,
                    clientMaxWindowBits: 11))
        // Without client_max_window_bits in the offer, the response must not limit the client (RFC 7692 §7.1.2.2).
        let withoutClientBits = negotiate(["permessage-deflate"], configuration)
        #expect(withoutClientBits?.0.clientMaxWindowBits == 15)
        #expect(withoutClientBits?.1.contains("client_max_window_bits") == false)
    }

    @Test(
        "Autobahn 13.x style offers are accepted",
        arguments: [
            ("permessage-deflate; client_no_context_takeover; client_max_window_bits", false, 15),
            ("permessage-deflate; client_max_window_bits; server_max_window_bits=9", false, 9),
            (
                "permessage-deflate; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9",
                true, 9
            ),
            (
                "permessage-deflate; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15",
                true, 15
            ),
        ])
    func autobahnOffers(offer: String, serverNoContext: Bool, serverBits: Int) {
        let result = negotiate([offer])
        #expect(result?.0.serverNoContextTakeover == serverNoContext)
        #expect(result?.0.serverMaxWindowBits == serverBits)
    }

    @Test("negotiation is off when disabled")
    func disabled() {
        #expect(negotiate(["permessage-deflate"], PerMessageDeflateConfiguration(enabled: false)) == nil)
    }
}
