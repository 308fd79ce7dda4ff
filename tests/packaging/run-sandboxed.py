#!/usr/bin/python3
"""run-sandboxed.py PINGSCOPE: watch runs inside what pingscope-watch@.service allows it.

Without a running systemd, two of the unit's settings can still be applied to a child process as
systemd would apply them:
- SystemCallFilter=@system-service, then ~@privileged @resources (SystemCallErrorNumber=EPERM): the
  same allow list, expanded by `systemd-analyze syscall-filter`, loaded with libseccomp, and
  RestrictAddressFamilies= as a rule on socket(2)'s first argument, as systemd makes it;
- MemoryDenyWriteExecute=yes: Linux 6.3's per-process refusal of memory both writable and executable
  (prctl PR_SET_MDWE); not checked on an older kernel, which says so.
The child then probes one target of each kind on loopback, records a history and serves metrics
for two seconds. Exit
77 (skipped) when systemd-analyze or the seccomp module (Debian: python3-seccomp) is missing.
"""
import ctypes
import errno
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN = 65, 1
UNIT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "packaging", "linux",
                    "pingscope-watch@.service.in")


# Run in the sandbox: reboot(2) (in @privileged) and an AF_PACKET socket must both be refused.
REFUSALS = """
import ctypes, socket, sys
libc = ctypes.CDLL(None, use_errno=True)
if libc.syscall(169, 0, 0, 0, 0) != -1 or ctypes.get_errno() != 1:
    sys.exit(3)
try:
    socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    sys.exit(4)
except PermissionError:
    pass
"""


def expand(group, seen=None):
    """The system calls of a systemd group such as @system-service, nested groups included."""
    seen = set() if seen is None else seen
    if group in seen:
        return set()
    seen.add(group)
    listing = subprocess.run(["systemd-analyze", "syscall-filter", group], capture_output=True, text=True,
                             check=True).stdout.splitlines()[1:]
    calls = set()
    for line in listing:
        name = line.strip()
        if not name or name.startswith("#"):
            continue
        calls |= expand(name, seen) if name.startswith("@") else {name}
    return calls


def unit_filter():
    """The allow list the unit's SystemCallFilter= lines make: the first allows, a ~ line takes away."""
    allowed = set()
    with open(UNIT, encoding="utf-8") as unit:
        for line in unit:
            match = re.match(r"^SystemCallFilter=(~?)(.*)$", line.strip())
            if not match:
                continue
            calls = set().union(*(expand(group) if group.startswith("@") else {group}
                                  for group in match.group(2).split()))
            allowed = allowed - calls if match.group(1) else allowed | calls
    return allowed


def unit_families():
    """The address families the unit's RestrictAddressFamilies= allows, as numbers."""
    import socket
    with open(UNIT, encoding="utf-8") as unit:
        for line in unit:
            if line.startswith("RestrictAddressFamilies="):
                return [int(getattr(socket, name)) for name in line.split("=", 1)[1].split()]
    return []


def main():
    program = sys.argv[1]
    try:
        import seccomp
    except ImportError:
        print("the seccomp module is not installed (Debian: python3-seccomp): not checked")
        return 77
    if not shutil.which("systemd-analyze"):
        print("systemd-analyze is not installed (Debian: systemd): not checked")
        return 77
    allowed = unit_filter()
    if len(allowed) < 100:
        print(f"the unit's filter expands to {len(allowed)} system calls only")
        return 1
    families = unit_families()
    if len(families) != 4:
        print(f"RestrictAddressFamilies= names {len(families)} families, not the 4 this expects")
        return 1
    libc = ctypes.CDLL(None, use_errno=True)
    mdwe = {"on": True}

    def sandbox():
        if libc.prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) != 0:
            mdwe["on"] = False
        rules = seccomp.SyscallFilter(defaction=seccomp.ERRNO(errno.EPERM))
        for call in allowed - {"socket"}:
            try:
                rules.add_rule(seccomp.ALLOW, call)
            except (RuntimeError, ValueError):
                pass  # not a system call of this architecture
        # RestrictAddressFamilies, as systemd makes it: socket(2) for those families only.
        for family in families:
            rules.add_rule(seccomp.ALLOW, "socket", seccomp.Arg(0, seccomp.EQ, family))
        rules.load()

    # The sandbox itself must bite: a call the filter leaves out (reboot, in @privileged) is refused.
    check = subprocess.run([sys.executable, "-c", REFUSALS], preexec_fn=sandbox)
    if check.returncode != 0:
        print(f"the filter did not refuse {'reboot(2)' if check.returncode == 3 else 'an AF_PACKET socket'} "
              f"with EPERM (exit {check.returncode})")
        return 1
    # LeakSanitizer (a -DPINGSCOPE_SANITIZE=ON build) stops the threads with ptrace, which the filter
    # refuses as it would under systemd: leaks are the other suites' business.
    environment = dict(os.environ)
    environment["ASAN_OPTIONS"] = ":".join(filter(None, [environment.get("ASAN_OPTIONS"), "detect_leaks=0"]))
    state = tempfile.mkdtemp()
    run = subprocess.run([program, "watch", "--interval", "0.5", "--duration", "2", "--summary", "--log", "none",
                          "--history", os.path.join(state, "history.db"), "--metrics-listen", ":0", "tcp://127.0.0.1:1", "icmp://127.0.0.1",
                          "dns://localhost?type=A&server=127.0.0.1", "https://127.0.0.1:1/"],
                         preexec_fn=sandbox, env=environment, capture_output=True, text=True, timeout=30)
    shutil.rmtree(state, ignore_errors=True)
    if run.returncode != 0:
        print(f"watch exited {run.returncode} in the sandbox:\n{run.stderr}")
        return 1
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    if summary["probes_done"] < 4:
        print(f"too few probes in the sandbox: {summary}")
        return 1
    print(f"watch under the unit's system call filter ({len(allowed)} calls allowed): "
          f"{summary['probes_done']} probes done, exit 0")
    probe = subprocess.run([sys.executable, "-c", "import mmap; mmap.mmap(-1, 4096, prot=7)"],
                           preexec_fn=lambda: libc.prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0),
                           capture_output=True)
    if probe.returncode == 0:
        print("this kernel has no PR_SET_MDWE (Linux 6.3 or later): MemoryDenyWriteExecute not checked")
    else:
        print("and without memory both writable and executable (PR_SET_MDWE)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
