#!/usr/bin/env python3
"""Browser end-to-end tests of the hub's pages (chat widget, agent console, supervisor dashboard),
driven through headless Chromium and chromedriver with Selenium.

    python3 Tests/Browser/run.py .build/debug/livehub [--screenshots DIR] [--only NAME] [--update-screenshots]

Starts its own hub (a temporary data directory, a free loopback port), a second origin that embeds
the widget with one script tag, and a TCP proxy that can freeze and cut the customer's connection.
Prints one line per test and `N passed, N failed` last; exits 1 on any failure. The whole run is
bounded (--budget seconds, 420 by default): tests not started by then count as failed.

Every test's screenshots go to --screenshots (a temporary folder by default). The few shown in the
README live in Tests/Browser/screenshots and change only with --update-screenshots (after a full,
green run), so an ordinary run, CI's included, never modifies tracked files.
"""
import argparse
import os
import pathlib
import shutil
import sys
import time
import traceback

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import browser_tests  # noqa: E402
from harness import Hub, HostSite, Proxy  # noqa: E402

README_SCREENSHOTS = pathlib.Path(__file__).resolve().parent / "screenshots"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--screenshots", help="folder for the screenshots (default: a temporary one)")
    parser.add_argument("--only", action="append", help="run only tests whose name contains this")
    parser.add_argument("--budget", type=float, default=420)
    parser.add_argument("--web-root", help="serve the pages from this folder (default: the hub's own)")
    parser.add_argument("--update-screenshots", action="store_true",
                        help=f"replace the README's screenshots in {README_SCREENSHOTS} (needs a full run)")
    arguments = parser.parse_args()
    if arguments.update_screenshots and arguments.only:
        parser.error("--update-screenshots needs the full run (no --only)")

    started = time.time()
    screenshots = pathlib.Path(arguments.screenshots or os.path.join(os.environ.get("TMPDIR", "/tmp"), "livehub-screenshots"))
    screenshots.mkdir(parents=True, exist_ok=True)
    if arguments.update_screenshots:
        for name in browser_tests.README_SCREENSHOTS:  # only this run's pictures may reach the README
            (screenshots / f"{name}.png").unlink(missing_ok=True)
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
    if arguments.update_screenshots:
        if failed or not passed:
            print("README screenshots not updated: the run failed")
        else:
            update_readme_screenshots(screenshots)
    return 1 if failed or not passed else 0


def update_readme_screenshots(screenshots):
    """Copies the README's screenshots from this run; a missing one fails loudly rather than keep an old one."""
    README_SCREENSHOTS.mkdir(exist_ok=True)
    total = 0
    for name in browser_tests.README_SCREENSHOTS:
        source = screenshots / f"{name}.png"
        if not source.exists():
            raise SystemExit(f"the run took no {source.name}")
        shutil.copyfile(source, README_SCREENSHOTS / source.name)
        total += source.stat().st_size
    for stale in README_SCREENSHOTS.glob("*.png"):
        if stale.stem not in browser_tests.README_SCREENSHOTS:
            stale.unlink()
    print(f"README screenshots updated in {README_SCREENSHOTS}: {len(browser_tests.README_SCREENSHOTS)} files, "
          f"{total / 1024:.0f} KB")


if __name__ == "__main__":
    sys.exit(main())
