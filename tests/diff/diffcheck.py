#!/usr/bin/env python3
"""Differential check: run each case under Debian's strace and under sctrace,
normalise what legitimately varies between two runs, and count how many of
strace's lines sctrace reproduces exactly. See tests/diff/README.md."""

import argparse
import difflib
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = "/tmp/sctrace-diff-work"
ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/root", "LANG": "C", "TERM": "dumb"}


def load_cases(path, groups):
    cases = []
    for raw in open(path):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        group, name, opts, cmd = [p.strip() for p in line.split("|", 3)]
        if groups and group not in groups:
            continue
        cases.append((group, name, shlex.split(opts), shlex.split(cmd)))
    return cases


def program_cases(programs_dir):
    cases = []
    for exe in sorted(glob.glob(os.path.join(os.path.abspath(programs_dir), "*"))):
        if os.path.isfile(exe) and os.access(exe, os.X_OK) and "." not in os.path.basename(exe):
            cases.append(("programs", os.path.basename(exe), ["-f"], [exe]))
    return cases


def fresh_workdir():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    with open(os.path.join(WORK, "s.txt"), "w") as f:
        f.write("pear\napple\nfig\n")
    with open(os.path.join(WORK, "x.c"), "w") as f:
        f.write("int answer(void) { return 42; }\n")


def run(tracer, opts, cmd, outdir):
    """Runs one tracer; returns the list of its output files."""
    fresh_workdir()
    out = os.path.join(outdir, "trace")
    argv = ["setarch", "-R", tracer]
    o = list(opts)
    if "PIPE" in o:
        o.remove("PIPE")
        o += ["-o", "|cat > " + out]
    else:
        if "-A" in o:
            with open(out, "w") as f:
                f.write("an earlier line\n")
        o += ["-o", out]
    argv += o + ["--"] + cmd
    subprocess.run(argv, cwd=WORK, env=ENV, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    files = sorted(glob.glob(out + "*"), key=lambda p: (len(p), p))
    return files


PREFIX = re.compile(r"^(\d+) +")
BRACKET_PREFIX = re.compile(r"^\[pid +(\d+)\] ")
PID_SOURCES = [
    re.compile(r"^[T:. ]*(?:clone3?|fork|vfork|wait4|getpid|gettid|getppid|getpgrp|getsid|set_tid_address|setsid)\(.*\) += (\d+)"),
    re.compile(r"si_pid=(\d+)"),
    re.compile(r"parent_tid=\[(\d+)\]"),
    re.compile(r"superseded by execve in pid (\d+)"),
]
TIME_PREFIX = re.compile(r"^(?:\d+\.\d{6}|\d\d:\d\d:\d\d(?:\.\d{6})?|\s*\d+\.\d{6}) ")


def read_streams(files):
    """Lines per process: {pid: [line, ...]}; -ff files are one process each."""
    streams = {}
    for path in files:
        m = re.search(r"\.(\d+)$", path)
        file_pid = m.group(1) if m else None
        for line in open(path, errors="replace"):
            line = line.rstrip("\n")
            pid = file_pid
            pm = PREFIX.match(line) or BRACKET_PREFIX.match(line)
            if pm:
                pid = pm.group(1)
                line = line[pm.end():]
            streams.setdefault(pid or "main", []).append(line)
    return streams


def join_split_lines(lines):
    """'read(3, <unfinished ...>' + '<... read resumed>"x", 1) = 1' -> one line."""
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
            out[idx] = head + m.group(3)
            continue
        out.append(line)
    for idx, head in pending.values():
        out[idx] = head + " <unfinished ...>"
    return [l for l in out if l is not None]


def normalise(streams):
    # Times differ run to run; their format does not: keep it, mask the digits.
    mask = lambda m: re.sub(r"\d", "T", m.group(0))
    streams = {k: [TIME_PREFIX.sub(mask, l) for l in v] for k, v in streams.items()}
    pids = []
    for pid in streams:
        if pid != "main":
            pids.append(pid)
    for lines in streams.values():
        for line in lines:
            for rx in PID_SOURCES:
                for m in rx.finditer(line):
                    if m.group(1) not in pids:
                        pids.append(m.group(1))
    # Pids grow in creation order in both runs: number them in that order.
    pids.sort(key=int)
    pidmap = {p: "PID%d" % i for i, p in enumerate(pids)}
    pid_rx = re.compile(r"\b(" + "|".join(map(re.escape, pids)) + r")\b") if pids else None
    result = {}
    for key, lines in streams.items():
        norm = []
        for line in join_split_lines(lines):
            line = re.sub(r" <\d+\.\d+>$", " <DURATION>", line)
            line = re.sub(r"0x[0-9a-f]{6,}", "0xADDR", line)
            line = re.sub(r'^([T:. ]*)getrandom\(".*?"(\.\.\.)?,', r"\1getrandom(RANDOM,", line)
            line = re.sub(r"^([T:. ]*)sysinfo\(\{.*\}\)", r"\1sysinfo({SYSINFO})", line)
            line = re.sub(r"(st_atime|st_mtime|st_ctime)=\d+ /\* [^*]* \*/", r"\1=TIME", line)
            line = re.sub(r"(st_atime_nsec|st_mtime_nsec|st_ctime_nsec)=\d+", r"\1=NSEC", line)
            line = re.sub(r"(stx_[amcb]time)=\{[^}]*\} /\* [^*]* \*/", r"\1=TIME", line)
            line = re.sub(r"(si_utime|si_stime)=\d+( /\* [\d.]+ s \*/)?", r"\1=T", line)
            line = re.sub(r"socket:\[\d+\]", "socket:[INODE]", line)
            line = re.sub(r"pipe:\[\d+\]", "pipe:[INODE]", line)
            line = re.sub(r"/tmp/cc\w{6}", "/tmp/ccTEMP", line)
            # Ephemeral ports are chosen by the kernel anew in every run.
            line = re.sub(r"htons\((\d{4,5})\)", lambda m: "htons(PORT)" if int(m.group(1)) >= 1024 else m.group(0), line)
            line = re.sub(r"tv_(sec|nsec|usec)=\d+", r"tv_\1=N", line)
            if pid_rx:
                line = pid_rx.sub(lambda m: pidmap[m.group(1)], line)
            # Alignment depends on the text before " = ", which joining changed.
            line = re.sub(r"\) +(= )", r") \1", line)
            norm.append(line)
        result[pidmap.get(key, key)] = summary_rows_sorted(norm)
    return result


SUMMARY_ROW = re.compile(r"^\s*\d+\.\d+\s+\d+\.\d+\s+\d+\s+(\d+)\s+(?:(\d+)\s+)?(\S+)$")
# -U name,calls,errors
SUMMARY_ROW_U = re.compile(r"^([a-z_0-9]+)\s+(\d+)\s+(\d*)\s*$")


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


def matched(a, b):
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in sm.get_matching_blocks()), sm


