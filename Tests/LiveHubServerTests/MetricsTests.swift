import LiveHubTestSupport
import Testing

/// `GET /metrics` over a real socket (the figures and the parser check run in `.ci/metrics-check.py`).
@Suite("metrics endpoint")
struct MetricsTests {
    @Test("/metrics answers Prometheus text gathered from every loop and the hub thread")
    func metricsAnswer() throws {
        let server = try TestServer { $0.threads = 2 }
        let echo = try server.webSocket()
        try echo.sendText("hello")
        _ = try echo.receiveMessageFrame()
        let response = try server.exchange("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(response.hasPrefix("HTTP/1.1 200 "))
        #expect(response.contains("Content-Type: text/plain; version=0.0.4"))
        #expect(response.contains("\nlivehub_connections{kind=\"websocket\"} 1\n"))
        #expect(response.contains("\nlivehub_websocket_messages_received_total 1\n"))
        #expect(response.contains("# TYPE livehub_queue_waiting gauge\n"))
    }
}
