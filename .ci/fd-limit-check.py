#!/usr/bin/env python3
"""Descriptor-limit check: the server keeps working at its open-files limit, refuses new
connections cleanly (HTTP 503 + one log line, no crash) and recovers when sockets close.

Runs the given livehub binary under `prlimit --nofile=LIMIT`, so the limit is reached with a few
hundred loopback connections instead of 20,000. Bounded: every socket has a timeout and the whole
run stops by itself. Last line: `N passed, N failed`.
"""
import base64, os, re, socket, subprocess, sys, time

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/release/livehub"
LIMIT = 256
KEY = base64.b64encode(os.urandom(16)).decode()
results = []

def check(name, ok, detail=""):
    results.append(ok)
    print(("PASS " if ok else "FAIL ") + name + (": " + detail if detail else ""))

def handshake(port):
    """Returns (socket, status) after an upgrade request to /echo."""
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(("GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % KEY).encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = s.recv(4096)
        if not chunk:
            break
        head += chunk
    match = re.match(rb"HTTP/1.1 (\d{3})", head)
    return s, int(match.group(1)) if match else 0

def echo(s, text):
    payload = text.encode()
    mask = os.urandom(4)
    s.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
    header = s.recv(2)
    return s.recv(header[1] & 0x7F).decode() if len(header) == 2 else None

server = subprocess.Popen(["prlimit", "--nofile=%d" % LIMIT, BINARY, "serve", "--port", "0", "--echo",
                           "--threads", "1", "--max-connections", "100000"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    line = server.stdout.readline()
    port = int(line.strip().rsplit(":", 1)[1])
    opened, statuses = [], {}
    for _ in range(LIMIT + 100):
        try:
            s, status = handshake(port)
        except OSError:
            status = -1
            s = None
        statuses[status] = statuses.get(status, 0) + 1
        if status == 101:
            opened.append(s)
        elif s:
            s.close()
    check("connections up to the limit are accepted", statuses.get(101, 0) >= LIMIT - 20, str(statuses))
    check("connections past the limit get 503", statuses.get(503, 0) >= 50, str(statuses))
    check("no connection failed without an answer", statuses.get(-1, 0) == 0 and statuses.get(0, 0) == 0, str(statuses))
    check("open connections still work at the limit", echo(opened[0], "still here") == "still here")
    for s in opened[:100]:
        s.close()
    recovered = 0
    deadline = time.time() + 5
    while time.time() < deadline and recovered == 0:
        s, status = handshake(port)
        if status == 101 and echo(s, "recovered") == "recovered":
            recovered = 1
        s.close()
    check("new connections are accepted again after sockets close", recovered == 1)
    check("the server is still running", server.poll() is None)
    for s in opened[100:]:
        s.close()
finally:
    server.terminate()
    try:
        _, err = server.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        _, err = server.communicate()
check("the refusal is logged", "event=connection.refused reason=descriptor_limit" in err,
      next((l for l in err.splitlines() if "refused" in l), "no log line"))
check("SIGTERM exits 0", server.returncode == 0, "exit %s" % server.returncode)
print("%d passed, %d failed" % (results.count(True), results.count(False)))
sys.exit(0 if all(results) else 1)
