"""Helpers for the browser tests: the hub process, a cross-origin host page, a TCP proxy that can
freeze and cut a browser's connections, and headless Chromium windows with their console logs.

Only loopback addresses are used. Every wait is bounded.
"""
import http.server
import json
import os
import pathlib
import re
import resource
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time

from selenium import webdriver
from selenium.common.exceptions import (JavascriptException, NoSuchElementException,
                                        StaleElementReferenceException, TimeoutException)
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

DEFAULT_TIMEOUT = 15

# The embedded demo's people and queues (Configuration.demo), with timings short enough to watch in a
# test: a dropped agent's conversations go back to the queue after 3 s, waiting customers hear of a new
# place in the line within 1 s.
TEST_CONFIGURATION = {
    "queues": [{"id": "general", "name": "General support", "workstream": "chat"},
               {"id": "billing", "name": "Billing", "workstream": "messaging"}],
    "workstreams": [
        {"id": "chat", "name": "Live chat", "channels": ["livechat"], "allowedPresences": ["available"],
         "capacityUnits": 1, "offerTimeoutSeconds": 30},
        {"id": "messaging", "name": "Messaging", "channels": ["livechat", "sms", "whatsapp"],
         "allowedPresences": ["available", "busy"], "capacityUnits": 2, "offerTimeoutSeconds": 60}],
    "agents": [
        {"id": "alice", "name": "Alice Archer", "queues": ["general", "billing"], "skills": ["english"], "capacity": 4},
        {"id": "bob", "name": "Bob Baker", "queues": ["general"], "skills": ["english", "french"], "capacity": 3},
        {"id": "carol", "name": "Carol Chen", "queues": ["billing"], "skills": ["english"], "capacity": 4},
        {"id": "dave", "name": "Dave Diaz", "queues": ["general", "billing"], "skills": ["spanish"], "capacity": 2}],
    "supervisors": [{"id": "sam", "name": "Sam Singh"}],
    "bots": [{"id": "helpbot", "name": "Help Bot"}],
    "settings": {"supervisorMonitor": True, "supervisorAssign": True, "supervisorTransfer": True,
                 "supervisorForceClose": True},
    "timing": {"agentGraceSeconds": 3, "queueUpdateSeconds": 1},
}


def _ignore_file_size_signal():
    """In the hub's process before exec: a write past RLIMIT_FSIZE fails with EFBIG instead of killing
    it with SIGXFSZ (an ignored signal stays ignored across exec), so `Hub.fail_writes` is a disk error."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


class Hub:
    """A livehub on a free loopback port with its own data directory and the test configuration."""

    def __init__(self, binary, web_root=None):
        self.binary = binary
        self.data_dir = tempfile.mkdtemp(prefix="livehub-browser-")
        self.config_dir = tempfile.mkdtemp(prefix="livehub-browser-config-")
        config = os.path.join(self.config_dir, "hub.json")
        with open(config, "w") as file:
            json.dump(TEST_CONFIGURATION, file)
        args = [binary, "serve", "--port", "0", "--data-dir", self.data_dir, "--log-level", "warning", "--config", config]
        if web_root:
            args += ["--web-root", web_root]
        # The log comes through a pipe, not a file: a file would be cut off by `fail_writes` too.
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                        preexec_fn=_ignore_file_size_signal)
        self.log = []
        threading.Thread(target=self._drain_log, daemon=True).start()
        self.output = []
        deadline = time.time() + 20
        self.port = None
        while time.time() < deadline and self.port is None:
            line = self.process.stdout.readline()
            if not line:
                break
            self.output.append(line.rstrip("\n"))
            match = re.match(r"^listening on .*:(\d+)$", line.strip())
            if match:
                self.port = int(match.group(1))
        if self.port is None:
            self.stop()
            raise RuntimeError("livehub did not start: " + "\n".join(self.output))
        self.base = f"http://127.0.0.1:{self.port}"
        # The rest of the startup summary (page links), read in the background.
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for line in self.process.stdout:
            self.output.append(line.rstrip("\n"))

    def _drain_log(self):
        for line in self.process.stderr:
            self.log.append(line.rstrip("\n"))

    def wait_log(self, needle, timeout=DEFAULT_TIMEOUT):
        """Waits for a line of the hub's log containing `needle`; returns it."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for line in list(self.log):
                if needle in line:
                    return line
            time.sleep(0.05)
        raise TimeoutException(f"no '{needle}' in the hub's log: {self.log[-5:]}")

    def fail_writes(self, failing):
        """While `failing`, every write of the hub to a file fails (EFBIG: a file-size limit of 1 byte set on
        the running process), as a full disk would; the hub answers writing requests `unavailable` until
        the limit is lifted and its journal writes again."""
        limit = 1 if failing else resource.RLIM_INFINITY
        resource.prlimit(self.process.pid, resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    def link(self, role, sub, name=None, base=None):
        """A signed-in page link from `livehub token --link`."""
        args = [self.binary, "token", "--role", role, "--sub", sub, "--data-dir", self.data_dir, "--link",
                "--url", base or self.base]
        if name:
            args += ["--name", name]
        return subprocess.run(args, check=True, capture_output=True, text=True, timeout=20).stdout.strip()

    def stop(self):
        if self.process.poll() is None:
            self.fail_writes(False)
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.data_dir, ignore_errors=True)
        shutil.rmtree(self.config_dir, ignore_errors=True)


