#!/usr/bin/env python3
"""Differential check: run each case under Debian's strace and under sctrace,
normalise what legitimately varies between two runs, and count how many of
strace's lines sctrace reproduces exactly. See tests/diff/README.md.

  diffcheck.py [--sctrace PATH] [--group G]... [--programs DIR] [--by-option] [--min PCT]

Point --sctrace (or $SCTRACE) at /usr/bin/strace to check the harness itself:
strace against strace should score about 100%."""

import argparse
import difflib
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# Both tracers get exactly this environment (as with env -i), so that
# execve's "/* N vars */" and everything the traced programs read from it agree.
ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/root", "LANG": "C"}
WORK_PREFIX = "sctrace-diff-"
PID_DIGITS = 7  # pid_max is at most 4194304
ALIGN_PREFIX = PID_DIGITS + 1  # the widest "PID " prefix
RESULT_PAD = re.compile(r"^(.*\))( +)(= .*)$")  # a call, the padding, its result


# ---------------------------------------------------------------- cases

def load_cases(path, groups):
    """cases.txt: group | name | options | command (shell words), split at " | "."""
    cases = []
    for raw in open(path):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        group, name, opts, cmd = [p.strip() for p in re.split(r"\s\|(?=\s)", line, 3)]
        if groups and group not in groups:
            continue
        cases.append((group, name, shlex.split(opts), shlex.split(cmd)))
    return cases


def program_cases(programs_dir):
    """Every executable built in tests/programs, run with no arguments."""
    cases = []
    for exe in sorted(glob.glob(os.path.join(os.path.abspath(programs_dir), "*"))):
        if os.path.isfile(exe) and os.access(exe, os.X_OK) and "." not in os.path.basename(exe):
            cases.append(("programs", os.path.basename(exe), ["-f"], [exe]))
    return cases


def fresh_workdir():
    """The setup step: a new directory holding the files cases refer to."""
    work = tempfile.mkdtemp(prefix=WORK_PREFIX)
    with open(os.path.join(work, "s.txt"), "w") as f:
        f.write("pear\napple\nfig\n")
    with open(os.path.join(work, "x.c"), "w") as f:
        f.write("int answer(void) { return 42; }\n")
    return work


def run(tracer, opts, cmd, outdir):
    """Runs `setarch -R TRACER OPTS -o OUT -- CMD`; returns its output files.
    In OPTS, FILE stands for the output path (`-o '|cat >FILE'`); without
    an -o of their own the harness adds `-o OUT`."""
    out = os.path.join(outdir, "trace")
    opts = [o.replace("FILE", out) for o in opts]
    if "-o" not in opts:
        opts += ["-o", out]
    if "-A" in opts:
        with open(out, "w") as f:
            f.write("an earlier line\n")
    work = fresh_workdir()
    try:
        subprocess.run(["setarch", "-R", tracer] + opts + ["--"] + cmd, cwd=work, env=ENV,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=120)
    except subprocess.TimeoutExpired:
        print("  (%s timed out)" % os.path.basename(tracer))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return sorted(glob.glob(out + "*"), key=lambda p: (len(p), p))


# ---------------------------------------------------------------- reading

PREFIX = re.compile(r"^(\d+) +")
TIME_PREFIX = re.compile(r"^(?:\d+\.\d{6}|\d\d:\d\d:\d\d(?:\.\d{6})?|\s*\d+\.\d{6}) ")
PID_CALLS = ("clone|clone3|fork|vfork|wait4|getpid|gettid|getppid|getpgrp|getpgid|getsid|"
             "setsid|set_tid_address")
