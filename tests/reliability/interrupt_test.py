#!/usr/bin/env python3
"""Interrupted runs: sctrace is stopped (SIGINT, SIGTERM, SIGHUP, or SIGKILL)
at a random moment while it traces a forking or multithreaded workload, on
both engines, with and without filters, started and attached. Each run
asserts what the user must be able to rely on:

  - sctrace exits promptly after the signal;
  - the workload finishes with the result it has untraced ("ok": every call
    it made succeeded), so no task was left stopped and no call failed;
  - a tracer process that stayed behind to serve the seccomp filter exits
    when the workload does.

Usage: interrupt_test.py SCTRACE WORKLOAD
Environment: RELIABILITY_ROUNDS (default 1) runs every scenario that many
times, each with its own random signal and moment; RELIABILITY_SEED fixes
the random choices; RELIABILITY_ENGINES (default "ptrace ebpf");
RELIABILITY_JOBS runs that many at once (default 1); RELIABILITY_DURATION_MS
sets the workload's length (default 2500).

The 1,000-run figure: RELIABILITY_ROUNDS=28 RELIABILITY_JOBS=4 (36 scenarios
a round, half of them per engine)."""

import concurrent.futures
import itertools
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time

SCTRACE, WORKLOAD = sys.argv[1], sys.argv[2]
ROUNDS = int(os.environ.get("RELIABILITY_ROUNDS", "1"))
SEED = int(os.environ.get("RELIABILITY_SEED", str(int(time.time()))))
ENGINES = os.environ.get("RELIABILITY_ENGINES", "ptrace ebpf").split()
DURATION_MS = int(os.environ.get("RELIABILITY_DURATION_MS", "2500"))
JOBS = int(os.environ.get("RELIABILITY_JOBS", "1"))
# The aim is 1 s; CI runs beside other tests on a shared machine, so a run
# fails here past 1.5 s (the workload runs on for a second or more after
# the latest signal, so a tracer that waits for it fails), and the slowest
# exit is printed.
PROMPT_S = float(os.environ.get("RELIABILITY_PROMPT_S", "1.5"))

FILTERS = {
    "all": [],
    "file": ["-e", "trace=openat,read,close"],
    "process": ["-e", "trace=%process"],
}
MODES = ["start-f", "start", "attach"]
WORKLOADS = ["fork", "threads"]
SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGKILL]

rng = random.Random(SEED)
failures = []
slowest = 0.0
slowest_lock = threading.Lock()


def ebpf_available():
    r = subprocess.run([SCTRACE, "--backend=ebpf", "-o", "/dev/null", "true"],
                       capture_output=True, text=True, timeout=60)
    return r.returncode == 0


def read(path):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return None


def ppid_of(pid):
    status = read("/proc/%d/status" % pid) or ""
    for line in status.splitlines():
        if line.startswith("PPid:"):
            return int(line.split()[1])
    return 0


def wait_for(cond, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if cond():
            return True
        time.sleep(0.01)
    return cond()


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is gone for our purposes.
    stat = read("/proc/%d/stat" % pid) or ""
    return ") Z " not in stat


def one_run(engine, filt, mode, workload, sig, delay):
    global slowest
    with tempfile.TemporaryDirectory() as d:
        result = os.path.join(d, "result")
        args = [SCTRACE, "--backend=" + engine, "-o", os.path.join(d, "trace")] + FILTERS[filt]
        target = None
        if mode == "attach":
            target = subprocess.Popen([WORKLOAD, workload, str(DURATION_MS), result])
            if not wait_for(lambda: read(result + ".pid"), 5):
                return "the workload did not start"
            args += ["-f", "-p", str(target.pid)]
        else:
            if mode == "start-f":
                args.append("-f")
            args += [WORKLOAD, workload, str(DURATION_MS), result]
        p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(delay)
        pid_text = read(result + ".pid")
        wpid = int(pid_text) if pid_text else 0
        # The process that traces the workload, if it is not sctrace itself.
        keeper = ppid_of(wpid) if wpid and mode != "attach" else 0
        if keeper in (p.pid, 0) or keeper == os.getpid():
            keeper = 0
        sent = time.time()
        p.send_signal(sig)
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            return "sctrace did not exit within 30 s of %s" % sig.name
        took = time.time() - sent
        with slowest_lock:
            slowest = max(slowest, took)
        err = p.stderr.read().decode(errors="replace")
        p.stderr.close()
        if took > PROMPT_S:
            return "sctrace took %.2f s to exit after %s" % (took, sig.name)
        if not wait_for(lambda: read(result) is not None, DURATION_MS / 1000 + 15):
            return "the workload did not finish (left stopped?) after %s at %.2f s; sctrace said %r" % (
                sig.name, delay, err[-300:])
        got = read(result)
        if got is None or not got.startswith("ok "):
            return "workload result %r, untraced it is 'ok N' (%s at %.2f s; sctrace said %r)" % (
                got, sig.name, delay, err[-300:])
        if target is not None:
            target.wait(timeout=10)
            if target.returncode != 0:
                return "workload exit status %d" % target.returncode
        if keeper and not wait_for(lambda: not alive(keeper), 5):
            return "the tracer process %d outlived the workload" % keeper
    return None


def main():
    print("seed %d, %d round(s)" % (SEED, ROUNDS))
    for w in WORKLOADS:
        with tempfile.TemporaryDirectory() as d:
            r = subprocess.run([WORKLOAD, w, "200", os.path.join(d, "r")], timeout=30)
            if r.returncode != 0 or not (read(os.path.join(d, "r")) or "").startswith("ok "):
                print("FAIL: the %s workload does not succeed untraced" % w)
                return 1
    engines = [e for e in ENGINES if e != "ebpf" or ebpf_available()]
    if "ebpf" in ENGINES and "ebpf" not in engines:
        print("note: the eBPF engine is not available here; ptrace only")
    plan = []
    for _ in range(ROUNDS):
        for engine, filt, mode, workload in itertools.product(engines, FILTERS, MODES, WORKLOADS):
            sig = rng.choice(SIGNALS)
            plan.append((engine, filt, mode, workload, sig, rng.uniform(0.02, DURATION_MS / 2000)))

    def run(args):
        err = one_run(*args)
        if err:
            engine, filt, mode, workload, sig, delay = args
            what = "%s %s %s %s %s at %.2f s: %s" % (engine, filt, mode, workload, sig.name, delay, err)
            failures.append(what)
            print("FAIL:", what, flush=True)

    with concurrent.futures.ThreadPoolExecutor(max_workers=JOBS) as pool:
        list(pool.map(run, plan))
    runs = len(plan)
    print("%d interrupted runs, %d failed; slowest exit after the signal %.2f s" % (runs, len(failures), slowest))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
