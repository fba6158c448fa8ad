#!/usr/bin/env python3
"""--json and --perfetto: every record valid against the published schema,
the same calls as the text output of the same run, the summary equal to the
-c table, a well-formed timeline, and text unchanged when they are off."""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema

A = None
FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL: " + what)


def workload():
    """Processes (a pipeline, a failing command) and threads (4, through futexes and pipes)."""
    return ["sh", "-c", "cat /etc/os-release /nonexistent-sctrace | wc -l; ls /nonexistent-dir; %s 200"
            % A.threads]


def trace(extra, cmd=None):
    d = tempfile.mkdtemp(prefix="sctrace-structured-")
    text, js, pf = (os.path.join(d, n) for n in ("trace.txt", "trace.jsonl", "trace.json"))
    argv = [A.sctrace, "-f", "-o", text] + (["--backend=" + A.backend] if A.backend else []) + [a.replace("JSON", js).replace("PERFETTO", pf) for a in extra]
    r = subprocess.run(argv + (cmd or workload()), capture_output=True, text=True, timeout=120)
    check(r.returncode in (0, 2), "sctrace exited %d: %s" % (r.returncode, r.stderr[-500:]))
    return text, js, pf


def records(path):
    with open(path) as f:
        return [json.loads(line) for line in f]


def test_json_schema():
    with open(A.schema) as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    v = jsonschema.Draft7Validator(schema)
    for opts in (["--json=JSON"], ["--json=JSON", "-C", "-v", "-y", "-s", "4", "-x"]):
        _, js, _ = trace(opts)
        recs = records(js)
        kinds = collections.Counter(r["type"] for r in recs)
        for r in recs:
            errs = list(v.iter_errors(r))
            check(not errs, "%s record invalid: %s: %s" % (r.get("type"), errs and jsonschema.exceptions.best_match(errs).message[:200], json.dumps(r)[:300]))
        check(recs[0]["type"] == "header" and recs[0]["schema_version"] == 4, "first record is the header")
        for k in ("syscall", "exec", "signal", "exit"):
            check(kinds[k] > 0, "%s: no %s record in %s" % (opts, k, dict(kinds)))
        check(len({r["pid"] for r in recs if r["type"] == "exit"}) >= 4, "exits of at least 4 processes")
        tids = {r["tid"] for r in recs if r["type"] == "syscall"}
        pids = {r["pid"] for r in recs if r["type"] == "syscall"}
        check(len(tids) >= len(pids) + 4, "threads have their own tid and share their process's pid")
    # A value the schema forbids is caught: the test can fail.
    bad = dict(recs[1], args={"x": {"str": "x"}}) if recs[1]["type"] == "syscall" else None
    check(bad is None or not v.is_valid(bad), "a string without its truncation mark is rejected")
    # Schema 2: arguments by name, the kernel's (an array is version 1's).
    old = dict(recs[1], args=[]) if recs[1]["type"] == "syscall" else None
    check(old is None or not v.is_valid(old), "positional args (schema 1) are rejected")
    # Schema 3: a constant keeps its set and value; a bare name (schema 2) is rejected.
    bare = dict(recs[1], args={"x": "AT_FDCWD"}) if recs[1]["type"] == "syscall" else None
    check(bare is None or not v.is_valid(bare), "a constant as a bare string (schema 2) is rejected")
    nameless = dict(recs[1], args={"x": {"sym": "AT_FDCWD"}}) if recs[1]["type"] == "syscall" else None
    check(nameless is None or not v.is_valid(nameless), "a constant without its set and value is rejected")


LINE = re.compile(r"^(\d+) +(?:<\.\.\. (\w+) resumed>.*|(\w+)\(.*?)\) += (.*)$")


def text_calls(path):
    """(tid, name, outcome) for each finished call in the text trace."""
    calls = collections.Counter()
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.endswith("<unfinished ...>"):
                continue
            m = re.match(r"^(\d+) +(?:<\.\.\. (\w+) resumed>|(\w+)\()", line)
            if not m or " = " not in line:
                continue
            ret = line.rsplit(" = ", 1)[1]
            name = m.group(2) or m.group(3)
            calls[(int(m.group(1)), name, outcome_of_text(ret))] += 1
    return calls


def outcome_of_text(ret):
    ret = re.sub(r" <\d+\.\d+>$", "", ret)
    if ret == "?":
        return "?"
    m = re.match(r"^(?:-1|\?) (E\w+)", ret)
    if m:
        return m.group(1)
    return int(ret.split()[0], 0)


def json_calls(recs):
    calls = collections.Counter()
    for r in recs:
        if r["type"] != "syscall":
            continue
        if r["ret"] is None:
            out = "?"
        elif r["errno"]:
            out = r["errno"]
        else:
            out = r["ret"]
        calls[(r["tid"], r["name"], out)] += 1
    return calls


