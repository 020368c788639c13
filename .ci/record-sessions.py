#!/usr/bin/env python3
"""Records Protocol/sessions/*.jsonl from a real hub: every frame each party sends and receives.

Starts `livehub serve` on a throw-away data directory (loopback, port 0), mints tokens with
`livehub token`, drives the scenarios the Protocol README describes over raw WebSockets, and writes
one {"party", "direction", "frame"} line per frame, in the order the recorder saw them. Re-run it
whenever a message changes:

    .ci/record-sessions.py .build/debug/livehub

Bounded: every read has a timeout, and the server is stopped by PID.
"""
import base64
import json
import os
import pathlib
import signal
import socket
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SESSIONS = ROOT / "Protocol" / "sessions"


class Party:
    """One user's /v1/ws connection; appends every frame it sends or receives to the recording."""

    def __init__(self, recording, port, token, party):
        self.recording, self.party = recording, party
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /v1/ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                           f"Sec-WebSocket-Protocol: livehub.v1\r\nAuthorization: Bearer {token}\r\n\r\n").encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError(f"{party}: connection closed during the handshake")
            self.buffer += chunk
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        if not head.startswith(b"HTTP/1.1 101"):
            raise RuntimeError(f"{party}: handshake answered {head[:60]!r}")
        self.expect("welcome")

    def send(self, frame):
        payload = json.dumps(frame, separators=(",", ":"), ensure_ascii=False).encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        header += bytes([0x80 | len(payload)]) if len(payload) < 126 else bytes([0x80 | 126]) + len(payload).to_bytes(2, "big")
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
        self.recording.append({"party": self.party, "direction": "send", "frame": frame})

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError(f"{self.party}: connection closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def receive(self):
        while True:
            first, second = self._read(2)
            length = second & 0x7F
            if length == 126:
                length = int.from_bytes(self._read(2), "big")
            elif length == 127:
                length = int.from_bytes(self._read(8), "big")
            payload = self._read(length)
            if first & 0x0F == 1:
                frame = json.loads(payload)
                self.recording.append({"party": self.party, "direction": "receive", "frame": frame})
                return frame

    def expect(self, message_type, **fields):
        """Reads frames (recording each) until one of `message_type` whose fields match; returns it."""
        for _ in range(30):
            frame = self.receive()
            if frame.get("type") == message_type and all(frame.get(key) == value for key, value in fields.items()):
                return frame
        raise RuntimeError(f"{self.party}: no {message_type} {fields}")


def route_accept_chat(connect):
    recording = []
    alice = connect(recording, "alice")
    alice.send({"type": "presence.set", "id": "p1", "presence": "available"})
    alice.expect("ack", id="p1")
    customer = connect(recording, "customer-4f2a")
    customer.send({"type": "conversation.start", "id": "r1", "subject": "Refund for order 1042",
                   "channel": "livechat", "queueId": "general"})
    conversation = customer.expect("ack", id="r1")["conversationId"]
    offer = alice.expect("offer")
    alice.send({"type": "offer.accept", "id": "a1", "offerId": offer["offerId"]})
    alice.expect("ack", id="a1")
    customer.expect("participant.joined")
    customer.send({"type": "message.send", "id": "m1", "conversationId": conversation,
                   "text": "Hello, my order arrived broken.", "visibility": "public", "clientMsgId": "m-7f3a"})
    customer.expect("ack", id="m1")
    alice.expect("message")
    alice.send({"type": "message.send", "id": "m2", "conversationId": conversation,
                "text": "Sorry to hear that! I will refund it right away.", "visibility": "public", "clientMsgId": "a-1"})
    alice.expect("ack", id="m2")
    customer.expect("message", senderId="alice")
    return recording


def monitor_join_force_close(connect):
    recording = []
    alice = connect(recording, "alice")
    alice.send({"type": "presence.set", "id": "p1", "presence": "available"})
    alice.expect("ack", id="p1")
    customer = connect(recording, "customer-9c41")
    customer.send({"type": "conversation.start", "id": "r1", "subject": "Where is my parcel?",
                   "channel": "livechat", "queueId": "general"})
    conversation = customer.expect("ack", id="r1")["conversationId"]
    offer = alice.expect("offer")
    alice.send({"type": "offer.accept", "id": "a1", "offerId": offer["offerId"]})
    alice.expect("ack", id="a1")
    customer.expect("participant.joined")
    sam = connect(recording, "sam")
    sam.send({"type": "conversation.monitor", "id": "s1", "conversationId": conversation})
    sam.expect("ack", id="s1")
    sam.send({"type": "message.send", "id": "s2", "conversationId": conversation,
              "text": "Monitors cannot write.", "visibility": "internal"})
    sam.expect("error", id="s2")
    sam.send({"type": "conversation.join", "id": "s3", "conversationId": conversation})
    sam.expect("ack", id="s3")
    customer.expect("notification", kind="supervisor-joined")
    alice.expect("notification", kind="supervisor-joined")
    sam.send({"type": "message.send", "id": "s4", "conversationId": conversation,
              "text": "Customer is a repeat buyer: offer a full refund.", "visibility": "internal"})
    sam.expect("ack", id="s4")
    alice.expect("message", visibility="internal")
    sam.send({"type": "conversation.forceClose", "id": "s5", "conversationId": conversation,
              "reason": "Abusive language"})
    sam.expect("ack", id="s5")
    customer.expect("conversation.closed")
    alice.expect("conversation.closed")
    customer.send({"type": "message.send", "id": "m9", "conversationId": conversation,
                   "text": "Hello?", "visibility": "public", "clientMsgId": "m-9"})
    customer.expect("error", id="m9")
    return recording


SCENARIOS = {"route-accept-chat": route_accept_chat, "monitor-join-force-close": monitor_join_force_close}
ROLES = {"alice": "agent", "sam": "supervisor"}
NAMES = {"alice": "Alice Archer", "sam": "Sam Singh", "customer-4f2a": "Jordan Lee", "customer-9c41": "Priya Nair"}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    data = tempfile.mkdtemp(prefix="livehub-sessions-")
    server = subprocess.Popen([binary, "serve", "--port", "0", "--threads", "1", "--data-dir", data,
                               "--log-level", "warning"], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        if not line.startswith("listening on"):
            raise RuntimeError(f"server printed {line!r}")
        port = int(line.rsplit(":", 1)[1])

        def connect(recording, party):
            role = ROLES.get(party, "customer")
            token = subprocess.run([binary, "token", "--role", role, "--sub", party, "--name", NAMES[party],
                                    "--data-dir", data],
                                   check=True, capture_output=True, text=True, timeout=30).stdout.strip()
            return Party(recording, port, token, party)

        SESSIONS.mkdir(parents=True, exist_ok=True)
        for name, scenario in SCENARIOS.items():
            steps = scenario(connect)
            path = SESSIONS / f"{name}.jsonl"
            path.write_text("".join(json.dumps(step, separators=(",", ":"), ensure_ascii=False) + "\n" for step in steps),
                            encoding="utf-8")
            print(f"{path.relative_to(ROOT)}: {len(steps)} frames")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
