#!/usr/bin/env python3
"""Pid, time and summary output controls: -t/-tt/-ttt, --absolute-timestamps=,
--timestamps=, -r/--relative-timestamps=, -T/--syscall-times= at each
precision, -O/--summary-syscall-overhead, -Y/--decode-pids=comm and pidns,
strace 7.x's --always-show-pid and --tips, and the options refused in one
line (-e kvm=vcpu, --secontext, -d).

What Debian's strace 6.1 has is run under it and under sctrace (both engines)
and must give the same output once the numbers that differ from run to run
(times, pids, addresses) are masked; each format is also checked by a regex
that fails on a wrong width or precision.
Usage: output_stamps_test.py SCTRACE PID_CALLS [test]..."""

import os
import re
import shutil
import subprocess
import sys
import tempfile

from cli_support import check, ebpf_works, failures

SCTRACE = sys.argv[1]
PID_CALLS = sys.argv[2]
STRACE = shutil.which("strace")


ENGINES = [[]] + ([["--backend=ebpf"]] if ebpf_works(SCTRACE) else [])


def run(tool, args, **kw):
    """The tool's (exit status, stdout, stderr), its name replaced by TRACER."""
    r = subprocess.run([os.path.basename(tool)] + args, executable=tool, capture_output=True,
                       text=True, errors="replace", timeout=60, **kw)
    name = os.path.basename(tool)
    fix = lambda t: re.sub(r"\b%s\b" % name, "TRACER", t)
    return r.returncode, fix(r.stdout), fix(r.stderr)


def masked(text):
    """Every digit a 9, addresses 0xADDR: what stays is the layout."""
    return re.sub(r"\d", "9", re.sub(r"0x[0-9a-f]+", "0xADDR", text))


# A trace that is the same each run: cat's close calls, and the exit line.
CLOSES = ["-e", "trace=close", "-e", "signal=none", "cat", "/dev/null"]

# Each form, and the regex every line of its trace must match.
TIME = r"\d\d:\d\d:\d\d"
STAMP_FORMS = [
    (["-t"], TIME + r" "),
    (["-tt"], TIME + r"\.\d{6} "),
    (["-ttt"], r"\d{10}\.\d{6} "),
    (["-tttt"], r"\d{10}\.\d{6} "),
    (["--absolute-timestamps"], TIME + r" "),
    (["--absolute-timestamps="], TIME + r" "),
    (["--absolute-timestamps=ms"], TIME + r"\.\d{3} "),
    (["--absolute-timestamps=ns"], TIME + r"\.\d{9} "),
    (["--absolute-timestamps=unix"], r"\d{10} "),
    (["--absolute-timestamps=format:unix,precision:ns"], r"\d{10}\.\d{9} "),
    (["--absolute-timestamps=ms,unix"], r"\d{10}\.\d{3} "),
    (["--absolute-timestamps=unix,,ns"], r"\d{10}\.\d{9} "),
    (["--absolute-timestamps=FORMAT:unix,Precision:US"], r"\d{10}\.\d{6} "),
    (["--absolute-timestamps=none"], r""),
    (["--absolute-timestamps=unix", "--absolute-timestamps"], TIME + r" "),
    (["--absolute-timestamps=unix", "--absolute-timestamps=ns"], r"\d{10}\.\d{9} "),
    (["--absolute-timestamps=none", "--absolute-timestamps=ns"], TIME + r"\.\d{9} "),
    (["--timestamps=us"], TIME + r"\.\d{6} "),
    (["-r"], r" {5}\d\.\d{6} "),
    (["--relative-timestamps"], r" {5}\d\.\d{6} "),
    (["--relative-timestamps=s"], r" {5}\d "),
    (["--relative-timestamps=ms"], r" {5}\d\.\d{3} "),
    (["--relative-timestamps=NS"], r" {5}\d\.\d{9} "),
    (["--relative-timestamps=ns", "-r"], r" {5}\d\.\d{6} "),
    (["-r", "--relative-timestamps=ns"], r" {5}\d\.\d{9} "),
    (["-tt", "-r"], TIME + r"\.\d{6} \(\+ {5}\d\.\d{6}\) "),
    (["-ttt", "--relative-timestamps=ms"], r"\d{10}\.\d{6} \(\+ {5}\d\.\d{3}\) "),
    (["--relative-timestamps=s", "-t"], TIME + r" \(\+ {5}\d\) "),
    (["--absolute-timestamps=ns", "-r"], TIME + r"\.\d{9} \(\+ {5}\d\.\d{6}\) "),
    (["--absolute-timestamps=none", "-r"], r" {5}\d\.\d{6} "),
]
DURATION_FORMS = [
    (["-T"], r"<0\.\d{6}>"),
    (["--syscall-times"], r"<0\.\d{6}>"),
    (["--syscall-times=s"], r"<0>"),
    (["--syscall-times=ms"], r"<0\.\d{3}>"),
    (["--syscall-times=us"], r"<0\.\d{6}>"),
    (["--syscall-times=ns"], r"<0\.\d{9}>"),
    (["--syscall-times=ns", "-T"], r"<0\.\d{6}>"),
    (["-T", "--syscall-times=ms"], r"<0\.\d{3}>"),
    (["-ttt", "-T"], r"<0\.\d{6}>"),
]


