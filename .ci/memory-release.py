#!/usr/bin/env python3
"""Memory held for messages in progress goes back to the system when their connections close.

Starts `livehub serve --echo` (loopback, port 0), opens N WebSockets that each send the first
fragment of a message (a non-final 4 MiB text frame, so the server holds it while waiting for the
rest), reads the server's VmRSS, closes them all, and reads it again. Passes when the RSS after the
close is back within a small margin of the RSS before the attack. Bounded: timeouts everywhere, the
server is stopped by PID.

    .ci/memory-release.py BINARY [--connections N]
"""
import argparse
import base64
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time


def vm_rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def open_websocket(port):
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /echo HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(4096)
        if not chunk:
            raise RuntimeError("closed during the handshake")
        head += chunk
    if not head.startswith(b"HTTP/1.1 101"):
        raise RuntimeError(f"handshake answered {head[:40]!r}")
    return sock


def first_fragment(size):
    """A masked, non-final text frame of `size` bytes (FIN clear): the start of a message."""
    mask = b"\x00\x00\x00\x00"  # A zero mask keeps the payload as is; masking is still on.
    return bytes([0x01, 0x80 | 127]) + size.to_bytes(8, "big") + mask + b"x" * size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--connections", type=int, default=40)
    parser.add_argument("--fragment-mib", type=int, default=4)
    options = parser.parse_args()
    data = tempfile.mkdtemp(prefix="livehub-memory-")
    server = subprocess.Popen([options.binary, "serve", "--port", "0", "--threads", "1", "--echo",
                               "--log-level", "warning", "--data-dir", data], stdout=subprocess.PIPE, text=True)
    passed = failed = 0
    try:
        line = server.stdout.readline()
        if not line.startswith("listening on"):
            raise RuntimeError(f"server printed {line!r}")
        port = int(line.rsplit(":", 1)[1])
        time.sleep(0.5)
        before = vm_rss_kib(server.pid)
        fragment = first_fragment(options.fragment_mib << 20)
        sockets = [open_websocket(port) for _ in range(options.connections)]
        for sock in sockets:
            sock.sendall(fragment)
        time.sleep(1)
        during = vm_rss_kib(server.pid)
        for sock in sockets:
            sock.close()
        time.sleep(1.5)
        after = vm_rss_kib(server.pid)
        held_mib = (during - before) / 1024
        left_mib = (after - before) / 1024
        print(f"server RSS {before} KiB before, {during} KiB holding {options.connections} x "
              f"{options.fragment_mib} MiB fragments (+{held_mib:.0f} MiB), {after} KiB after they closed (+{left_mib:.1f} MiB)")
        checks = [
            ("the server held the fragments while their messages were open", held_mib >= options.connections * options.fragment_mib * 0.5),
            ("after the connections closed, RSS is back within 16 MiB of where it started", left_mib <= 16),
        ]
        for name, ok in checks:
            print(("PASS " if ok else "FAIL ") + name)
            passed, failed = passed + ok, failed + (not ok)
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