def compare(ref, got):
    """Pairs each strace stream with the sctrace stream it matches best."""
    total = sum(len(v) for v in ref.values())
    hits = 0
    diff_lines = []
    free = dict(got)
    for key, lines in sorted(ref.items(), key=lambda kv: -len(kv[1])):
        best, best_key, best_sm = -1, None, None
        for gk, glines in free.items():
            m, sm = matched(lines, glines)
            if m > best:
                best, best_key, best_sm = m, gk, sm
        if best_key is None:
            diff_lines += ["- " + l for l in lines]
            continue
        hits += best
        glines = free.pop(best_key)
        for tag, i1, i2, j1, j2 in best_sm.get_opcodes():
            if tag != "equal":
                diff_lines += ["@@ %s" % key] + ["- " + l for l in lines[i1:i2]] + ["+ " + l for l in glines[j1:j2]]
    return total, hits, diff_lines


MARK = 'access("/sctrace-test/begin", F_OK)'


def golden_text(streams):
    """The streams of a test program from its BEGIN marker on, as text."""
    out = []
    for key in sorted(streams):
        lines = streams[key]
        for i, line in enumerate(lines):
            if line.startswith(MARK):
                lines = lines[i:]
                break
        out.append("== " + key)
        out += lines
    return "\n".join(out) + "\n"


def golden(args):
    """Writes (with strace) or checks (with sctrace) tests/golden/<prog>.out."""
    failures = 0
    for group, name, opts, cmd in program_cases(args.programs):
        path = os.path.join(args.golden, name + ".out")
        tracer = args.strace if args.golden_write else os.path.abspath(args.sctrace)
        d = os.path.join(os.path.abspath(args.report), "golden", name)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        text = golden_text(normalise(read_streams(run(tracer, opts, cmd, d))))
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


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sctrace", default=os.environ.get("SCTRACE", "build/sctrace"))
    ap.add_argument("--strace", default="strace")
    ap.add_argument("--cases", default=os.path.join(HERE, "cases.txt"))
    ap.add_argument("--group", action="append", help="only these groups (repeatable)")
    ap.add_argument("--programs", help="also run every program in this directory")
    ap.add_argument("--report", default="build/diff-report")
    ap.add_argument("--min", type=float, default=95.0)
    ap.add_argument("--golden", help="golden mode: directory of expected outputs of --programs")
    ap.add_argument("--golden-write", action="store_true", help="regenerate them with strace")
    args = ap.parse_args()
    if args.golden:
        return golden(args)

    cases = load_cases(args.cases, args.group)
    if args.programs:
        cases += program_cases(args.programs)
    os.makedirs(args.report, exist_ok=True)
    tmp = os.path.abspath(os.path.join(args.report, "runs"))
    grand_total = grand_hits = 0
    by_opts = {}
    print("%-28s %-14s %7s %7s %7s" % ("case", "options", "strace", "matched", "%"))
    for group, name, opts, cmd in cases:
        dirs = {}
        for who, tracer in (("strace", args.strace), ("sctrace", os.path.abspath(args.sctrace))):
            d = os.path.join(tmp, name, who)
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
            dirs[who] = read_streams(run(tracer, opts, cmd, d))
        total, hits, diff = compare(normalise(dirs["strace"]), normalise(dirs["sctrace"]))
        with open(os.path.join(args.report, name + ".diff"), "w") as f:
            f.write("\n".join(diff) + "\n")
        pct = 100.0 * hits / total if total else 100.0
        print("%-28s %-14s %7d %7d %6.1f%%" % (name, " ".join(opts)[:14], total, hits, pct))
        grand_total += total
        grand_hits += hits
        key = " ".join(o for o in opts if o.startswith("-")) or "(defaults)"
        t, h = by_opts.get(key, (0, 0))
        by_opts[key] = (t + total, h + hits)
    pct = 100.0 * grand_hits / grand_total if grand_total else 100.0
    print("by option: " + ", ".join("%s %.1f%%" % (k, 100.0 * h / t if t else 100.0)
                                    for k, (t, h) in sorted(by_opts.items())))
    print("TOTAL %d of %d strace lines reproduced: %.1f%% (minimum %.1f%%)"
          % (grand_hits, grand_total, pct, args.min))
    return 0 if pct >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
