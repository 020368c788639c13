import Foundation
import LiveHubDomain
import LiveHubProtocol
import Testing

@Suite("Protocol examples")
struct ExampleTests {
    static let requestExamples = files(
        under: protocolDirectory().appendingPathComponent("examples/requests"), withExtension: "json")
    static let messageExamples = files(
        under: protocolDirectory().appendingPathComponent("examples/messages"), withExtension: "json")
    static let sessions = files(under: protocolDirectory().appendingPathComponent("sessions"), withExtension: "jsonl")

    @Test("the examples folder holds a request and a message example for every wire type")
    func everyTypeHasAnExample() throws {
        var requestTypes: Set<String> = []
        for url in Self.requestExamples {
            requestTypes.insert(
                try JSONParser.parse(contentsWithoutTrailingNewline(url)).objectValue?["type"]?.stringValue ?? "")
        }
        var messageTypes: Set<String> = []
        for url in Self.messageExamples {
            messageTypes.insert(
                try JSONParser.parse(contentsWithoutTrailingNewline(url)).objectValue?["type"]?.stringValue ?? "")
        }
        #expect(requestTypes == Set(RequestType.allCases.map(\.rawValue)))
        #expect(messageTypes == Set(ServerMessageType.allCases.map(\.rawValue)))
    }

    @Test("every request example decodes to a Command and re-encodes byte for byte", arguments: requestExamples)
    func requestRoundTrip(url: URL) throws {
        let bytes = try contentsWithoutTrailingNewline(url)
        let request = try RequestDecoder.decode(bytes)
        #expect(try RequestType(request.command)?.rawValue == JSONParser.parse(bytes).objectValue?["type"]?.stringValue)
        let encoded = try #require(RequestEncoder.encode(request))
        #expect(String(decoding: encoded, as: UTF8.self) == String(decoding: bytes, as: UTF8.self))
    }

    @Test("every message example decodes to the hub's types and re-encodes byte for byte", arguments: messageExamples)
    func messageRoundTrip(url: URL) throws {
        let bytes = try contentsWithoutTrailingNewline(url)
        let message = try ServerMessageDecoder.decode(bytes)
        let audience: Audience = url.lastPathComponent.hasSuffix(".customer.json") ? .customer : .staff
        let encoded = ServerMessageEncoder.encode(message, for: audience)
        #expect(String(decoding: encoded, as: UTF8.self) == String(decoding: bytes, as: UTF8.self))
    }

    @Test("the example sessions the Protocol README promises are in the repository")
    func promisedSessionsExist() throws {
        let readme = try String(contentsOf: protocolDirectory().appendingPathComponent("README.md"), encoding: .utf8)
        let promised = Set(
            readme.split(separator: "`").filter { $0.hasSuffix(".jsonl") && !$0.contains("*") && !$0.contains(" ") }
                .map { String($0.split(separator: "/").last ?? $0) })
        #expect(!promised.isEmpty)
        let present = Set(Self.sessions.map(\.lastPathComponent))
        #expect(promised.isSubset(of: present), "missing: \(promised.subtracting(present).sorted())")
    }

    @Test("every frame of the example sessions decodes and re-encodes unchanged", arguments: sessions)
    func sessionFrames(url: URL) throws {
        let lines = String(decoding: try contentsWithoutTrailingNewline(url), as: UTF8.self)
            .split(separator: "\n")
        #expect(!lines.isEmpty)
        // Each party's audience follows from the role in their welcome frame.
        var audiences: [String: Audience] = [:]
        for line in lines {
            let step = try #require(try JSONParser.parse(String(line)).objectValue)
            let frame = try #require(step["frame"])
            let bytes = frame.serialized()
            if step["direction"] == .string("send") {
                let encoded = try #require(RequestEncoder.encode(try RequestDecoder.decode(bytes)))
                #expect(encoded == bytes, "\(line)")
            } else {
                let party = step["party"]?.stringValue ?? ""
                let message = try ServerMessageDecoder.decode(bytes)
                if case .welcome(let welcome) = message { audiences[party] = Audience(role: welcome.user.role) }
                let audience = try #require(audiences[party], "\(party) receives a frame before its welcome")
                #expect(ServerMessageEncoder.encode(message, for: audience) == bytes, "\(line)")
            }
        }
    }
}
