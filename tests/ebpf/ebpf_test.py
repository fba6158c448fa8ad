#!/usr/bin/env python3
"""--backend=ebpf -c: the counts of the in-kernel summary against strace's
and the ptrace engine's, forks, threads, -p attach, and clear refusals."""

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

SCTRACE, THREADS, PROGRAMS, TEST = sys.argv[1:5]
FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL: " + what)


def table(text):
    """{name: (calls, errors)} from a -c table."""
    rows = {}
    for line in text.splitlines():
        p = line.split()
        if len(p) >= 5 and re.match(r"^\d+\.\d+$", p[0]) and p[-1] != "total":
            rows[p[-1]] = (int(p[3]), int(p[4]) if len(p) == 6 else 0)
    return rows


def summary(tracer, opts, cmd, status=0):
    with tempfile.NamedTemporaryFile("r") as out:
        r = subprocess.run([tracer] + opts + ["-o", out.name] + cmd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True, timeout=120)
        check(r.returncode == status, "%s %s exited %d: %s" % (tracer, opts, r.returncode, r.stderr))
        return table(out.read())


EBPF = [SCTRACE, "--backend=ebpf"]


def test_counts_match_strace():
    dd = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=50000"]
    want = summary("strace", ["-c"], dd)
    got = summary(SCTRACE, ["--backend=ebpf", "-c"], dd)
    check(got == want, "dd: ebpf %s, strace %s" % (got, want))
    check(got.get("read") == (50003, 0) or got.get("read", (0,))[0] >= 50000, "read counted exactly: %s" % (got.get("read"),))
    # Errors, and a filter applied in the kernel.
    ls = ["ls", "/nonexistent-sctrace"]
    want = summary("strace", ["-c", "-e", "trace=%file"], ls, 2)
    got = summary(SCTRACE, ["--backend=ebpf", "-c", "-e", "trace=%file"], ls, 2)
    check(got == want and any(e for _, e in got.values()), "filtered with errors: %s vs %s" % (got, want))


def test_follows_forks():
    prog = [os.path.join(PROGRAMS, "process")]
    # It exits 3; one child kills itself with SIGKILL, a kill that never returns.
    want = summary(SCTRACE, ["-c", "-f"], prog, 3)
    got = summary(SCTRACE, ["--backend=ebpf", "-c", "-f"], prog, 3)
    check(got == want and len(got) > 10, "process -f: ebpf %s, ptrace %s" % (got, want))
    # Without -f the children are not counted.
    alone = summary(SCTRACE, ["--backend=ebpf", "-c"], prog, 3)
    check(alone.get("set_robust_list", (0,))[0] < got["set_robust_list"][0], "without -f only the parent")


def test_threads():
    # Threads are always followed by the eBPF engine (ptrace needs -f).
    cmd = [THREADS, "300"]
    want = summary(SCTRACE, ["-c", "-f"], cmd)
    got = summary(SCTRACE, ["--backend=ebpf", "-c"], cmd)
    for name in ("read", "write", "clone3"):
        check(got.get(name) == want.get(name), "%s in threads: ebpf %s, ptrace %s" % (name, got.get(name), want.get(name)))


def test_attach():
    target = subprocess.Popen(["sh", "-c", "while :; do cat /etc/hostname >/dev/null; sleep 0.02; done"])
    try:
        with tempfile.NamedTemporaryFile("r") as out:
            p = subprocess.Popen([SCTRACE, "--backend=ebpf", "-c", "-f", "-p", str(target.pid), "-o", out.name],
                                 stderr=subprocess.PIPE, text=True)
            time.sleep(1.0)
            p.send_signal(signal.SIGINT)
            _, err = p.communicate(timeout=20)
            rows = table(out.read())
        # strace -p dies of the SIGINT that stops it (130 in a shell).
        check(p.returncode == -signal.SIGINT, "attach exited %d: %s" % (p.returncode, err))
        check(rows.get("execve", (0,))[0] >= 5 and rows.get("wait4", (0,))[0] >= 5, "attached -f counts: %s" % rows)
        check(target.poll() is None, "the target runs on after the summary")
    finally:
        target.kill()
        target.wait()
    r = subprocess.run(EBPF + ["-c", "-p", "4194303"], capture_output=True, text=True)
    check(r.returncode == 1 and r.stderr.startswith("sctrace: attach: pid 4194303"), "missing pid: %r" % r.stderr)


