#!/usr/bin/env python3
"""run-without-wx.py PINGSCOPE: watch runs as the unit's MemoryDenyWriteExecute=yes lets it.

systemd enforces that setting with a seccomp filter; Linux 6.3 and later offer the same refusal of
memory both writable and executable per process (prctl PR_SET_MDWE), which needs no running systemd.
The child gets it, then probes one target of each kind on loopback for two seconds. Exit 77 (skipped)
on an older kernel.
"""
import ctypes
import json
import mmap
import os
import subprocess
import sys

PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN = 65, 1


def refuse_write_execute():
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) != 0:
        os._exit(77)


def main():
    program = sys.argv[1]
    # The check itself: in a child with the refusal, a writable and executable mapping must fail.
    probe = subprocess.run([sys.executable, "-c", "import mmap; mmap.mmap(-1, 4096, prot=7)"],
                           preexec_fn=refuse_write_execute, capture_output=True)
    if probe.returncode == 77:
        print("this kernel has no PR_SET_MDWE (Linux 6.3 or later): not checked")
        return 77
    if probe.returncode == 0:
        print("PR_SET_MDWE did not refuse a writable and executable mapping")
        return 1
    run = subprocess.run([program, "watch", "--interval", "0.5", "--duration", "2", "--summary", "--log", "none",
                          "--metrics-listen", ":0", "tcp://127.0.0.1:1", "icmp://127.0.0.1",
                          "dns://localhost?type=A&server=127.0.0.1", "https://127.0.0.1:1/"],
                         preexec_fn=refuse_write_execute, capture_output=True, text=True, timeout=30)
    if run.returncode != 0:
        print(f"watch exited {run.returncode} without W+X memory:\n{run.stderr}")
        return 1
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    if summary["probes_done"] < 4:
        print(f"too few probes without W+X memory: {summary}")
        return 1
    print(f"watch without W+X memory: {summary['probes_done']} probes done, exit 0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