class HostSite:
    """Another origin (a port of its own) serving a shop page that embeds the widget with one tag."""

    def __init__(self, widget_base):
        page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Another company's site</title><link rel="icon" href="data:,"></head>
<body><h1>Another company's site</h1><p>The widget below comes from the hub, another origin.</p>
<script src="{widget_base}/widget.js" data-queues="general=General support;billing=Billing" async></script>
</body></html>"""
        body = page.encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class Proxy:
    """Forwards loopback TCP to the hub. `freeze()` holds back what the hub sends on the connections
    open now (the browser's requests still reach the hub); `cut()` closes them all, as a network
    failure would. New connections are forwarded normally."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.lock = threading.Lock()
        self.pairs = []
        self.running = True
        self.hold_websockets = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while self.running:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            pair = {"client": client, "upstream": upstream, "frozen": False, "closed": False}
            with self.lock:
                self.pairs.append(pair)
            threading.Thread(target=self._pump, args=(pair, client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(pair, upstream, client, True), daemon=True).start()

    def _pump(self, pair, source, target, downstream):
        first = True
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if first and not downstream and self.hold_websockets and b"/v1/ws" in data.split(b"\r\n", 1)[0]:
                    # An upgrade that never gets an answer: the page waits for its WebSocket.
                    while source.recv(65536):
                        pass
                    break
                first = False
                if downstream and pair["frozen"]:
                    continue  # Held back, then lost with the connection: as if the network died.
                target.sendall(data)
        except OSError:
            pass
        self._close(pair)

    def _close(self, pair):
        with self.lock:
            if pair["closed"]:
                return
            pair["closed"] = True
        for end in (pair["client"], pair["upstream"]):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            end.close()

    def hold(self, enabled):
        """While enabled, WebSocket upgrades through the proxy are never answered (nor refused)."""
        self.hold_websockets = enabled

    def freeze(self):
        with self.lock:
            for pair in self.pairs:
                pair["frozen"] = True

    def cut(self):
        with self.lock:
            pairs, self.pairs = self.pairs, []
        for pair in pairs:
            self._close(pair)

    def stop(self):
        self.running = False
        self.listener.close()
        self.cut()


def chrome_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise RuntimeError("no chromium on PATH")


class Window:
    """One headless Chromium (its own profile: its own storage) with console capture."""

    def __init__(self, name, width=1280, height=900, language="en-US", mobile=False):
        self.name = name
        options = Options()
        options.binary_location = chrome_binary()
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                     "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                     "--disable-backgrounding-occluded-windows", f"--window-size={width},{height}",
                     f"--lang={language}", "--hide-scrollbars"):
            options.add_argument(flag)
        options.add_experimental_option("prefs", {"intl.accept_languages": language})
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
        self.driver = webdriver.Chrome(service=Service(driver_path), options=options)
        self.driver.set_page_load_timeout(30)
        self.driver.set_script_timeout(30)
        self.console = []
        if mobile:
            self.emulate(width, height, mobile=True)
        else:
            self.emulate(width, height, mobile=False)

    def emulate(self, width, height, mobile):
        self.size = (width, height, mobile)
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})

    def get(self, url):
        self.driver.get(url)

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def logs(self):
        """Console entries so far (each is read once from the browser; kept here)."""
        try:
            self.console += self.driver.get_log("browser")
        except Exception:  # noqa: BLE001 - a closed window has no log left
            pass
        return self.console

    def problems(self):
        """Console errors and warnings (Chromium reports both as SEVERE or WARNING)."""
        return [entry for entry in self.logs() if entry.get("level") in ("SEVERE", "WARNING")]

    def wait(self, condition, timeout=DEFAULT_TIMEOUT, message=""):
        """Polls `condition()` (exceptions count as not yet) until it returns something truthy."""
        deadline = time.time() + timeout
        last_error = None
        while time.time() < deadline:
            try:
                value = condition()
                if value:
                    return value
            except (NoSuchElementException, StaleElementReferenceException, JavascriptException) as error:
                last_error = error
            time.sleep(0.1)
        raise TimeoutException(f"[{self.name}] timed out waiting for {message or condition}: {last_error or ''}")

    def css(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def all(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def text(self, selector):
        return self.js("const e = document.querySelector(arguments[0]); return e ? e.innerText : ''", selector)

    def wait_text(self, selector, needle, timeout=DEFAULT_TIMEOUT):
        return self.wait(lambda: needle in self.text(selector), timeout, f"'{needle}' in {selector}")

    def click(self, selector):
        """Clicks the first shown, enabled match; found again if the page re-rendered it meanwhile (the
        dashboard redraws a report row on every update)."""
        def attempt():
            element = self._clickable(selector)
            if element is None:
                return False
            element.click()
            return True
        self.wait(attempt, message=f"clickable {selector}")

    def _clickable(self, selector):
        for element in self.all(selector):
            if element.is_displayed() and element.is_enabled():
                return element
        return None

    def screenshot(self, path, size=None):
        """Saves what the window shows; with `size` (width, height), laid out at that size for the picture."""
        pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
        if size is None:
            self.driver.save_screenshot(str(path))
            return
        previous = self.size
        self.emulate(size[0], size[1], previous[2])
        try:
            # Two frames: the layout at the new size is drawn before the picture is taken.
            self.driver.execute_async_script(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()))")
            self.driver.save_screenshot(str(path))
        finally:
            self.emulate(*previous)

    def allow_downloads(self, folder):
        """Downloads (the widget's transcript) land in `folder` without asking."""
        pathlib.Path(folder).mkdir(parents=True, exist_ok=True)
        self.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})

    def quit(self):
        try:
            self.logs()
            self.driver.quit()
        except Exception:  # noqa: BLE001 - already gone
            pass