LEAD = r"^[\dT:. ]*(?:\[ *\d+\] )?(?:\[[0-9a-f?]{16}\] )?"  # what a time, -n and -i prefix leave
# Numbers that are pids wherever they appear in these places: they are
# collected, in order of appearance, and numbered PID1, PID2, ...
PID_SOURCES = [
    re.compile(LEAD + r"(?:(?:%s)\(|<\.\.\. (?:%s) resumed>).*\) += (\d+)(?: <\d|$)"
               % (PID_CALLS, PID_CALLS)),
    re.compile(r"si_pid=(\d+)"),
    re.compile(r"parent_tid=\[(\d+)\]"),
    re.compile(r"superseded by execve in pid (\d+)"),
]
# Places that hold a pid only when the value is one already seen: only
# these numbers are rewritten, so that a pid equal to, say, a buffer size
# elsewhere on the line leaves the line alone.
PID_PLACES = PID_SOURCES + [
    re.compile(LEAD + r"rt_sigreturn\(.*\) += (\d+)(?: <\d|$)"),
    re.compile(LEAD + r"(?:kill|tkill|tgkill|wait4|getpgid|getsid|setpgid|pidfd_open|prlimit64|"
               r"sched_\w+|process_vm_\w+|rt_sigqueueinfo|rt_tgsigqueueinfo|ptrace\(\w+,|"
               r"waitid\((?:P_PID|0x1(?: \/\* P_PID \*\/)?),) ?\(?(\d+)"),
    re.compile(LEAD + r"(?:tgkill|setpgid|rt_tgsigqueueinfo)\(\d+, (\d+)"),
    re.compile(r"/proc/(\d+)/"),
    # System V IPC: who made and last used an object, semctl's GETPID.
    re.compile(r"(?:shm_cpid|shm_lpid|msg_lspid|msg_lrpid)=(\d+)"),
    re.compile(LEAD + r"semctl\(-?\d+, -?\d+, (?:GETPID|0xb(?: /\* GETPID \*/)?), .*\) += (\d+)(?: <\d|$)"),
]


def read_files(files):
    """[(file pid or None, [line, ...])], the -ff files in order of first
    appearance: the root first, then each child as its pid first shows up."""
    contents = []
    for path in files:
        m = re.search(r"\.(\d+)$", path)
        with open(path, errors="replace") as f:
            contents.append((m.group(1) if m else None, f.read().splitlines()))
    if len(contents) < 2:
        return contents
    by_pid = {pid: lines for pid, lines in contents}
    named = set()
    for pid, lines in contents:
        for line in lines:
            for rx in PID_SOURCES:
                named.update(m.group(1) for m in rx.finditer(line) if m.group(1) != pid)
    roots = sorted((p for p in by_pid if p not in named), key=int) or [contents[0][0]]
    order, todo = [], list(roots)
    while todo:
        pid = todo.pop(0)
        if pid in order or pid not in by_pid:
            continue
        order.append(pid)
        found = []
        for line in by_pid[pid]:
            for rx in PID_SOURCES:
                found += [m.group(1) for m in rx.finditer(line)]
        todo += found
    order += [p for p, _ in contents if p not in order]
    return [(p, by_pid[p]) for p in order]


def join_split_lines(lines):
    """'read(3, <unfinished ...>' + '<... read resumed>"x", 1) = 1' -> one line.
    Only lines of one process are joined; the result stands where the call began."""
    out = []
    pending = {}
    for line in lines:
        if line.endswith(" <unfinished ...>"):
            head = line[: -len(" <unfinished ...>")]
            name = head.split("(", 1)[0].split(" ")[-1]
            out.append(None)
            pending[name] = (len(out) - 1, head)
            continue
        m = re.match(r"^(.*?)<\.\.\. (\w+) resumed>(.*)$", line)
        if m and m.group(2) in pending:
            idx, head = pending.pop(m.group(2))
            # The padding before " = " belonged to the resumed line: pad the
            # joined line as an unsplit one (column 40 after an ALIGN_PREFIX
            # wide prefix, as repad() leaves every other line), so that a
            # call the scheduler happened to split compares equal to one it
            # did not.
            joined = head + m.group(3)
            rp = RESULT_PAD.match(joined)
            if rp:
                joined = rp.group(1) + " " * max(40 - ALIGN_PREFIX - len(rp.group(1)), 1) + rp.group(3)
            out[idx] = joined
            continue
        out.append(line)
    for idx, head in pending.values():
        out[idx] = head + " <unfinished ...>"
    return [l for l in out if l is not None]


