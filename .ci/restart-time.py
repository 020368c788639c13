#!/usr/bin/env python3
"""How long `livehub serve` takes to start on a big journal, with and without a snapshot.

    .ci/restart-time.py LIVEHUB HUBLOAD [--events N] [--rounds R] [--archive-after S] [--baseline LIVEHUB]

Writes a journal of N events with `hubload journal` (18,000 conversations of 50 messages for a
million events, 1,000 still open) once, then for each round, interleaved:
- **journal**: a copy of that data directory, no snapshot: the whole journal is replayed. The hub then
  archives the closed conversations due (closed more than --archive-after ago) and writes its first
  snapshot (the replayed journal is past the threshold) once they left memory; the script waits for
  the snapshot and stops the hub;
- **snapshot**: the same directory started again: the snapshot plus the journal after it.
With `--baseline`, each round first does both with that binary (an earlier build) on its own copy of
the journal, for a side-by-side comparison. Reports the time from exec to
`listening on` and the recovery line. Loopback only; every wait bounded;
servers stopped by PID.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def start(livehub, data, config, extra=()):
    started = time.monotonic()
    # The log goes to a file: a pipe nobody reads would fill up and stop the server.
    log = open(os.path.join(data, "server.log"), "a")
    process = subprocess.Popen(
        [livehub, "serve", "--port", "0", "--data-dir", data, "--config", config, "--log-level", "info", *extra],
        stdout=subprocess.PIPE, stderr=log, text=True)
    log.close()
    line = process.stdout.readline()
    elapsed = time.monotonic() - started
    if not line.startswith("listening on"):
        process.kill()
        raise RuntimeError(f"the server printed {line!r}")
    recovery = ""
    for _ in range(5):
        text = process.stdout.readline()
        if text.startswith("journal:"):
            recovery = text.strip()
            break
    # The rest of the startup output is a few lines; stdout is not read further.
    return process, elapsed, recovery


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_for(what, condition, seconds=300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise RuntimeError(f"timed out waiting for {what}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("livehub")
    parser.add_argument("hubload")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline", help="an earlier livehub binary to time on the same journal, interleaved")
    parser.add_argument("--archive-after", default="600",
                        help="seconds a closed conversation stays in memory (default: the hub's 600); "
                             "86400 keeps every conversation, so the snapshot holds the whole state")
    options = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="livehub-restart-")
    try:
        pristine = os.path.join(scratch, "pristine")
        subprocess.run([options.hubload, "journal", "--data-dir", pristine, "--conversations", "1000",
                        "--events", str(options.events)], check=True, timeout=600)
        config = os.path.join(pristine, "config.json")
        results = {"journal": [], "snapshot": []}
        builds = [("", options.livehub)]
        if options.baseline:
            results["baseline journal"] = []
            results["baseline snapshot"] = []
            builds.insert(0, ("baseline ", options.baseline))
        extra = ("--archive-after", options.archive_after)
        for round_number in range(options.rounds):
            # Each build replays the journal, writes its own snapshot, and starts again from it.
            for label, livehub in builds:
                data = os.path.join(scratch, f"{label.strip() or 'round'}-{round_number}")
                shutil.copytree(pristine, data)
                process, elapsed, line = start(livehub, data, config, extra)
                results[f"{label}journal"].append(elapsed)
                print(f"round {round_number + 1} {label}journal:  {elapsed:.2f} s  {line}", flush=True)
                snapshots = os.path.join(data, "snapshots")
                wait_for("the first snapshot",
                         lambda: any(name.endswith(".snapshot") for name in os.listdir(snapshots)))
                stop(process)
                process, elapsed, line = start(livehub, data, config, extra)
                results[f"{label}snapshot"].append(elapsed)
                print(f"round {round_number + 1} {label}snapshot: {elapsed:.2f} s  {line}", flush=True)
                stop(process)
                shutil.rmtree(data)
        for kind, times in results.items():
            print(f"{kind}: {min(times):.2f} - {max(times):.2f} s over {len(times)} starts")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
