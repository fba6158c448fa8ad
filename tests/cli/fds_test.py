#!/usr/bin/env python3
"""-yy / --decode-fds=SET and -e read=SET / -e write=SET against strace 6.1.

fds_probe (tests/cli/fds_probe.c) is run under Debian's strace and under
sctrace (ptrace, and eBPF when it loads) with the same options; the outputs
must be the same after normalising socket inodes, ports, pids and addresses
(numbers of four digits or more become N: the format around them is still
compared). The eBPF engine's -yy is exact too: the kernel copies each
socket when strace would ask about it (docs/ebpf.md, "Descriptor
details"); its known differences elsewhere (data dumps cut at the capture
limit) are asserted exactly, so that the test fails if they grow.
Usage: fds_test.py SCTRACE FDS_PROBE TEST"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

from cli_support import check, ebpf_works, failures

SCTRACE, PROBE, TEST = sys.argv[1], sys.argv[2], sys.argv[3]
STRACE = shutil.which("strace")
# The probe's own calls, without the loader's mmaps and its pause.
TRACE = ["-e", "trace=%desc,%network,pidfd_open"]


ENGINES = [[]] + ([["--backend=ebpf"]] if ebpf_works(SCTRACE) else [])


def normalise(text):
    text = re.sub(r"0x[0-9a-f]+", "0xADDR", text)
    # The abstract name the kernel gives an autobound UNIX socket: five hex
    # digits from a counter.
    text = re.sub(r'@"[0-9a-f]{5}"', '@"AUTO"', text)
    # The probe's socket path holds its pid, which may have any number of digits.
    text = re.sub(r"sctrace-fds-\d+", "sctrace-fds-N", text)
    text = re.sub(r"\d{4,}", "N", text)
    # The padding before " = " follows the numbers' lengths, which differ
    # between the two runs.
    return re.sub(r"\) +=( |$)", r") =\1", text)


def trace(tool, args, probe_args=()):
    """(exit status, the trace from the probe's /dev/null on, stderr)."""
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "trace")
        r = subprocess.run([tool, "-o", out] + args + [PROBE] + list(probe_args), capture_output=True, text=True,
                           timeout=120)
        with open(out) as f:
            lines = f.read().splitlines()
    start = next((i for i, l in enumerate(lines) if '"/dev/null"' in l), 0)
    stderr = re.sub(r"^\S*trace:", "TRACER:", r.stderr, flags=re.M)
    # The probe's pid (in its socket paths, its netlink port id, its
    # pidfd) may have fewer than four digits.
    pid = next((m.group(1) for m in map(re.compile(r"pidfd_open\((\d+),").search, lines) if m), None)
    if pid:
        lines = [re.sub(r"(?<![\d.])%s(?![\d.])" % pid, "N", l) for l in lines]
    return r.returncode, [normalise(l) for l in lines[start:]], stderr


def compare(name, want, got, allowed=(), required=True):
    """Line by line; `allowed`: (strace's line, sctrace's) pairs that are a
    documented difference, each seen at most once (exactly once when
    `required`)."""
    allowed = list(allowed)
    if len(want) != len(got):
        check(False, "%s: %d lines, strace %d" % (name, len(got), len(want)))
    for w, g in zip(want, got):
        if w == g:
            continue
        if (w, g) in allowed:
            allowed.remove((w, g))
            continue
        check(False, "%s:\n  strace:  %s\n  sctrace: %s" % (name, w, g))
        return
    check(not required or not allowed, "%s: expected differences not seen: %r" % (name, allowed))


def test_yy_sockets():
    rc, want, _ = trace(STRACE, ["-yy"] + TRACE)
    check(any("TCP:[127.0.0.1:N->127.0.0.1:N]" in l for l in want), "strace shows a TCP peer")
    # The probe's last sockets are closed at once: the eBPF engine must show
    # them as the kernel knew them at each call (its copies), not as it
    # finds them when the records are read.
    check(any(l.startswith("close(3<UNIX:[N,@\"AUTO\"]>)") for l in want), "strace shows an autobound name")
    check(any(re.match(r"socketpair\(AF_UNIX, SOCK_STREAM, 0, \[3<UNIX-STREAM:\[N->N\]>", l) for l in want),
          "strace shows a socketpair closed at once")
    for engine in ENGINES:
        grc, got, err = trace(SCTRACE, engine + ["-yy"] + TRACE)
        check(grc == rc and err == "", "%s -yy: status %d, stderr %r" % (engine, grc, err))
        compare("%s -yy" % (engine or "ptrace"), want, got)
        if engine:
            check(sum("pid:" in l for l in got) == 2, "ebpf -yy: the pidfd's pid, open and closed")
    # --decode-fds=socket alone on eBPF: the same copies, no paths.
    args = ["--decode-fds=socket"] + TRACE
    rc, want, _ = trace(STRACE, args)
    for engine in ENGINES[1:]:
        grc, got, err = trace(SCTRACE, engine + args)
        check(grc == rc and err == "", "%s: status %d, stderr %r" % (args, grc, err))
        compare("ebpf %s" % args, want, got)


def test_fd_pairs():
    # Descriptors made in pairs, closed at once: the eBPF engine reads its
    # records late, when /proc has them no more; the kernel said what they
    # were at the call.
    for args in (["-y"], ["-yy"]):
        rc, want, _ = trace(STRACE, args + TRACE, ["pairs"])
        check(any(re.match(r"pipe2\(\[\d+<pipe:\[N\]>, \d+<pipe:\[N\]>\], O_CLOEXEC\)", l) for l in want) and
              any(l.startswith("socketpair(") and "<socket:[N]>" in l for l in want) or args == ["-yy"],
              "strace names the pairs: %r" % want)
        for engine in ENGINES:
            got = trace(SCTRACE, engine + args + TRACE, ["pairs"])
            check(got[0] == rc, "%s %s pairs: status %d, strace %d" % (engine, args, got[0], rc))
            compare("%s %s pairs" % (engine, args), want, got[1])