def trace_lines(err):
    return [l for l in err.splitlines() if l]


def test_stamps():
    """Each time format and precision, as strace 6.1 lays it out."""
    for form, stamp in STAMP_FORMS:
        want = run(STRACE, form + CLOSES)
        check(want[0] == 0, "strace %s: %r" % (form, want))
        for engine in ENGINES:
            got = run(SCTRACE, engine + form + CLOSES)
            check(masked(got[2]) == masked(want[2]) and got[:2] == want[:2],
                  "%s: sctrace %r, strace %r" % (engine + form, got, want))
            for line in trace_lines(got[2]):
                check(re.fullmatch(stamp + r"(close\(\d\)\s*= 0|\+\+\+ exited with 0 \+\+\+)", line),
                      "%s: %r does not match %r" % (engine + form, line, stamp))
    for form, end in DURATION_FORMS:
        want = run(STRACE, form + CLOSES)
        for engine in ENGINES:
            got = run(SCTRACE, engine + form + CLOSES)
            check(masked(got[2]) == masked(want[2]), "%s: sctrace %r, strace %r" % (engine + form, got, want))
            lines = [l for l in trace_lines(got[2]) if "close" in l]
            check(len(lines) == want[2].count("close(") and all(re.search(r"= 0 " + end + "$", l) for l in lines),
                  "%s: %r does not end in %r" % (engine + form, lines, end))


def test_stamp_errors():
    """strace 6.1's messages and exit status for what it refuses."""
    for form in (["--absolute-timestamps=bogus"], ["--absolute-timestamps=format:ms"],
                 ["--absolute-timestamps=precision:"], ["--absolute-timestamps=10ms"],
                 ["--absolute-timestamps=format:unix:x"], ["--timestamps=bogus"],
                 ["--relative-timestamps="], ["--relative-timestamps=1"], ["--relative-timestamps=precision:ns"],
                 ["--syscall-times=bogus"], ["--syscall-times=10us"], ["--syscall-times="],
                 ["-t", "--absolute-timestamps"], ["--absolute-timestamps=ns", "-ttt"],
                 ["--timestamps=ns", "-t"], ["--absolute-timestamps=none", "-t"],
                 ["-O", "-1"], ["-O", "abc"], ["-O", "1m"], ["-O", "1S"], ["-O", "0x10"], ["-O", "inf"],
                 ["-O", "1e400"], ["-O", "1 "], ["-O", ""], ["-O", " .5"], ["--summary-syscall-overhead=x"]):
        want = run(STRACE, form + ["true"])
        check(want[0] == 1, "strace %s accepted: %r" % (form, want))
        for engine in ENGINES:
            got = run(SCTRACE, engine + form + ["true"])
            check(got == want, "%s: sctrace %r, strace %r" % (engine + form, got, want))


