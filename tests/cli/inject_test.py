#!/usr/bin/env python3
"""Tampering: -e inject= and -e fault= (docs/inject.md).

Every form Debian's strace 6.1 has is run under it and under sctrace, and
must give the same trace, the same program output and the same exit status
after normalising pids, addresses and times. Delays are checked with a
lower bound only. Usage: inject_test.py SCTRACE INJECT_PROBE [test]..."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from cli_support import check, failures

SCTRACE = sys.argv[1]
PROBE = sys.argv[2]
STRACE = shutil.which("strace")


def normalise(text, tool):
    name = os.path.basename(tool)
    text = text.replace(name + ":", "TRACER:")
    text = re.sub(r"0x[0-9a-f]+", "0xADDR", text)
    text = re.sub(r"\b(Process|pid|si_pid=|process) *\d+", r"\1 N", text)
    text = re.sub(r"<\d+\.\d+>", "<T>", text)
    return text


def run(tool, args, **kw):
    """The tool's (exit status, stdout, stderr), normalised."""
    r = subprocess.run([os.path.basename(tool)] + args, executable=tool, capture_output=True,
                       text=True, timeout=60, **kw)
    return r.returncode, normalise(r.stdout, tool), normalise(r.stderr, tool)


def same_as_strace(args, sctrace_extra=(), **kw):
    """strace 6.1 and sctrace give the same (status, stdout, stderr); strace's."""
    want = run(STRACE, args, **kw)
    got = run(SCTRACE, list(sctrace_extra) + args, **kw)
    check(got == want, "%s: sctrace %r, strace %r" % (list(sctrace_extra) + args, got, want))
    return want


# sctrace's seccomp fast path (taken whenever -e trace= leaves calls out)
# and the stop at every call, which strace 6.1 uses without -f.
BOTH_PATHS = [(), ("--no-seccomp-bpf",)]


def test_bad_specs():
    """strace 6.1's messages and exit status for bad expressions, and its
    warnings for a retval= that looks like an error."""
    for spec in ["inject=openat", "inject=openat:error=EFOO", "inject=openat:error=EACCES:retval=1",
                 "inject=openat:when=0:error=EACCES", "inject=openat:when=2..1:error=EACCES",
                 "inject=openat:when=65536:error=EACCES", "inject=openat:error=4096",
                 "inject=openat:retval=abc", "inject=openat:signal=FOO", "inject=openat:signal=65",
                 "inject=openat:syscall=open:error=ENOENT", "inject=openat:syscall=getpid",
                 "inject=openat:delay_enter=abc", "inject=openat:delay_enter=10xs", "inject=openat:foo=1",
                 "inject=foo:error=EACCES", "inject=:error=EACCES", "inject=foo:bar",
                 "fault=openat:retval=1", "fault=openat:signal=SIGUSR1", "fault=foo",
                 "inject=openat:error=EACCES:error=ENOENT", "inject=write:poke_enter=@arg8=41",
                 "inject=write:poke_enter=@arg1=4", "inject=getpid:retval=-1:foo",
                 "inject=openat:error=ENOGRACE", "inject=openat:error=ENOPARAM"]:
        want = same_as_strace(["-e", spec, "true"])
        check(want[0] == 1, "strace refuses %s: %r" % (spec, want))
    for spec in ["inject=getpid:retval=-1", "inject=getpid:retval=-5000", "inject=getpid:retval=4294967295"]:
        same_as_strace(["-qq", "-e", "trace=none", "-e", spec, "true"])
    # The long forms.
    same_as_strace(["--inject=openat", "true"])
    same_as_strace(["--fault=openat:retval=1", "true"])


def test_path_error():
    """The brief's example: -P FILE -e trace=openat -e inject=openat:error=EACCES
    cat FILE: cat says "Permission denied", the call is marked (INJECTED)."""
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "file.txt")
        with open(f, "w") as out:
            out.write("content\n")
        for extra in BOTH_PATHS:
            want = same_as_strace(["-P", f, "-e", "trace=openat", "-e", "inject=openat:error=EACCES", "cat", f],
                                  extra)
            check(want[0] == 1 and "Permission denied" in want[2] and
                  "= -1 EACCES (Permission denied) (INJECTED)" in want[2], "strace's behaviour: %r" % (want,))
        # Counted only among the calls -P lets through: when=1 is the file's.
        same_as_strace(["-P", f, "-e", "inject=openat:error=EACCES:when=1", "cat", "/etc/hostname", f])
        # Calls -e trace= leaves out are not tampered with.
        same_as_strace(["-e", "trace=close", "-e", "inject=openat:error=EACCES", "cat", f])
        same_as_strace(["-e", "trace=openat", "-e", "fault=openat:when=2", "cat", f])