def test_refusals():
    # Without the privilege to load programs: one line, exit 1, nothing run.
    with tempfile.TemporaryDirectory() as d:
        marker = os.path.join(d, "ran")
        os.chmod(d, 0o777)
        r = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + EBPF +
                           ["touch", marker], capture_output=True, text=True)
        check(r.returncode == 1 and r.stderr.count("\n") == 1 and r.stderr.startswith("sctrace: --backend=ebpf:")
              and not os.path.exists(marker), "unprivileged: refused in one line: %r" % r.stderr)
    # -c with --perfetto needs each call: the streamed trace gives them.
    with tempfile.NamedTemporaryFile("r") as out:
        r = subprocess.run(EBPF + ["-c", "-o", "/dev/null", "--perfetto=" + out.name, "true"],
                           capture_output=True, text=True)
        trace = json.load(out)
    slices = [e for e in trace["traceEvents"] if e.get("ph") == "X" and e.get("name") == "execve"]
    check(r.returncode == 0 and len(slices) == 1, "-c --perfetto on ebpf: %r %r" % (r.stderr, slices))
    # --json with -c: the summary record, the same rows as the table.
    with tempfile.NamedTemporaryFile("r") as out:
        r = subprocess.run(EBPF + ["-c", "-o", out.name, "--json=-", "ls", "/nonexistent-sctrace"],
                           capture_output=True, text=True)
        rows = table(out.read())
    recs = [json.loads(l) for l in r.stdout.splitlines() if l.startswith("{")]
    summ = [x for x in recs if x["type"] == "summary"]
    check(recs and recs[0].get("backend") == "ebpf" and len(summ) == 1 and
          {x["name"]: (x["calls"], x["errors"]) for x in summ[0]["rows"]} == rows and len(rows) > 5,
          "ebpf -c --json: %r vs %r" % (summ, rows))
    # auto takes eBPF where it is permitted, and says so with -v.
    r = subprocess.run([SCTRACE, "--backend=auto", "-v", "-o", "/dev/null", "true"], capture_output=True, text=True)
    check(r.returncode == 0 and "sctrace: backend ebpf" in r.stderr, "auto, full trace: %r" % r.stderr)
    r = subprocess.run([SCTRACE, "--backend=auto", "-v", "-c", "-o", "/dev/null", "true"], capture_output=True, text=True)
    check(r.returncode == 0 and "sctrace: backend ebpf" in r.stderr, "auto, -c: %r" % r.stderr)
    # An engine named on the command line is not announced: strace -v prints no such line.
    for mode in (["-c"], []):
        r = subprocess.run(EBPF + ["-v", "-o", "/dev/null"] + mode + ["true"], capture_output=True, text=True)
        check(r.returncode == 0 and r.stderr == "", "--backend=ebpf -v %s: %r" % (mode, r.stderr))
    r = subprocess.run(EBPF + ["-c", "/nonexistent-program"], capture_output=True, text=True)
    check(r.returncode == 1 and "Can't stat '/nonexistent-program'" in r.stderr, "missing program: %r" % r.stderr)
    r = subprocess.run(EBPF + ["-c", "-o", "/dev/null", "sh", "-c", "exit 7"], capture_output=True, text=True)
    check(r.returncode == 7, "exit status passed on: %d" % r.returncode)
    # -p naming sctrace's own pid (sh execs it, keeping its pid): refused, as by strace, in both modes.
    for mode in (["-c"], []):
        r = subprocess.run(["sh", "-c", 'exec "$@" -p $$', "sh"] + EBPF + mode, capture_output=True, text=True,
                           timeout=20)
        check(r.returncode == 1 and r.stderr == "sctrace: I'm sorry, I can't let you do that, Dave.\n",
              "self-attach %s: %d %r" % (mode, r.returncode, r.stderr))


globals()["test_" + TEST]()
print("%s: %s" % (TEST, "FAILED (%d)" % len(FAILURES) if FAILURES else "ok"))
sys.exit(1 if FAILURES else 0)
