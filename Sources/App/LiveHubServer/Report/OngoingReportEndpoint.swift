import LiveHubDomain
import LiveHubHTTP
import LiveHubPosix
import LiveHubProtocol
import LiveHubTransport

/// `GET /v1/report/ongoing` with a supervisor or admin token (`Authorization: Bearer`): the Ongoing
/// conversations report as JSON for other tools, `{"rows":[…],"at":ms}`, each row as in
/// `report.snapshot` (sentiment included). 401 without a valid token, 403 for agents, customers and
/// bots: the report is the supervisors'.
///
/// The rows live on the hub thread, so the answer is given later: the hub takes the rows in its next
/// iteration and this connection's loop encodes them, so a tool polling a large report costs the hub
/// only the snapshot, not the JSON.
final class OngoingReportEndpoint: HTTPEndpoint {
    private let authentication: HubAuthentication?
    private let hub: HubMailbox

    init(authentication: HubAuthentication?, hub: HubMailbox) {
        self.authentication = authentication
        self.hub = hub
    }

    func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        if let refusal = HubAuthentication.refusal(
            of: request, by: authentication, allowing: [.supervisor, .admin], who: "supervisors and admins")
        {
            return .response(refusal)
        }
        let responder = context.responder
        let loop = context.loop.loop
        hub.post { service in
            let report = service.ongoingReport()
            loop.execute {
                var response = HTTPResponse(
                    status: .ok, headers: ["Content-Type": "application/json"],
                    body: OngoingReportDocument.encode(report.rows, at: report.at))
                response.headers.add(name: "Cache-Control", value: "no-store")
                responder.send(response)
            }
        }
        return .later
    }
}