def test_when():
    """when=FIRST, FIRST..LAST, FIRST+, FIRST+STEP, FIRST..LAST+STEP: the
    program sees the same returns as under strace."""
    for when in ["2", "2..3", "3+", "2+2", "1..5+3", "+4"]:
        for extra in BOTH_PATHS:
            want = same_as_strace(["-e", "trace=getuid", "-e", "inject=getuid:retval=42:when=" + when,
                                   PROBE, "calls", "6"], extra)
            check(want[0] == 0 and "getuid=42" in want[1], "when=%s: %r" % (when, want))
    want = same_as_strace(["-e", "trace=getuid", "-e", "inject=getuid:error=EPERM:when=3+", PROBE, "calls", "5"])
    check(want[1].count("getuid=-1 errno=1") == 3, "when=3+ fails the third and later: %r" % (want,))


def test_retval():
    """retval= on a call that never fails, and error= shown as an error on it
    as strace shows it; an error number strace has no name for."""
    for spec in ["getuid:retval=42", "getuid:retval=0x10", "getuid:error=EPERM", "getuid:error=4000",
                 "getuid:error=ERESTARTSYS"]:
        same_as_strace(["-e", "trace=getuid", "-e", "inject=" + spec, PROBE, "calls", "2"])
    same_as_strace(["-e", "trace=getuid", "-e", "fault=getuid", PROBE, "calls", "2"])
    # A call that does not return comes back when it is failed.
    same_as_strace(["-e", "trace=exit_group", "-e", "inject=exit_group:error=EPERM", PROBE, "calls", "1"])
    # JSON says what was done, beside the same ret and errno.
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "t.jsonl")
        subprocess.run([SCTRACE, "-o", os.devnull, "--json=" + out, "-e", "trace=getuid", "-e",
                        "inject=getuid:error=EPERM:delay_exit=1:when=2", PROBE, "calls", "2"],
                       capture_output=True, timeout=60)
        calls = [json.loads(l) for l in open(out) if '"getuid"' in l]
        check(len(calls) == 2 and "tampered" not in calls[0] and calls[1]["errno"] == "EPERM" and
              calls[1]["tampered"] == ["retval", "delayed"], "json: %r" % (calls,))


def test_returns():
    """retval= of every kind on calls whose results strace prints in different
    ways: a value in the error range that is no error prints unsigned
    (18446744073709551615), except descriptors and process ids; a time shows
    its date but not for 0; a length or count that huge is read as strace
    reads it (a CPU mask marked cut, events as their address)."""
    for call in ["time", "lseek", "alarm", "getpriority", "sched_getaffinity", "epoll_wait", "poll",
                 "rt_sigtimedwait", "fcntl", "getsid", "setsid", "close"]:
        # 129: more than the CPU mask's 128 bytes (not for the events, whose
        # 129th would be whatever lies on the stack past the array).
        for value in ["-1", "-4095", "-4096", "0", "7"] + (["129"] if call == "sched_getaffinity" else []):
            same_as_strace(["-e", "trace=" + call, "-e", "inject=%s:retval=%s" % (call, value), PROBE, "returns"])


def test_signal():
    """signal=SIGUSR1: the program dies of it, or its handler runs after the
    call, as under strace; the signal's line is the kernel's (SI_KERNEL),
    also on the seccomp fast path where sctrace sends it itself."""
    for extra in BOTH_PATHS:
        want = same_as_strace(["-e", "trace=getuid", "-e", "inject=getuid:signal=SIGUSR1:when=2",
                               PROBE, "calls", "3"], extra)
        check(want[0] == -10 and "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---" in want[2] and
              "+++ killed by SIGUSR1 +++" in want[2], "strace's behaviour: %r" % (want,))
        want = same_as_strace(["-e", "trace=getuid", "-e", "inject=getuid:signal=usr1:retval=7:when=2",
                               PROBE, "handler", "3"], extra)
        check(want[0] == 0 and "handler: SIGUSR1" in want[1], "handler: %r" % (want,))


