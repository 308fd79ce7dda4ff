#!/usr/bin/env python3
"""`pingscope watch --history` against the loopback nginx (issue #12): the real engine probes N endpoints
at 1 s and records every result; this samples the history writer's thread from /proc while it runs and
prints one line of JSON: probes done, the writer's CPU as a share of one core, what the process wrote
to storage, the WAL's largest size and the history file's size at the end.

    bench/history_watch.py --pingscope build/app/pingscope [--endpoints 10000] [--kind tcp|http]
                           [--duration 60] [--dir DIR]

nginx and the profiles come from `bench/run.py --serve` (nginx-light must be installed).
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
TICKS = os.sysconf("SC_CLK_TCK")


def writer_cpu_seconds(pid):
    """CPU seconds of the thread Qt named "history writer", or None while it does not exist."""
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            if (task / "comm").read_text().strip() != "history writer":
                continue
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / TICKS
        except (FileNotFoundError, ProcessLookupError):
            continue
    return None


def write_bytes(pid):
    for line in Path(f"/proc/{pid}/io").read_text().splitlines():
        if line.startswith("write_bytes:"):
            return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pingscope", required=True)
    parser.add_argument("--endpoints", type=int, default=10000)
    parser.add_argument("--kind", default="tcp", choices=["tcp", "http"])
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--dir", help="where the history goes (default: a temporary directory)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pingscope-history-watch-") as temporary:
        work = Path(args.dir or temporary)
        work.mkdir(parents=True, exist_ok=True)
        history = work / "watch.history"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{history}{suffix}").unlink(missing_ok=True)
        server = subprocess.Popen(
            [sys.executable, str(BENCH_DIR / "run.py"), "--serve", str(work / "profiles"), "--sizes",
             str(args.endpoints), "--kinds", args.kind, "--no-install"],
            stdout=subprocess.PIPE, text=True)
        try:
            line = server.stdout.readline()
            if not line.startswith("nginx on"):
                sys.exit(f"bench/run.py --serve did not start nginx: {line!r}")
            profile = work / "profiles" / f"{args.kind}-{args.endpoints}.json"
            # watch prints a line per result: into files, or a full pipe would stop it.
            out_file = open(work / "watch.out", "w+")
            err_file = open(work / "watch.err", "w+")
            watch = subprocess.Popen(
                [args.pingscope, "watch", "--profile", str(profile), "--history", str(history), "--duration",
                 str(args.duration), "--summary"],
                stdout=out_file, stderr=err_file, text=True)
            first_cpu = None
            last_cpu = None
            last_written = 0
            wal_most = 0
            started = time.monotonic()
            while watch.poll() is None:
                try:
                    cpu = writer_cpu_seconds(watch.pid)
                    if cpu is not None:
                        first_cpu = cpu if first_cpu is None else first_cpu
                        last_cpu = cpu
                    last_written = write_bytes(watch.pid)
                except (FileNotFoundError, ProcessLookupError):
                    pass
                wal = Path(f"{history}-wal")
                if wal.exists():
                    wal_most = max(wal_most, wal.stat().st_size)
                time.sleep(0.25)
            elapsed = time.monotonic() - started
            out_file.seek(0)
            err_file.seek(0)
            out = out_file.read()
            err = err_file.read()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait()
        summary = {}
        lines = out.splitlines()
        if lines and lines[-1].startswith("{"):
            summary = json.loads(lines[-1])
        result = {
            "watch": True,
            "kind": args.kind,
            "endpoints": args.endpoints,
            "seconds": round(elapsed, 1),
            "probes_done": summary.get("probes_done"),
            "process_cpu_s": summary.get("cpu_seconds"),
            "writer_cpu_s": round((last_cpu or 0) - (first_cpu or 0), 2),
            "writer_cpu_share": round(((last_cpu or 0) - (first_cpu or 0)) / args.duration, 4),
            "storage_write_bytes_per_s": round(last_written / elapsed),
            "wal_most_bytes": wal_most,
            "history_bytes": history.stat().st_size if history.exists() else 0,
            "stderr": err.strip()[-300:],
        }
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