def test_durations_ns():
    """Both engines' clocks are finer than microseconds: under ns precision
    some times do not end in 000 (each has a chance of 1 in 1000 to)."""
    busy = ["-e", "trace=close,read,openat", "-e", "signal=none", "cat", "/etc/passwd", "/etc/group"]
    for engine in ENGINES:
        got = run(SCTRACE, engine + ["--syscall-times=ns", "--absolute-timestamps=unix,ns"] + busy)
        lines = [l for l in trace_lines(got[2]) if "<" in l]
        durs = [re.search(r"<0\.(\d{9})>$", l) for l in lines]
        stamps = [re.match(r"\d{10}\.(\d{9}) ", l) for l in lines]
        check(lines and all(durs) and all(stamps), "%s: %r" % (engine, got))
        if lines and all(durs) and all(stamps):
            check(any(not d.group(1).endswith("000") for d in durs), "%s: durations in whole us: %r" % (engine, lines))
            check(any(not s.group(1).endswith("000") for s in stamps), "%s: stamps in whole us: %r" % (engine, lines))


def summary_rows(text):
    """syscall -> (seconds, usecs/call, calls) from a -c table."""
    rows = {}
    for l in text.splitlines():
        m = re.match(r"\s*[\d.]+\s+([\d.]+)\s+(\d+)\s+(\d+)\s+(?:\d+\s+)?(\w+)$", l)
        if m and m.group(4) != "total":
            rows[m.group(4)] = (float(m.group(1)), int(m.group(2)), int(m.group(3)))
    return rows


def test_overhead():
    """-O: each call's time less the overhead, down to zero; every unit and
    the long form are read as strace reads them."""
    trace = ["-e", "trace=close,getppid", "-e", "signal=none", "sh", "-c", "cat /dev/null"]
    for form in (["-O", "1s"], ["-O", "1e6"], ["-O", "1000ms"], ["--summary-syscall-overhead=1000000us"],
                 ["-O", "1000000000ns"], ["-O", ".5s", "-O", "2s"], ["-O", "\t1s"]):
        want = run(STRACE, ["-c", "-w"] + form + trace)
        check(want[0] == 0 and all(r[0] == 0 and r[1] == 0 for r in summary_rows(want[2]).values()),
              "strace %s: %r" % (form, want))
        for engine in ENGINES:
            got = run(SCTRACE, engine + ["-c", "-w"] + form + trace)
            rows = summary_rows(got[2])
            check(masked(got[2]) == masked(want[2]) and rows and
                  all(r[0] == 0 and r[1] == 0 for r in rows.values()) and
                  {k: r[2] for k, r in rows.items()} == {k: r[2] for k, r in summary_rows(want[2]).items()},
                  "%s: sctrace %r, strace %r" % (engine + form, got, want))
    # Without -O some time is counted; with 1 ns taken off it still is.
    many = ["-e", "signal=none", "cat", "/etc/passwd", "/etc/group", "/etc/services", "/etc/protocols"]
    for engine in ENGINES:
        for form in ([], ["-O", "1ns"]):
            got = run(SCTRACE, engine + ["-c", "-w"] + form + many)
            total = re.search(r"^\s*[\d.]+\s+([\d.]+)\s+\d+\s+\d+\s+(?:\d+\s+)?total$", got[2], re.M)
            check(total and float(total.group(1)) > 0, "%s: no time counted: %r" % (engine + form, got))


