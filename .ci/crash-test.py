#!/usr/bin/env python3
"""Crash test: nothing acknowledged is lost when the hub is killed with SIGKILL.

For each seed: start the real binary on a fresh data directory (`--fsync group`), run customers,
agents, a supervisor and an admin against it over real WebSockets (conversations started, offers
accepted, messages both ways, conversations ended, closed and force-closed, settings changed), each
client recording every frame it receives and every answer; SIGKILL the hub at a random moment;
restart it on the same data directory and check, through the protocol:

- every acknowledged message is in its conversation's transcript (`conversation.resume` afterSeq 0)
  with the seq its ack gave, and nothing is there twice;
- every event a client had received before the kill is in the transcript, unchanged: nothing left
  the hub before it was on disk;
- `conversation.resume` with the last seq a customer had seen returns exactly the events after it;
- seq continues: the next message gets the transcript's last seq + 1;
- status, primary agent and queue are what the acknowledged requests (and received events) say,
  or one step further where a request was still unanswered at the kill;
- settings are as the acknowledged updates left them (or as an unanswered one would);
- every agent is offline after the restart, and conversation ids continue.

The first seed also starts a second hub on the same data directory while one runs and expects it
refused, naming the pid. With `--snapshots` the hub writes snapshots as often as it can
(`--snapshot-mib 0`), so the kill lands while snapshots are written and old segments deleted, and the
restart reads the newest snapshot plus the journal after it. Prints one line per seed and
`N passed, N failed`; exits 1 on any failure.

    .ci/crash-test.py .build/release/livehub [--seeds 20] [--first-seed 1] [--snapshots]
"""
import base64
import hashlib
import hmac
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

RANK = {"open": 0, "active": 1, "waiting": 1, "wrap-up": 2, "closed": 3}
AGENTS = ["alice", "bob", "carol", "dave"]
QUEUES = {"alice": {"general", "billing"}, "bob": {"general"}, "carol": {"billing"}, "dave": {"general", "billing"}}
SETTINGS = ["supervisorMonitor", "supervisorAssign", "supervisorTransfer", "supervisorForceClose"]
# The hub allows 20 requests per second per connection (burst 40): every client stays below it.
PACE = 0.06


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(secret, subject, role):
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = b64(json.dumps({"sub": subject, "role": role, "name": subject, "exp": int(time.time()) + 3600}).encode())
    signature = hmac.new(secret, f"{header}.{claims}".encode(), hashlib.sha256).digest()
    return f"{header}.{claims}.{b64(signature)}"


class Closed(Exception):
    pass


