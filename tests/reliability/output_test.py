#!/usr/bin/env python3
"""Trace output that cannot be written: every failed write of the trace (text,
-ff files, JSON, Perfetto, the summary), including those seen only when the
output is closed, is told in one `sctrace:` line and sctrace exits 1; a closed
pipe does not kill it silently; the traced command still runs to its end.
Each case runs on every engine given. Needs root (it mounts a small tmpfs).
Usage: output_test.py SCTRACE ENGINES [test]...   (ENGINES: ptrace,ebpf)"""

import os
import re
import subprocess
import sys
import tempfile
import time

SCTRACE, ENGINES = sys.argv[1], sys.argv[2].split(",")
NAME = os.path.basename(SCTRACE)
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(engine, args, **kw):
    # argv[0] is the bare name, as when found on PATH.
    kw.setdefault("stdout", subprocess.DEVNULL)
    kw.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([NAME, "--backend=" + engine] + args, executable=SCTRACE, text=True,
                          timeout=60, **kw)


def own_lines(stderr):
    return [l for l in stderr.splitlines() if l.startswith(NAME + ":")]


def expect_failure(engine, args, r, target, reason):
    """Exit 1 and one line naming the output and why; '; tracees detached' is
    added when tracing stopped early."""
    what = "%s %s" % (engine, args)
    check(r.returncode == 1, "%s: exit status %d, want 1" % (what, r.returncode))
    want = re.compile(re.escape("%s: %s: %s" % (NAME, target, reason)) + "(; tracees detached)?$")
    lines = own_lines(r.stderr)
    check(len(lines) == 1 and want.match(lines[0]),
          "%s: stderr %r, want one line %r" % (what, lines, want.pattern))


def wait_for_size(path, size, what):
    """The traced command still ran to its end: its output file is whole."""
    deadline = time.time() + 20
    while time.time() < deadline:
        if os.path.exists(path) and os.path.getsize(path) == size:
            return
        time.sleep(0.05)
    got = os.path.getsize(path) if os.path.exists(path) else None
    check(False, "%s: the traced command did not finish: %s bytes of %d" % (what, got, size))


# A long trace (two lines per byte), far more than a pipe holds, whose command
# leaves proof that it finished.
def dd_command(out_path, count=4000):
    return ["dd", "if=/dev/zero", "of=" + out_path, "bs=1", "count=%d" % count, "status=none"]


def test_dev_full():
    for engine in ENGINES:
        for args, target in [
            (["-o", "/dev/full"], "/dev/full"),
            (["-o", "/proc/version"], "/proc/version"),
            (["-o", "/dev/null", "--json=/dev/full"], "/dev/full"),
            (["-o", "/dev/null", "--perfetto=/dev/full"], "/dev/full"),
            (["-c", "-o", "/dev/full"], "/dev/full"),
            (["-C", "-o", "/dev/full"], "/dev/full"),
        ]:
            reason = "Input/output error" if target == "/proc/version" else "No space left on device"
            r = run(engine, args + ["true"])
            expect_failure(engine, args, r, target, reason)
        # The eBPF engine reads the ring buffer at least every 20 ms and writes
        # what it read: once a write failed it says so and exits, without
        # waiting for the command (which runs on). (The ptrace engine buffers
        # its text between stops and finds the failure when the buffer fills
        # or the command ends.)
        if engine != "ebpf":
            continue
        # (stderr goes to a file: the command, still running, holds it open.)
        with tempfile.TemporaryFile("w+") as err:
            start = time.time()
            r = run(engine, ["-e", "trace=execve,nanosleep,clock_nanosleep", "-o", "/dev/full", "sh", "-c",
                             "cat /dev/null; sleep 3"], stderr=err)
            took = time.time() - start
            err.seek(0)
            r.stderr = err.read()
        expect_failure(engine, ["-o", "/dev/full", "sleep 3"], r, "/dev/full", "No space left on device")
        check(took < 2.5, "%s -o /dev/full: sctrace waited %.1f s for a command it no longer traces" % (engine, took))