def test_summary_empty():
    """-c and -C when no call was counted: strace prints no table (not an empty
    one); when calls were counted but -e status= or -P showed none, the
    table is there. Each form on both engines, stderr compared whole."""
    forms = [["-c"], ["-C"], ["-c", "-w"], ["-C", "-w"], ["-c", "-S", "calls"], ["-c", "-U", "name,calls"],
             ["-c", "-S", "name", "-w"]]
    filters = [["-e", "trace=none"], ["-e", "trace=getppid"], ["-e", "trace=getppid", "-e", "status=failed"],
               ["-e", "trace=close", "-e", "status=failed"], ["-e", "trace=openat", "-P", "/nonexistent"]]
    for form in forms:
        for filt in filters:
            args = form + filt + ["-e", "signal=none", "cat", "/dev/null"]
            want = run(STRACE, args)
            empty = filt[1] in ("trace=none", "trace=getppid") or "-P" in filt
            check(want[0] == 0 and ("total" in want[2]) != empty, "strace %s: %r" % (args, want))
            for engine in ENGINES:
                got = run(SCTRACE, engine + args)
                # Times differ run to run, and with them the columns' widths.
                loose = lambda t: re.sub(r" *[\d.]+", " N", t)
                check(got[:2] == want[:2] and loose(got[2]) == loose(want[2]),
                      "%s: sctrace %r, strace %r" % (engine + args, got, want))


def pid_masked(text):
    """Pids numbered in order of appearance; tracer names alike."""
    seen = {}
    text = re.sub(r"<(strace|sctrace)>", "<TRACER>", text)
    text = re.sub(r"0x[0-9a-f]+", "0xADDR", text)
    return re.sub(r"(?<![\w.])(\d{3,})(?=\W)", lambda m: "PID%d" % seen.setdefault(m.group(1), len(seen)), text)


PID_TRACE = ["-e", "trace=getpid,getppid,gettid,clone,wait4,kill,tgkill,getpgid,getsid,setpgid"]


def test_decode_pids():
    """-Y, --decode-pids=comm (and -e decode-pids=): N<comm> for tasks, none
    for process groups and sessions, none for a reaped child; si_pid of a
    SIGCHLD from a zombie; the last of these options wins."""
    forms = [["-Y"], ["--decode-pids=comm"], ["-e", "decode-pids=comm"], ["-e", "decode-pids=COMM"],
             ["-e", "decode-pids=all"], ["--decode-pids=pidns", "-Y"], ["-Y", "--decode-pids=none"],
             ["-e", "decode-pids=!pidns"], ["-Y", "--pidns-translation"]]
    for form in forms:
        want = run(STRACE, form + PID_TRACE + [PID_CALLS])
        check(want[0] == 0, "strace %s: %r" % (form, want))
        for engine in ENGINES:
            got = run(SCTRACE, engine + form + PID_TRACE + [PID_CALLS])
            if engine:
                # The eBPF engine reads /proc after the fact: a child that
                # sctrace does not trace may be reaped by then (docs/ebpf.md).
                drop = lambda t: re.sub(r"(\d+)<pid_calls>(?=[,)\]]| \S*$|$)", r"\1", t, flags=re.M)
                lines = lambda t: [l for l in pid_masked(t).splitlines()
                                   if not re.search(r"clone\(|wait4\(|SIGCHLD", l)]
                check(lines(got[2]) == lines(want[2]) and got[0] == want[0],
                      "%s: sctrace %r, strace %r" % (engine + form, got, want))
            else:
                check((got[0], pid_masked(got[2])) == (want[0], pid_masked(want[2])),
                      "%s: sctrace %r, strace %r" % (engine + form, got, want))
        if form == ["-Y"]:
            check("getpid()                                = PID0<pid_calls>" in pid_masked(want[2]) and
                  "si_pid=PID" in pid_masked(want[2]), "strace -Y: %r" % (want,))
    # The pid prefix under -f: [pid N<comm>], and N<comm> in a -o file (a
    # child's name is its parent's until it execs: known on both engines).
    trace = ["-f", "-e", "trace=getpid,exit_group", "-e", "signal=none", "-qq", PID_CALLS]
    for engine in ENGINES:
        got = run(SCTRACE, engine + ["-Y"] + trace)
        check(re.search(r"^\[pid +\d+<pid_calls>\] exit_group\(3\) += \?$", got[2], re.M) and
              re.search(r"^getpid\(\) += \d+<pid_calls>$", got[2], re.M), "%s -f -Y: %r" % (engine, got))
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "t")
            run(SCTRACE, engine + ["-Y", "-o", out] + trace)
            text = open(out).read()
            check(re.search(r"^\d+<pid_calls> exit_group\(3\) += \?$", text, re.M), "%s -o -f -Y: %r" % (engine, text))
    # Bad sets: strace's words, no usage hint.
    for form in (["--decode-pids=bogus"], ["--decode-pids="], ["-e", "decode-pids=comm,bogus"], ["-e", "decode-pids=!"]):
        want = run(STRACE, form + ["true"])
        got = run(SCTRACE, form + ["true"])
        check(got == want and want[0] == 1, "%s: sctrace %r, strace %r" % (form, got, want))