class Client:
    """One /v1/ws connection. Records every frame received; one request in flight at a time."""

    def __init__(self, port, secret, subject, role):
        self.subject, self.role = subject, role
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /v1/ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                           f"Sec-WebSocket-Protocol: livehub.v1\r\n"
                           f"Authorization: Bearer {token(secret, subject, role)}\r\n\r\n").encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        if not head.startswith(b"HTTP/1.1 101"):
            raise RuntimeError(f"{subject}: handshake answered {head[:60]!r}")
        self.received = []       # every frame, in order
        self.answers = {}        # id -> answer frame
        self.requests = {}       # id -> request frame (all sent)
        self.counter = 0
        welcome = self.next_frame(5)
        assert welcome and welcome["type"] == "welcome", welcome

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise Closed(self.subject)
        self.buffer += chunk

    def _frame_in_buffer(self):
        """A whole frame from the buffer (consumed), or None; answers pings."""
        while True:
            if len(self.buffer) < 2:
                return None
            first, second = self.buffer[0], self.buffer[1]
            length, offset = second & 0x7F, 2
            if length == 126:
                if len(self.buffer) < 4:
                    return None
                length, offset = int.from_bytes(self.buffer[2:4], "big"), 4
            elif length == 127:
                if len(self.buffer) < 10:
                    return None
                length, offset = int.from_bytes(self.buffer[2:10], "big"), 10
            if len(self.buffer) < offset + length:
                return None
            payload = self.buffer[offset:offset + length]
            self.buffer = self.buffer[offset + length:]
            opcode = first & 0x0F
            if opcode == 1:
                return json.loads(payload)
            if opcode == 8:
                raise Closed(self.subject)
            if opcode == 9:
                self._send_frame(0x8A, payload)

    def next_frame(self, timeout):
        """The next frame within `timeout` seconds, or None."""
        deadline = time.monotonic() + timeout
        while True:
            frame = self._frame_in_buffer()
            if frame is not None:
                self.received.append(frame)
                if frame.get("type") in ("ack", "error") and "id" in frame:
                    self.answers[frame["id"]] = frame
                return frame
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            self.sock.settimeout(remaining)
            try:
                self._fill()
            except socket.timeout:
                return None
            except OSError as error:
                raise Closed(f"{self.subject}: {error}")

    def _send_frame(self, opcode_byte, payload):
        mask = os.urandom(4)
        length = len(payload)
        header = bytes([opcode_byte])
        if length < 126:
            header += bytes([0x80 | length])
        elif length < 65536:
            header += bytes([0x80 | 126]) + length.to_bytes(2, "big")
        else:
            header += bytes([0x80 | 127]) + length.to_bytes(8, "big")
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        try:
            self.sock.sendall(header + mask + masked)
        except OSError as error:
            raise Closed(f"{self.subject}: {error}")

    def send(self, frame_type, **fields):
        self.counter += 1
        request_id = f"{self.subject}-{self.counter}"
        frame = {"type": frame_type, "id": request_id, **fields}
        self.requests[request_id] = frame
        self._send_frame(0x81, json.dumps(frame, separators=(",", ":")).encode())
        return request_id

    def call(self, frame_type, timeout=5, **fields):
        """Sends a request and reads until its answer; returns the answer (None on timeout)."""
        request_id = self.send(frame_type, **fields)
        deadline = time.monotonic() + timeout
        while request_id not in self.answers:
            if self.next_frame(max(0.0, deadline - time.monotonic())) is None and time.monotonic() >= deadline:
                return None
        return self.answers[request_id]

    def unanswered(self):
        return [frame for request_id, frame in self.requests.items() if request_id not in self.answers]

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


# `--snapshots`: the hub writes a snapshot whenever the journal grew by the state's size, so kills land
# while snapshots are written and pruned, and restarts read a snapshot plus the journal after it.
EXTRA_SERVE_ARGUMENTS = []
# Restarts that read a snapshot (with `--snapshots`).
SNAPSHOT_RESTARTS = []


