import LiveHubDomain
import LiveHubHTTP
import LiveHubPosix
import LiveHubProtocol
import LiveHubTransport

/// `GET /v1/directory` with a staff token (`Authorization: Bearer`; agent, supervisor or admin): the
/// configured queues (with their workstream's channels, allowed presences and capacity units), agents (queues and
/// capacity) and supervisors, with display names. The console and the dashboard use it to name people
/// and to offer transfer and assign targets; it is the configuration, not live state (presence and
/// load arrive over `/v1/ws`). Customers get 403: staff names and queues are not theirs to list.
final class DirectoryEndpoint: HTTPEndpoint {
    private let authentication: HubAuthentication?
    private let body: [UInt8]

    init(configuration: Configuration, authentication: HubAuthentication?) {
        self.authentication = authentication
        body = Self.encode(configuration)
    }

    func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        if let refusal = HubAuthentication.refusal(
            of: request, by: authentication, allowing: [.agent, .supervisor, .admin], who: "staff")
        {
            return .response(refusal)
        }
        var response = HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], body: body)
        response.headers.add(name: "Cache-Control", value: "no-store")
        return .response(response)
    }

    static func encode(_ configuration: Configuration) -> [UInt8] {
        var json = JSONWriter(capacity: 1024)
        json.beginObject()
        json.key("queues")
        json.beginArray()
        for queue in configuration.queues {
            let workstream = configuration.workstreams.first { $0.id == queue.workstreamId }
            json.beginObject()
            json.key("id")
            json.string(queue.id.rawValue)
            json.key("name")
            json.string(queue.name)
            json.key("channels")
            json.beginArray()
            for channel in workstream?.channels ?? [] { json.string(channel.rawValue) }
            json.endArray()
            json.key("allowedPresences")
            json.beginArray()
            for presence in workstream?.allowedPresences ?? [] { json.string(presence.wireName) }
            json.endArray()
            // What one conversation of the queue takes of an agent's capacity: the dashboard's assign
            // dialog shows by how much an override would exceed it.
            json.key("capacityUnits")
            json.integer(workstream?.capacityUnits ?? 1)
            json.endObject()
        }
        json.endArray()
        json.key("agents")
        json.beginArray()
        for agent in configuration.agents {
            json.beginObject()
            json.key("id")
            json.string(agent.id.rawValue)
            json.key("name")
            json.string(agent.name)
            json.key("queues")
            json.beginArray()
            for queue in agent.queues { json.string(queue.rawValue) }
            json.endArray()
            json.key("capacity")
            json.integer(agent.capacity)
            json.endObject()
        }
        json.endArray()
        json.key("supervisors")
        json.beginArray()
        for person in configuration.supervisors {
            json.beginObject()
            json.key("id")
            json.string(person.id.rawValue)
            json.key("name")
            json.string(person.name)
            json.endObject()
        }
        json.endArray()
        json.key("bots")
        json.beginArray()
        for bot in configuration.bots {
            json.beginObject()
            json.key("id")
            json.string(bot.id.rawValue)
            json.key("name")
            json.string(bot.name)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.bytes
    }
}
