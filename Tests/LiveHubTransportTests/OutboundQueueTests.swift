import LiveHubPosix
import LiveHubWebSocket
import Testing

@testable import LiveHubTransport

/// The output queue's rules, byte-exact, over a fake kernel: no sockets.
@Suite("OutboundQueue: writes, cork, limits and storage")
struct OutboundQueueTests {
    static let brokenPipe = SystemError(call: "send", code: 32)  // EPIPE

    // MARK: Flushing the backlog

    @Test("a backlog the kernel takes whole goes out in one write and leaves the queue drained")
    func flushWhole() {
        var queue = OutboundQueue()
        queue.append(pattern(40))
        var kernel = FakeKernel()
        #expect(queue.flush(to: &kernel) == .drained)
        #expect(kernel.calls == [.init(vectors: [pattern(40)], taken: 40)])
        #expect(kernel.delivered == pattern(40))
        #expect(!queue.hasBacklog && queue.backlogCount == 0 && queue.start == 0)
    }

    @Test("partial write at every split: the rest stays queued, is offered from the split, and arrives in order")
    func partialWriteAtEverySplit() {
        let message = pattern(37)
        for split in 0...message.count {
            var queue = OutboundQueue()
            queue.append(message)
            var kernel = FakeKernel(split == 0 ? [.wouldBlock] : [.take(split), .wouldBlock])
            let first = queue.flush(to: &kernel)
            if split == message.count {
                #expect(first == .drained)
                #expect(kernel.calls.count == 1)
                continue
            }
            #expect(first == .blocked, "split \(split)")
            #expect(queue.backlog == Array(message[split...]), "split \(split)")
            // The partial write, then one more try that hit EAGAIN (or EAGAIN at once).
            var expectedCalls = [FakeKernel.Call(vectors: [message], taken: split == 0 ? 0 : split)]
            if split > 0 { expectedCalls.append(.init(vectors: [Array(message[split...])], taken: 0)) }
            #expect(kernel.calls == expectedCalls, "split \(split)")
            // EPOLLOUT: the rest goes out, from exactly where the kernel stopped.
            #expect(queue.flush(to: &kernel) == .drained)
            #expect(kernel.calls.last == .init(vectors: [Array(message[split...])], taken: message.count - split))
            #expect(kernel.delivered == message, "split \(split)")
        }
    }

    @Test("partial writes at every pair of splits deliver every byte once, in order")
    func partialWritesAtEveryPairOfSplits() {
        let message = pattern(16, from: 100)
        for first in 1..<message.count {
            for second in 1...(message.count - first) {
                var queue = OutboundQueue()
                queue.append(message)
                var kernel = FakeKernel([.take(first), .wouldBlock, .take(second), .wouldBlock])
                var flushes = 0
                while queue.flush(to: &kernel) == .blocked { flushes += 1 }
                #expect(kernel.delivered == message, "splits \(first), \(second)")
                #expect(flushes <= 2)
                #expect(!queue.hasBacklog)
            }
        }
    }

    @Test("EAGAIN then EPOLLOUT: a blocked backlog is kept untouched and written when the socket is writable")
    func wouldBlockThenWritable() {
        var queue = OutboundQueue()
        queue.append(pattern(10))
        var kernel = FakeKernel([.wouldBlock])
        #expect(queue.flush(to: &kernel) == .blocked)
        #expect(queue.backlog == pattern(10))
        #expect(kernel.delivered.isEmpty)
        // More output arrives while blocked: it queues behind.
        queue.append(pattern(5, from: 200))
        #expect(queue.flush(to: &kernel) == .drained)
        #expect(kernel.calls.last == .init(vectors: [pattern(10) + pattern(5, from: 200)], taken: 15))
        #expect(kernel.delivered == pattern(10) + pattern(5, from: 200))
    }

    @Test("a write that takes 0 bytes counts as blocked, not as a loop")
    func zeroByteWriteIsBlocked() {
        var queue = OutboundQueue()
        queue.append(pattern(8))
        var kernel = FakeKernel([.take(0)])
        #expect(queue.flush(to: &kernel) == .blocked)
        #expect(kernel.calls.count == 1)
        #expect(queue.backlogCount == 8)
    }

