"""What the .ci/ check scripts share: a livehub server they start and stop by PID, raw WebSocket
frames over blocking sockets, the server's resident memory, and the `N passed, N failed` summary.
Loopback only; every wait is bounded."""
import base64
import os
import signal
import socket
import subprocess
import tempfile


class Server:
    """`livehub serve` on port 0 with a throw-away data directory; `port` is known once it listens.
    A context manager: leaving it sends SIGTERM to the server (by PID) and waits, then kills."""

    def __init__(self, binary, *arguments, prefix=(), stderr=None):
        self.data = tempfile.mkdtemp(prefix="livehub-ci-")
        command = [*prefix, binary, "serve", "--port", "0", "--data-dir", self.data, *arguments]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("listening on"):
            self.stop()
            raise RuntimeError(f"the server printed {line!r} instead of 'listening on'")
        self.port = int(line.rsplit(":", 1)[1])
        self.pid = self.process.pid
        self.binary = binary

    def token(self, role, subject, name=None):
        """A hub token minted with this server's secret (`livehub token`)."""
        command = [self.binary, "token", "--role", role, "--sub", subject, "--data-dir", self.data]
        if name:
            command += ["--name", name]
        return subprocess.run(command, check=True, capture_output=True, text=True, timeout=30).stdout.strip()

    def stop(self):
        """SIGTERM, then up to 15 s for the drain; returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.process.returncode

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.stop()


def vm_rss_kib(pid):
    """The process's resident memory in KiB (VmRSS)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def upgrade_request(path, headers=()):
    """The bytes of a WebSocket upgrade request for `path` with extra header lines."""
    key = base64.b64encode(os.urandom(16)).decode()
    extra = "".join(f"{header}\r\n" for header in headers)
    return (f"GET {path} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n{extra}\r\n").encode()


def open_websocket(port, path="/echo", headers=(), timeout=10):
    """A connected socket after a 101, and the bytes that came after the response head."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sock.sendall(upgrade_request(path, headers))
    buffer = b""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(4096)
        if not chunk:
            raise RuntimeError(f"{path}: closed during the handshake")
        buffer += chunk
    head, rest = buffer.split(b"\r\n\r\n", 1)
    if not head.startswith(b"HTTP/1.1 101"):
        raise RuntimeError(f"{path}: the handshake answered {head[:60]!r}")
    return sock, rest


def masked_frame(opcode, payload, fin=True, rsv1=False):
    """A client frame (masked, as RFC 6455 §5.3 requires) of any length."""
    mask = os.urandom(4)
    first = (0x80 if fin else 0) | (0x40 if rsv1 else 0) | opcode
    if len(payload) < 126:
        length = bytes([0x80 | len(payload)])
    elif len(payload) < 65536:
        length = bytes([0x80 | 126]) + len(payload).to_bytes(2, "big")
    else:
        length = bytes([0x80 | 127]) + len(payload).to_bytes(8, "big")
    return bytes([first]) + length + mask + bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))


def report(checks):
    """Prints each (name, ok) as PASS/FAIL and the summary line; returns the exit status."""
    passed = failed = 0
    for name, ok in checks:
        print(("PASS " if ok else "FAIL ") + name)
        passed, failed = passed + bool(ok), failed + (not ok)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0
