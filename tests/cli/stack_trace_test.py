#!/usr/bin/env python3
"""-k / --stack-trace: sctrace's frames against Debian's strace 6.1 -k.

strace prints each call's user stack after the call's line (after the
"<... resumed>" line of a split call, after "--- SIG... ---", and the
stack of exit/exit_group after "+++ exited"). The same program is run under
strace -k and sctrace -k (ptrace and eBPF engines) and the frames of each
call must be the same functions, offsets and module addresses; only the
absolute addresses of frames in no module (which differ from run to run)
are normalised. Threads interleave differently from run to run, so with -f
the calls are compared as a multiset of (call, frames).

The eBPF engine unwinds a copy of the stack after the fact, with the file
mappings the kernel recorded as they were made: it must print the frames
strace prints, for processes alive or gone when their records are read.

Usage: stack_trace_test.py SCTRACE STACK_CHAIN STACK_CHAIN_SOURCE group [STACK_CXX]"""

import collections
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

from cli_support import check, ebpf_works, failures

SCTRACE, CHAIN, CHAIN_SOURCE, GROUP = sys.argv[1:5]
CXX = sys.argv[5] if len(sys.argv) > 5 else None
STRACE = shutil.which("strace")


ENGINES = [["--backend=ptrace"]] + ([["--backend=ebpf"]] if ebpf_works(SCTRACE) else [])


def trace(tool, args):
    """The trace -o wrote (no attach messages in it)."""
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "t")
        subprocess.run([tool, "-o", out] + args, capture_output=True, timeout=120)
        with open(out) as f:
            return f.read()


def norm_frame(line):
    # A frame in no module shows its absolute address: it moves with ASLR.
    return re.sub(r"unexpected_backtracing_error \[0x[0-9a-f]+\]", "unexpected_backtracing_error [ADDR]", line)


def calls(text):
    """[(pid, what, [frames])] in order: what is a call's name, a signal or
    "exited"; its frames are the " > " lines after its line."""
    out = []
    last = None
    for line in text.splitlines():
        if line.startswith(" > "):
            if last is not None:
                last[2].append(norm_frame(line))
            continue
        m = re.match(r"(\d+) +(.*)$", line)
        pid, body = (m.group(1), m.group(2)) if m else ("", line)
        last = None
        if body.endswith("<unfinished ...>"):
            continue
        if body.startswith("<... "):
            what = body[5:].split()[0]
        elif body.startswith("--- ") or body.startswith("+++ "):
            what = body.split()[1]
        else:
            m = re.match(r"(\w+)\(", body)
            if not m:
                continue
            what = m.group(1)
        last = (pid, what, [])
        out.append(last)
    return out


def multiset(cs):
    return collections.Counter((what, tuple(frames)) for _, what, frames in cs)


def compare_multisets(got, want, label):
    for k in sorted(set(got) | set(want)):
        if got[k] != want[k]:
            check(False, "%s: %s with frames %s: sctrace %d times, strace %d" %
                  (label, k[0], list(k[1]), got[k], want[k]))


def chain_frames(frames):
    return [re.search(r"\((chain_\d|main)\+", f).group(1) for f in frames if re.search(r"\((chain_\d|main)\+", f)]


# Whether pthread_join waits (a futex call) depends on scheduling, and so
# does where the parent is when the child's SIGCHLD comes.
CHAIN_ARGS = ["-f", "-k", "-e", "trace=!futex", "-e", "signal=!SIGCHLD", CHAIN, "linger"]


def test_chain():
    want = trace(STRACE, CHAIN_ARGS)
    wc = calls(want)
    opens = [f for _, w, f in wc if w == "openat" and any("chain_6" in x for x in f)]
    check(opens and chain_frames(opens[0]) == ["chain_6", "chain_5", "chain_4", "chain_3", "chain_2", "chain_1", "main"],
          "strace -k shows the chain: %r" % opens)
    for engine in ENGINES:
        got = trace(SCTRACE, engine + CHAIN_ARGS)
        compare_multisets(multiset(calls(got)), multiset(wc), " ".join(engine + CHAIN_ARGS))


