#!/usr/bin/env python3
"""-k stacks and -e read=/write= dumps in --json and --perfetto, on both
engines (eBPF when it loads).

One run writes the text trace, the JSON and the Perfetto timeline at once:
the JSON's frames, rendered by the rule docs/json.md gives, must be the text's
frame lines record for record; its dumped bytes must be the text dump's
bytes buffer for buffer, cut exactly where the text says the capture was
cut; the Perfetto slices must carry the same frames and byte counts; every
record must validate against docs/sctrace-events.schema.json. On the ptrace
engine the JSON is also compared with Debian's strace 6.1 -k and -e read=
output of the same program (the eBPF engine's text is held to strace by
stack_trace_* and cli_fds_*).

Usage: stacks_dumps_test.py --sctrace S --schema F --stack-chain P --fds-probe P
                            [--mmsg P] GROUP"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from cli_support import check, ebpf_works, failures  # noqa: E402

import jsonschema  # noqa: E402

A = None
STRACE = shutil.which("strace")


def engines():
    return [["--backend=ptrace"]] + ([["--backend=ebpf"]] if ebpf_works(A.sctrace) else [])


def run(engine, args):
    """(text, JSON records, Perfetto events, stderr) of one run."""
    with tempfile.TemporaryDirectory() as d:
        text, js, pf = (os.path.join(d, n) for n in ("t.txt", "t.jsonl", "t.json"))
        r = subprocess.run([A.sctrace] + engine + ["-o", text, "--json=" + js, "--perfetto=" + pf] + args,
                           capture_output=True, text=True, timeout=120)
        check(r.returncode == 0, "%s %s: status %d: %s" % (engine, args, r.returncode, r.stderr[-300:]))
        with open(text) as f, open(js) as g, open(pf) as h:
            return f.read(), [json.loads(l) for l in g], json.load(h)["traceEvents"], r.stderr


def strace_text(args):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "t")
        subprocess.run([STRACE, "-o", out] + args, capture_output=True, timeout=120)
        with open(out) as f:
            return f.read()


def validate(recs, label):
    with open(A.schema) as f:
        v = jsonschema.Draft7Validator(json.load(f))
    bad = [r for r in recs if not v.is_valid(r)]
    check(not bad, "%s: %d records invalid, first: %s: %s" % (
        label, len(bad), bad and jsonschema.exceptions.best_match(v.iter_errors(bad[0])).message[:200],
        bad and json.dumps(bad[0])[:300]))
    check(recs and recs[0]["type"] == "header" and recs[0]["schema_version"] == 4, "%s: the header" % label)


# Text records: a finished call's line, a signal's, an exit's; what follows
# them (frames, dump lines) belongs to them.
def text_records(text):
    out = []
    last = None
    for line in text.splitlines():
        if line.startswith(" > ") or line.startswith(" | ") or line.startswith(" * ") or line.startswith(" = "):
            if last is not None:
                last[1].append(line)
            continue
        body = re.sub(r"^(\[pid +\d+\]|\d+) +", "", line)
        last = None
        if body.endswith("<unfinished ...>"):
            continue
        if body.startswith("<... "):
            what = body[5:].split()[0]
        elif body.startswith("--- SIG"):
            what = body.split()[1]
        elif body.startswith("+++ exited"):
            what = "exited"
        else:
            m = re.match(r"(\w+)\(", body)
            if not m:
                continue
            what = m.group(1)
        last = (what, [])
        out.append(last)
    return out


def json_records(recs):
    """(what, record) in the text's terms, for the records the text has a line for."""
    out = []
    for r in recs:
        if r["type"] == "syscall":
            out.append((r["name"], r))
        elif r["type"] == "signal":
            out.append((r["signal"], r))
        elif r["type"] == "exit":
            out.append(("exited", r))
    return out


# --- stacks

def frame_text(f):
    """A JSON frame in the text's words (docs/json.md, "Stacks")."""
    if f["module"] is None:
        s = "unexpected_backtracing_error [%#x]" % f["address"]
    elif f["symbol"] is None:
        s = "%s() [%#x]" % (f["module"], f["address"])
    else:
        s = "%s(%s+%#x) [%#x]" % (f["module"], f["symbol"], f["offset"], f["address"])
    if "source" in f:
        s += " %s:%d" % (f["source"], f["line"])
    return s


