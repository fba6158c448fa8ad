#!/usr/bin/env python3
"""Every option strace documents (6.1's `strace -h`, and the options strace
7.x's manual adds), each run once on each engine.

An option either works (exit status 0 on a command that exits 0) or is
refused with exactly one `sctrace: ...` line and exit status 1. No run may
answer "invalid option", "unrecognized option" or "not supported yet": a
drop-in takes what people type. Options listed under REFUSED are the ones
that cannot work on this machine or engine; the test also checks that they
still refuse, so a change of behaviour is seen and the table updated.

Usage: option_table_test.py SCTRACE"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from cli_support import check, ebpf_works, failures

SCTRACE = sys.argv[1]
TMP = tempfile.mkdtemp(prefix="sctrace-options-")
OUT = os.path.join(TMP, "trace")
FILE = os.path.join(TMP, "file")
with open(FILE, "w") as f:
    f.write("hello\n")

# A command that makes a few calls of each kind the options look at: it
# opens, reads and writes a file, forks and waits.
COMMAND = ["sh", "-c", "cat %s >/dev/null; /bin/true" % FILE]

# (options, what they need). Every option of `strace -h` (6.1) in its short
# and long forms, and those strace 7.x documents besides.
WORKS = [
    ["-A", "-o", OUT], ["--output-append-mode", "-o", OUT],
    ["-a", "30"], ["--columns=30"],
    ["-b", "execve"], ["--detach-on=execve"],
    ["-c"], ["--summary-only"], ["-C"], ["--summary"],
    ["-c", "-w"], ["-c", "--summary-wall-clock"],
    ["-c", "-O", "2us"], ["-c", "--summary-syscall-overhead=1ms"],
    ["-c", "-S", "calls"], ["-c", "--summary-sort-by=name"],
    ["-c", "-U", "calls,name"], ["-c", "--summary-columns=name,calls,errors"],
    ["-D"], ["-DD"], ["-DDD"], ["--daemonize"], ["--daemonize=grandchild"],
    ["--daemonize=pgroup"], ["--daemonize=session"],
    ["-E", "X=1"], ["-E", "HOME"], ["--env=X=1"],
    ["-f"], ["--follow-forks"], ["-ff", "-o", OUT], ["-f", "--output-separately", "-o", OUT],
    ["-i"], ["--instruction-pointer"],
    ["-I", "1"], ["-I", "2"], ["-I", "3"], ["-I", "4"], ["--interruptible=never_tstp"],
    ["-k"], ["--stack-trace"], ["--stack-traces"], ["-k", "--stack-trace-frame-limit=4"],
    ["-n"], ["--syscall-number"], ["-N"], ["--arg-names"],
    ["-o", OUT], ["--output=" + OUT],
    ["-P", FILE], ["--trace-path=" + FILE],
    ["-q"], ["-qq"], ["-qqq"], ["--quiet=attach,exit"], ["--silent=all"], ["--silence=none"],
    ["-r"], ["--relative-timestamps"], ["--relative-timestamps=ns"],
    ["-s", "8"], ["--string-limit=8"],
    ["-t"], ["-tt"], ["-ttt"], ["--absolute-timestamps"], ["--absolute-timestamps=unix,ns"],
    ["--absolute-timestamps=format:time,precision:ms"], ["--timestamps=none"],
    ["-T"], ["--syscall-times"], ["--syscall-times=ms"],
    ["-u", "nobody"], ["--user=nobody"],
    ["-v"], ["--no-abbrev"],
    ["-x"], ["-xx"], ["--strings-in-hex"], ["--strings-in-hex=non-ascii"],
    ["--strings-in-hex=non-ascii-chars"], ["--strings-in-hex=all"],
    ["-X", "raw"], ["-X", "abbrev"], ["-X", "verbose"], ["--const-print-style=raw"],
    ["-y"], ["-yy"], ["--decode-fds"], ["--decode-fds=all"], ["--decode-fds=path,socket,dev,pidfd"],
    ["-Y"], ["--decode-pids=comm"], ["--decode-pids=pidns"],
    ["-z"], ["--successful-only"], ["-Z"], ["--failed-only"],
    ["--seccomp-bpf"], ["--seccomp-bpf", "-f", "-e", "trace=openat"],
    ["--tips"], ["--tips=id:3,format:full"], ["--tips=none"],
    ["--syscall-limit=3"], ["--kill-on-exit"], ["--argv0=name"], ["--always-show-pid"],
    ["-e", "trace=openat"], ["--trace=%file"], ["-e", "trace-fds=1"], ["--trace-fds=0,1,2"],
    ["-e", "abbrev=none"], ["--abbrev=all"], ["-e", "verbose=none"], ["--verbose=openat"],
    ["-e", "raw=openat"], ["--raw=all"],
    ["-e", "signal=SIGCHLD"], ["--signal=none"], ["-e", "status=successful"], ["--status=failed"],
    ["-e", "read=3"], ["--read=all"], ["-e", "write=1"], ["--write=all"],
    ["-e", "quiet=exit"], ["-e", "decode-fds=path"], ["-e", "decode-pids=comm"],
    ["-e", "inject=getppid:retval=42"], ["--inject=getppid:error=EPERM:when=1"],
    ["-e", "fault=getppid"], ["--fault=getppid:error=EACCES"],
]

# Options that print and exit, with no command.
INFO = [["-h"], ["--help"], ["-V"], ["--version"], ["--tips"]]

# Options that cannot work here: one line, exit status 1.
REFUSED = [
    ["-e", "kvm=vcpu"], ["--kvm=vcpu"],  # no KVM decoding
    ["--secontext"], ["--secontext=full"],  # no SELinux on this system
    ["-d"], ["--debug"],  # sctrace has no debugging output of its own
]


ENGINES = [[]] + ([["--backend=ebpf"]] if ebpf_works(SCTRACE) else [])
BANNED = ("invalid option", "unrecognized option", "not supported yet", "unrecognised option")


def run(args):
    r = subprocess.run([SCTRACE] + args, capture_output=True, text=True, timeout=120,
                       stdin=subprocess.DEVNULL)
    return r.returncode, r.stdout, r.stderr


def one_line_refusal(code, err):
    lines = err.splitlines()
    return code == 1 and len(lines) == 1 and lines[0].startswith("sctrace: ")


def attach_target():
    return subprocess.Popen(["sleep", "30"])


counts = {"works": 0, "refused by engine": 0, "refused": 0}
for engine in ENGINES:
    for opts in WORKS:
        args = engine + opts
        if "-o" not in opts and not any(o.startswith("--output=") for o in opts):
            args = args + ["-o", os.devnull]
        code, out, err = run(args + COMMAND)
        check(not any(b in err.lower() for b in BANNED), "%s: %r" % (args, err))
        if code == 0:
            counts["works"] += 1
        elif engine and one_line_refusal(code, err) and "--backend=ptrace" in err:
            # The eBPF engine may refuse an option it cannot serve, saying
            # which engine can.
            counts["refused by engine"] += 1
        else:
            check(False, "%s: exit %d, stderr %r" % (args, code, err))
    # -p: attach to a running process, with and without -f.
    for opts in (["-p"], ["--attach"], ["-f", "-p"]):
        target = attach_target()
        try:
            time.sleep(0.2)
            p = subprocess.Popen([SCTRACE] + engine + ["-o", os.devnull] + opts + [str(target.pid)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            time.sleep(1.0)
            target.kill()
            out, err = p.communicate(timeout=60)
            check(not any(b in err.lower() for b in BANNED) and p.returncode == 0,
                  "%s %s: exit %s, %r" % (engine, opts, p.returncode, err))
        finally:
            target.kill()
            target.wait()
    for opts in REFUSED:
        code, out, err = run(engine + opts + COMMAND)
        check(one_line_refusal(code, err) and not any(b in err.lower() for b in BANNED),
              "%s: want one sctrace line and exit 1, got %d %r" % (engine + opts, code, err))
        counts["refused"] += 1
for opts in INFO:
    code, out, err = run(opts)
    check(code == 0 and (out or err) and not any(b in (out + err).lower() for b in BANNED),
          "%s: exit %d, %r %r" % (opts, code, out[:200], err))


def option_names(opts):
    """The names an option list is known by: `--name`, `-x`, `-e key`."""
    first = opts[0]
    if first == "-e":
        return ["-e " + opts[1].split("=")[0]]
    if first.startswith("--"):
        return [first.split("=")[0]]
    return [first[:2]]


# -h and the manual page name every option of the table: they list what
# works, and what is refused says so in both.
HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "..", "..", "man", "sctrace.1")) as f:
    manual = f.read().replace("\\-", "-").replace("\\fR", "").replace("\\fP", "").replace("\\fB", "").replace("\\fI", "")
manual = re.sub(r"\s+", " ", re.sub(r'\n\.[A-Z]+ |"', " ", manual))
help_text = re.sub(r"\s+", " ", run(["-h"])[1])
for opts in WORKS + REFUSED + INFO:
    for name in option_names(opts):
        check(name in help_text, "%s is not in sctrace -h" % name)
        check(name in manual, "%s is not in man/sctrace.1" % name)

shutil.rmtree(TMP, ignore_errors=True)
print("option table: %d runs work, %d refused by the eBPF engine, %d refused (cannot work here)"
      % (counts["works"], counts["refused by engine"], counts["refused"]))
if failures:
    print("%d failures" % len(failures))
    sys.exit(1)
print("ok")
