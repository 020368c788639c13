#!/usr/bin/env python3
"""`/metrics` parses as Prometheus text and counts what happened.

Starts `livehub serve` (loopback, port 0, throw-away data directory), opens two hub sessions (a
customer who starts a conversation nobody is available for, so it waits in its queue, and who then
sends one malformed request), scrapes `/metrics`, parses it with prometheus_client's own parser, and
checks the figures. Prints `N passed, N failed`. Bounded: timeouts, the server stopped by PID.

    .ci/metrics-check.py BINARY   (needs: pip install prometheus_client)
"""
import base64
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import urllib.request

from prometheus_client.parser import text_string_to_metric_families


def hub_session(port, token):
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /v1/ws?token={token} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    buffer = b""
    while b"\r\n\r\n" not in buffer:
        buffer += sock.recv(4096)
    return sock, buffer.split(b"\r\n\r\n", 1)[1]


def send(sock, frame):
    payload = json.dumps(frame).encode()
    mask = os.urandom(4)
    sock.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))


def read_until(sock, buffer, marker):
    while marker not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise RuntimeError("closed")
        buffer += chunk
    return buffer


def main():
    binary = sys.argv[1]
    data = tempfile.mkdtemp(prefix="livehub-metrics-")
    server = subprocess.Popen([binary, "serve", "--port", "0", "--threads", "2", "--data-dir", data,
                               "--log-level", "warning"], stdout=subprocess.PIPE, text=True)
    passed = failed = 0
    try:
        port = int(server.stdout.readline().rsplit(":", 1)[1])
        token = subprocess.run([binary, "token", "--role", "customer", "--sub", "cust-m", "--data-dir", data],
                               check=True, capture_output=True, text=True, timeout=30).stdout.strip()
        customer, buffer = hub_session(port, token)
        send(customer, {"type": "conversation.start", "id": "s1", "subject": "Help", "channel": "livechat",
                        "queueId": "general"})
        buffer = read_until(customer, buffer, b'"id":"s1"')
        send(customer, {"type": "message.send", "id": "bad"})
        read_until(customer, buffer, b'"invalid_message"')
        text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode()
        samples = {}
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
        checks = [
            ("one WebSocket is open", samples.get(("livehub_connections", (("kind", "websocket"),))) == 1),
            ("one conversation is open", samples.get(("livehub_conversations", (("status", "open"),))) == 1),
            ("it waits in the general queue", samples.get(("livehub_queue_waiting", (("queue", "general"),))) == 1),
            ("conversations started counts it", samples.get(("livehub_conversations_started_total", ())) == 1),
            ("the malformed request is an error by code",
             samples.get(("livehub_hub_errors_total", (("code", "invalid_message"),))) == 1),
            ("every configured agent is offline", samples.get(("livehub_agents", (("presence", "offline"),))) == 4),
            ("messages received are counted", (samples.get(("livehub_websocket_messages_received_total", ())) or 0) >= 2),
        ]
        for name, ok in checks:
            print(("PASS " if ok else "FAIL ") + name)
            passed, failed = passed + ok, failed + (not ok)
        customer.close()
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
