#!/usr/bin/env python3
"""--backend=ebpf without -c: the streamed trace follows forks, threads and
execs, attaches with -p, drains what is in flight when the tracee exits,
honours -T -tt -y, and counts and reports what a too-small buffer lost."""

import json
import os
import re
import select
import signal
import subprocess
import sys
import tempfile
import time

SCTRACE, THREADS, PROGRAMS, TEST = sys.argv[1:5]
EBPF = [SCTRACE, "--backend=ebpf"]
# This directory's test programs (CMakeLists.txt).
OWN = os.environ.get("SCTRACE_EBPF_PROGRAMS", "")
FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL: " + what)


def trace(opts, cmd, status=0, tracer=None):
    """The text trace (-o), and stderr."""
    with tempfile.NamedTemporaryFile("r") as out:
        r = subprocess.run((tracer or EBPF) + opts + ["-o", out.name] + cmd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True, timeout=120)
        check(r.returncode == status, "%s %s exited %d: %s" % (opts, cmd, r.returncode, r.stderr))
        return out.read(), r.stderr


def calls(text, name):
    return len(re.findall(r"^(?:\d+ +)?%s\(" % name, text, re.M))


def test_forks_and_exec():
    text, _ = trace(["-f"], ["sh", "-c", "ls /nonexistent-sctrace; exit 4"], 4)
    lines = text.splitlines()
    check(re.match(r'^\d+ +execve\("/usr/bin/sh", \["sh", "-c", "ls /nonexistent-sctrace; exit 4"\]', lines[0]),
          "the command's execve comes first, argv decoded: %r" % lines[0])
    child = [l for l in lines if 'execve("/usr/bin/ls", ["ls", "/nonexistent-sctrace"]' in l]
    done = child and (child[0].rstrip().endswith("= 0") or any(
        l.startswith(child[0].split()[0] + " ") and "<... execve resumed>" in l and l.rstrip().endswith("= 0")
        for l in lines))
    check(len(child) == 1 and done, "the forked child's exec, whole or resumed: %r" % child)
    pids = {l.split()[0] for l in lines}
    check(len(pids) == 2, "two processes, each line prefixed with its pid: %s" % pids)
    check(any(re.search(r'statx?\(.*"/nonexistent-sctrace".* = -1 ENOENT', l) for l in lines),
          "the child's failing stat, its path copied")
    exits = [l for l in lines if "+++ exited with" in l]
    check(len(exits) == 2 and exits[-1].endswith("+++ exited with 4 +++"), "both exits: %r" % exits)
    check(any("--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED" in l for l in lines),
          "the parent's SIGCHLD, ignored by default, is shown as strace shows it")
    # Without -f: the child is not traced.
    text, _ = trace([], ["sh", "-c", "ls /nonexistent-sctrace; exit 4"], 4)
    check('execve("/usr/bin/ls"' not in text and text.count("+++ exited with 4 +++") == 1, "without -f only the shell")


def test_threads():
    # Threads are followed in the kernel: each read and write of the
    # ping-pong is there, as under the ptrace engine with -f.
    cmd = [THREADS, "200"]
    got, _ = trace(["-f"], cmd)
    want, _ = trace(["-f"], cmd, tracer=[SCTRACE])
    for name in ("read", "write", "clone3"):
        check(calls(got, name) == calls(want, name) and calls(got, name) > 0,
              "%s: ebpf %d, ptrace %d" % (name, calls(got, name), calls(want, name)))