class Widget:
    """The chat widget inside a page's shadow root, driven the way a visitor would."""

    ROOT = "document.getElementById('livehub-chat').shadowRoot"

    def __init__(self, window):
        self.window = window

    def query(self, selector):
        return self.window.js(f"const r = {self.ROOT}; return r ? r.querySelector(arguments[0]) : null", selector)

    def text(self, selector):
        return self.window.js(
            f"const r = document.getElementById('livehub-chat')?.shadowRoot;"
            " const e = r && r.querySelector(arguments[0]); return e ? e.innerText : ''", selector)

    def wait_ready(self):
        return self.window.wait(lambda: self.window.js(
            f"const r = document.getElementById('livehub-chat')?.shadowRoot;"
            " const shown = (s) => { const e = r && r.querySelector(s); return !!e && e.getBoundingClientRect().width > 0; };"
            " return !!r && getComputedStyle(document.getElementById('livehub-chat')).display !== 'none'"
            " && (shown('#lh-launcher') || shown('#lh-panel'))"), message="the widget (launcher or panel)")

    def click(self, selector):
        self.window.wait(lambda: self.query(selector) is not None and self.query(selector).is_displayed(),
                         message=f"widget {selector}")
        self.query(selector).click()

    def type(self, selector, text):
        element = self.query(selector)
        element.clear()
        element.send_keys(text)

    def messages(self):
        """The transcript's message texts, in order (pending ones included)."""
        return self.window.js(
            f"return [...{self.ROOT}.querySelectorAll('#lh-transcript .message .text')].map(e => e.textContent)")

    def pending_count(self):
        return self.window.js(f"return {self.ROOT}.querySelectorAll('#lh-transcript .message.pending').length")
