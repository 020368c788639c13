#!/usr/bin/env python3
"""Records Protocol/sessions/*.jsonl from a real hub: every frame each party sends and receives.

Starts `livehub serve` on a throw-away data directory (loopback, port 0), mints tokens with
`livehub token`, drives the scenarios the Protocol README describes over raw WebSockets, and writes
one {"party", "direction", "frame"} line per frame, in the order the recorder saw them. Re-run it
whenever a message changes:

    .ci/record-sessions.py .build/debug/livehub

Bounded: every read has a timeout, and the server is stopped by PID.
"""
import json
import pathlib
import sys

from livehub_ci import Server, masked_frame, open_websocket

ROOT = pathlib.Path(__file__).resolve().parent.parent
SESSIONS = ROOT / "Protocol" / "sessions"


class Party:
    """One user's /v1/ws connection; appends every frame it sends or receives to the recording."""

    def __init__(self, recording, port, token, party):
        self.recording, self.party = recording, party
        self.sock, self.buffer = open_websocket(
            port, "/v1/ws", ["Sec-WebSocket-Protocol: livehub.v1", f"Authorization: Bearer {token}"], timeout=5)
        self.expect("welcome")

    def send(self, frame):
        payload = json.dumps(frame, separators=(",", ":"), ensure_ascii=False).encode()
        self.sock.sendall(masked_frame(0x1, payload))
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


def accepted_chat(connect, recording, customer_id, subject):
    """alice goes available, the customer starts a conversation, alice accepts the offer."""
    alice = connect(recording, "alice")
    alice.send({"type": "presence.set", "id": "p1", "presence": "available"})
    alice.expect("ack", id="p1")
    customer = connect(recording, customer_id)
    customer.send({"type": "conversation.start", "id": "r1", "subject": subject, "channel": "livechat",
                   "queueId": "general"})
    conversation = customer.expect("ack", id="r1")["conversationId"]
    offer = alice.expect("offer")
    alice.send({"type": "offer.accept", "id": "a1", "offerId": offer["offerId"]})
    alice.expect("ack", id="a1")
    customer.expect("participant.joined")
    return alice, customer, conversation


def route_accept_chat(connect):
    recording = []
    alice, customer, conversation = accepted_chat(connect, recording, "customer-4f2a", "Refund for order 1042")
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
    alice, customer, conversation = accepted_chat(connect, recording, "customer-9c41", "Where is my parcel?")
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
    with Server(sys.argv[1], "--threads", "1", "--log-level", "warning") as server:

        def connect(recording, party):
            return Party(recording, server.port, server.token(ROLES.get(party, "customer"), party, NAMES[party]), party)

        SESSIONS.mkdir(parents=True, exist_ok=True)
        for name, scenario in SCENARIOS.items():
            steps = scenario(connect)
            path = SESSIONS / f"{name}.jsonl"
            path.write_text("".join(json.dumps(step, separators=(",", ":"), ensure_ascii=False) + "\n" for step in steps),
                            encoding="utf-8")
            print(f"{path.relative_to(ROOT)}: {len(steps)} frames")


if __name__ == "__main__":
    main()