def test_pidns():
    """--decode-pids=pidns (and 6.1's --pidns-translation): a tracee in a new
    pid namespace shows its ids as N /* M in strace's PID NS */; ids nothing
    in sctrace's namespace has (the reaped child, the namespace's parent
    group) plain; with -Y too, N<comm> /* M ... */."""
    trace = ["-f", "-qq", "-e", "signal=none", "-e", "trace=getpid,gettid,getppid,kill,tgkill,getpgid,getsid",
             "unshare", "--pid", "--fork", PID_CALLS]
    for form in (["--decode-pids=pidns"], ["--pidns-translation"], ["--decode-pids=pidns,comm"]):
        with tempfile.TemporaryDirectory() as d:
            want_file = os.path.join(d, "want")
            want = run(STRACE, form + ["-o", want_file] + trace)
            want_text = pid_masked(open(want_file).read())
            check(want[0] == 0 and "/* PID" in want_text and "in strace's PID NS */" in want_text,
                  "strace %s: %r %r" % (form, want, want_text))
            # The eBPF engine reads a tracee's namespace from /proc after the
            # fact, when the short-lived tracee is gone: ptrace only (docs/ebpf.md).
            for engine in [[]]:
                got_file = os.path.join(d, "got")
                got = run(SCTRACE, engine + form + ["-o", got_file] + trace)
                got_text = pid_masked(open(got_file).read())
                check(got[0] == want[0] and got_text == want_text,
                      "%s: sctrace %r\n%s\nstrace\n%s" % (engine + form, got, got_text, want_text))


def test_always_show_pid():
    """strace 7.x's --always-show-pid: the [pid N] prefix on every line with
    one process too; with -o, the file's "N " prefix."""
    for engine in ENGINES:
        got = run(SCTRACE, engine + ["--always-show-pid"] + CLOSES)
        lines = trace_lines(got[2])
        check(got[0] == 0 and len(lines) > 1 and all(re.match(r"\[pid +\d+\] (close|\+\+\+)", l) for l in lines),
              "%s --always-show-pid: %r" % (engine, got))
        plain = run(SCTRACE, engine + CLOSES)
        check(not re.search(r"^\[pid", plain[2], re.M), "%s without it: %r" % (engine, plain))
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "t")
            run(SCTRACE, engine + ["--always-show-pid", "-o", out] + CLOSES)
            lines = open(out).read().splitlines()
            check(len(lines) > 1 and all(re.match(r"\d+ +(close|\+\+\+)", l) for l in lines), "%s -o: %r" % (engine, lines))