    @Test("a failed write reports the error and tries nothing more")
    func failedWrite() {
        var queue = OutboundQueue()
        queue.append(pattern(8))
        var kernel = FakeKernel([.take(3), .fail(Self.brokenPipe)])
        #expect(queue.flush(to: &kernel) == .failed(Self.brokenPipe))
        #expect(kernel.calls.count == 2)
        #expect(kernel.delivered == pattern(3))
    }

    // MARK: Cork

    @Test("uncork without a backlog: one plain write of the batch; the cork is emptied and keeps its storage")
    func uncorkWithoutBacklog() {
        var cork: [UInt8] = []
        cork.reserveCapacity(4096)
        // A batch of three echoes, as the connection corks them while processing one read.
        for text in ["one", "two", "three"] {
            FrameEncoder.appendFrame(opcode: .text, payload: Array(text.utf8), to: &cork)
        }
        let batch = cork
        let corkStorage = cork.capacity
        var queue = OutboundQueue()
        var kernel = FakeKernel()
        #expect(queue.uncork(&cork, to: &kernel) == .drained)
        #expect(kernel.calls == [.init(vectors: [batch], taken: batch.count)])
        #expect(kernel.delivered == [0x81, 3] + Array("one".utf8) + [0x81, 3] + Array("two".utf8) + [0x81, 5] + Array("three".utf8))
        #expect(cork.isEmpty && cork.capacity == corkStorage)
        #expect(!queue.hasBacklog && queue.storageCapacity == 0)
    }

    @Test("uncork behind a backlog: one two-vector write, backlog first")
    func uncorkBehindBacklog() {
        var queue = OutboundQueue()
        queue.append(pattern(6, from: 10))
        var first = FakeKernel([.take(2), .wouldBlock])
        #expect(queue.flush(to: &first) == .blocked)
        #expect(queue.backlog == pattern(4, from: 12))

        var cork = pattern(5, from: 50)
        var kernel = FakeKernel()
        #expect(queue.uncork(&cork, to: &kernel) == .drained)
        #expect(kernel.calls == [.init(vectors: [pattern(4, from: 12), pattern(5, from: 50)], taken: 9)])
        #expect(first.delivered + kernel.delivered == pattern(6, from: 10) + pattern(5, from: 50))
        #expect(cork.isEmpty && !queue.hasBacklog)
    }

    @Test("order holds across backlog and cork at every split of the two-vector write", arguments: 0...12)
    func uncorkAtEverySplit(split: Int) {
        let backlog = pattern(7, from: 1)
        let batch = pattern(5, from: 101)
        var queue = OutboundQueue()
        queue.append(backlog)
        var cork = batch
        var kernel = FakeKernel([.take(split)])
        let progress = queue.uncork(&cork, to: &kernel)
        #expect(kernel.calls == [.init(vectors: [backlog, batch], taken: split)])
        #expect(progress == (split == 12 ? .drained : .blocked))
        #expect(queue.backlog == Array((backlog + batch)[split...]))
        #expect(cork.isEmpty)
        // A second corked batch before EPOLLOUT still goes behind everything.
        var second = pattern(3, from: 201)
        var next = FakeKernel([.take(1)])
        _ = queue.uncork(&second, to: &next)
        #expect(queue.flush(to: &next) == .drained)
        #expect(kernel.delivered + next.delivered == backlog + batch + pattern(3, from: 201))
    }

    @Test("a corked batch the kernel refuses (EAGAIN) becomes the backlog, whole")
    func uncorkWouldBlock() {
        var queue = OutboundQueue()
        var cork = pattern(9)
        var kernel = FakeKernel([.wouldBlock])
        #expect(queue.uncork(&cork, to: &kernel) == .blocked)
        #expect(queue.backlog == pattern(9))
        #expect(cork.isEmpty)
        #expect(queue.flush(to: &kernel) == .drained)
        #expect(kernel.delivered == pattern(9))
    }

    @Test("a failed corked write reports the error and still empties the loop's cork buffer")
    func uncorkFailure() {
        var queue = OutboundQueue()
        var cork = pattern(9)
        var kernel = FakeKernel([.fail(Self.brokenPipe)])
        #expect(queue.uncork(&cork, to: &kernel) == .failed(Self.brokenPipe))
        #expect(cork.isEmpty)
    }