def text_frame(line):
    # A symbol-less frame of a stack unwound at entry is "FILE(+0x0)" in the
    # text; the JSON has one form for both.
    return re.sub(r"\(\+0x0\) \[", "() [", line[3:])


CHAIN_ARGS = ["-f", "-e", "trace=!futex", "-e", "signal=!SIGCHLD"]


def test_stacks():
    for engine in engines():
        for k in ("-k", "-kk"):
            label = "%s %s" % (engine[0], k)
            text, recs, ev, _ = run(engine, [k] + CHAIN_ARGS + [A.stack_chain, "linger"])
            validate(recs, label)
            want = [(w, [text_frame(l) for l in lines if l.startswith(" > ")]) for w, lines in text_records(text)]
            # (No frame lines and no stack member are the same to the text.)
            got = [(w, [frame_text(f) for f in r.get("stack", [])]) for w, r in json_records(recs)]
            check(len(want) == len(got) and len(want) > 20, "%s: %d text records, %d JSON" % (label, len(want), len(got)))
            for (tw, tf), (jw, jf) in zip(want, got):
                if (tw, tf) != (jw, jf):
                    check(False, "%s: text %s %s, JSON %s %s" % (label, tw, tf[:3], jw, jf and jf[:3]))
                    break
            print("%s: %d records, %d frames, the text's" % (label, len(got), sum(len(f) for _, f in got)))
            # The chain is there, with its symbols and -kk's source lines.
            opens = [r for w, r in json_records(recs) if w == "openat" and any(
                f["symbol"] == "chain_6" for f in r.get("stack", []))]
            check(len(opens) == 2, "%s: the two chains' openat (parent, child): %d" % (label, len(opens)))
            chain = ["chain_6", "chain_5", "chain_4", "chain_3", "chain_2", "chain_1", "main"]
            for r in opens:
                syms = [f["symbol"] for f in r["stack"]]
                check(syms[1:8] == chain, "%s: the chain, innermost first: %s" % (label, syms))
                c6 = next(f for f in r["stack"] if f["symbol"] == "chain_6")
                check(("source" in c6) == (k == "-kk") and c6.get("source", "stack_chain.c").endswith("stack_chain.c"),
                      "%s: chain_6's source: %r" % (label, c6))
            # Signals and exits carry theirs.
            kinds = collections.Counter(r["type"] for r in recs if r.get("stack"))
            check(kinds["signal"] >= 1 and kinds["exit"] >= 1, "%s: stacks of signals and exits: %s" % (label, dict(kinds)))
            # Perfetto: each slice with a stack has the text's frames, in the
            # order the calls ended.
            slices = [(e["name"], e["args"]["stack"]) for e in ev
                      if e["ph"] == "X" and e["cat"] == "syscall" and "stack" in e["args"]]
            tcalls = [(w, [l[3:] for l in lines if l.startswith(" > ")]) for w, lines in text_records(text)
                      if not w.startswith("SIG") and w != "exited"]
            # A call that never returned (exit_group) has its stack on the exit.
            tcalls = [c for c in tcalls if c[0] not in ("exit", "exit_group")]
            slices = [s for s in slices if s[0] not in ("exit", "exit_group")]
            check(slices == tcalls and len(slices) > 10, "%s: Perfetto stacks differ from the text's: %s" % (
                label, next(((a, b) for a, b in zip(slices, tcalls) if a != b), (len(slices), len(tcalls)))))
            if engine == ["--backend=ptrace"] and k == "-k":
                # The JSON's frames against strace 6.1 -k's, as multisets:
                # threads interleave differently from run to run.
                strace = [(w, tuple(text_frame(l) for l in lines if l.startswith(" > ")))
                          for w, lines in text_records(strace_text(["-k"] + CHAIN_ARGS + [A.stack_chain, "linger"]))]
                mine = [(w, tuple(frame_text(f) for f in r.get("stack", []))) for w, r in json_records(recs)]
                norm = lambda cs: collections.Counter(
                    (w, tuple(re.sub(r"error \[0x[0-9a-f]+\]", "error [ADDR]", f) for f in fs)) for w, fs in cs)
                a, b = norm(mine), norm(strace)
                check(a == b, "ptrace JSON vs strace -k: JSON only %s; strace only %s" % (
                    list((a - b).items())[:2], list((b - a).items())[:2]))


# --- dumps

