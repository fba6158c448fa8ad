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
        # An incomplete trace: exit status 1.
        text, err = trace(["--ring-buffer-size=4", "--json=" + js.name],
                          ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=200000"], 1)
        took = time.monotonic() - start
        recs = [json.loads(l) for l in js]
    m = re.search(r"sctrace: (\d+) events lost: the ring buffer was full \(--ring-buffer-size=4\)\n", err)
    check(m is not None and int(m.group(1)) > 0, "losses reported, with the size: %r" % err)
    lost = sum(r["count"] for r in recs if r["type"] == "lost")
    check(m is not None and lost == int(m.group(1)), "lost records add up: %d vs %s" % (lost, m and m.group(1)))
    # The text marks each gap where it is, in a line strace never writes.
    marks = re.findall(r"^--- lost (\d+) events? ---$", text, re.M)
    check(m is not None and sum(map(int, marks)) == int(m.group(1)),
          "lost lines add up: %s vs %s" % (sum(map(int, marks)), m and m.group(1)))
    # Records lost on another CPU before the end are only known to be lost
    # once the last record has been read: their marker may follow the exit.
    body = [l for l in text.splitlines() if not re.match(r"^--- lost \d+ events? ---$", l)]
    check(body and body[-1] == "+++ exited with 0 +++", "the end is still shown: %r" % text[-300:])
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
        # strace -p dies of the SIGINT that stops it (130 in a shell).
        check(p.returncode == -signal.SIGINT, "attach exited %d: %s" % (p.returncode, err))
        check("Process %d attached" % target.pid in err and "Process %d detached" % target.pid in err,
              "attach and detach said: %r" % err)
        check(text.count('openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3') >= 5, "the loop's opens:\n" + text[:2000])
        check(target.poll() is None, "the target runs on")
    finally:
        target.kill()
        target.wait()


def test_interrupt():
    # SIGINT, SIGTERM or SIGHUP stop the trace of a started command at once:
    # every line ends (the call in progress as strace's detach ends it), and
    # sctrace dies of the signal as strace does, while the command runs on.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        for opts in ([], ["-c"]):
            with tempfile.TemporaryDirectory() as d:
                out, mark = os.path.join(d, "trace"), os.path.join(d, "mark")
                started = os.path.join(d, "started")
                # The command holds on to stderr: a file, not a pipe to wait on.
                with tempfile.TemporaryFile("w+") as err_file:
                    p = subprocess.Popen(EBPF + opts + ["-o", out, "sh", "-c",
                                                        "touch %s; sleep 3; touch %s" % (started, mark)],
                                         stderr=err_file, text=True)
                    # Traced once it runs (sctrace loads its programs first,
                    # which takes longer on a loaded machine); then in wait4.
                    deadline = time.monotonic() + 20
                    while not os.path.exists(started) and time.monotonic() < deadline:
                        time.sleep(0.05)
                    time.sleep(0.5)
                    p.send_signal(sig)
                    start = time.monotonic()
                    p.wait(timeout=20)
                    took = time.monotonic() - start
                    err_file.seek(0)
                    err = err_file.read()
                what = "%s %s" % (sig.name, opts)
                check(p.returncode == -sig, "%s: exited %d: %r" % (what, p.returncode, err))
                check(took < 1.5, "%s: it stops at once, not when the command ends: %.2f s" % (what, took))
                text = open(out).read()
                check(text.endswith("\n"), "%s: every line ends:\n%s" % (what, text[-300:]))
                if not opts:
                    check(re.search(r"^wait4\(-1,  <detached \.\.\.>$", text, re.M) is not None,
                          "%s: the wait in progress is detached:\n%s" % (what, text[-300:]))
                else:
                    check("total" in text, "%s: the summary is printed:\n%s" % (what, text))
                deadline = time.monotonic() + 10
                while not os.path.exists(mark) and time.monotonic() < deadline:
                    time.sleep(0.1)
                check(os.path.exists(mark), "%s: the command ran to its end" % what)


def test_killed_at_start():
    # sctrace killed while it loads its programs: the command still runs,
    # untraced, as under ptrace (it is forked first, and waits on a pipe
    # whose end of file comes when sctrace dies).
    missing = []
    killed = 0
    for opts in ([], ["-c"]):
        for delay in (0.03, 0.04, 0.05, 0.06, 0.08):
            with tempfile.TemporaryDirectory() as d:
                mark = os.path.join(d, "mark")
                p = subprocess.Popen(EBPF + opts + ["-o", "/dev/null", "touch", mark], stderr=subprocess.DEVNULL)
                time.sleep(delay)
                if p.poll() is not None:
                    continue  # it was done already
                p.kill()
                p.wait()
                killed += 1
                deadline = time.monotonic() + 5
                while not os.path.exists(mark) and time.monotonic() < deadline:
                    time.sleep(0.05)
                if not os.path.exists(mark):
                    missing.append((opts, delay))
    print("killed %d times" % killed)
    check(not missing, "the command never ran after sctrace was killed (options, delay): %s" % missing)


# Two threads that each stat their own path in a loop.
MT_TARGET = """
import os, threading, time
def loop(path):
    while True:
        try: os.stat(path)
        except OSError: pass
        time.sleep(0.01)
threading.Thread(target=loop, args=("/nonexistent-sctrace-thread",), daemon=True).start()
print(os.listdir("/proc/self/task"), flush=True)
loop("/nonexistent-sctrace-leader")
"""


def attach_and_interrupt(pids, wait=1.0, until=None):
    """-p of each of `pids`, SIGINT after `wait` and once the text satisfies
    `until` (a loaded machine takes longer to load the programs): the
    process, the text, stderr."""
    with tempfile.NamedTemporaryFile("r") as out:
        p = subprocess.Popen(EBPF + sum((["-p", str(x)] for x in pids), []) + ["-o", out.name],
                             stderr=subprocess.PIPE, text=True)
        time.sleep(wait)
        deadline = time.monotonic() + 20
        while until and not until(open(out.name).read()) and time.monotonic() < deadline:
            time.sleep(0.1)
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=20)
        return p, out.read(), err