def repad(prefix, line):
    """strace pads the result to column 40 of the whole line, pid prefix
    included, and pids differ in width between runs. Re-pad as if the
    prefix were ALIGN_PREFIX wide; wrong padding stays wrong."""
    m = RESULT_PAD.match(line)
    if not m:
        return line
    pad = max(len(prefix) + len(m.group(2)) - ALIGN_PREFIX, 1)
    return m.group(1) + " " * pad + m.group(3)


def streams_of(files):
    """{stream key: lines} with pids in the keys and the text numbered
    PID1, PID2, ... in order of first appearance; a single process
    traced without -f is the stream "main"."""
    mask = lambda m: re.sub(r"\d", "T", m.group(0))
    order = []

    def seen(pid):
        if pid != "0" and pid not in order:
            order.append(pid)

    raw = {}
    for file_pid, lines in read_files(files):
        if file_pid:
            seen(file_pid)
        for line in lines:
            pid = file_pid
            pm = PREFIX.match(line)
            prefix = ""
            if pm:
                pid, prefix = pm.group(1), pm.group(0)
                line = line[pm.end():]
                seen(pid)
                line = repad(prefix, line)
            line = TIME_PREFIX.sub(mask, line)
            for rx in PID_SOURCES:
                for m in rx.finditer(line):
                    seen(m.group(1))
            raw.setdefault(pid or "main", []).append(line)
    pidmap = {p: "PID%d" % (i + 1) for i, p in enumerate(order)}
    streams = {}
    for key, lines in raw.items():
        streams[pidmap.get(key, key)] = [rename_pids(l, pidmap) for l in join_split_lines(lines)]
    return streams


def rename_pids(line, pidmap):
    """Pids become PIDn. The result column was padded with the real pids in
    the call: re-pad as if each were PID_DIGITS wide, so that runs whose pids
    differ in width compare equal; wrong padding stays wrong."""
    spans = []
    for rx in PID_PLACES:
        for m in rx.finditer(line):
            if m.group(1) in pidmap:
                spans.append(m.span(1))
    padded = RESULT_PAD.match(line)
    shrink = 0
    for start, end in sorted(set(spans), reverse=True):
        if padded and end <= padded.end(1):
            shrink += PID_DIGITS - (end - start)
        line = line[:start] + pidmap[line[start:end]] + line[end:]
    if shrink:
        line = RESULT_PAD.sub(lambda m: m.group(1) + " " * max(len(m.group(2)) - shrink, 1) + m.group(3), line)
    return line


# ---------------------------------------------------------------- normalising

# A user-space address as x86_64 lays it out under `setarch -R`: the program
# and its brk heap at 0x555555554000 and up, the mmap area and the stack
# just below 0x7ffff8000000, always 12 hex digits. Only these are masked:
# a flag, mode, offset or size (0x80000, 0x80000000) never starts with 55
# or 7f in 12 digits, so no value can hide under the mask. Addresses of
# programs that are not position independent (0x400000 and up) do not move
# between runs and are compared as they are.
ADDRESS = re.compile(r"\b0x(?:55|7f)[0-9a-f]{10}\b")