def test_order():
    # One thread traced: the whole text, line for line, frames where strace
    # puts them (exit_group's after "+++ exited", a signal's after its line).
    # (getrandom's bytes are random; what clone3 shows of parent_tid
    # depends on whether the new thread ran yet.)
    args = ["-k", "-e", "trace=!futex,getrandom,clone3", "-e", "signal=!SIGCHLD", CHAIN]
    norm = lambda t: re.sub(r"\b\d{3,}\b", "N", re.sub(r"0x[0-9a-f]{8,}", "ADDR", t))
    want = norm(trace(STRACE, args))
    check("+++ exited with 0 +++\n > " in want, "strace prints exit_group's stack after +++ exited")
    check(re.search(r"--- SIGUSR1 .*---\n > ", want), "strace prints a signal's stack after its line")
    # (The eBPF engine follows threads without -f and may show a signal
    # inside the call that sent it, docs/ebpf.md: its stacks are compared
    # in test_chain, with -f.)
    got = norm(trace(SCTRACE, ["--backend=ptrace"] + args))
    check(got == want, "ptrace %s: differs from strace:\n%s" % (args, "\n".join(
        l for l in difflib.unified_diff(want.splitlines(), got.splitlines(), lineterm="", n=1))))


def test_cat():
    # Short-lived: gone long before the eBPF engine reads its records. Under
    # env, cat's execve is unwound at its entry, in env. A shell's children
    # (vfork keeps its return address in a register), compared as
    # multisets: -f interleaves them. (Where its SIGCHLD lands varies from
    # run to run: rt_sigreturn's stack is compared in test_chain, after a
    # signal the program sends itself.)
    shell = ["-f", "-k", "-e", "signal=none", "-e", "trace=!rt_sigreturn", "sh", "-c", "ls / >/dev/null; cat /etc/hostname >/dev/null"]
    for args in (["-k", "cat", "/etc/hostname"], ["-k", "env", "cat", "/etc/hostname"], shell):
        want = calls(trace(STRACE, args))
        check(any(w == "execve" and any("/usr/bin/env" in f for f in fs) for _, w, fs in want) or "env" not in args,
              "strace unwinds the second execve in env: %r" % want[:3])
        for engine in ENGINES:
            got = calls(trace(SCTRACE, engine + args))
            check("-f" in args or [w for _, w, _ in got] == [w for _, w, _ in want],
                  "%s %s: the same calls" % (engine, args))
            compare_multisets(multiset(got), multiset(want), "%s %s" % (engine, " ".join(args)))


def test_large_result():
    # A call that returns almost 32 KiB (getdents64 of a big directory) and
    # its stack, both in one eBPF record.
    with tempfile.TemporaryDirectory() as d:
        for i in range(1200):
            open(os.path.join(d, "file_with_a_long_name_%d" % i), "w").close()
        args = ["-k", "-e", "trace=getdents64", "ls", d]
        norm = lambda t: re.sub(r"0x[0-9a-f]{8,}", "ADDR", t)
        want = norm(trace(STRACE, args))
        check(re.search(r"entries \*/, 32768\) = 3\d{4}\n > ", want), "strace: a full buffer and its stack: %r" % want[:300])
        for engine in ENGINES:
            got = norm(trace(SCTRACE, engine + args))
            check(got == want, "%s %s: differs from strace:\n%s" % (engine, args, "\n".join(
                l for l in difflib.unified_diff(want.splitlines(), got.splitlines(), lineterm="", n=1))))