def test_attach_threads():
    # -p of a multithreaded process, by its pid or by a thread's id: every
    # thread is traced (a thread other than the leader needs PIDFD_THREAD).
    target = subprocess.Popen([sys.executable, "-c", MT_TARGET], stdout=subprocess.PIPE, text=True)
    try:
        tids = [int(t) for t in re.findall(r"\d+", target.stdout.readline())]
        other = [t for t in tids if t != target.pid]
        check(len(other) == 1, "a second thread: %r" % tids)
        for who in (target.pid, other[0]):
            p, text, err = attach_and_interrupt(
                [who], until=lambda t: all('"/nonexistent-sctrace-%s"' % x in t for x in ("thread", "leader")))
            check("attach:" not in err and "Process %d attached" % who in err, "-p %d: %r" % (who, err))
            for path in ("thread", "leader"):
                check('"/nonexistent-sctrace-%s"' % path in text, "-p %d: the %s's calls:\n%s" % (who, path, text[:1000]))
        check(target.poll() is None, "the target runs on")
    finally:
        target.kill()
        target.wait()


def blocked(pid, nr):
    """Waits until `pid` is blocked in syscall `nr`."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with open("/proc/%d/syscall" % pid) as f:
            if f.read().split()[0] == str(nr):
                return True
        time.sleep(0.02)
    return False


def test_attach_blocked():
    # -p of a process blocked in a call: the call's entry was never seen;
    # /proc says which it is, and it is shown as strace shows it once
    # attached, then ended by its exit, or by the detach.
    cat = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    sleeper = subprocess.Popen(["sleep", "100"])
    try:
        check(blocked(cat.pid, 0) and blocked(sleeper.pid, 230), "both blocked: in read, in clock_nanosleep")
        with tempfile.NamedTemporaryFile("r") as out:
            p = subprocess.Popen(EBPF + ["-p", str(cat.pid), "-o", out.name], stderr=subprocess.PIPE, text=True)
            time.sleep(1.0)
            cat.stdin.write(b"hi\n")
            cat.stdin.flush()
            time.sleep(0.5)
            p.send_signal(signal.SIGINT)
            _, err = p.communicate(timeout=20)
            text = out.read()
        check(re.match(r'read\(0, "hi\\n", 131072\) += 3\n', text) is not None,
              "the read in progress, ended by its exit:\n" + text)
        check(text.endswith("\nread(0,  <detached ...>\n"), "the next read, ended by the detach:\n" + text)
        p, text, err = attach_and_interrupt([sleeper.pid])
        check(text == "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=100, tv_nsec=0},  <detached ...>\n",
              "a sleep in progress, its arguments read from the process:\n" + text)
        check(cat.poll() is None and sleeper.poll() is None, "both run on")
    finally:
        for t in (cat, sleeper):
            t.kill()
            t.wait()


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
    # The descriptors the command inherits are known before it runs: a short
    # command is gone before its records are read, and /proc has nothing
    # left to say (they were read after its exec once, and lost half the time).
    for i in range(8):
        text, _ = trace(["-y", "-e", "trace=close"], ["cat", "/dev/null"])
        ok = "close(1</dev/null>)" in text and re.search(r"close\(2<pipe:\[\d+\]>\)", text)  # stderr: a pipe
        check(ok, "inherited, run %d: %r" % (i, text[-120:]))
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


def test_mmsg_bound():
    # sendmmsg/recvmmsg: the first SCT_MMSG_MAX (4) messages as the ptrace
    # engine prints them, then the fifth's address, as strace prints an
    # element it cannot read (docs/ebpf.md).
    prog = [os.path.join(OWN, "many_mmsg")]
    opts = ["-e", "trace=sendmmsg,recvmmsg"]
    got, _ = trace(opts, prog)
    want, _ = trace(opts, prog, tracer=[SCTRACE])
    got = re.findall(r"^((?:send|recv)mmsg.*)$", got, re.M)
    want = re.findall(r"^((?:send|recv)mmsg.*)$", want, re.M)
    check(len(got) == 2 and len(want) == 2, "two calls: %r" % got)
    for g, w in zip(got, want):
        msgs = w.split("{msg_hdr=")
        check(len(msgs) == 7, "the ptrace engine shows six messages: %r" % w[:80])
        head = "{msg_hdr=".join(msgs[:5])
        m = re.match(re.escape(head) + r"(0x[0-9a-f]+)\], 6, ", g)
        check(m is not None, "four messages, then an address: %r" % g[len(head) - 40:len(head) + 40])


def test_dirents():
    # getdents64/getdents as strace prints them, with and without -v, on
    # directory listings (copied whole: glibc reads 32 KiB at a time), and
    # on results larger than the engine copies (SCT_DIRENTS_CAP, 32 KiB):
    # the entry count is whole, and -v shows the entries copied, strace's
    # first ones, then the address of the next with how many were not copied.
    def getdents_lines(text):
        return [re.sub(r"0x[0-9a-f]{6,}", "0xADDR", l) for l in text.splitlines() if l.startswith("getdents")]

    strace = ["strace"]
    opts = ["-e", "trace=getdents64,getdents"]
    with tempfile.TemporaryDirectory() as d:
        small, big = os.path.join(d, "small"), os.path.join(d, "big")
        os.mkdir(small)
        os.mkdir(big)
        for i in range(1000):
            open(os.path.join(small, "f%04d" % i), "w").close()
        # About 48 bytes an entry: some 140 KiB of entries in one result.
        for i in range(3000):
            open(os.path.join(big, "entry-%05d-with-a-longer-name" % i), "w").close()
        for verbose in ([], ["-v"]):
            for cmd in (["ls", "-la", "/usr/lib", "/usr/bin"], ["ls", "-la", small]):
                want = getdents_lines(trace(opts + verbose, cmd, tracer=strace)[0])
                check(len(want) >= 2 and " = 0" not in want[0], "strace shows getdents: %d lines" % len(want))
                for engine in ([SCTRACE], EBPF):
                    got = getdents_lines(trace(opts + verbose, cmd, tracer=engine)[0])
                    bad = [(g[-100:], w[-100:]) for g, w in zip(got, want) if g != w][:1]
                    check(got == want, "%s %s %s: %s" % (engine[1:], verbose, cmd, bad or (len(got), len(want))))
            cmd = [os.path.join(OWN, "big_dirents"), big]
            want = getdents_lines(trace(opts + verbose, cmd, tracer=strace)[0])
            check(len(want) == 4 and all(" = 0" not in w for w in want[::2]), "two large results: %r" %
                  [w[-40:] for w in want])
            got = getdents_lines(trace(opts + verbose, cmd, tracer=[SCTRACE])[0])
            check(got == want, "ptrace engine, big %s" % verbose)
            got = getdents_lines(trace(opts + verbose, cmd)[0])
            check(len(got) == len(want), "eBPF, big %s: %d lines, strace %d" % (verbose, len(got), len(want)))
            for g, w in zip(got, want):
                if not verbose:
                    check(g == w, "eBPF count, big: %r, strace %r" % (g, w))
                    continue
                if w.endswith(" = 0"):
                    check(g == w, "eBPF end of directory: %r" % g)
                    continue
                m = re.match(r"(getdents(?:64)?\(\d+, \[.*\}), 0xADDR /\* (\d+) entries not captured \*/\](, 262144\) += \d+)$", g)
                check(m is not None, "eBPF -v, big: the copy marked: %r" % g[-120:])
                if not m:
                    continue
                head, missing, tail = m.groups()
                shown = head.count("{d_ino=")
                check(w.startswith(head + ", {d_ino=") and w.endswith("}]" + tail) and
                      shown + int(missing) == w.count("{d_ino=") and shown > 100,
                      "eBPF -v, big: %d shown + %s not captured, strace %d" % (shown, missing, w.count("{d_ino=")))


def test_exec_env():
    # -v: execve's environment strings as strace prints them, all of them
    # (the entry copies the first 32, the exec's record the others).
    # Without -v, the count.
    def execve_line(tracer, opts, env):
        with tempfile.NamedTemporaryFile("r") as out:
            subprocess.run(tracer + opts + ["-e", "trace=execve", "-o", out.name, "/bin/true"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            return re.sub(r"0x[0-9a-f]+", "0xADDR", out.readline())

    small = {"A": "1", "B": "two"}
    for opts in (["-v"], []):
        want = execve_line(["strace"], opts, small)
        got = execve_line(EBPF, opts, small)
        check(got == want and ("[\"A=1\", \"B=two\"]" in want) == bool(opts), "%s: %r, strace %r" % (opts, got, want))
    big = {"V%02d" % i: "x" for i in range(40)}
    want = execve_line(["strace"], ["-v"], big)
    got = execve_line(EBPF, ["-v"], big)
    strings = ", ".join('"V%02d=x"' % i for i in range(40))
    check(got == want and strings + "]" in want, "-v, 40 variables: %r, strace %r" % (got[-200:], want[-200:]))
    # argv past the entry's 32 strings: "..." after -s elements, or them all.
    def argv_line(tracer, opts):
        with tempfile.NamedTemporaryFile("r") as out:
            subprocess.run(tracer + opts + ["-e", "trace=execve", "-o", out.name, "/bin/true"] +
                           [str(i) for i in range(70)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            return re.sub(r"0x[0-9a-f]+", "0xADDR", out.readline())
    for opts in (["-s", "32"], ["-s", "64"], ["-s", "80"]):
        want, got = argv_line(["strace"], opts), argv_line(EBPF, opts)
        check(got == want and ('"30", ...]' in want) == (opts[1] == "32"), "argv %s: %r, strace %r" % (opts, got, want))


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