VOLATILE = [
    (re.compile(r" <\d+\.\d+>$"), " <DURATION>"),
    (ADDRESS, "0xADDR"),
    (re.compile(r'^([T:. ]*)getrandom\(".*?"(\.\.\.)?,'), r"\1getrandom(RANDOM,"),
    (re.compile(r"^([T:. ]*)sysinfo\(\{.*\}\)"), r"\1sysinfo({SYSINFO})"),
    (re.compile(r"(st_atime|st_mtime|st_ctime)=\d+(?:\.\d+)?( /\* [^*]* \*/)?"), r"\1=TIME"),
    (re.compile(r"(st_atime_nsec|st_mtime_nsec|st_ctime_nsec)=\d+"), r"\1=NSEC"),
    (re.compile(r"(stx_[amcb]time)=\{[^}]*\}( /\* [^*]* \*/)?"), r"\1=TIME"),
    (re.compile(r"(si_utime|si_stime)=\d+( /\* [\d.]+ s \*/)?"), r"\1=T"),
    # System V IPC objects' times, when set (0 is "never").
    (re.compile(r"\b((?:shm|sem|msg)_[a-z]time)=[1-9]\d*"), r"\1=TIME"),
    (re.compile(r"tv_(sec|nsec|usec)=\d+"), r"tv_\1=N"),
    # time's result is now: the value it stores and returns, and their dates.
    (re.compile(r"^([T:. ]*time\()\[\d+ /\* [^*]* \*/\]"), r"\1[NOW]"),
    (re.compile(r"^([T:. ]*time\(.*\) += )\d+ \(\S+\)"), r"\1NOW"),
    # Free space changes while the tests run.
    (re.compile(r"(f_bfree|f_bavail|f_ffree)=\d+"), r"\1=N"),
    (re.compile(r"(socket|pipe|anon_inode:\[?\w*\]?):\[\d+\]"), r"\1:[INODE]"),
    # -yy: an unconnected or unnamed Unix socket is its inode number.
    (re.compile(r"<(UNIX(?:-STREAM|-DGRAM|-SEQPACKET)?):\[\d+(->\d+)?(,\"[^\"]*\")?\]"),
     lambda m: "<%s:[INODE%s%s]" % (m.group(1), "->INODE" if m.group(2) else "", m.group(3) or "")),
    # ... and another socket's, before it has an address; a netlink
    # socket's port id is its process's pid.
    (re.compile(r"<(TCP|UDP|TCPv6|UDPv6|NETLINK|PACKET|RAW|RAWv6):\[\d+\]>"), r"<\1:[INODE]>"),
    (re.compile(r"<NETLINK:\[(\w+):\d+\]>"), r"<NETLINK:[\1:PORTID]>"),
    # Temporary names: the work directory and gcc's files.
    (re.compile(r"/tmp/%s\w{8}" % WORK_PREFIX), "/tmp/%sWORK" % WORK_PREFIX),
    (re.compile(r"/tmp/cc\w{6}"), "/tmp/ccTEMP"),
]
# Ephemeral ports are chosen by the kernel anew in every run.
PORT = re.compile(r"htons\((\d{4,5})\)")
# The same port as -X raw shows it: its two bytes in network order.
RAW_PORT = re.compile(r'sin6?_port="\\x([0-9a-f]{2})\\x([0-9a-f]{2})"')


def normalise_line(line):
    for rx, rep in VOLATILE:
        line = rx.sub(rep, line)
    line = RAW_PORT.sub(lambda m: m.group(0) if int(m.group(1) + m.group(2), 16) < 1024
                        else m.group(0).split("=")[0] + '="PORT"', line)
    return PORT.sub(lambda m: "htons(PORT)" if int(m.group(1)) >= 1024 else m.group(0), line)


SUMMARY_ROW = re.compile(r"^\s*\d+\.\d+\s+\d+\.\d+\s+\d+\s+(\d+)\s+(?:(\d+)\s+)?(\S+)$")
SUMMARY_ROW_U = re.compile(r"^([a-z_0-9]+)\s+(\d+)\s+(\d*)\s*$")  # -U name,calls,errors


def summary_rows_sorted(lines):
    """A -c table compared on calls, errors and names: its times are noise,
    and the row order follows the times."""
    rows, out = [], []
    for line in lines:
        m = SUMMARY_ROW.match(line)
        u = SUMMARY_ROW_U.match(line)
        if m:
            rows.append("summary %s calls=%s errors=%s" % (m.group(3), m.group(1), m.group(2) or 0))
        elif u:
            rows.append("summary %s calls=%s errors=%s" % (u.group(1), u.group(2), u.group(3).strip() or 0))
        else:
            out.append(line)
    return out + sorted(rows)


def normalise(files):
    return {k: summary_rows_sorted([normalise_line(l) for l in v])
            for k, v in streams_of(files).items()}


# ---------------------------------------------------------------- comparing

def matched(a, b):
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in sm.get_matching_blocks())