class Hub:
    def __init__(self, binary, data, log):
        self.process = subprocess.Popen(
            [binary, "serve", "--port", "0", "--threads", "2", "--data-dir", data, "--log-level", "warning",
             "--fsync", "group", *EXTRA_SERVE_ARGUMENTS], stdout=subprocess.PIPE, stderr=log, text=True)
        self.lines = []
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError(f"the hub exited with {self.process.wait()} before listening")
            self.lines.append(line.rstrip("\n"))
            if line.startswith("listening on"):
                self.port = int(line.rsplit(":", 1)[1])
                break
        # The rest of the startup summary (the journal line among it) follows at once.
        for _ in range(3):
            self.lines.append(self.process.stdout.readline().rstrip("\n"))
        threading.Thread(target=self._drain_stdout, daemon=True).start()

    def _drain_stdout(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class World:
    """Everything the clients saw before the kill."""

    def __init__(self):
        self.lock = threading.Lock()
        self.clients = []
        self.stop = threading.Event()
        self.killing = threading.Event()  # set just before the SIGKILL
        self.errors = []


def customer_loop(world, port, secret, name, rng):
    number = 0
    visit = 0
    while not world.stop.is_set():
        # A customer has one conversation that is not closed at a time, and the customer only ends
        # (wrap-up): each conversation is a new visitor, name-1, name-2, ...
        visit += 1
        client = Client(port, secret, f"{name}-{visit}", "customer")
        with world.lock:
            world.clients.append(client)
        # A conversation: started, a few messages, ended by the customer (or closed by staff first).
        queue = rng.choice(["general", "general", "billing"])
        answer = client.call("conversation.start", subject=f"{name} order", channel="livechat", queueId=queue)
        if not answer or answer["type"] != "ack":
            raise RuntimeError(f"{name}: start answered {answer}")
        conversation = answer["conversationId"]
        for _ in range(rng.randint(5, 40)):
            if world.stop.is_set():
                return
            number += 1
            time.sleep(PACE)
            answer = client.call("message.send", conversationId=conversation, text=f"{name} says {number}",
                                 clientMsgId=f"{name}-{number}")
            if answer and answer["type"] == "error":
                break
        time.sleep(PACE)
        client.call("conversation.end", conversationId=conversation)
        time.sleep(PACE)


def agent_loop(world, port, secret, name, rng):
    client = Client(port, secret, name, "agent")
    with world.lock:
        world.clients.append(client)
    client.call("presence.set", presence="available")
    mine, number, seen = [], 0, 0
    while not world.stop.is_set():
        # Offers that came in, and conversations the customer ended, from every frame so far.
        offers = [f for f in client.received[seen:] if f.get("type") == "offer" and f.get("agentId") == name]
        ended = {f["conversationId"] for f in client.received[seen:]
                 if f.get("type") == "conversation.updated" and f.get("status") == "wrap-up"}
        seen = len(client.received)
        for offer in offers:
            time.sleep(PACE)
            answer = client.call("offer.accept", offerId=offer["offerId"])
            if answer and answer["type"] == "ack":
                mine.append(offer["conversationId"])
        for conversation in ended & set(mine):
            time.sleep(PACE)
            client.call("conversation.close", conversationId=conversation)
            mine.remove(conversation)
        if mine and rng.random() < 0.7:
            time.sleep(PACE)
            number += 1
            conversation = rng.choice(mine)
            answer = client.call("message.send", conversationId=conversation, text=f"{name} answers {number}")
            if answer and answer["type"] == "error" and answer["code"] == "invalid_state":
                mine.remove(conversation)
        else:
            client.next_frame(0.02)


def supervisor_loop(world, port, secret, rng):
    client = Client(port, secret, "sam", "supervisor")
    with world.lock:
        world.clients.append(client)
    client.call("report.subscribe")
    while not world.stop.is_set():
        rows = {}
        for frame in client.received:
            if frame.get("type") == "report.snapshot":
                rows.update({row["conversationId"]: row for row in frame["rows"]})
            elif frame.get("type") == "report.update":
                rows[frame["row"]["conversationId"]] = frame["row"]
        active = sorted(c for c, row in rows.items() if row["status"] == "active")
        if active and rng.random() < 0.03:
            client.call("conversation.forceClose", conversationId=rng.choice(active), reason="crash test")
        client.next_frame(PACE)


def admin_loop(world, port, secret, rng):
    client = Client(port, secret, "root", "admin")
    with world.lock:
        world.clients.append(client)
    while not world.stop.is_set():
        name = rng.choice(["supervisorAssign", "supervisorTransfer"])
        client.call("settings.update", **{name: rng.random() < 0.5})
        client.next_frame(PACE + rng.random() * 0.2)


def run_thread(world, target, *args):
    def body():
        try:
            target(world, *args)
        except Closed:
            pass
        except Exception as error:  # noqa: BLE001 (any failure before the kill is a test failure)
            # A reset or a closed socket is what the kill does: only a failure before it counts.
            if not world.stop.is_set() and not world.killing.is_set():
                world.errors.append(f"{target.__name__}{args[2:3]}: {error!r}")
    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    return thread


def check_lock(binary, data, pid):
    second = subprocess.run([binary, "serve", "--port", "0", "--data-dir", data], capture_output=True, text=True,
                            timeout=30)
    expected = f"data directory {data} is in use by pid {pid}"
    if second.returncode == 0 or expected not in second.stderr:
        return [f"a second hub on the same data directory was not refused: {second.returncode} {second.stderr!r}"]
    return []


def run_seed(binary, seed):
    rng = random.Random(seed)
    data = tempfile.mkdtemp(prefix=f"livehub-crash-{seed}-")
    log = open(os.path.join(data, "..", os.path.basename(data) + ".log"), "w")
    problems = []
    try:
        hub = Hub(binary, data, log)
        secret = open(os.path.join(data, "hub-secret"), "rb").read()
        if seed == 1:
            problems += check_lock(binary, data, hub.process.pid)
        world = World()
        threads = [run_thread(world, agent_loop, hub.port, secret, name, random.Random(rng.random())) for name in AGENTS]
        time.sleep(0.1)
        threads += [run_thread(world, supervisor_loop, hub.port, secret, random.Random(rng.random()))]
        threads += [run_thread(world, admin_loop, hub.port, secret, random.Random(rng.random()))]
        customers = [f"cust-{seed}-{index}" for index in range(12)]
        for name in customers:
            threads.append(run_thread(world, customer_loop, hub.port, secret, name, random.Random(rng.random())))
        time.sleep(0.3 + rng.random() * 2.2)
        world.killing.set()
        hub.kill()
        world.stop.set()
        for thread in threads:
            thread.join(timeout=10)
        problems += world.errors
        with world.lock:
            clients = list(world.clients)
        for client in clients:
            client.close()

        restarted = Hub(binary, data, log)
        try:
            problems += check_after_restart(restarted, secret, clients)
        finally:
            restarted.stop()
        acked = sum(1 for c in clients for r, a in c.answers.items() if a["type"] == "ack"
                    and c.requests.get(r, {}).get("type") == "message.send")
        return problems, acked
    finally:
        log.close()
        shutil.rmtree(data, ignore_errors=True)
        try:
            os.remove(log.name)
        except OSError:
            pass


def check_after_restart(hub, secret, clients):
    problems = []
    journal_lines = [line for line in hub.lines if line.startswith("journal: ")]
    if any("snapshot at LSN" in line for line in journal_lines):
        SNAPSHOT_RESTARTS.append(journal_lines[0])
    if not journal_lines:
        problems.append(f"no recovery summary in the startup output: {hub.lines}")
    by_subject = {client.subject: client for client in clients}
    customers = [c for c in clients if c.role == "customer"]

    # What every client was told, by conversation: acked messages, received events.
    acked_messages = {}   # conversation -> {seq: text}
    for client in clients:
        for request_id, answer in client.answers.items():
            request = client.requests.get(request_id)
            if request and request["type"] == "message.send" and answer["type"] == "ack":
                acked_messages.setdefault(request["conversationId"], {})[answer["seq"]] = request["text"]

    # offer.accept names the offer, not the conversation.
    offered = {f["offerId"]: f["conversationId"] for client in clients for f in client.received
               if f.get("type") == "offer" and "offerId" in f}

    highest_conversation = 0
    started = [(customer, answer["conversationId"]) for customer in customers
               for request_id, answer in customer.answers.items()
               if customer.requests[request_id]["type"] == "conversation.start" and answer["type"] == "ack"]
    for customer, conversation in started:
        highest_conversation = max(highest_conversation, int(conversation[1:]))
        reader = Client(hub.port, secret, customer.subject, "customer")
        answer = reader.call("conversation.resume", conversationId=conversation, afterSeq=0)
        if not answer or answer["type"] != "ack":
            problems.append(f"{conversation}: resume answered {answer}")
            continue
        transcript = [f for f in reader.received if f.get("conversationId") == conversation and "seq" in f]
        # Coming back within the reconnection window is itself an event: participant.back is sent live
        # when the reader connects, before the resume's history (which holds it too, in its place).
        if transcript and transcript[0]["type"] == "participant.back" and transcript.count(transcript[0]) > 1:
            transcript = transcript[1:]
        seqs = [f["seq"] for f in transcript]
        if seqs != sorted(set(seqs)):
            problems.append(f"{conversation}: transcript seqs not increasing and unique: {seqs}")
        by_seq = {f["seq"]: f for f in transcript}
        texts = [f["text"] for f in transcript if f["type"] == "message"]
        if len(texts) != len(set(texts)):
            problems.append(f"{conversation}: a message is in the transcript twice")
        # Every acknowledged message, with its seq.
        for seq, text in sorted(acked_messages.get(conversation, {}).items()):
            frame = by_seq.get(seq)
            if not frame or frame.get("text") != text:
                problems.append(f"{conversation}: acknowledged message seq {seq} {text!r} is missing (found {frame})")
        # Every event the customer had received: nothing left the hub before it was on disk.
        seen = [f for f in customer.received if f.get("conversationId") == conversation and "seq" in f
                and f["type"] != "typing"]
        for frame in seen:
            if by_seq.get(frame["seq"]) != frame:
                problems.append(f"{conversation}: received before the kill but not in the journal: {frame}")
        # Resuming from the last seq seen returns exactly what was missed.
        last_seen = max([f["seq"] for f in seen], default=0)
        missed_id = reader.send("conversation.resume", conversationId=conversation, afterSeq=last_seen)
        before = len(reader.received)
        while missed_id not in reader.answers:
            if reader.next_frame(5) is None:
                break
        missed = [f for f in reader.received[before:] if f.get("conversationId") == conversation and "seq" in f]
        if missed != [f for f in transcript if f["seq"] > last_seen]:
            problems.append(f"{conversation}: resume afterSeq {last_seen} returned {len(missed)} events, expected "
                            f"{len([f for f in transcript if f['seq'] > last_seen])}")
        # Status: at least what the customer knew, at most one unanswered request further.
        status = "open"
        for frame in transcript:
            if frame["type"] == "conversation.updated":
                status = frame["status"]
            elif frame["type"] == "conversation.closed":
                status = "closed"
        known = "open"
        for frame in seen:
            if frame["type"] == "conversation.updated":
                known = frame["status"]
            elif frame["type"] == "conversation.closed":
                known = "closed"
        for client in clients:
            for request_id, answer in client.answers.items():
                request = client.requests[request_id]
                about = request.get("conversationId") or offered.get(request.get("offerId"))
                if about != conversation or answer["type"] != "ack":
                    continue
                target = {"conversation.end": "wrap-up", "conversation.close": "closed",
                          "conversation.forceClose": "closed", "offer.accept": "active"}.get(request["type"])
                if target and RANK[target] > RANK[known]:
                    known = target
        pending = [RANK[t] for c in clients for r in c.unanswered()
                   if (t := {"conversation.end": "wrap-up", "conversation.close": "closed",
                             "conversation.forceClose": "closed", "offer.accept": "active"}.get(r["type"]))]
        if RANK[status] < RANK[known] or RANK[status] > max([RANK[known]] + pending):
            problems.append(f"{conversation}: status {status} after the restart, {known} acknowledged before")
        # Seq continues where the transcript ends.
        if status in ("open", "active", "waiting"):
            next_answer = reader.call("message.send", conversationId=conversation, text="after the restart")
            # (Events the customer may not see, such as offers, take seqs too: the next one is later.)
            if not next_answer or next_answer.get("type") != "ack" or next_answer["seq"] <= (seqs[-1] if seqs else 0):
                problems.append(f"{conversation}: the next message got {next_answer}, after seq {seqs[-1:]}")
        reader.close()

    # Status, agent and queue of every conversation not closed, from the report.
    sam = Client(hub.port, secret, "sam", "supervisor")
    snapshot = None
    answer_id = sam.send("report.subscribe")
    while answer_id not in sam.answers:
        frame = sam.next_frame(5)
        if frame is None:
            break
        if frame.get("type") == "report.snapshot":
            snapshot = frame
    if snapshot is None:
        problems.append("no report snapshot after the restart")
    else:
        for row in snapshot["rows"]:
            queues = [c.requests[r]["queueId"] for c in customers for r, a in c.answers.items()
                      if a.get("conversationId") == row["conversationId"] and c.requests[r]["type"] == "conversation.start"]
            if queues and row["queueId"] != queues[0]:
                problems.append(f"{row['conversationId']}: queue {row['queueId']}, started in {queues[0]}")
            accepted = [c.subject for c in clients if c.role == "agent" for r, a in c.answers.items()
                        if a["type"] == "ack" and c.requests[r]["type"] == "offer.accept"
                        and any(f.get("offerId") == c.requests[r]["offerId"] and f.get("conversationId") ==
                                row["conversationId"] for f in c.received)]
            if row["status"] == "active" and accepted and row.get("agentId") != accepted[-1]:
                problems.append(f"{row['conversationId']}: agent {row.get('agentId')}, accepted by {accepted[-1]}")
            if accepted and row["status"] == "open":
                problems.append(f"{row['conversationId']}: open again after {accepted[-1]}'s accept was acknowledged")
    sam.close()

    # Settings: the last acknowledged update of each, unless a later one was unanswered.
    admin = by_subject.get("root")
    if admin:
        expected, uncertain = {}, set()
        for request_id, request in admin.requests.items():
            answer = admin.answers.get(request_id)
            for name in SETTINGS:
                if name in request:
                    if answer and answer["type"] == "ack":
                        expected[name] = request[name]
                    elif not answer:
                        uncertain.add(name)
        reader = Client(hub.port, secret, "root", "admin")
        reader.call("settings.update")
        shown = [f for f in reader.received if f.get("kind") == "settings-updated"]
        if not shown:
            problems.append("no settings-updated notification after the restart")
        else:
            settings = shown[-1]["settings"]
            for name, value in expected.items():
                if name not in uncertain and settings[name] != value:
                    problems.append(f"setting {name} is {settings[name]} after the restart, {value} was acknowledged")
        reader.close()

    # Every agent is offline; conversation ids continue.
    metrics = urllib.request.urlopen(f"http://127.0.0.1:{hub.port}/metrics", timeout=5).read().decode()
    if f'livehub_agents{{presence="offline"}} {len(AGENTS)}' not in metrics:
        problems.append("not every agent is offline after the restart")
    newcomer = Client(hub.port, secret, "newcomer", "customer")
    answer = newcomer.call("conversation.start", subject="after", channel="livechat", queueId="general")
    if not answer or answer.get("type") != "ack" or int(answer["conversationId"][1:]) <= highest_conversation:
        problems.append(f"a new conversation after the restart got {answer}, after c{highest_conversation}")
    newcomer.close()
    return problems


def main():
    arguments = sys.argv[1:]
    if not arguments or arguments[0].startswith("-"):
        sys.exit(__doc__)
    binary = os.path.abspath(arguments[0])
    seeds, first = 20, 1
    if "--seeds" in arguments:
        seeds = int(arguments[arguments.index("--seeds") + 1])
    if "--first-seed" in arguments:
        first = int(arguments[arguments.index("--first-seed") + 1])
    if "--snapshots" in arguments:
        EXTRA_SERVE_ARGUMENTS.extend(["--snapshot-mib", "0"])
    started = time.monotonic()
    passed = failed = 0
    for seed in range(first, first + seeds):
        seed_start = time.monotonic()
        try:
            problems, acked = run_seed(binary, seed)
        except Exception as error:  # noqa: BLE001
            problems, acked = [f"the run failed: {error!r}"], 0
        took = time.monotonic() - seed_start
        if problems:
            failed += 1
            print(f"seed {seed}: FAILED after {took:.1f} s ({acked} acknowledged messages)")
            for problem in problems[:20]:
                print(f"  {problem}")
        else:
            passed += 1
            print(f"seed {seed}: ok, {acked} acknowledged messages, all there after SIGKILL and restart ({took:.1f} s)")
        sys.stdout.flush()
    if EXTRA_SERVE_ARGUMENTS:
        print(f"{len(SNAPSHOT_RESTARTS)} of {seeds} restarts read a snapshot and the journal after it")
    print(f"{passed} passed, {failed} failed ({time.monotonic() - started:.0f} s)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