def text_dumps(lines):
    """The buffers of one call's dump: [(iov, msg, bytes, truncated, moved)];
    moved is None where the text does not say (a plain buffer not cut)."""
    out = []
    msg = None
    cur = None
    for line in lines:
        m = re.match(r"^ = (\d+) buffers in vector (\d+)$", line)
        if m:
            msg = int(m.group(2))
            cur = None
            continue
        m = re.match(r"^ \* (\d+) bytes in buffer (\d+)$", line)
        if m:
            cur = [int(m.group(2)), msg, b"", False, int(m.group(1))]
            out.append(cur)
            continue
        if line.startswith(" | "):
            if cur is None:
                cur = [None, msg, b"", False, None]
                out.append(cur)
            cur[2] += bytes.fromhex("".join(re.findall(r"[0-9a-f]{2}", line[10:59])))
            continue
        m = re.match(r"^ \* sctrace: dump cut short: (\d+) of (\d+) bytes not captured$", line)
        if m:
            cur[3] = True
            cur[4] = int(m.group(2))
            continue
        if line == " * sctrace: dump cut short: the data was not captured":
            out.append(["missing"])
            cur = None
    return [tuple(x) for x in out]


def json_dumps(data):
    out = []
    for b in data["buffers"]:
        if b["moved"] is None:
            check(b["truncated"] and b["len"] == 0 and b["hex"] == "", "a missing buffer: %r" % b)
            out.append(("missing",))
            continue
        raw = bytes.fromhex(b["hex"])
        check(len(raw) == b["len"] and b["truncated"] == (b["len"] < b["moved"]), "a buffer's counts: %r" % dict(b, hex="..."))
        out.append((b.get("iov"), b.get("msg"), raw, b["truncated"], b["moved"]))
    check(data["truncated"] == any(x[0] == "missing" or x[3] for x in out), "data.truncated: %r" % data["truncated"])
    return out


def same_buffers(text_bufs, json_bufs):
    if len(text_bufs) != len(json_bufs):
        return False
    for t, j in zip(text_bufs, json_bufs):
        if t[0] == "missing" or j[0] == "missing":
            if t != j:
                return False
            continue
        # The text says how much a buffer moved only for iovecs and cut ones.
        if t[:4] != j[:4] or (t[4] is not None and t[4] != j[4]) or (t[4] is None and j[4] != len(j[2])):
            return False
    return True


def dump_calls(text):
    return [(w, text_dumps(lines)) for w, lines in text_records(text) if any(not l.startswith(" > ") for l in lines)]


def check_dumps(engine, prog_args, label):
    """The JSON's data against the same run's text dumps and Perfetto's
    counts; returns the JSON's [(call, buffers)]."""
    text, recs, ev, _ = run(engine, ["-e", "read=all", "-e", "write=all"] + prog_args)
    validate(recs, label)
    want = dump_calls(text)
    calls = [r for r in recs if r["type"] == "syscall" and "data" in r]
    got = [(r["name"], json_dumps(r["data"])) for r in calls]
    check(len(want) == len(got), "%s: %d dumps in the text, %d in JSON" % (label, len(want), len(got)))
    for (tw, tb), (jw, jb) in zip(want, got):
        if tw != jw or not same_buffers(tb, jb):
            check(False, "%s: %s: text %r, JSON %r" % (label, tw, [x[:3] for x in tb][:3], [x[:3] for x in jb][:3]))
            break
    for r in calls:
        d = r["data"]
        first = next(iter(r["args"].values()))
        check(d["fd"] == first.get("fd"), "%s: %s data.fd %d is the call's descriptor %r" % (label, r["name"], d["fd"], first))
        reads = r["name"].startswith(("read", "recv", "pread"))
        check(d["direction"] == ("read" if reads else "write"), "%s: %s's direction %s" % (label, r["name"], d["direction"]))
    # Perfetto: the same calls, with what moved and what was captured.
    counts = [(e["name"], e["args"]["data"]) for e in ev if e["ph"] == "X" and "data" in e.get("args", {})]
    expect = [(r["name"], {"fd": r["data"]["fd"], "direction": r["data"]["direction"],
                           "moved": sum(b["moved"] or 0 for b in r["data"]["buffers"]),
                           "captured": sum(b["len"] for b in r["data"]["buffers"]),
                           "truncated": r["data"]["truncated"]}) for r in calls]
    check(counts == expect, "%s: Perfetto data %s" % (label, next(((a, b) for a, b in zip(counts, expect) if a != b),
                                                              (len(counts), len(expect)))))
    print("%s: %d calls, %d buffers, %d bytes, the text's" % (
        label, len(got), sum(len(b) for _, b in got), sum(len(x[2]) for _, b in got for x in b if x[0] != "missing")))
    return got