    // MARK: Outbound limit

    @Test("slow consumer: new output is refused once the unsent bytes exceed the limit, not at the limit")
    func slowConsumerThreshold() {
        #expect(!OutboundQueue.isSlowConsumer(unsent: 0, limit: 1024))
        #expect(!OutboundQueue.isSlowConsumer(unsent: 1024, limit: 1024))
        #expect(OutboundQueue.isSlowConsumer(unsent: 1025, limit: 1024))
    }

    @Test("slow consumer: unsent counts the backlog, this connection's corked bytes and TLS plaintext")
    func unsentCountsEveryPlace() {
        var queue = OutboundQueue()
        queue.append(pattern(100))
        #expect(queue.unsentCount() == 100)
        #expect(queue.unsentCount(corked: 20, plaintext: 3) == 123)
        #expect(OutboundQueue.isSlowConsumer(unsent: queue.unsentCount(corked: 900, plaintext: 25), limit: 1024))
    }

    @Test("slow consumer: one large message on a reading consumer is accepted; the next one behind its unsent rest is not")
    func oneLargeMessageIsFine() {
        let limit = 1024
        var queue = OutboundQueue()
        var kernel = FakeKernel([.take(2000), .wouldBlock])
        // Nothing unsent: a 5,000-byte message is accepted although it is over the limit.
        #expect(!OutboundQueue.isSlowConsumer(unsent: queue.unsentCount(), limit: limit))
        queue.append(pattern(5000))
        #expect(queue.flush(to: &kernel) == .blocked)
        #expect(queue.backlogCount == 3000)
        // The consumer has not taken the rest when the next message arrives: slow.
        #expect(OutboundQueue.isSlowConsumer(unsent: queue.unsentCount(), limit: limit))
        // Had it read (the kernel takes the rest), the next message would be accepted.
        #expect(queue.flush(to: &kernel) == .drained)
        #expect(!OutboundQueue.isSlowConsumer(unsent: queue.unsentCount(), limit: limit))
    }

    // MARK: Retained storage

    @Test("retained storage: a drained queue keeps up to 512 B and the next message reuses it")
    func smallStorageIsKept() {
        var queue = OutboundQueue()
        var kernel = FakeKernel()
        queue.append(pattern(100))
        _ = queue.flush(to: &kernel)
        let kept = queue.storageCapacity
        #expect(kept >= 100 && kept <= OutboundQueue.retainedCapacity)
        let storage = queue.bytes.withUnsafeBytes { $0.baseAddress }
        queue.append(pattern(60))
        #expect(queue.bytes.withUnsafeBytes { $0.baseAddress } == storage, "the second message allocated")
        _ = queue.flush(to: &kernel)
        #expect(kernel.delivered == pattern(100) + pattern(60))
    }

    @Test("retained storage: storage over 512 B is dropped once drained, whichever way it drained")
    func largeStorageIsDropped() {
        var queue = OutboundQueue()
        var kernel = FakeKernel([.take(1000), .wouldBlock])
        queue.append(pattern(4096))
        #expect(queue.flush(to: &kernel) == .blocked)
        #expect(queue.storageCapacity >= 4096, "kept while unsent")
        #expect(queue.flush(to: &kernel) == .drained)
        #expect(queue.storageCapacity == 0)
        // Drained by a two-vector cork write.
        queue.append(pattern(2048))
        var partial = FakeKernel([.take(10)])
        _ = queue.flush(to: &partial)
        var cork = pattern(10)
        var all = FakeKernel()
        #expect(queue.uncork(&cork, to: &all) == .drained)
        #expect(queue.storageCapacity == 0)
    }

    @Test("retained storage: an idle connection gives back even small storage, but never a backlog")
    func releaseIfDrained() {
        var queue = OutboundQueue()
        var kernel = FakeKernel()
        queue.append(pattern(100))
        _ = queue.flush(to: &kernel)
        #expect(queue.storageCapacity > 0)
        queue.releaseStorageIfDrained()
        #expect(queue.storageCapacity == 0)
        queue.append(pattern(100))
        queue.releaseStorageIfDrained()
        #expect(queue.backlog == pattern(100))
    }

