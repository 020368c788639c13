#!/usr/bin/env python3
"""Server memory per idle wss connection.

Starts `livehub serve` with a throw-away self-signed certificate (openssl CLI), opens N TLS
WebSockets to /echo (python ssl + asyncio, loopback only), answers the server's pings, and reads the
server's VmRSS before connecting, right after the ramp, and after the heartbeat interval, when idle
connections give back their buffers. Bounded: every step has a timeout, the server is stopped by PID.

    .ci/wss-idle-rss.py BINARY [--connections N] [--heartbeat S]
"""
import argparse
import asyncio
import base64
import os
import resource
import signal
import ssl
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


async def open_websocket(port, context):
    reader, writer = await asyncio.wait_for(
        asyncio.open_connection("127.0.0.1", port, ssl=context, server_hostname="localhost"), 10)
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write((f"GET /echo HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
    if not head.startswith(b"HTTP/1.1 101"):
        raise RuntimeError(f"handshake answered {head[:40]!r}")
    return reader, writer


async def answer_pings(reader, writer, counter):
    """Reads frames until the connection ends; each ping gets a masked pong with its payload."""
    try:
        while True:
            header = await reader.readexactly(2)
            length = header[1] & 0x7F
            if length == 126:
                length = int.from_bytes(await reader.readexactly(2), "big")
            elif length == 127:
                length = int.from_bytes(await reader.readexactly(8), "big")
            payload = await reader.readexactly(length)
            if header[0] & 0x0F == 9:
                mask = os.urandom(4)
                masked = bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))
                writer.write(bytes([0x8A, 0x80 | len(payload)]) + mask + masked)
                counter[0] += 1
    except (asyncio.IncompleteReadError, ConnectionError):
        pass


async def measure(binary, connections, heartbeat):
    workdir = tempfile.mkdtemp(prefix="livehub-wss-rss-")
    cert, key = os.path.join(workdir, "cert.pem"), os.path.join(workdir, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-subj", "/CN=localhost", "-days", "1", "-keyout", key, "-out", cert],
                   check=True, capture_output=True, timeout=30)
    server = subprocess.Popen(
        [binary, "serve", "--port", "0", "--threads", "1", "--echo", "--log-level", "warning",
         "--tls-cert", cert, "--tls-key", key, "--heartbeat", str(heartbeat), "--idle-timeout", "600",
         "--data-dir", workdir],
        stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        if not line.startswith("listening on"):
            raise RuntimeError(f"server printed {line!r}")
        port = int(line.rsplit(":", 1)[1])
        time.sleep(0.5)
        before = vm_rss_kib(server.pid)
        context = ssl.create_default_context(cafile=cert)
        sockets, readers, pongs, lines = [], [], [0], []
        per = lambda kib: (kib - before) * 1024 / len(sockets)
        # Two ramps: the second shows whether memory the first batch gave back at its heartbeat is
        # reused (glibc keeps freed heap in RSS, so a single ramp cannot show a release).
        for ramp in range(2):
            for start in range(0, connections, 100):
                batch = await asyncio.gather(*(open_websocket(port, context) for _ in range(start, min(connections, start + 100))))
                sockets.extend(batch)
                readers.extend(asyncio.create_task(answer_pings(reader, writer, pongs)) for reader, writer in batch)
            await asyncio.sleep(1)
            after_ramp = vm_rss_kib(server.pid)
            await asyncio.sleep(heartbeat + 2)
            after_heartbeat = vm_rss_kib(server.pid)
            lines.append(f"{len(sockets)} wss connections: server RSS {after_ramp} KiB after the ramp "
                         f"({per(after_ramp):.0f} B per connection), {after_heartbeat} KiB after the heartbeat "
                         f"({per(after_heartbeat):.0f} B per connection)")
        for reader, writer in sockets:
            writer.close()
        for task in readers:
            task.cancel()
        print(f"server RSS {before} KiB before connecting")
        print("\n".join(lines))
        print(f"{pongs[0]} pings answered")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--connections", type=int, default=2000)
    parser.add_argument("--heartbeat", type=float, default=3)
    options = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    asyncio.run(asyncio.wait_for(measure(options.binary, options.connections, options.heartbeat), 300))


if __name__ == "__main__":
    sys.exit(main())