FDS_TRACE = ["-e", "trace=%desc,%network,pidfd_open"]


def test_dumps():
    want = [(w, b) for w, b in dump_calls(strace_text(["-e", "read=all", "-e", "write=all"] + FDS_TRACE + [A.fds_probe]))]
    check(any(len(b) == 2 and b[0][0] == 0 for _, b in want), "strace dumps iovecs")
    for engine in engines():
        label = "%s dumps" % engine[0]
        got = check_dumps(engine, FDS_TRACE + [A.fds_probe], label)
        check(len(got) == len(want), "%s: %d dumps, strace %d" % (label, len(got), len(want)))
        cut = []
        for (sw, sb), (jw, jb) in zip(want, got):
            if engine == ["--backend=ptrace"]:
                if sw != jw or not same_buffers(sb, jb):
                    check(False, "%s: %s: strace %r, JSON %r" % (label, sw, [x[:3] for x in sb][:3], [x[:3] for x in jb][:3]))
                    break
                continue
            # eBPF: strace's bytes, but for a buffer longer than the engine
            # copies: its first 32766 bytes, marked, with what was moved.
            check(sw == jw and len(sb) == len(jb), "%s: %s vs strace's %s" % (label, jw, sw))
            for s, j in zip(sb, jb):
                if j[3]:
                    cut.append(j)
                    check(j[2] == s[2][:len(j[2])] and j[4] == len(s[2]), "%s: a cut buffer is a prefix of strace's" % label)
                else:
                    check(j[:3] == s[:3], "%s: %s buffer %r vs strace's %r" % (label, jw, j[:3], s[:3]))
        if engine == ["--backend=ebpf"]:
            check(len(cut) == 1 and len(cut[0][2]) == 32766 and cut[0][4] == 49152,
                  "ebpf: the 48 KiB write, cut at 32766 bytes: %r" % [(len(c[2]), c[4]) for c in cut])
        else:
            big = [b for _, bs in got for b in bs if b[4] == 49152]
            check(len(big) == 1 and len(big[0][2]) == 49152 and not big[0][3], "ptrace: the 48 KiB write whole")


def test_mmsg():
    # sendmmsg/recvmmsg of six messages: each buffer names its message; the
    # eBPF engine copies four (SCT_MMSG_MAX) and marks the rest missing.
    args = ["-e", "trace=sendmmsg,recvmmsg", A.mmsg]
    want = dump_calls(strace_text(["-e", "read=all", "-e", "write=all"] + args))
    check(len(want) == 2 and all(len(b) == 6 for _, b in want), "strace: two calls of six messages: %r" % want)
    for engine in engines():
        label = "%s mmsg" % engine[0]
        got = check_dumps(engine, args, label)
        for (sw, sb), (jw, jb) in zip(want, got):
            check([b[1] for b in jb if b[0] != "missing"] == list(range(len([b for b in jb if b[0] != "missing"]))),
                  "%s: %s: buffers name their messages: %r" % (label, jw, jb))
            if engine == ["--backend=ptrace"]:
                check(same_buffers(sb, jb), "%s: %s: strace %r, JSON %r" % (label, sw, sb, jb))
            else:
                check(jb[-1] == ("missing",) and same_buffers(sb[:len(jb) - 1], jb[:-1]),
                      "%s: %s: strace's first messages, then a missing buffer: %r" % (label, jw, jb))


def main():
    global A
    ap = argparse.ArgumentParser()
    ap.add_argument("--sctrace", required=True)
    ap.add_argument("--schema", required=True)
    ap.add_argument("--stack-chain", required=True)
    ap.add_argument("--fds-probe", required=True)
    ap.add_argument("--mmsg", help="tests/ebpf's many_mmsg (built with the eBPF engine)")
    ap.add_argument("test")
    A = ap.parse_args()
    globals()["test_" + A.test]()
    print("%s: %s" % (A.test, "FAILED (%d)" % len(failures) if failures else "ok"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
