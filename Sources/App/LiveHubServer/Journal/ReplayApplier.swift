import LiveHubDomain
import LiveHubPosix
import LiveHubProtocol

/// Applies replayed journal records (events, archived notes) to a hub on a thread of its own, so that
/// at start reading and decoding the next records (on the thread that scans the journal) overlaps with
/// applying the previous ones: a million records replay in about half the time. Records arrive in
/// batches, in LSN order, and are applied in that order; at most four batches wait, so memory stays
/// bounded whatever the journal.
final class ReplayApplier: Sendable {
    private struct Queue: Sendable {
        var batches: [[JournalRecord]] = []
        var finished = false
        var hub: Hub?
    }

    static let batchSize = 4096
    private static let queuedBatches = 4
    private let queue: ConditionLock<Queue>
    private let thread: LoopThread

    private init(queue: ConditionLock<Queue>, thread: LoopThread) {
        self.queue = queue
        self.thread = thread
    }

    /// Starts the applying thread on `hub`.
    static func start(_ hub: Hub) throws(SystemError) -> ReplayApplier {
        let queue = ConditionLock(Queue())
        let thread = try LoopThread.start(name: "replay") {
            var hub = hub
            while true {
                let (taken, finished) = queue.withLock(
                    waitingUntil: { !$0.batches.isEmpty || $0.finished }, deadline: nil
                ) { queue -> ([[JournalRecord]], Bool) in
                    var taken: [[JournalRecord]] = []
                    swap(&taken, &queue.batches)
                    return (taken, queue.finished)
                }
                queue.broadcast()
                for batch in taken {
                    for record in batch { hub.replay(record) }
                }
                if finished && taken.isEmpty {
                    queue.withLock { $0.hub = hub }
                    return
                }
            }
        }
        return ReplayApplier(queue: queue, thread: thread)
    }

    /// Queues a batch, waiting while the applying thread is `queuedBatches` behind.
    func submit(_ batch: [JournalRecord]) {
        queue.withLock(waitingUntil: { $0.batches.count < Self.queuedBatches }, deadline: nil) {
            $0.batches.append(batch)
        }
        queue.broadcast()
    }

    /// Applies what is queued, stops the thread and returns the hub.
    func finish() -> Hub {
        queue.withLock { $0.finished = true }
        queue.broadcast()
        thread.join()
        return queue.withLock { $0.hub! }
    }
}