def test_substitute():
    """syscall=NAME runs a %pure call instead; strace refuses others."""
    for spec in ["getuid:syscall=getpid:retval=5", "getuid:syscall=getppid:error=EACCES",
                 "getuid:syscall=gettid:error=EPERM:when=2"]:
        for extra in BOTH_PATHS:
            same_as_strace(["-e", "trace=getuid", "-e", "inject=" + spec, PROBE, "calls", "2"], extra)
    same_as_strace(["-e", "inject=getuid:syscall=open:error=EPERM", "true"])


def test_delay():
    """delay_enter= and delay_exit=: (DELAYED), and the delay happened (a
    lower bound only); a held thread does not hold the others."""
    for extra in BOTH_PATHS:
        start = time.monotonic()
        code, out, err = run(SCTRACE, list(extra) + ["-T", "-e", "trace=getuid", "-e",
                                                     "inject=getuid:delay_enter=300ms:when=2", PROBE, "calls", "3"])
        elapsed = time.monotonic() - start
        lines = [l for l in err.splitlines() if l.startswith("getuid()")]
        check(code == 0 and len(lines) == 3 and lines[1].endswith("(DELAYED) <T>") and
              "DELAYED" not in lines[0] + lines[2], "%s delay_enter: %r" % (extra, (code, out, err)))
        check(elapsed >= 0.3, "%s delay_enter: the run took %.3f s" % (extra, elapsed))
        # -T includes a delay at entry (the call's time runs from its entry).
        raw = subprocess.run([SCTRACE] + list(extra) + ["-T", "-e", "trace=getuid", "-e",
                             "inject=getuid:delay_enter=300ms:when=2", PROBE, "calls", "3"],
                             capture_output=True, text=True, timeout=60).stderr
        times = [float(t) for t in re.findall(r"\(DELAYED\) <(\d+\.\d+)>", raw)]
        check(len(times) == 1 and times[0] >= 0.3, "-T of the delayed call: %r" % (raw,))
        start = time.monotonic()
        code, out, err = run(SCTRACE, list(extra) + ["-e", "trace=getuid", "-e",
                                                     "inject=getuid:delay_exit=0.3s:error=EPERM:when=1", PROBE,
                                                     "calls", "1"])
        check(time.monotonic() - start >= 0.3 and code == 0 and
              "= -1 EPERM (Operation not permitted) (INJECTED) (DELAYED)" in err and "errno=1" in out,
              "%s delay_exit: %r" % (extra, (code, out, err)))
    # One thread held for 3 s while another makes five calls 20 ms apart.
    # (The other's stops must wake the tracer from its wait for the held
    # one's deadline: a SIGCHLD lost before the first wait once made B wait.)
    # (B's first call may be split around A's: its entry is counted.)
    for extra in BOTH_PATHS:
        code, out, err = run(SCTRACE, list(extra) + ["-f", "-qq", "-e", "trace=getuid,getgid", "-e",
                                                     "inject=getuid:delay_enter=3s", PROBE, "hold"])
        check(code == 0 and out == "B finished while A was held\n" and err.count("getgid(") == 5,
              "%s hold: %r" % (extra, (code, out, err)))
    # strace's units.
    for delay in ["1000", "1ms", "1000us", "1000000ns", "0.001s", "1e3"]:
        code, out, err = run(SCTRACE, ["-e", "trace=getuid", "-e", "inject=getuid:delay_enter=" + delay,
                                       PROBE, "calls", "1"])
        check(code == 0 and "(DELAYED)" in err, "delay_enter=%s: %r" % (delay, (code, out, err)))


def test_threads():
    """-f on a multithreaded tracee: when= counts per syscall per thread, as
    strace does (each thread starts from 1)."""
    for extra in BOTH_PATHS:
        want = same_as_strace(["-f", "-qq", "-e", "trace=getuid", "-e", "inject=getuid:retval=9:when=2..3",
                               PROBE, "threads"], extra)
        check(want[1].count("getuid=9") == 6, "per thread: %r" % (want,))