def test_exit_in_flight():
    # dd exits straight after its last write: every record still in the
    # buffer is read before sctrace ends.
    n = 30000
    text, err = trace([], ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=%d" % n])
    check(calls(text, "read") >= n and calls(text, "write") >= n, "reads %d, writes %d of %d" %
          (calls(text, "read"), calls(text, "write"), n))
    tail = text.splitlines()[-2:]
    check(tail[0].startswith("exit_group(0)") and tail[0].rstrip().endswith("= ?") and
          tail[1] == "+++ exited with 0 +++", "it ends with the exit: %r" % tail)
    check("lost" not in err, "nothing lost at the default size: %r" % err)


def test_small_buffer():
    with tempfile.NamedTemporaryFile("r") as js:
        start = time.monotonic()
        text, err = trace(["--ring-buffer-size=4", "--json=" + js.name],
                          ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=200000"])
        took = time.monotonic() - start
        recs = [json.loads(l) for l in js]
    m = re.search(r"sctrace: (\d+) events lost", err)
    check(m is not None and int(m.group(1)) > 0, "losses reported: %r" % err)
    lost = sum(r["count"] for r in recs if r["type"] == "lost")
    check(m is not None and lost == int(m.group(1)), "lost records add up: %d vs %s" % (lost, m and m.group(1)))
    check(text.rstrip().endswith("+++ exited with 0 +++"), "the end is still shown")
    check(took < 60, "nothing hangs: %.1f s" % took)


def test_timing_and_paths():
    text, _ = trace(["-tt", "-T", "-y", "-e", "trace=read,openat"], ["dd", "if=/etc/hostname", "of=/dev/null"])
    line = [l for l in text.splitlines() if "/etc/hostname>" in l and " read(" in l]
    check(len(line) >= 1 and re.match(r"^\d\d:\d\d:\d\d\.\d{6} read\(\d+</etc/hostname>, \".*\", \d+\) = \d+ <\d+\.\d{6}>$",
                                      line[0]), "-tt -T -y: %r" % line)
    check(all(re.match(r"^\d\d:\d\d:\d\d\.\d{6} (read|openat)\(|^\d\d:\d\d:\d\d\.\d{6} \+\+\+", l)
              for l in text.splitlines()), "the filter holds in the kernel:\n" + text)


def test_attach():
    target = subprocess.Popen(["sh", "-c", "while :; do cat /etc/hostname >/dev/null; sleep 0.02; done"])
    try:
        with tempfile.NamedTemporaryFile("r") as out:
            p = subprocess.Popen(EBPF + ["-f", "-p", str(target.pid), "-o", out.name],
                                 stderr=subprocess.PIPE, text=True)
            time.sleep(1.0)
            p.send_signal(signal.SIGINT)
            _, err = p.communicate(timeout=20)
            text = out.read()
        # strace dies of the signal that stopped it (a shell shows 130).
        check(p.returncode == -signal.SIGINT, "attach exited %d: %s" % (p.returncode, err))
        check("Process %d attached" % target.pid in err and "Process %d detached" % target.pid in err,
              "attach and detach said: %r" % err)
        check(text.count('openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3') >= 5, "the loop's opens:\n" + text[:2000])
        check(target.poll() is None, "the target runs on")
    finally:
        target.kill()
        target.wait()


def test_blocked_call():
    # A lone thread's call is sent whole at its exit; one that waits must
    # still show as entered while it waits, on a pipe as on a terminal.
    p = subprocess.Popen(EBPF + ["-e", "trace=read", "cat"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    seen = b""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not seen.endswith(b"read(0, "):
        ready, _, _ = select.select([p.stderr], [], [], 0.2)
        if ready:
            seen += os.read(p.stderr.fileno(), 65536)
    check(seen.endswith(b"read(0, "), "the waiting read is shown entered: %r" % seen[-80:])
    p.stdin.write(b"x\n")
    p.stdin.close()
    rest = p.stderr.read()
    p.wait(timeout=20)
    text = (seen + rest).decode()
    check(re.search(r'^read\(0, "x\\n", 131072\) += 2$', text, re.M) is not None,
          "its line is finished where it was left:\n" + text[-300:])


def test_fd_paths():
    # Each file is opened as fd 3 after the last was closed, and the program
    # still runs (holding another file as fd 3) when the records are read:
    # -y must show the file each call opened, not what fd 3 is by then.
    n = 400
    with tempfile.TemporaryDirectory() as d:
        for i in range(n):
            with open(os.path.join(d, "f%d" % i), "w") as f:
                f.write("%d\n" % i)
        open(os.path.join(d, "last"), "w").close()
        text, _ = trace(["-y"], [os.path.join(OWN, "open_many"), d, str(n)])
    opens = re.findall(r'^openat\(AT_FDCWD<[^>]*>, "(%s/[^"]+)", O_RDONLY\) = (\d+)<([^>]*)>$' % re.escape(d), text, re.M)
    wrong = [o for o in opens if o[0] != o[2]]
    check(len(opens) == n + 1, "every open shown: %d of %d" % (len(opens), n + 1))
    check(not wrong, "%d opens show another file, e.g. %r" % (len(wrong), wrong[:3]))
    reads = re.findall(r'^read\(3<([^>]*)>, "(\d+)\\n", 64\) = ', text, re.M)
    check(len(reads) == n and all(p == "%s/f%s" % (d, i) for p, i in reads),
          "each read names its own file: %r" % [r for r in reads if r[0] != "%s/f%s" % (d, r[1])][:3])
    check(re.search(r"^epoll_create1\(0\) += 3<anon_inode:\[eventpoll\]>$", text, re.M) and
          re.search(r"^eventfd2\(0, 0\) += 3<anon_inode:\[eventfd\]>$", text, re.M),
          "anonymous files by their names:\n" + "\n".join(l for l in text.splitlines() if "anon_inode" in l))


def test_large_strsize():
    # -s beyond a page: the buffer is copied and printed as the ptrace engine
    # prints it, not as a bare address; past what the kernel copies
    # (docs/ebpf.md) it is cut there, with strace's "...".
    with tempfile.NamedTemporaryFile("w") as f:
        f.write("".join(chr(ord("a") + i % 26) for i in range(12813)))
        f.flush()
        for s in ("4000", "4095", "5000", "20000"):
            got, _ = trace(["-s", s, "-e", "trace=write"], ["cat", f.name])
            want, _ = trace(["-s", s, "-e", "trace=write"], ["cat", f.name], tracer=[SCTRACE])
            line = got.splitlines()[0] if got else ""
            check(got == want and line.startswith('write(1, "abc'), "-s %s: %r" % (s, line[:60]))
    with tempfile.NamedTemporaryFile("w") as f:
        f.write("x" * 40000)
        f.flush()
        got, _ = trace(["-s", "40000", "-e", "trace=write"], ["cat", f.name])
    check(re.match(r'^write\(1, "x{32766}"\.\.\., 40000\) += 40000$', got, re.M) is not None,
          "-s 40000 of 40000 bytes: the first 32766, cut: %r" % got[:40])


def test_unknown_syscalls():
    # Numbers beyond the table's range are shown as strace and the ptrace
    # engine show them; a filter that leaves some calls out leaves them out
    # too, on both engines.
    prog = [os.path.join(OWN, "unknown_syscalls")]
    for opts in ([], ["-f"], ["-e", "trace=!getpid"]):
        got, _ = trace(opts, prog)
        want, _ = trace(opts, prog, tracer=[SCTRACE])
        # -f -o prefixes each line with its pid.
        got = re.findall(r"^(?:\d+ +)?(syscall_.*)$", got, re.M)
        want = re.findall(r"^(?:\d+ +)?(syscall_.*)$", want, re.M)
        check(got == want and len(got) == (4 if opts[:1] != ["-e"] else 0),
              "%s: %r against the ptrace engine's %r" % (opts, got, want))
        check(opts[:1] == ["-e"] or got[:2] == ["syscall_0xffffffffffffffff(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not implemented)",
                          "syscall_0x186a0(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not implemented)"],
              "%s: as strace prints them: %r" % (opts, got[:2]))


def test_exec_from_thread():
    # As strace shows it: the thread's execve entered, with its strings
    # (copied by the exec: they were not in memory at entry), the leader's
    # call that never returns, the other thread's exit, the leader
    # superseded, and no SIGKILL nor exit of the leader.
    prog = os.path.join(OWN, "exec_thread")
    text, _ = trace(["-f", "-e", "trace=execve,futex,pause,exit_group"], [prog])
    lines = [re.sub(r"^\d+ +", "", l) for l in text.splitlines()]
    execs = [l for l in lines if l.startswith('execve("/bin/true", ["/bin/true", "from-exec_thread"], 0x')]
    check(len(execs) == 1 and execs[0].endswith(" <unfinished ...>"), "the thread's execve, unfinished: %r" % execs)
    check("<... execve resumed>) = 0" in [re.sub(r" +", " ", l) for l in lines], "and resumed")
    check(any(re.match(r"<\.\.\. (futex|pause) resumed>\) += \?$", l) for l in lines), "calls that never return")
    check(not any("SIGKILL" in l for l in lines), "no SIGKILL:\n" + text)
    check(sum("+++ superseded by execve in pid " in l for l in lines) == 1, "the leader superseded:\n" + text)
    check(sum("+++ exited with 0 +++" in l for l in lines) == 2, "the paused thread and the new program exit:\n" + text)
    text, _ = trace(["-e", "trace=execve"], [prog, "main"])
    check('execve("/bin/true", ["/bin/true", "from-exec_thread"], 0x' in text, "from the leader too:\n" + text)


globals()["test_" + TEST]()
print("%s: %s" % (TEST, "FAILED (%d)" % len(FAILURES) if FAILURES else "ok"))
sys.exit(1 if FAILURES else 0)
