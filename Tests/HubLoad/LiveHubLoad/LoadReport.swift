/// What a load run measured. Only messages sent inside the measured window count.
public struct LoadReport: Sendable {
    public var conversations = 0
    public var connections = 0
    public var setupSeconds = 0.0
    public var targetMessagesPerSecond = 0.0
    public var measureSeconds = 0.0
    /// `message.send` requests sent inside the window.
    public var sentInWindow = 0
    /// `message` events received (by customer, agent and monitor) for those requests.
    public var deliveredInWindow = 0
    /// Deliveries that arrived before an earlier message of the same sender (must be 0: each sender's
    /// messages reach every member in the order they were sent).
    public var outOfOrder = 0
    /// Answers and other frames over the whole run (warm-up and drain included).
    public var acks = 0
    public var errors = 0
    public var firstError: String?
    public var otherFrames = 0
    /// Send-to-delivery latency of every counted delivery, sorted, in nanoseconds.
    public var latencies: [UInt64] = []
    /// CPU the driver itself used during the window (near `measureSeconds` = the driver was the limit).
    public var driverCPUSeconds = 0.0
    /// CPU the server used during the window, when its PID was given.
    public var serverCPUSeconds: Double?

    /// Each message goes to the customer, the agent and the monitoring supervisor.
    public var expectedDeliveries: Int { sentInWindow * LoadRole.allCases.count }
    public var lost: Int { max(0, expectedDeliveries - deliveredInWindow) }
    public var messagesPerSecond: Double { Double(sentInWindow) / max(measureSeconds, 1e-9) }
    public var deliveriesPerSecond: Double { Double(deliveredInWindow) / max(measureSeconds, 1e-9) }

    /// The latency at `fraction` (0.5 = median) in microseconds; 0 without deliveries.
    public func latencyMicroseconds(_ fraction: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let position = min(latencies.count - 1, Int((Double(latencies.count) * fraction).rounded(.up)) - 1)
        return Double(latencies[max(0, position)]) / 1000
    }

    /// Human-readable lines.
    public var summary: String {
        """
        conversations \(conversations) (\(connections) connections), set up in \(format(setupSeconds)) s
        target \(format(targetMessagesPerSecond)) msgs/s; window \(format(measureSeconds)) s
        sent \(sentInWindow) msgs (\(format(messagesPerSecond))/s), delivered \(deliveredInWindow) \
        (\(format(deliveriesPerSecond))/s), lost \(lost), out of order \(outOfOrder)
        latency us p50 \(format(latencyMicroseconds(0.5))) p90 \(format(latencyMicroseconds(0.9))) \
        p99 \(format(latencyMicroseconds(0.99))) p99.9 \(format(latencyMicroseconds(0.999))) \
        max \(format(latencyMicroseconds(1.0)))
        acks \(acks), errors \(errors)\(firstError.map { " (first: \($0))" } ?? ""), other frames \(otherFrames)
        driver cpu \(format(driverCPUSeconds)) s\(serverCPUSeconds.map { ", server cpu \(format($0)) s" } ?? "")
        """
    }

    /// One JSON object, for scripts.
    public var json: String {
        let latency =
            #"{"p50":\#(format(latencyMicroseconds(0.5))),"p90":\#(format(latencyMicroseconds(0.9))),"#
            + #""p99":\#(format(latencyMicroseconds(0.99))),"p999":\#(format(latencyMicroseconds(0.999))),"#
            + #""max":\#(format(latencyMicroseconds(1.0)))}"#
        return #"{"mode":"hub","conversations":\#(conversations),"connections":\#(connections),"#
            + #""setup_s":\#(format(setupSeconds)),"target_msgs_per_s":\#(format(targetMessagesPerSecond)),"#
            + #""msgs_per_s":\#(format(messagesPerSecond)),"deliveries_per_s":\#(format(deliveriesPerSecond)),"#
            + #""sent":\#(sentInWindow),"delivered":\#(deliveredInWindow),"lost":\#(lost),"#
            + #""out_of_order":\#(outOfOrder),"errors":\#(errors),"lat_us":\#(latency),"#
            + #""loadgen_cpu_s":\#(format(driverCPUSeconds))"#
            + (serverCPUSeconds.map { #","window_server_cpu_s":\#(format($0))"# } ?? "") + "}"
    }

    private func format(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }
}