def compare(ref, got):
    """Each strace stream against the sctrace stream of the same process
    (same PIDn), or else the unpaired one it matches best.
    Returns (strace lines, lines reproduced, unified diff lines)."""
    total = sum(len(v) for v in ref.values())
    hits = 0
    diff = []
    free = dict(got)
    pairs = []
    for key in ref:
        if key in free:
            pairs.append((key, key))
            free.pop(key)
    for key in ref:
        if any(k == key for k, _ in pairs):
            continue
        best = max(free, key=lambda g: matched(ref[key], free[g]), default=None)
        if best is not None:
            free.pop(best)
        pairs.append((key, best))
    pairs += [(None, g) for g in free]
    for rk, gk in pairs:
        a = ref.get(rk, []) if rk else []
        b = got.get(gk, []) if gk else []
        hits += matched(a, b)
        diff += difflib.unified_diff(a, b, "strace %s" % (rk or "-"), "sctrace %s" % (gk or "-"),
                                     lineterm="", n=2)
    return total, hits, diff


def families(opts):
    """Option families of a case: -tt counts as -t, -e trace=... as -e trace."""
    out = []
    it = iter(opts)
    for o in it:
        if o.startswith("--"):
            out.append(o.split("=", 1)[0])
        elif o == "-e":
            out.append("-e " + next(it, "").split("=", 1)[0].lstrip("!"))
        elif o == "-o":
            out.append("-o |pipe" if next(it, "").startswith("|") else "-o")
        elif o.startswith("-") and len(o) > 1:
            out.append("-" + o[1])
            if o[1] in "aseEoOpPSUX" and len(o) == 2:
                next(it, None)
    return sorted(set(out)) or ["(defaults)"]


# ---------------------------------------------------------------- golden files

MARK = 'access("/sctrace-test/begin", F_OK)'


def golden_text(streams, whole=False):
    """The streams of a test program from its BEGIN marker on (or whole), as text."""
    out = []
    for key in sorted(streams):
        lines = streams[key]
        for i, line in enumerate(lines):
            if line.startswith(MARK) and not whole:
                lines = lines[i:]
                break
        out.append("== " + key)
        out += lines
    return "\n".join(out) + "\n"


def golden(args):
    """Writes (with strace) or checks (with sctrace and its --sctrace-arg
    options, e.g. the eBPF engine) tests/golden/<prog>.out."""
    failures = 0
    for group, name, opts, cmd in program_cases(args.programs):
        path = os.path.join(args.golden, name + ".out")
        tracer = args.strace if args.golden_write else os.path.abspath(args.sctrace)
        d = os.path.join(os.path.abspath(args.report), "golden", name)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        extra = [] if args.golden_write else args.sctrace_arg
        text = golden_text(normalise(run(tracer, extra + opts, cmd, d)))
        if MARK not in text:
            failures += 1
            print("golden %-12s has no trace from its BEGIN marker on" % name)
            continue
        if args.golden_write:
            with open(path, "w") as f:
                f.write(text)
            print("wrote", path)
            continue
        want = open(path).read() if os.path.exists(path) else ""
        if text == want:
            print("golden %-12s ok" % name)
        else:
            failures += 1
            print("golden %-12s DIFFERS" % name)
            sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), text.splitlines(True),
                                                       "expected " + path, "sctrace"))
    return 1 if failures else 0


# ---------------------------------------------------------------- agreement