def test_tips():
    """--tips: a boxed tip on standard error once the trace ends (not in the
    -o file), none for format:none; strace's message for a bad argument;
    alone (strace 7.x), a tip and exit 0."""
    for engine in ENGINES:
        got = run(SCTRACE, engine + ["--tips=id:1"] + CLOSES)
        check(got[0] == 0 and "+++ exited with 0 +++\n  ____" in got[2] and got[2].endswith("/\n"),
              "%s --tips: %r" % (engine, got))
        same = run(SCTRACE, engine + ["--tips=id:1,format:compact"] + CLOSES)
        check(same[2] == got[2] or masked(same[2]) == masked(got[2]), "id:1 twice: %r %r" % (got, same))
        none = run(SCTRACE, engine + ["--tips=format:none"] + CLOSES)
        check("____" not in none[2], "%s format:none: %r" % (engine, none))
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "t")
            got = run(SCTRACE, engine + ["--tips", "-o", out] + CLOSES)
            check("____" in got[2] and "____" not in open(out).read(), "%s -o: %r" % (engine, got))
    full = run(SCTRACE, ["--tips=full,id:0"])
    check(full[0] == 0 and "tip 0 of" in full[2], "--tips alone: %r" % (full,))
    for bad in ("bogus", "id:-1", "format:5"):
        want = run(STRACE, ["--tips=" + bad, "true"])
        got = run(SCTRACE, ["--tips=" + bad, "true"])
        check(got == want and want[0] == 1, "--tips=%s: sctrace %r, strace %r" % (bad, got, want))


def test_long_forms():
    """6.1's long forms nobody else owns: --strings-in-hex[=...] (and its
    clash with -x), --output-append-mode."""
    with tempfile.TemporaryDirectory() as d:
        data = os.path.join(d, "bin")
        with open(data, "wb") as f:
            f.write(b"a\x01\n\t\xffb7")
        trace = ["-e", "trace=read", "-e", "signal=none", "-s", "64", "cat", data]
        for form in (["--strings-in-hex"], ["--strings-in-hex=all"], ["--strings-in-hex=NON-ASCII"],
                     ["--strings-in-hex=non-ascii-chars"], ["--strings-in-hex=none"], ["--strings-in-hex=bogus"],
                     ["-x", "--strings-in-hex=none"], ["--strings-in-hex=all", "-x"], ["--output-append-mode"]):
            want = run(STRACE, form + trace)
            for engine in ENGINES:
                got = run(SCTRACE, engine + form + trace)
                check(masked(got[2]) == masked(want[2]) and got[:2] == want[:2],
                      "%s: sctrace %r, strace %r" % (engine + form, got, want))


def test_refused():
    """What cannot work here: one 'sctrace: ...' line and exit 1, never an
    invalid option; strace 6.1's words where it refuses too."""
    for form in (["--secontext"], ["--secontext=full"], ["--secontext=bogus"], ["-e", "kvm=bogus"], ["--kvm=x"]):
        want = run(STRACE, form + ["true"])
        got = run(SCTRACE, form + ["true"])
        check(got == want and want[0] == 1 and len(want[2].splitlines()) == 1, "%s: sctrace %r, strace %r" % (form, got, want))
    for form in (["-e", "kvm=vcpu"], ["--kvm=vcpu"], ["-d"], ["--debug"]):
        got = run(SCTRACE, form + ["true"])
        check(got[0] == 1 and got[1] == "" and len(got[2].splitlines()) == 1 and got[2].startswith("TRACER: ") and
              "invalid option" not in got[2] and "not supported" in got[2], "%s: %r" % (form, got))


TESTS = {"stamps": test_stamps, "stamp_errors": test_stamp_errors, "durations_ns": test_durations_ns,
         "overhead": test_overhead, "decode_pids": test_decode_pids, "pidns": test_pidns,
         "always_show_pid": test_always_show_pid, "tips": test_tips, "long_forms": test_long_forms,
         "refused": test_refused, "summary_empty": test_summary_empty}

if __name__ == "__main__":
    names = sys.argv[3:] or list(TESTS)
    for n in names:
        TESTS[n]()
    print("%d passed, %d failed" % (0 if failures else len(names), len(failures)))
    sys.exit(1 if failures else 0)
