import LiveHubDomain
import LiveHubProtocol

/// The info lines an operator follows a conversation by: one per lifecycle change (started, status,
/// agent or queue changed, participants joining, leaving, away and back, closed) and one per
/// supervisor or admin action, with who, what, which conversation and why. Pure: HubService logs
/// the lines; tests read them.
enum HubLifecycleLog {
    /// One line per lifecycle fact of a handled command (`outcome.journal`).
    static func lines(for facts: [DomainEvent]) -> [String] {
        facts.compactMap { event in
            let conversation = event.conversationId.map { " conversation=\($0)" } ?? ""
            switch event.payload {
            case .conversationStarted(let started):
                return "event=conversation.started\(conversation) customer=\(started.customerId) queue=\(started.queueId) "
                    + "channel=\(started.channel.rawValue)"
            case .conversationUpdated(let update):
                return "event=conversation.updated\(conversation) status=\(update.status.wireName) "
                    + "agent=\(update.primaryAgentId?.rawValue ?? "-") queue=\(update.queueId) reason=\(update.reason.wireName)"
            case .conversationClosed(let closed):
                return "event=conversation.closed\(conversation) by=\(closed.by.wireName) user=\(closed.userId) "
                    + "reason=\"\(quoted(closed.reason))\""
            case .participantJoined(let change):
                return "event=participant.joined\(conversation) user=\(change.userId) role=\(change.role.wireName)"
            case .participantLeft(let change):
                return "event=participant.left\(conversation) user=\(change.userId) role=\(change.role.wireName)"
            case .participantAway(let change):
                return "event=participant.away\(conversation) user=\(change.userId) role=\(change.role.wireName)"
            case .participantBack(let change):
                return "event=participant.back\(conversation) user=\(change.userId) role=\(change.role.wireName)"
            case .settingsUpdated(let settings, let changedBy):
                return "event=settings.updated by=\(changedBy) monitor=\(settings.supervisorMonitor) "
                    + "assign=\(settings.supervisorAssign) transfer=\(settings.supervisorTransfer) "
                    + "force_close=\(settings.supervisorForceClose)"
            default:
                return nil
            }
        }
    }

    /// The line for a supervisor's or admin's accepted request; nil for other requests.
    static func action(_ command: Command, by actor: Actor) -> String? {
        guard actor.role == .supervisor || actor.role == .admin else { return nil }
        let who = "user=\(actor.userId) role=\(actor.role.wireName)"
        switch command {
        case .monitor(let conversation):
            return "event=supervisor.monitor \(who) conversation=\(conversation) session=\(actor.connectionId)"
        case .unmonitor(let conversation):
            return "event=supervisor.unmonitor \(who) conversation=\(conversation) session=\(actor.connectionId)"
        case .join(let conversation):
            return "event=supervisor.join \(who) conversation=\(conversation)"
        case .leave(let conversation):
            return "event=supervisor.leave \(who) conversation=\(conversation)"
        case .assign(let conversation, let target, let override):
            let to = target.agentId.map { "agent:\($0)" } ?? target.queueId.map { "queue:\($0)" } ?? "-"
            return "event=supervisor.assign \(who) conversation=\(conversation) target=\(to) override=\(override)"
        case .transfer(let conversation, let target):
            let to = target.agentId.map { "agent:\($0)" } ?? target.queueId.map { "queue:\($0)" } ?? "-"
            return "event=supervisor.transfer \(who) conversation=\(conversation) target=\(to)"
        case .forceClose(let conversation, let reason):
            return "event=supervisor.force_close \(who) conversation=\(conversation) reason=\"\(quoted(reason))\""
        case .escalate(let conversation, let mode):
            return "event=supervisor.escalate \(who) conversation=\(conversation) mode=\(mode.wireName)"
        case .updateSettings:
            return "event=admin.settings \(who)"
        default:
            return nil
        }
    }

    /// A value safe inside a quoted log field: no quotes, backslashes or line breaks, at most 200 characters.
    static func quoted(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }.prefix(200))
    }
}

// Assign and transfer name their target the same way in the log.
extension AssignTarget {
    fileprivate var agentId: UserId? { if case .agent(let agent) = self { agent } else { nil } }
    fileprivate var queueId: QueueId? { if case .queue(let queue) = self { queue } else { nil } }
}

extension TransferTarget {
    fileprivate var agentId: UserId? { if case .agent(let agent) = self { agent } else { nil } }
    fileprivate var queueId: QueueId? { if case .queue(let queue) = self { queue } else { nil } }
}
