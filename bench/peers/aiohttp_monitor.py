#!/usr/bin/python3
"""The reference peer: the classic way to write an uptime monitor in Python, asyncio + aiohttp.

Reads a Pingscope profile (only what the benchmark profiles use: http:// and tcp:// targets,
interval_s, timeout_ms), probes every endpoint on the same fixed-rate schedule as Pingscope
(run n due at first + n * interval, first runs spread by the golden-ratio offset per endpoint,
a run that comes due while the previous probe is still in flight is skipped), opens a fresh
connection for every probe, and prints the same summary JSON as `pingscope watch --summary`.

    aiohttp_monitor.py PROFILE --duration S [--concurrency N]
"""

import argparse
import asyncio
import json
import math
import resource
import sys
import time
from urllib.parse import urlsplit

import aiohttp

GOLDEN_FRACTION = 0.6180339887498949


def nearest_rank(sorted_values, p):
    """The same percentile as Pingscope's: the smallest value with at least p % at or below it."""
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(round(p / 100.0 * len(sorted_values) * 1e6) / 1e6))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def read_profile(path):
    with open(path, encoding="utf-8") as f:
        profile = json.load(f)
    defaults = profile.get("defaults", {})
    endpoints = []
    for entry in profile["endpoints"]:
        merged = dict(defaults)
        merged.update(entry)
        endpoints.append(
            {
                "target": merged["target"],
                "interval_s": max(float(merged.get("interval_s", 30)), 0.5),
                "timeout_s": float(merged.get("timeout_ms", 5000)) / 1000.0,
            }
        )
    return endpoints


class Monitor:
    def __init__(self, endpoints, duration, concurrency):
        self.endpoints = endpoints
        self.duration = duration
        self.semaphore = asyncio.Semaphore(concurrency)
        # force_close: a fresh connection per probe, never reused; limit=0: the semaphore is the cap.
        self.session = None
        self.due = self.done = self.failed = self.skipped = self.cancelled = 0
        self.lateness_ms = []
        self.latency_ms = {"http": [], "tcp": []}
        self.in_flight = set()
        self.tasks = set()

    async def probe_http(self, url, timeout):
        async with self.session.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) as response:
            await response.read()
            return 200 <= response.status < 400

    async def probe_tcp(self, host, port, timeout):
        _, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
        writer.close()
        return True

    async def probe(self, index, endpoint, due, loop):
        try:
            async with self.semaphore:
                started = loop.time()
                self.lateness_ms.append(max(0.0, started - due) * 1000.0)
                target = endpoint["target"]
                kind = "tcp" if target.startswith("tcp://") else "http"
                try:
                    if kind == "http":
                        ok = await self.probe_http(target, endpoint["timeout_s"])
                    else:
                        parts = urlsplit(target)
                        ok = await self.probe_tcp(parts.hostname, parts.port, endpoint["timeout_s"])
                except (aiohttp.ClientError, OSError, asyncio.TimeoutError):
                    ok = False
                elapsed_ms = (loop.time() - started) * 1000.0
                self.done += 1
                if ok:
                    self.latency_ms[kind].append(elapsed_ms)
                else:
                    self.failed += 1
        except asyncio.CancelledError:
            self.cancelled += 1
            raise
        finally:
            self.in_flight.discard(index)

    async def schedule(self, index, endpoint, start, end, loop):
        interval = endpoint["interval_s"]
        due = start + math.fmod((index + 1) * GOLDEN_FRACTION, 1.0) * interval
        while due < end:
            delay = due - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            self.due += 1
            now = loop.time()
            if index in self.in_flight:
                self.skipped += 1
            else:
                self.in_flight.add(index)
                task = loop.create_task(self.probe(index, endpoint, due, loop))
                self.tasks.add(task)
                task.add_done_callback(self.tasks.discard)
            due += interval
            while due <= now:  # missed entirely: skipped, not fired in a burst
                due += interval
                self.due += 1
                self.skipped += 1

    async def run(self):
        loop = asyncio.get_running_loop()
        connector = aiohttp.TCPConnector(force_close=True, limit=0, use_dns_cache=False)
        async with aiohttp.ClientSession(connector=connector) as self.session:
            start = loop.time()
            end = start + self.duration
            schedulers = [
                loop.create_task(self.schedule(i, e, start, end, loop)) for i, e in enumerate(self.endpoints)
            ]
            await asyncio.gather(*schedulers)
            # Probes still in flight at the end are cancelled, as `pingscope watch` does.
            for task in list(self.tasks):
                task.cancel()
            await asyncio.gather(*self.tasks, return_exceptions=True)


def summary(monitor, duration):
    usage = resource.getrusage(resource.RUSAGE_SELF)
    lateness = sorted(monitor.lateness_ms)
    latency = {}
    for kind, values in monitor.latency_ms.items():
        if values:
            values = sorted(values)
            latency[kind] = {
                "p50": round(nearest_rank(values, 50), 3),
                "p99": round(nearest_rank(values, 99), 3),
                "count": len(values),
            }
    return {
        "duration_s": duration,
        "endpoints": len(monitor.endpoints),
        "probes_due": monitor.due,
        "probes_done": monitor.done,
        "probes_failed": monitor.failed,
        "probes_skipped": monitor.skipped,
        "probes_cancelled": monitor.cancelled,
        "lateness_ms": {"p50": round(nearest_rank(lateness, 50), 3), "p99": round(nearest_rank(lateness, 99), 3)},
        "latency_ms": latency,
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_mb": round(usage.ru_maxrss / 1024.0, 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profile")
    parser.add_argument("--duration", type=float, required=True)
    parser.add_argument("--concurrency", type=int, default=256)
    args = parser.parse_args()
    monitor = Monitor(read_profile(args.profile), args.duration, args.concurrency)
    asyncio.run(monitor.run())
    json.dump(summary(monitor, args.duration), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