def test_vdso():
    # Frames in no file of the program. A call made from the vDSO: its frame is "[vdso]()" as strace prints it
    # (no file to read symbols from), on both engines (the eBPF engine's
    # process is gone: sctrace's own vDSO, the same image, stands in). strace
    # 6.1's libunwind then loses its way after libc's frame
    # ("unexpected_backtracing_error" at a data address); sctrace goes on to
    # main (docs/differences.md).
    args = ["-k", "-e", "trace=clock_gettime", CHAIN, "vdso"]
    want = [f for _, w, f in calls(trace(STRACE, args)) if w == "clock_gettime"]
    check(len(want) == 1 and want[0][0].startswith(" > [vdso]() [0x") and "(clock_gettime+" in want[0][1],
          "strace: %r" % want)
    for engine in ENGINES:
        got = [f for _, w, f in calls(trace(SCTRACE, engine + args)) if w == "clock_gettime"]
        check(len(got) == 1 and got[0][:2] == want[0][:2], "%s vdso: %r, strace %r" % (engine, got, want))
        check(len(got) == 1 and any("(main+" in f for f in got[0]) and any("(_start+" in f for f in got[0]),
              "%s vdso: on to main and _start: %r" % (engine, got))
    # Code written at run time: in no file, and the unwind ends there.
    args = ["-k", "-e", "trace=getppid", CHAIN, "jit"]
    want = calls(trace(STRACE, args))
    check([f for _, w, f in want if w == "getppid"] == [[" > unexpected_backtracing_error [ADDR]"]], "strace: %r" % want)
    for engine in ENGINES:
        got = calls(trace(SCTRACE, engine + args))
        check(got == want, "%s jit: %r, strace %r" % (engine, got, want))


def test_python():
    # An interpreter: deep stacks (more than 16 KiB of it), a stack page
    # never touched between frames, exported names over local aliases, and
    # many libraries mapped as it runs. The calls traced are those whose
    # stacks do not depend on when the allocator happens to grow.
    python = "/usr/bin/python3"
    args = ["-k", "-e", "trace=%file,read,close", python, "-c", 'open("/etc/passwd")']
    norm = lambda t: re.sub(r"0x[0-9a-f]{8,}", "ADDR", re.sub(r"= \d+$", "= N", t, flags=re.M))
    want = norm(trace(STRACE, args))
    check(want.count("\n > ") > 1000 and "python3" in want, "strace -k shows python's stacks")
    for engine in ENGINES:
        got = norm(trace(SCTRACE, engine + args))
        check(got == want, "%s %s: differs from strace:\n%s" % (engine, args, "\n".join(
            l for l in difflib.unified_diff(want.splitlines(), got.splitlines(), lineterm="", n=1))))


def test_source_lines():
    # -kk (strace 7.x; 6.1 takes it as -k): the source file and line after
    # frames the DWARF knows; the line of chain_6's open() call.
    with open(CHAIN_SOURCE) as f:
        open_line = next(i for i, l in enumerate(f, 1) if 'open("/etc/hostname"' in l)
    for engine in ENGINES:
        got = calls(trace(SCTRACE, engine + ["-kk", "-e", "trace=openat", CHAIN, "linger"]))
        opens = [f for _, w, f in got if w == "openat" and any("chain_6" in x for x in f)]
        check(len(opens) == 1, "%s -kk: the chain's openat: %r" % (engine, got))
        if not opens:
            continue
        f6 = next(x for x in opens[0] if "(chain_6+" in x)
        check(f6.endswith(" %s:%d" % (CHAIN_SOURCE, open_line)) or
              f6.endswith("stack_chain.c:%d" % open_line), "%s -kk: chain_6's frame %r" % (engine, f6))
        # A frame in libc (no debug info read) has no source.
        check(not re.search(r"libc\.so\.6\(.*\) \S+:\d+$", opens[0][0]), "%s -kk: libc frame %r" % (engine, opens[0][0]))
        # -k's frames are -kk's without the source.
    plain = calls(trace(SCTRACE, ["-k", "-e", "trace=openat", CHAIN]))
    source = calls(trace(SCTRACE, ["-kk", "-e", "trace=openat", CHAIN]))
    strip = lambda cs: [(w, [re.sub(r"\] \S+:\d+$", "]", x) for x in f]) for _, w, f in cs]
    check(strip(plain) == strip(source), "-kk is -k plus the source")