def test_json_matches_text():
    for opts in (["--json=JSON"], ["--json=JSON", "-e", "trace=%file,%process", "-Z"]):
        text, js, _ = trace(opts)
        t, j = text_calls(text), json_calls(records(js))
        check(sum(t.values()) > 50 or "-Z" in opts, "%s: too few calls parsed from the text: %d" % (opts, sum(t.values())))
        only_t, only_j = t - j, j - t
        check(not only_t and not only_j, "%s: text and JSON differ: text only %s; JSON only %s"
              % (opts, list(only_t.items())[:5], list(only_j.items())[:5]))
    # The missing file is there, with its path as a string and ENOENT.
    missing = [r for r in records(js) if r["type"] == "syscall" and r["errno"] == "ENOENT"
               and isinstance(r["args"].get("filename"), dict)
               and r["args"]["filename"].get("str") == "/nonexistent-sctrace"]
    check(len(missing) == 1, "one failed open of /nonexistent-sctrace (args.filename), found %d" % len(missing))
    if missing:
        check(list(missing[0]["args"]) == ["dfd", "filename", "flags"] and missing[0]["args"]["dfd"] == {"sym": "AT_FDCWD", "set": "DirFd", "value": -100},
              "openat's arguments by their kernel names, in order: %r" % missing[0]["args"])
    # A NULL pointer is a pointer whose address is null, not text.
    _, js, _ = trace(["--json=JSON"])
    mmaps = [r for r in records(js) if r["type"] == "syscall" and r["name"] == "mmap"]
    addrs = [r["args"]["addr"].get("ptr", "missing") for r in mmaps]
    check(mmaps and all(a is None or a.startswith("0x") for a in addrs),
          "mmap's addr is a pointer, null or an address: %r" % [r["args"].get("addr") for r in mmaps][:3])
    check(any(a is None for a in addrs), "some mmap's addr is NULL: %r" % addrs[:3])
    # A flags argument carries its set and raw value beside the names.
    prots = [r["args"]["prot"] for r in mmaps if isinstance(r["args"].get("prot"), dict) and "flags" in r["args"]["prot"]]
    check(prots and all(isinstance(p["raw"], int) for p in prots), "mmap's prot has a raw value: %r" % prots[:2])


def summary_table(path):
    rows = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 5 and re.match(r"^\d+\.\d+$", parts[0]) and parts[-1] != "total":
                calls = int(parts[3])
                errors = int(parts[4]) if len(parts) == 6 else 0
                rows[parts[-1]] = (calls, errors)
    return rows


def test_json_summary():
    for opts in (["-c", "--json=JSON"], ["-c", "-S", "calls", "--json=JSON"]):
        text, js, _ = trace(opts)
        recs = records(js)
        sums = [r for r in recs if r["type"] == "summary"]
        check(len(sums) == 1, "%s: one summary record, got %d" % (opts, len(sums)))
        check(not any(r["type"] == "syscall" for r in recs), "-c writes no syscall records")
        if not sums:
            continue
        s = sums[0]
        table = summary_table(text)
        got = {r["name"]: (r["calls"], r["errors"]) for r in s["rows"]}
        check(got == table and len(table) > 10, "%s: summary record %s differs from the table %s" % (opts, got, table))
        check(s["total"]["calls"] == sum(c for c, _ in table.values()), "total calls")
        if "calls" in opts:
            calls = [r["calls"] for r in s["rows"]]
            check(calls == sorted(calls, reverse=True), "-S calls orders the rows")


def test_perfetto():
    _, js, pf = trace(["--json=JSON", "--perfetto=PERFETTO"])
    with open(pf) as f:
        doc = json.load(f)
    ev = doc["traceEvents"]
    recs = records(js)
    calls = [r for r in recs if r["type"] == "syscall"]
    slices = [e for e in ev if e["ph"] == "X" and e["cat"] == "syscall"]
    check(len(slices) == len(calls), "a slice per syscall: %d slices, %d calls" % (len(slices), len(calls)))
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in ev if e["ph"] == "M" and e["name"] == "thread_name"}
    pnames = {e["pid"]: e["args"]["name"] for e in ev if e["ph"] == "M" and e["name"] == "process_name"}
    tracks = {(e["pid"], e["tid"]) for e in slices}
    check(tracks <= set(names), "every track is named")
    check({"cat", "wc", "ls", "sh"} <= set(pnames.values()), "processes named for their programs: %s" % pnames)
    threads = [k for k in tracks if k[0] != k[1]]
    check(len(threads) >= 3, "the threaded program's threads have their own tracks: %s" % threads)
    # Nesting: on each track, syscall slices do not overlap, and each lies
    # within one program slice.
    by_track = collections.defaultdict(list)
    for e in ev:
        if e["ph"] == "X":
            by_track[(e["pid"], e["tid"])].append(e)
    for track, es in by_track.items():
        progs = sorted((e for e in es if e["cat"] == "program"), key=lambda e: e["ts"])
        sys_ = sorted((e for e in es if e["cat"] == "syscall"), key=lambda e: e["ts"])
        for a, b in zip(sys_, sys_[1:]):
            check(a["ts"] + a["dur"] <= b["ts"] + 1e-3, "%s: %s and %s overlap" % (track, a["name"], b["name"]))
        for s in sys_:
            inside = [p for p in progs if p["ts"] - 1e-3 <= s["ts"] and s["ts"] + s["dur"] <= p["ts"] + p["dur"] + 1e-3]
            check(len(inside) >= 1, "%s: %s at %s is in no program slice" % (track, s["name"], s["ts"]))
    # A flow arrow from each fork to its child; the child's end inside a slice of the child.
    starts = {e["id"]: e for e in ev if e["ph"] == "s"}
    ends = {e["id"]: e for e in ev if e["ph"] == "f"}
    forks = [r for r in calls if r["name"] in ("clone", "clone3", "fork", "vfork") and (r["ret"] or 0) > 0]
    check(len(forks) >= 6 and set(starts) == set(ends) == {r["ret"] for r in forks},
          "flows: %d forks, %d starts, %d ends" % (len(forks), len(starts), len(ends)))
    for i, f in ends.items():
        check(f["tid"] == i and starts[i]["tid"] != i, "flow %d goes from the parent to the child" % i)
    inst = collections.Counter(e["cat"] for e in ev if e["ph"] == "i")
    check(inst["signal"] >= 1 and inst["exit"] >= 4, "instants for signals and exits: %s" % dict(inst))