def test_poke():
    """poke_enter= and poke_exit= (strace 6.1 has them): the bytes are
    written where the argument points, read-only memory too; the call is
    marked (INJECTED: args); a poke that cannot be written is said."""
    for extra in BOTH_PATHS:
        want = same_as_strace(["-e", "trace=write", "-e", "inject=write:poke_enter=@arg2=4142", PROBE, "write"],
                              extra)
        check(want[1] == "ABllo\n" and "(INJECTED: args)" in want[2], "poke_enter: %r" % (want,))
        same_as_strace(["-e", "trace=write", "-e", "inject=write:poke_enter=@arg1=41", PROBE, "write"], extra)
        with tempfile.NamedTemporaryFile("w") as f:
            f.write("abcdef")
            f.flush()
            for spec in ["read:poke_exit=@arg2=5859", "read:poke_exit=@arg2=5859:retval=2",
                         "read:poke_enter=@arg2=5859:error=EIO"]:
                same_as_strace(["-e", "trace=read", "-e", "inject=%s:when=2" % spec, PROBE, "read", f.name], extra)


def test_sets():
    """Sets with classes, regexes and negation; several -e inject= (the last
    naming a syscall wins); with -e trace= and -P."""
    same_as_strace(["-e", "trace=getuid,getgid", "-e", "inject=/^get.id$:retval=3", PROBE, "calls", "2"])
    same_as_strace(["-e", "trace=getuid", "-e", "inject=getuid:retval=1", "-e", "inject=getuid:retval=2:when=2",
                    PROBE, "calls", "3"])
    same_as_strace(["-e", "trace=getuid", "-e", "inject=!getuid:retval=1", PROBE, "calls", "2"])
    same_as_strace(["-e", "trace=%creds", "-e", "inject=%creds:error=EPERM:when=1", PROBE, "calls", "2"])


def test_summary():
    """-c counts injected errors as strace does (the calls and errors columns;
    times differ from run to run)."""
    def counts(text):
        rows = {}
        for line in text.splitlines():
            f = line.split()
            if f and f[-1] in ("getuid", "total") and len(f) >= 5:
                rows[f[-1]] = f[3:-1]
        return rows
    args = ["-c", "-e", "trace=getuid", "-e", "inject=getuid:error=EPERM:when=2+2", PROBE, "calls", "5"]
    want = run(STRACE, args)
    got = run(SCTRACE, args)
    check(got[:2] == want[:2] and counts(got[2]) == counts(want[2]) == {"getuid": ["5", "2"], "total": ["5", "2"]},
          "-c: sctrace %r, strace %r" % (got, want))


def test_ebpf():
    """The eBPF engine refuses, saying why and what to use; auto takes ptrace."""
    code, out, err = run(SCTRACE, ["--backend=ebpf", "-e", "inject=getuid:retval=1", PROBE, "calls", "1"])
    check(code == 1 and out == "" and err ==
          "TRACER: --backend=ebpf: cannot tamper with syscalls (-e inject=, -e fault=): bpf_override_return "
          "needs kprobes, which this kernel lacks; use --backend=ptrace\n", "ebpf: %r" % ((code, out, err),))
    code, out, err = run(SCTRACE, ["--backend=ebpf", "-e", "fault=getuid", PROBE, "calls", "1"])
    check(code == 1 and "use --backend=ptrace" in err, "ebpf fault: %r" % ((code, out, err),))
    code, out, err = run(SCTRACE, ["--backend=auto", "-e", "trace=getuid", "-e", "inject=getuid:retval=1",
                                   PROBE, "calls", "1"])
    check(code == 0 and out == "main getuid=1 errno=0\n" and "= 1 (INJECTED)" in err, "auto: %r" % ((code, out, err),))


TESTS = {name[5:]: fn for name, fn in globals().items() if name.startswith("test_")}

if __name__ == "__main__":
    if not STRACE:
        print("strace is not installed")
        sys.exit(1)
    for name in sys.argv[3:] or TESTS:
        TESTS[name]()
    if failures:
        print("%d failure(s)" % len(failures))
        sys.exit(1)
    print("ok")