def agreement(args):
    """Each test program under sctrace as it is and under sctrace with the
    --sctrace-arg options (the other engine): the whole normalised text
    must be identical, line for line. Nothing is excused: a call one engine
    shows and the other cannot is a failure."""
    failures = 0
    sctrace = os.path.abspath(args.sctrace)
    for group, name, opts, cmd in program_cases(args.programs):
        texts = []
        for who, extra in (("default", []), ("other", args.sctrace_arg)):
            d = os.path.join(os.path.abspath(args.report), "agree", name, who)
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
            texts.append(golden_text(normalise(run(sctrace, extra + opts, cmd, d)), whole=True))
        if MARK not in texts[0]:
            failures += 1
            print("agree  %-12s has no trace from its BEGIN marker on" % name)
        elif texts[0] == texts[1]:
            print("agree  %-12s ok" % name)
        else:
            failures += 1
            print("agree  %-12s DIFFERS" % name)
            sys.stdout.writelines(difflib.unified_diff(
                texts[0].splitlines(True), texts[1].splitlines(True),
                "sctrace", "sctrace " + " ".join(args.sctrace_arg)))
    return 1 if failures else 0


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sctrace", default=os.environ.get("SCTRACE", "build/sctrace"))
    ap.add_argument("--strace", default="strace")
    ap.add_argument("--cases", default=os.path.join(HERE, "cases.txt"))
    ap.add_argument("--group", action="append", help="only cases of this group (repeatable; "
                    "'none' for none of cases.txt)")
    ap.add_argument("--case", action="append", help="only the case of this name (repeatable)")
    ap.add_argument("--programs", help="also run every program in this directory "
                    "(e.g. build/tests/programs)")
    ap.add_argument("--report", default="build/diff-report", help="where <case>.diff go")
    ap.add_argument("--sctrace-arg", action="append", default=[],
                    help="an option for sctrace only (--backend=ebpf), repeatable")
    ap.add_argument("--both-arg", action="append", default=[],
                    help="an option for strace and sctrace alike (-X raw as --both-arg=-X "
                    "--both-arg=raw), put before each case's own options; repeatable")
    ap.add_argument("--min", type=float, default=95.0, help="fail below this total %%")
    ap.add_argument("--by-option", action="store_true", help="a summary line per option family")
    ap.add_argument("--golden", help="golden mode: directory of expected outputs of --programs")
    ap.add_argument("--golden-write", action="store_true", help="regenerate them with strace")
    ap.add_argument("--agree", action="store_true", help="agreement mode: --programs under "
                    "sctrace and under sctrace with --sctrace-arg must print the same text")
    args = ap.parse_args()
    if not shutil.which(args.sctrace) and not os.path.exists(args.sctrace):
        ap.error("no tracer at %s (build it, or pass --sctrace)" % args.sctrace)
    if args.golden:
        return golden(args)
    if args.agree:
        if not args.programs or not args.sctrace_arg:
            ap.error("--agree needs --programs and --sctrace-arg")
        return agreement(args)

    cases = load_cases(args.cases, args.group)
    if args.programs:
        cases += program_cases(args.programs)
    if args.case:
        cases = [c for c in cases if c[1] in args.case]
    os.makedirs(args.report, exist_ok=True)
    runs = os.path.abspath(os.path.join(args.report, "runs"))
    sctrace = shutil.which(args.sctrace) if os.sep not in args.sctrace else os.path.abspath(args.sctrace)
    grand_total = grand_hits = 0
    broken = []
    by_family = {}
    print("%-22s %-22s %7s %7s %7s" % ("case", "options", "strace", "matched", "%"))
    for group, name, opts, cmd in cases:
        outputs = {}
        for who, tracer in (("strace", args.strace), ("sctrace", sctrace)):
            d = os.path.join(runs, name, who)
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
            extra = (args.sctrace_arg if who == "sctrace" else []) + args.both_arg
            outputs[who] = normalise(run(tracer, extra + opts, cmd, d))
        total, hits, diff = compare(outputs["strace"], outputs["sctrace"])
        with open(os.path.join(args.report, name + ".diff"), "w") as f:
            f.write("".join(l + "\n" for l in diff))
        pct = 100.0 * hits / total if total else 100.0
        print("%-22s %-22s %7d %7d %6.1f%%" % (name, " ".join(opts)[:22], total, hits, pct))
        if not total:
            # strace wrote nothing: the case itself is broken, not a match.
            broken.append(name)
        grand_total += total
        grand_hits += hits
        for fam in families(opts):
            n, t, h = by_family.get(fam, (0, 0, 0))
            by_family[fam] = (n + 1, t + total, h + hits)
    pct = 100.0 * grand_hits / grand_total if grand_total else 100.0
    if args.by_option:
        for fam, (n, t, h) in sorted(by_family.items()):
            print("by option %-16s %3d cases %6d/%-6d %6.1f%%" % (fam, n, h, t, 100.0 * h / t if t else 100.0))
    print("TOTAL %d cases: %d of %d strace lines reproduced, %.1f%% (minimum %.1f%%); diffs in %s"
          % (len(cases), grand_hits, grand_total, pct, args.min, os.path.abspath(args.report)))
    if broken:
        print("BROKEN cases (strace wrote no lines): " + " ".join(broken))
    return 0 if pct >= args.min and not broken else 1


if __name__ == "__main__":
    sys.exit(main())