class SmallTmpfs:
    """A 64 KiB tmpfs, filled up; unmounted whatever happens."""

    def __enter__(self):
        self.dir = tempfile.mkdtemp(prefix="sctrace-full-")
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "sctrace-test", self.dir], check=True)
        try:
            with open(os.path.join(self.dir, "filler"), "wb") as f:
                while True:
                    f.write(b"\0" * 4096)
                    f.flush()
        except OSError:
            pass
        return self.dir

    def __exit__(self, *exc):
        subprocess.run(["umount", self.dir], check=False)
        os.rmdir(self.dir)
        return False


def test_full_fs():
    if os.geteuid() != 0:
        print("SKIP: mounting a tmpfs needs root")
        return
    for engine in ENGINES:
        with SmallTmpfs() as d, tempfile.TemporaryDirectory() as work:
            out = os.path.join(d, "trace")
            done = os.path.join(work, "done")
            args = ["-o", out]
            r = run(engine, args + dd_command(done, 200))
            expect_failure(engine, args, r, out, "No space left on device")
            wait_for_size(done, 200, "%s -o full fs" % engine)

            # -ff: the failure is in a FILE.PID. A child of the shell gets one
            # of its own.
            args = ["-ff", "-o", out]
            r = run(engine, args + ["sh", "-c", "/bin/true; /bin/true"])
            what = "%s %s" % (engine, args)
            check(r.returncode == 1, "%s: exit status %d, want 1" % (what, r.returncode))
            lines = own_lines(r.stderr)
            want = re.compile(re.escape("%s: %s." % (NAME, out)) + r"\d+: No space left on device(; tracees detached)?$")
            check(len(lines) == 1 and want.match(lines[0]), "%s: stderr %r" % (what, lines))


def closed_pipe():
    """A pipe whose reader has already gone."""
    r, w = os.pipe()
    os.close(r)
    return w


def test_closed_pipe():
    for engine in ENGINES:
        # The trace on stderr, a pipe nobody reads: the message cannot be
        # seen there either, but sctrace neither dies of SIGPIPE nor exits 0.
        w = closed_pipe()
        try:
            r = run(engine, ["true"], stderr=w)
        finally:
            os.close(w)
        check(r.returncode == 1, "%s: trace onto a closed stderr: exit status %d, want 1" % (engine, r.returncode))

        # --json=- onto a closed stdout: told on stderr.
        w = closed_pipe()
        try:
            args = ["-o", "/dev/null", "--json=-"]
            r = run(engine, args + ["true"], stdout=w)
        finally:
            os.close(w)
        expect_failure(engine, args, r, "standard output", "Broken pipe")

        with tempfile.TemporaryDirectory() as work:
            # sctrace ... 2>&1 | head -1: the reader goes after one line.
            done = os.path.join(work, "done")
            p = subprocess.Popen([NAME, "--backend=" + engine] + dd_command(done), executable=SCTRACE,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            p.stderr.readline()
            p.stderr.close()
            rc = p.wait(timeout=60)
            check(rc == 1, "%s: stderr closed after one line: exit status %d, want 1" % (engine, rc))
            wait_for_size(done, 4000, "%s: stderr closed after one line" % engine)

            # -o '|head -1': the same through a command of sctrace's own.
            done = os.path.join(work, "done2")
            args = ["-o", "|head -1"]
            r = run(engine, args + dd_command(done))
            expect_failure(engine, args, r, "|head -1", "Broken pipe")
            wait_for_size(done, 4000, "%s -o '|head -1'" % engine)

        # -o '|': a command that reads nothing at all.
        args = ["-o", "|"]
        r = run(engine, args + ["true"])
        expect_failure(engine, args, r, "|", "Broken pipe")

        # A command that reads everything is no failure.
        r = run(engine, ["-o", "|cat >/dev/null", "true"])
        check(r.returncode == 0 and own_lines(r.stderr) == [],
              "%s -o '|cat': exit status %d, stderr %r" % (engine, r.returncode, r.stderr))


TESTS = {"dev_full": test_dev_full, "full_fs": test_full_fs, "closed_pipe": test_closed_pipe}

if __name__ == "__main__":
    names = sys.argv[3:] or list(TESTS)
    for n in names:
        TESTS[n]()
    print("%d passed, %d failed" % (0 if failures else len(names), len(failures)))
    sys.exit(1 if failures else 0)