def shown(cs):
    # The calls -e trace=openat asks for and the signal (the eBPF engine
    # follows threads without -f and says when they exit).
    return [c for c in cs if c[1] in ("openat", "SIGUSR1")]


def test_options():
    full = calls(trace(SCTRACE, ["-k", "-e", "trace=openat", CHAIN, "linger"]))
    for engine in ENGINES:
        cut = calls(trace(SCTRACE, engine + ["--stack-trace-frame-limit=3", "-e", "trace=openat", "-k", CHAIN, "linger"]))
        check([(w, f) for _, w, f in shown(cut)] == [(w, f[:3]) for _, w, f in shown(full)],
              "%s --stack-trace-frame-limit=3: the first 3 frames" % engine)
        long_form = calls(trace(SCTRACE, engine + ["--stack-trace", "-e", "trace=openat", CHAIN, "linger"]))
        check([f for _, _, f in shown(long_form)] == [f for _, _, f in shown(full)], "%s --stack-trace is -k" % engine)
    # strace's warning with -c, in its words.
    s = subprocess.run([STRACE, "-c", "-k", "true"], capture_output=True, text=True)
    o = subprocess.run([SCTRACE, "-c", "-k", "true"], capture_output=True, text=True)
    first = lambda t: t.splitlines()[0].split(": ", 1)[1]
    check(first(o.stderr) == first(s.stderr), "-c -k: %r vs strace %r" % (o.stderr, s.stderr))
    bad = subprocess.run([SCTRACE, "--stack-capture-size=12", "true"], capture_output=True, text=True)
    check(bad.returncode == 1 and "--stack-capture-size" in bad.stderr, "--stack-capture-size=12: %r" % bad.stderr)


def test_capture_window():
    # eBPF: a smaller copy of the stack recovers a prefix of the frames.
    if len(ENGINES) < 2:
        return
    args = ["-k", "-e", "trace=openat", CHAIN, "linger"]
    full = shown(calls(trace(SCTRACE, ["--backend=ptrace"] + args)))
    for size in (8192, 512):
        got = shown(calls(trace(SCTRACE, ["--backend=ebpf", "--stack-capture-size=%d" % size] + args)))
        check([w for _, w, _ in got] == [w for _, w, _ in full], "ebpf %d: the same calls: %r vs %r" % (size, got, full))
        n = m = 0
        for (_, w, gf), (_, _, wf) in zip(got, full):
            check(gf == wf[:len(gf)], "ebpf %d: %s frames %r not a prefix of %r" % (size, w, gf, wf))
            n += len(gf)
            m += len(wf)
        print("ebpf --stack-capture-size=%d: %d of ptrace's %d frames" % (size, n, m))
        if size == 8192:
            check(n == m, "ebpf 8192: every frame of a lingering process")


def test_cxx():
    # C++ names demangled, as strace 6.1 prints them.
    args = ["-k", "-e", "trace=getppid", CXX]
    want = calls(trace(STRACE, args))
    check(any("stack_ns::Caller::call(int)+" in f for _, w, fs in want for f in fs),
          "strace shows the demangled member: %r" % want)
    for engine in ENGINES:
        got = calls(trace(SCTRACE, engine + args))
        check(got == want, "%s %s: %r, strace %r" % (engine, args, got, want))


{
    "cxx": test_cxx,
    "chain": test_chain,
    "order": test_order,
    "cat": test_cat,
    "python": test_python,
    "vdso": test_vdso,
    "large_result": test_large_result,
    "source_lines": test_source_lines,
    "options": test_options,
    "capture_window": test_capture_window,
}[GROUP]()
sys.exit(1 if failures else 0)
