#!/usr/bin/env python3
"""Browser end-to-end tests of the hub's pages (chat widget, agent console, supervisor dashboard),
driven through headless Chromium and chromedriver with Selenium.

    python3 Tests/Browser/run.py .build/debug/livehub [--screenshots DIR] [--only NAME]

Starts its own hub (a temporary data directory, a free loopback port), a second origin that embeds
the widget with one script tag, and a TCP proxy that can freeze and cut the customer's connection.
Prints one line per test and `N passed, N failed` last; exits 1 on any failure. The whole run is
bounded (--budget seconds, 420 by default): tests not started by then count as failed.
"""
import argparse
import os
import pathlib
import sys
import time
import traceback

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import browser_tests  # noqa: E402
from harness import Hub, HostSite, Proxy  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--screenshots", help="folder for the screenshots (default: a temporary one)")
    parser.add_argument("--only", action="append", help="run only tests whose name contains this")
    parser.add_argument("--budget", type=float, default=420)
    parser.add_argument("--web-root", help="serve the pages from this folder (default: the hub's own)")
    arguments = parser.parse_args()

    started = time.time()
    screenshots = pathlib.Path(arguments.screenshots or os.path.join(os.environ.get("TMPDIR", "/tmp"), "livehub-screenshots"))
    screenshots.mkdir(parents=True, exist_ok=True)
    hub = Hub(os.path.abspath(arguments.binary), web_root=arguments.web_root)
    proxy = Proxy(hub.port)
    host = HostSite(proxy.base)
    context = browser_tests.Context(hub=hub, proxy=proxy, host=host, screenshots=screenshots)
    passed = failed = 0
    try:
        for test in browser_tests.TESTS:
            name = test.__doc__.strip().splitlines()[0]
            if arguments.only and not any(part in test.__name__ or part in name for part in arguments.only):
                continue
            if time.time() - started > arguments.budget:
                print(f"FAIL {name}: not started, the {arguments.budget:.0f} s budget is spent", flush=True)
                failed += 1
                continue
            begun = time.time()
            try:
                test(context)
                context.check_consoles(name)
                passed += 1
                print(f"PASS {name} ({time.time() - begun:.1f} s)", flush=True)
            except Exception as error:  # noqa: BLE001 - every failure is reported, then the next test runs
                failed += 1
                print(f"FAIL {name} ({time.time() - begun:.1f} s): {type(error).__name__}: {error}", flush=True)
                traceback.print_exc(limit=4, file=sys.stdout)
                context.dump(name)
    finally:
        context.close()
        host.stop()
        proxy.stop()
        hub.stop()
    print(f"browser tests took {time.time() - started:.1f} s; screenshots in {screenshots}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