    // MARK: Close after flush

    @Test("close after flush: ready only once every queued byte is written")
    func closeAfterFlush() {
        var queue = OutboundQueue()
        queue.append(pattern(30))
        queue.closeWhenFlushed()
        #expect(!queue.isReadyToLinger())
        var kernel = FakeKernel([.take(29), .wouldBlock])
        _ = queue.flush(to: &kernel)
        #expect(!queue.isReadyToLinger(), "one byte is still unsent")
        _ = queue.flush(to: &kernel)
        #expect(queue.isReadyToLinger())
        #expect(kernel.delivered == pattern(30))
    }

    @Test("close after flush: not ready while TLS plaintext waits to be encrypted")
    func closeAfterFlushWaitsForPlaintext() {
        var queue = OutboundQueue()
        queue.closeWhenFlushed()
        #expect(!queue.isReadyToLinger(plaintext: 1))
        #expect(queue.isReadyToLinger(plaintext: 0))
    }

    @Test("close after flush: a corked batch counts; it is ready once uncork wrote it")
    func closeAfterFlushWithCork() {
        var queue = OutboundQueue()
        queue.closeWhenFlushed()
        var cork = pattern(12)
        var kernel = FakeKernel([.take(5)])
        #expect(queue.uncork(&cork, to: &kernel) == .blocked)
        #expect(!queue.isReadyToLinger())
        #expect(queue.flush(to: &kernel) == .drained)
        #expect(queue.isReadyToLinger())
    }

    @Test("close after flush: asked for only when requested, and cleared once the close started")
    func closeAfterFlushLifecycle() {
        var queue = OutboundQueue()
        #expect(!queue.isReadyToLinger(), "a drained queue alone does not close")
        queue.closeWhenFlushed()
        #expect(queue.isReadyToLinger())
        queue.closeStarted()
        #expect(!queue.isReadyToLinger() && !queue.closesAfterFlush)
        queue.closeWhenFlushed()
        queue.append(pattern(4))
        queue.discard()
        #expect(!queue.closesAfterFlush && !queue.hasBacklog && queue.storageCapacity == 0)
    }

    // MARK: HTTP backpressure

    @Test("HTTP backpressure thresholds: pause above the limit, resume only at zero unsent")
    func backpressureThresholds() {
        #expect(!OutboundQueue.shouldPauseInput(unsent: 1024, limit: 1024))
        #expect(OutboundQueue.shouldPauseInput(unsent: 1025, limit: 1024))
        #expect(!OutboundQueue.mayResumeInput(unsent: 1))
        #expect(OutboundQueue.mayResumeInput(unsent: 0))
    }

    @Test("HTTP backpressure: pipelined responses stop at the first one past the limit; input resumes once all are written")
    func backpressureScenario() {
        let limit = 1024
        let response = pattern(100, from: 7)
        var queue = OutboundQueue()
        var kernel = FakeKernel([.wouldBlock, .take(500), .wouldBlock])
        // The parse loop: before each request, pause if the unsent responses are over the limit.
        var answered = 0
        while !OutboundQueue.shouldPauseInput(unsent: queue.unsentCount(), limit: limit) {
            queue.append(response)
            answered += 1
        }
        #expect(answered == 11)  // 1,100 bytes unsent > 1,024.
        #expect(queue.flush(to: &kernel) == .blocked)  // The client does not read.
        #expect(!OutboundQueue.mayResumeInput(unsent: queue.unsentCount()))
        #expect(queue.flush(to: &kernel) == .blocked)  // EPOLLOUT: it read 500 bytes.
        #expect(queue.unsentCount() == 600)
        #expect(!OutboundQueue.mayResumeInput(unsent: queue.unsentCount()), "below the limit is not enough")
        #expect(queue.flush(to: &kernel) == .drained)
        #expect(OutboundQueue.mayResumeInput(unsent: queue.unsentCount()))
        #expect(kernel.delivered == Array([[UInt8]](repeating: response, count: 11).joined()))
    }
}