def test_decode_fds_sets():
    for args in (["--decode-fds=socket"], ["--decode-fds=dev"], ["--decode-fds=pidfd"], ["--decode-fds=!path"],
                 ["--decode-fds=path,dev"], ["-e", "decode-fds=all"], ["--decode-fds"], ["-y"]):
        rc, want, _ = trace(STRACE, args + TRACE)
        got = trace(SCTRACE, args + TRACE)
        check(got[0] == rc, "%s: status %d, strace %d" % (args, got[0], rc))
        compare("ptrace %s" % args, want, got[1])
    for bad in ("--decode-fds=eventfd", "--decode-fds=", "--decode-fds=all,none", "-e read=foo",
                "-e write=-1", "--read=", "--write=3,all"):
        want = subprocess.run([STRACE] + bad.split() + ["true"], capture_output=True, text=True)
        got = subprocess.run([SCTRACE] + bad.split() + ["true"], capture_output=True, text=True)
        same = lambda r: (r.returncode, re.sub(r"^\S*trace:", "TRACER:", r.stderr, flags=re.M))
        check(same(got) == same(want),
              "%s: sctrace %r, strace %r" % (bad, (got.returncode, got.stderr), (want.returncode, want.stderr)))


def test_read_write_dump():
    args = ["-e", "read=all", "-e", "write=all"] + TRACE
    rc, want, _ = trace(STRACE, args)
    check(any(l.startswith(" * 3 bytes in buffer 0") for l in want), "strace dumps iovecs")
    for engine in ENGINES:
        grc, got, err = trace(SCTRACE, engine + args)
        if not engine:
            check(grc == rc and err == "", "ptrace dumps: status %d, stderr %r" % (grc, err))
            compare("ptrace dumps", want, got)
            continue
        # The 48 KiB write is copied up to the capture limit (32766 bytes):
        # the dump is strace's up to there, then a marker line, and the end
        # of the trace says how many dumps were cut.
        marker = [i for i, l in enumerate(got) if l.startswith(" * sctrace: dump cut short")]
        check(len(marker) == 1, "ebpf dumps: one cut marker, got %d" % len(marker))
        check(err == "TRACER: 1 data dump (-e read=/write=) cut short: the eBPF engine copies at most 32766 bytes a buffer\n",
              "ebpf dumps: the count at the end, got %r" % err)
        if len(marker) != 1:
            continue
        m = marker[0]
        check(got[m] == " * sctrace: dump cut short: N of N bytes not captured", "ebpf marker: %r" % got[m])
        # 32766 bytes: 2047 whole lines and one of 14 bytes, which is
        # strace's line cut after its 14th byte.
        whole = 32766 // 16
        compare("ebpf dumps before the cut", want[:m - 1], got[:m - 1])
        check(got[m - 1] == " | 07ff0  " + "00 " * 8 + " " + "00 " * 6 + " " * 6 + " " + "." * 14 + "   |",
              "ebpf dumps: the last captured line %r" % got[m - 1])
        hidden = 49152 // 16 - (whole + 1)
        check(len(want) - len(got) == hidden - 1, "ebpf dumps: the cut hides %d lines" % (len(want) - len(got)))
        compare("ebpf dumps after the cut", want[m + hidden:], got[m + 1:])


def test_read_write_sets():
    # The descriptors of the accepted TCP end (6) and the UNIX pair's reader (12).
    for args in (["--read=6,12", "--write=!3"], ["-e", "read=none", "-e", "write=5"]):
        rc, want, _ = trace(STRACE, args + TRACE)
        for engine in ENGINES:
            grc, got, err = trace(SCTRACE, engine + args + TRACE)
            check(grc == rc and err == "", "%s%s: status %d, stderr %r" % (engine, args, grc, err))
            compare("%s %s" % (engine or "ptrace", args), want, got)
    # The set's grammar: what strace accepts for -e read= is accepted, and
    # what it refuses is refused in its words, for -e read=, -e write= and
    # --trace-fds= alike (one parser, filter/fd_set.cpp).
    for v in ("3", "!!3", "!!all", "+3", " 3", "-0", "!3,", "4096", "", "!", "!!", "ALL", "all,3", "3,none",
              "-1", "3x", "0x3", "1,!2", "2147483648"):
        r = subprocess.run([STRACE, "-e", "read=" + v, "-e", "trace=none", "true"], capture_output=True, text=True)
        for opt in ("read=", "write=", "trace-fds="):
            g = subprocess.run([SCTRACE, "-e", opt + v, "-e", "trace=none", "true"], capture_output=True, text=True)
            named = lambda t: re.sub(r"^\S*trace: ", "TRACER: ", t, flags=re.M)
            check(g.returncode == r.returncode and named(g.stderr) == named(r.stderr),
                  "-e %s%r: sctrace %r, strace %r" % (opt, v, g.stderr, r.stderr))


{"yy_sockets": test_yy_sockets, "decode_fds_sets": test_decode_fds_sets,
 "read_write_dump": test_read_write_dump, "read_write_sets": test_read_write_sets, "fd_pairs": test_fd_pairs}[TEST]()
print("%s: %s" % (TEST, "FAIL" if failures else "ok"))
sys.exit(1 if failures else 0)
