#!/usr/bin/env python3
"""`/metrics` parses as Prometheus text and counts what happened.

Starts `livehub serve` (loopback, port 0, throw-away data directory), opens a customer's hub session
that starts a conversation nobody is available for (so it waits in its queue) and then sends one
malformed request, scrapes `/metrics`, parses it with prometheus_client's own parser, and checks the
figures. Prints `N passed, N failed`. Bounded: timeouts, the server stopped by PID.

    .ci/metrics-check.py BINARY   (needs: pip install prometheus_client)
"""
import json
import sys
import urllib.request

from livehub_ci import Server, masked_frame, open_websocket, report
from prometheus_client.parser import text_string_to_metric_families


def read_until(sock, buffer, marker):
    while marker not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise RuntimeError("the hub closed the session")
        buffer += chunk
    return buffer


def main():
    with Server(sys.argv[1], "--threads", "2", "--log-level", "warning") as server:
        token = server.token("customer", "cust-m")
        customer, buffer = open_websocket(server.port, f"/v1/ws?token={token}")
        start = {"type": "conversation.start", "id": "s1", "subject": "Help", "channel": "livechat", "queueId": "general"}
        customer.sendall(masked_frame(0x1, json.dumps(start).encode()))
        buffer = read_until(customer, buffer, b'"id":"s1"')
        customer.sendall(masked_frame(0x1, json.dumps({"type": "message.send", "id": "bad"}).encode()))
        read_until(customer, buffer, b'"invalid_message"')
        text = urllib.request.urlopen(f"http://127.0.0.1:{server.port}/metrics", timeout=10).read().decode()
        customer.close()
    samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return report([
        ("one WebSocket is open", samples.get(("livehub_connections", (("kind", "websocket"),))) == 1),
        ("one conversation is open", samples.get(("livehub_conversations", (("status", "open"),))) == 1),
        ("it waits in the general queue", samples.get(("livehub_queue_waiting", (("queue", "general"),))) == 1),
        ("conversations started counts it", samples.get(("livehub_conversations_started_total", ())) == 1),
        ("the malformed request is an error by code",
         samples.get(("livehub_hub_errors_total", (("code", "invalid_message"),))) == 1),
        ("every configured agent is offline", samples.get(("livehub_agents", (("presence", "offline"),))) == 4),
        ("messages received are counted", (samples.get(("livehub_websocket_messages_received_total", ())) or 0) >= 2),
        ("the journal holds the start's records", (samples.get(("livehub_journal_records_total", ())) or 0) >= 1),
        ("every journal sync is in the latency histogram",
         (samples.get(("livehub_journal_sync_seconds_count", ())) or 0) >= 1
         and samples.get(("livehub_journal_sync_seconds_bucket", (("le", "+Inf"),)))
         == samples.get(("livehub_journal_sync_seconds_count", ()))),
        ("the journal is writable", samples.get(("livehub_journal_unavailable", ())) == 0),
    ])


if __name__ == "__main__":
    sys.exit(main())
