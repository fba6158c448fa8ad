#!/usr/bin/env python3
"""Output controls of the value renderer: -X, -e abbrev=/verbose=/raw=, -n,
-i (strace 6.1 has them: each is run under strace and under sctrace on both
engines, and the lines must be the same), and strace 7.x's --arg-names
(checked against its documented output). Whole test programs under -X and
-n -i are compared by tests/diff (diff_xlat_*, diff_prefixes_*).
Usage: output_controls_test.py SCTRACE [test]..."""

import os
import re
import shutil
import subprocess
import sys

from cli_support import check, ebpf_works, failures

SCTRACE = sys.argv[1]
STRACE = shutil.which("strace")
ENV = {"PATH": "/usr/bin:/bin", "LANG": "C"}


ENGINES = [[]] + ([["--backend=ebpf"]] if ebpf_works(SCTRACE) else [])


def trace(tool, args):
    """The trace lines (stderr) of `setarch -R TOOL ARGS`, and the exit status;
    the tool's name in messages made the same."""
    # stdout is /dev/null: what fstat(1) shows is the same in every run.
    r = subprocess.run(["setarch", "-R", tool] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True, timeout=60, env=ENV, stdin=subprocess.DEVNULL)
    lines = [re.sub(r"^\S*(strace|sctrace): ", "TRACER: ", l) for l in r.stderr.splitlines()]
    lines = [re.sub(r"^Try '\S*(strace|sctrace) -h'", "Try 'TRACER -h'", l) for l in lines]
    # sctrace's own note of the engine under -v (not a trace line).
    return [l for l in lines if not l.startswith("TRACER: backend ")], r.returncode


def same_as_strace(args, what):
    want, want_rc = trace(STRACE, args)
    check(want, "%s: strace printed nothing" % what)
    for engine in ENGINES:
        got, rc = trace(SCTRACE, engine + args)
        check(got == want and rc == want_rc, "%s %s: got %r (exit %d), strace %r (exit %d)"
              % (what, " ".join(engine), got, rc, want, want_rc))


def test_bad_usage():
    for args in (["-X", "bogus", "true"], ["--const-print-style=bogus", "true"],
                 ["-e", "abbrev=bogus", "true"], ["--verbose=nosuchcall", "true"],
                 ["-e", "raw=%nosuchclass", "true"]):
        same_as_strace(args, " ".join(args))


def test_raw_calls():
    # close's and exit_group's registers are the same in every run.
    same_as_strace(["-e", "trace=close,exit_group", "-e", "raw=close", "true"], "-e raw=close")
    same_as_strace(["-e", "trace=close,exit_group", "--raw=all", "true"], "--raw=all")
    same_as_strace(["-e", "trace=close,exit_group", "-e", "raw=!close", "true"], "-e raw=!close")


def test_styles():
    for style in ("raw", "verbose", "abbrev"):
        same_as_strace(["-X", style, "-e", "trace=openat,newfstatat,close,exit_group", "cat", "/dev/null"],
                       "-X " + style)
    same_as_strace(["--const-print-style=verbose", "-e", "trace=openat,exit_group", "cat", "/dev/null"],
                   "--const-print-style=verbose")


def test_abbrev_verbose():
    cmd = ["-e", "trace=newfstatat,prlimit64,exit_group", "cat", "/dev/null"]
    same_as_strace(["-e", "verbose=none"] + cmd, "-e verbose=none")
    same_as_strace(["-e", "verbose=!prlimit64"] + cmd, "-e verbose=!prlimit64")
    same_as_strace(["-e", "abbrev=none"] + cmd, "-e abbrev=none")
    # The last of -v and -e abbrev= counts.
    same_as_strace(["-v", "-e", "abbrev=all"] + cmd, "-v -e abbrev=all")
    same_as_strace(["-e", "abbrev=all", "-v"] + cmd, "-e abbrev=all -v")


def test_prefixes():
    # The instruction pointers are the same run to run under setarch -R.
    for opts in (["-n"], ["-i"], ["-n", "-i", "-t"]):
        want, _ = trace(STRACE, opts + ["-e", "trace=close,exit_group", "true"])
        for engine in ENGINES:
            got, _ = trace(SCTRACE, engine + opts + ["-e", "trace=close,exit_group", "true"])
            mask = lambda lines: [re.sub(r"^\d\d:\d\d:\d\d ", "TIME ", l) for l in lines]
            check(mask(got) == mask(want), "%s %s: got %r, strace %r" % (opts, engine, got, want))
    # A signal: the call it came in, and where.
    want, _ = trace(STRACE, ["-n", "-i", "-e", "trace=kill", "sh", "-c", "kill -0 $$; kill -CHLD $$"])
    pids = lambda lines: [re.sub(r"\b\d{3,}\b", "PID", l) for l in lines]
    for engine in ENGINES:
        got, _ = trace(SCTRACE, engine + ["-n", "-i", "-e", "trace=kill", "sh", "-c", "kill -0 $$; kill -CHLD $$"])
        check(pids(got) == pids(want), "-n -i signal %s: got %r, strace %r" % (engine, got, want))


def test_arg_names():
    # strace 7.x's --arg-names: each argument after its name; the names are
    # the spec's (the kernel's prototype).
    for engine in ENGINES:
        got, rc = trace(SCTRACE, engine + ["--arg-names", "-e", "trace=close,openat", "cat", "/dev/null"])
        check('openat(dfd=AT_FDCWD, filename="/dev/null", flags=O_RDONLY) = 3' in
              [re.sub(r" +=", " =", l) for l in got], "--arg-names %s: %r" % (engine, got))
        check(any(re.match(r"close\(fd=3\) += 0$", l) for l in got), "--arg-names close %s: %r" % (engine, got))


def test_trace_fds():
    # strace 7.x's --trace-fds=SET (-e trace-fds=): only the calls that
    # operate on those descriptors, i.e. take one of them as an argument.
    cmd = ["sh", "-c", "echo hi; cat /dev/null"]
    for engine in ENGINES:
        for opt in (["--trace-fds=1"], ["-e", "trace-fds=1"]):
            got, rc = trace(SCTRACE, engine + opt + cmd)
            calls = [l for l in got if re.match(r"\w+\(", l)]
            check(calls and all(re.match(r"\w+\(1[,)]", l) or ", 1, " in l for l in calls),
                  "%s %s: a call without descriptor 1: %r" % (opt, engine, got))
            check(any(l.startswith('write(1, "hi\\n", 3)') for l in calls), "%s %s: %r" % (opt, engine, got))
        got, _ = trace(SCTRACE, engine + ["--trace-fds=!0,1,2,3,4,5,6,7,8,9,10"] + cmd)
        check(not [l for l in got if re.match(r"\w+\(", l)], "--trace-fds=!0..10 %s: %r" % (engine, got))
        got, rc = trace(SCTRACE, engine + ["--trace-fds=x", "true"])
        check(rc == 1 and got == ["TRACER: invalid descriptor 'x'"], "--trace-fds=x: %r" % got)


TESTS = {"trace_fds": test_trace_fds, "bad_usage": test_bad_usage, "raw_calls": test_raw_calls, "styles": test_styles,
         "abbrev_verbose": test_abbrev_verbose, "prefixes": test_prefixes, "arg_names": test_arg_names}

if __name__ == "__main__":
    names = sys.argv[2:] or list(TESTS)
    for n in names:
        TESTS[n]()
    print("%d passed, %d failed" % (0 if failures else len(names), len(failures)))
    sys.exit(1 if failures else 0)
