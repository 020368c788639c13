#!/usr/bin/env python3
"""Memory held for messages in progress goes back to the system when their connections close.

Starts `livehub serve --echo` (loopback, port 0), opens N WebSockets that each send the first
fragment of a message (a non-final 4 MiB text frame, so the server holds it while waiting for the
rest), reads the server's VmRSS, closes them all, and reads it again. Passes when the RSS after the
close is back within a small margin of the RSS before the attack. Bounded: timeouts everywhere, the
server is stopped by PID.

    .ci/memory-release.py BINARY [--connections N] [--fragment-mib M]
"""
import argparse
import sys
import time

from livehub_ci import Server, masked_frame, open_websocket, report, vm_rss_kib


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--connections", type=int, default=40)
    parser.add_argument("--fragment-mib", type=int, default=4)
    options = parser.parse_args()
    with Server(options.binary, "--threads", "1", "--echo", "--log-level", "warning") as server:
        time.sleep(0.5)
        before = vm_rss_kib(server.pid)
        fragment = masked_frame(0x1, b"x" * (options.fragment_mib << 20), fin=False)
        sockets = [open_websocket(server.port)[0] for _ in range(options.connections)]
        for sock in sockets:
            sock.sendall(fragment)
        time.sleep(1)
        during = vm_rss_kib(server.pid)
        for sock in sockets:
            sock.close()
        time.sleep(1.5)
        after = vm_rss_kib(server.pid)
    held_mib, left_mib = (during - before) / 1024, (after - before) / 1024
    print(f"server RSS {before} KiB before, {during} KiB holding {options.connections} x "
          f"{options.fragment_mib} MiB fragments (+{held_mib:.0f} MiB), {after} KiB after they closed (+{left_mib:.1f} MiB)")
    return report([
        ("the server held the fragments while their messages were open",
         held_mib >= options.connections * options.fragment_mib * 0.5),
        ("after the connections closed, RSS is back within 16 MiB of where it started", left_mib <= 16),
    ])


if __name__ == "__main__":
    sys.exit(main())