def normalised(path):
    pids = {}
    out = []
    with open(path) as f:
        for line in f:
            line = re.sub(r"0x[0-9a-f]+", "ADDR", line)
            line = re.sub(r'getrandom\(".*?"', 'getrandom("RANDOM"', line)
            line = re.sub(r"\b\d{3,}\b", lambda m: pids.setdefault(m.group(0), "N%d" % len(pids)), line)
            out.append(line)
    return out


def test_text_unchanged():
    # The same deterministic program, with and without the structured outputs.
    prog = os.path.join(A.programs, "fileops")
    base, _, _ = trace([], ["setarch", "-R", prog])
    both, _, _ = trace(["--json=JSON", "--perfetto=PERFETTO"], ["setarch", "-R", prog])
    a, b = normalised(base), normalised(both)
    check(len(a) > 20 and a == b, "text differs with --json/--perfetto: %s" % [x for x in zip(a, b) if x[0] != x[1]][:3])


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def in_pty(args, env_extra=None):
    """sctrace with its standard error on a terminal; returns what it wrote there."""
    import pty
    master, slave = pty.openpty()
    env = dict(os.environ, TERM="xterm")
    env.pop("NO_COLOR", None)
    env.update(env_extra or {})
    p = subprocess.Popen([A.sctrace] + args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            b = os.read(master, 65536)
        except OSError:
            break
        if not b:
            break
        chunks.append(b)
    p.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode(errors="replace")


def test_colour():
    prog = os.path.join(A.programs, "fileops")
    plain, _, _ = trace([], ["setarch", "-R", prog])
    coloured, _, _ = trace(["--color=always"], ["setarch", "-R", prog])
    with open(plain) as f:
        p = f.read()
    with open(coloured) as f:
        c = f.read()
    check("\x1b[" not in p, "no colour in a file unless asked")
    check(normalised_text(ANSI.sub("", c)) == normalised_text(p), "--color=always changes nothing but the escape codes")
    calls = sum(1 for l in p.splitlines() if re.match(r"^\d+ +[a-z_0-9]+\(", l))
    names = len(re.findall(r"\x1b\[1;36m[a-z_0-9]+\x1b\[0m\(", c))
    check(calls > 20 and names == calls, "every call name coloured: %d of %d" % (names, calls))
    check(re.search(r"= \x1b\[1;31m-1 ENOENT", c) is not None, "errors coloured")
    check(re.search(r"\x1b\[32m\"[^\x1b]*\"\x1b\[0m", c) is not None, "strings coloured")
    # auto: a terminal gets colour, unless NO_COLOR says otherwise; never means never.
    cmd = ["-e", "trace=openat", "cat", "/nonexistent-sctrace"]
    check("\x1b[1;36mopenat" in in_pty(cmd), "auto colours a terminal")
    check("\x1b[" not in in_pty(cmd, {"NO_COLOR": "1"}), "NO_COLOR turns auto off")
    check("\x1b[" not in in_pty(["--color=never"] + cmd), "--color=never on a terminal")
    r = subprocess.run([A.sctrace] + cmd, capture_output=True, text=True)
    check("\x1b[" not in r.stderr and "openat(" in r.stderr, "no colour into a pipe")


def normalised_text(text):
    pids = {}
    text = re.sub(r"0x[0-9a-f]+", "ADDR", text)
    text = re.sub(r'getrandom\(".*?"', 'getrandom("RANDOM"', text)
    return re.sub(r"\b\d{3,}\b", lambda m: pids.setdefault(m.group(0), "N%d" % len(pids)), text)


def main():
    global A
    ap = argparse.ArgumentParser()
    ap.add_argument("--sctrace", required=True)
    ap.add_argument("--schema", required=True)
    ap.add_argument("--threads", required=True)
    ap.add_argument("--programs", required=True)
    ap.add_argument("--backend", help="the engine (default: sctrace's)")
    ap.add_argument("test")
    A = ap.parse_args()
    globals()["test_" + A.test]()
    print("%s: %s" % (A.test, "FAILED (%d)" % len(FAILURES) if FAILURES else "ok"))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
