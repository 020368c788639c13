#!/usr/bin/env python3
"""Server memory per idle WebSocket, plain or wss, with or without permessage-deflate.

Starts `livehub serve` (with a throw-away self-signed certificate from the openssl CLI for --tls),
opens N WebSockets to /echo (python asyncio, loopback only), optionally negotiating permessage-deflate
the way browsers offer it and sending one compressed message each (so compression state exists),
answers the server's pings, and reads the server's VmRSS before connecting, right after the ramp, and
after the heartbeat interval, when idle connections give back their buffers. Bounded: every step has
a timeout, the server is stopped by PID.

    .ci/idle-rss.py BINARY [--connections N] [--heartbeat S] [--tls] [--deflate]
"""
import argparse
import asyncio
import os
import resource
import ssl
import subprocess
import sys
import tempfile
import time
import zlib

from livehub_ci import Server, masked_frame, upgrade_request, vm_rss_kib


# What Chrome and Firefox offer on every WebSocket.
BROWSER_OFFER = "permessage-deflate; client_max_window_bits"


async def read_frame(reader):
    header = await reader.readexactly(2)
    length = header[1] & 0x7F
    if length == 126:
        length = int.from_bytes(await reader.readexactly(2), "big")
    elif length == 127:
        length = int.from_bytes(await reader.readexactly(8), "big")
    return header[0], await reader.readexactly(length)


async def open_websocket(port, context, deflate):
    reader, writer = await asyncio.wait_for(
        asyncio.open_connection("127.0.0.1", port, ssl=context, server_hostname="localhost" if context else None), 10)
    writer.write(upgrade_request("/echo", [f"Sec-WebSocket-Extensions: {BROWSER_OFFER}"] if deflate else []))
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
    if not head.startswith(b"HTTP/1.1 101"):
        raise RuntimeError(f"handshake answered {head[:40]!r}")
    if deflate:
        if b"permessage-deflate" not in head:
            raise RuntimeError("permessage-deflate was not negotiated")
        # One compressed chat-sized message each way, as a browser widget would send on opening.
        message = b'{"type":"message.send","conversationId":"c1","text":"hello, I need help with my order"}' * 3
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        payload = compressor.compress(message) + compressor.flush(zlib.Z_SYNC_FLUSH)
        writer.write(masked_frame(1, payload[:-4], rsv1=True))
        first, _ = await asyncio.wait_for(read_frame(reader), 10)
        if first & 0x40 == 0:
            raise RuntimeError("the echo was not compressed")
    return reader, writer


async def answer_pings(reader, writer, counter):
    """Reads frames until the connection ends; each ping gets a masked pong with its payload."""
    try:
        while True:
            first, payload = await read_frame(reader)
            if first & 0x0F == 9:
                writer.write(masked_frame(0xA, payload))
                counter[0] += 1
    except (asyncio.IncompleteReadError, ConnectionError):
        pass


async def measure(binary, connections, heartbeat, tls, deflate, extra):
    arguments = ["--threads", "1", "--echo", "--log-level", "warning", "--heartbeat", str(heartbeat),
                 "--idle-timeout", "600", *extra]
    cert = None
    if tls:
        workdir = tempfile.mkdtemp(prefix="livehub-idle-rss-")
        cert, key = os.path.join(workdir, "cert.pem"), os.path.join(workdir, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-subj", "/CN=localhost", "-days", "1", "-keyout", key, "-out", cert],
                       check=True, capture_output=True, timeout=30)
        arguments += ["--tls-cert", cert, "--tls-key", key]
    with Server(binary, *arguments) as server:
        await asyncio.sleep(0.5)
        before = vm_rss_kib(server.pid)
        context = ssl.create_default_context(cafile=cert) if tls else None
        sockets, readers, pongs, lines = [], [], [0], []
        per = lambda kib: (kib - before) * 1024 / len(sockets)
        # Two ramps: the second shows whether memory the first batch gave back at its heartbeat is
        # reused (glibc keeps freed heap in RSS, so a single ramp cannot show a release).
        for ramp in range(2):
            for start in range(0, connections, 100):
                batch = await asyncio.gather(
                    *(open_websocket(server.port, context, deflate) for _ in range(start, min(connections, start + 100))))
                sockets.extend(batch)
                readers.extend(asyncio.create_task(answer_pings(reader, writer, pongs)) for reader, writer in batch)
            await asyncio.sleep(1)
            after_ramp = vm_rss_kib(server.pid)
            await asyncio.sleep(heartbeat + 2)
            after_heartbeat = vm_rss_kib(server.pid)
            kind = ("wss" if tls else "ws") + (" + deflate" if deflate else "")
            lines.append(f"{len(sockets)} {kind} connections: server RSS {after_ramp} KiB after the ramp "
                         f"({per(after_ramp):.0f} B per connection), {after_heartbeat} KiB after the heartbeat "
                         f"({per(after_heartbeat):.0f} B per connection)")
        for reader, writer in sockets:
            writer.close()
        for task in readers:
            task.cancel()
        print(f"server RSS {before} KiB before connecting")
        print("\n".join(lines))
        print(f"{pongs[0]} pings answered")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--connections", type=int, default=2000)
    parser.add_argument("--heartbeat", type=float, default=3)
    parser.add_argument("--tls", action="store_true", help="wss with a throw-away certificate")
    parser.add_argument("--deflate", action="store_true", help="negotiate permessage-deflate as browsers offer it")
    parser.add_argument("--server-arg", action="append", default=[], help="extra argument for livehub serve")
    options = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    asyncio.run(asyncio.wait_for(measure(options.binary, options.connections, options.heartbeat, options.tls,
                                         options.deflate, options.server_arg), 600))


if __name__ == "__main__":
    sys.exit(main())
