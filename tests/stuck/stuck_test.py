#!/usr/bin/env python3
"""--why-stuck scenarios: a program gets stuck one way, sctrace --why-stuck
is asked why, and the first lines of its report must name the cause.

Usage: stuck_test.py SCTRACE PROGRAM_DIR SCENARIO
Every process a scenario starts is killed at its end, even on failure.
"""
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

SCTRACE, PROGS, SCENARIO = sys.argv[1], sys.argv[2], sys.argv[3]
started = []  # Popen objects, each the leader of its own session


def prog(name):
    return os.path.join(PROGS, "stuck_" + name)


def start(argv, **kw):
    p = subprocess.Popen(argv, start_new_session=True, **kw)
    started.append(p)
    return p


def cleanup():
    for p in started:
        try:
            os.killpg(p.pid, signal.SIGCONT)
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        p.wait()


def ready_line(p):
    line = p.stdout.readline().decode()
    assert line.startswith("ready"), f"the scenario did not start: {line!r}"
    return line.split()[1:]


def threads(pid):
    return sorted(int(t) for t in os.listdir(f"/proc/{pid}/task"))


def in_call(pid, tid, names):
    """Whether /proc says the thread is in one of these calls (x86_64 numbers)."""
    numbers = {"futex": 202, "clock_nanosleep": 230, "nanosleep": 35, "read": 0, "wait4": 61, "recvfrom": 45}
    try:
        nr = open(f"/proc/{pid}/task/{tid}/syscall").read().split()[0]
    except OSError:
        return False
    return nr in {str(numbers[n]) for n in names}


def settle(pid, want, timeout=10):
    """Waits until every thread of pid is in a call the scenario expects."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if all(in_call(pid, t, want) for t in threads(pid)):
            return
        time.sleep(0.05)
    raise AssertionError(f"{pid} did not get stuck in {want}")


def why(*args, expect_rc=0):
    r = subprocess.run([SCTRACE, "--why-stuck", *args], capture_output=True, text=True, timeout=60)
    assert r.returncode == expect_rc, f"exit {r.returncode}, stderr: {r.stderr}"
    return r


def head(report, n):
    lines = report.splitlines()[:n]
    print("\n".join(lines))
    return lines


def check(cond, report, what):
    if not cond:
        print(report)
        raise AssertionError(what)


def deadlock():
    p = start([prog("lock_order")], stdout=subprocess.PIPE)
    first, second = ready_line(p)
    settle(p.pid, ["futex"])
    workers = [t for t in threads(p.pid) if t != p.pid]
    out = why("-p", str(p.pid)).stdout
    line = head(out, 2)[0]
    check(line.startswith("deadlock: "), out, "the first line is the deadlock")
    for needle in [first, second, *map(str, workers)]:
        check(needle in line, out, f"the deadlock names {needle}")
    # Both threads' stacks are in the detail: kernel stack and the symbol
    # of the instruction pointer.
    check(out.count("__lll_lock_wait") >= 2 or out.count("lll_lock_wait") >= 2, out, "the lock wait symbol")
    check("futex(" + first in out and "futex(" + second in out, out, "each blocked call, decoded")


def mutex_owner_sleeps(kind="normal", label="mutex"):
    p = start([prog("lock_holder_sleeps"), kind], stdout=subprocess.PIPE)
    (lock,) = ready_line(p)
    settle(p.pid, ["futex", "clock_nanosleep", "nanosleep"])
    holder = [t for t in threads(p.pid) if in_call(p.pid, t, ["clock_nanosleep", "nanosleep"])]
    assert len(holder) == 1
    out = why("-p", str(p.pid)).stdout
    lines = head(out, 3)
    want = re.compile(rf"^blocked: \d+ .*waits for {re.escape(label)} {lock} held by {holder[0]}, which sleeps in "
                      r"(clock_)?nanosleep for [\d.]+ [mu]?s of 300\.0 s$")
    check(any(want.match(l) for l in lines), out, f"a thread waits for the {label} held by the sleeper")


def pipe_writer_stopped():
    r, w = os.pipe()
    writer = start(["sleep", "300"], stdout=w)
    reader = start(["cat"], stdin=r, stdout=subprocess.DEVNULL)
    os.close(r)
    os.close(w)
    os.kill(writer.pid, signal.SIGSTOP)
    deadline = time.time() + 10
    while open(f"/proc/{writer.pid}/stat").read().rsplit(")", 1)[1].split()[0] != "T":
        assert time.time() < deadline
        time.sleep(0.02)
    settle(reader.pid, ["read"])
    out = why("-p", str(reader.pid)).stdout
    line = head(out, 1)[0]
    check(re.match(rf"^blocked: {reader.pid} \(cat\) reads pipe:\[\d+\] whose writer is {writer.pid} \(sleep\), "
                   r"which is stopped \(SIGSTOP", line), out, "the reader's writer is named, stopped")
    # -y applies to the calls shown; -o writes the report to a file.
    check(re.search(r"call: +read\(0<pipe:\[\d+\]>,  <unfinished \.\.\.>", why("-y", "-p", str(reader.pid)).stdout),
          out, "-y shows the pipe")
    import tempfile
    with tempfile.NamedTemporaryFile("r") as f:
        r = why("-p", str(reader.pid), "-o", f.name)
        assert r.stdout == "" and f.read().splitlines()[0] == line


def fifo():
    # A FIFO is a pipe with a name: the other end is found by that name.
    import tempfile
    d = tempfile.mkdtemp()
    path = os.path.join(d, "fifo")
    os.mkfifo(path)
    try:
        writer = start(["sh", "-c", f'exec sleep 300 > "{path}"'])
        reader = start(["cat", path], stdout=subprocess.DEVNULL)
        settle(reader.pid, ["read"])
        out = why("-p", str(reader.pid)).stdout
        line = head(out, 1)[0]
        check(re.match(rf"^blocked: {reader.pid} \(cat\) reads FIFO {re.escape(path)} whose writer is {writer.pid} "
                       r"\(sleep\), which sleeps in (clock_)?nanosleep", line), out, "the FIFO's writer")
    finally:
        os.unlink(path)
        os.rmdir(d)


def traced():
    # A thread in a tracing stop: the tracer is named (this test is it).
    import ctypes
    p = start(["sleep", "300"])
    settle(p.pid, ["clock_nanosleep", "nanosleep"])
    libc = ctypes.CDLL(None, use_errno=True)
    PTRACE_ATTACH, PTRACE_DETACH = 16, 17
    assert libc.ptrace(PTRACE_ATTACH, p.pid, None, None) == 0, ctypes.get_errno()
    try:
        os.waitpid(p.pid, 0)
        out = why("-p", str(p.pid)).stdout
        line = head(out, 1)[0]
        check(line == f"stopped: {p.pid} (sleep) is stopped by its tracer {os.getpid()} (python3)", out,
              "the tracer is named")
        check(f"  tracer:       {os.getpid()}" in out, out, "and in the detail")
    finally:
        libc.ptrace(PTRACE_DETACH, p.pid, None, None)


def tcp(noaccept=False):
    p = start([prog("tcp_silent_server")] + (["noaccept"] if noaccept else []), stdout=subprocess.PIPE)
    client, server = map(int, ready_line(p))
    settle(client, ["recvfrom"])
    settle(server, ["clock_nanosleep", "nanosleep"])
    out = why("-p", str(client)).stdout
    line = head(out, 1)[0]
    check(line.startswith(f"blocked: {client} ") and "127.0.0.1:" in line, out, "the client's socket")
    how = "whose peer, not yet accepted, waits on the listening socket of" if noaccept else "whose peer is held by"
    check(re.search(rf"{re.escape(how)} {server} \(stuck_tcp_silen\), which sleeps in (clock_)?nanosleep", line), out,
          "the server and what it does")


def wait_child_reads_pipe():
    p = start([prog("wait_reader_child")], stdout=subprocess.PIPE)
    (child,) = ready_line(p)
    settle(p.pid, ["wait4"])
    settle(int(child), ["read"])
    out = why("-f", "-p", str(p.pid)).stdout
    line = head(out, 1)[0]
    check(re.match(rf"^deadlock: thread {p.pid} \(stuck_wait_read\) waits in wait4 for child {child} "
                   rf"\(stuck_wait_read\), which reads pipe:\[\d+\] whose writer is {p.pid}", line), out,
          "the parent waits for its child, which waits for the parent's pipe")
    # Without -f the child is still reached through the wait4 edge.
    check(why("-p", str(p.pid)).stdout.splitlines()[0] == line, out, "the same verdict without -f")


def sleep_scenario():
    p = start(["sleep", "300"])
    settle(p.pid, ["clock_nanosleep", "nanosleep"])
    time.sleep(1.0)
    out = why("-p", str(p.pid)).stdout
    line = head(out, 1)[0]
    m = re.match(rf"^sleeping: {p.pid} \(sleep\) in (clock_)?nanosleep for ([\d.]+) s of 300\.0 s$", line)
    check(m, out, "sleeping, with its time")
    check(float(m.group(2)) >= 1.0, out, "it has slept at least the second waited")
    check("deadlock" not in out, out, "no deadlock")


def never_stops():
    # Without --stacks nothing is stopped, signalled or attached: while
    # sctrace runs again and again, every thread's state is sampled; none
    # may be stopped or traced, and the counting threads keep counting.
    p = start([prog("busy_threads"), "16"], stdout=subprocess.PIPE)
    ready_line(p)
    tids = threads(p.pid)

    def switches():
        total = 0
        for t in tids:
            for line in open(f"/proc/{p.pid}/task/{t}/status"):
                if line.startswith("voluntary_ctxt_switches:"):
                    total += int(line.split()[1])
        return total

    seen = set()
    tracers = set()
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            for t in tids:
                try:
                    seen.add(open(f"/proc/{p.pid}/task/{t}/stat").read().rsplit(")", 1)[1].split()[0])
                    for line in open(f"/proc/{p.pid}/task/{t}/status"):
                        if line.startswith("TracerPid:"):
                            tracers.add(int(line.split()[1]))
                except OSError:
                    pass

    sampler = threading.Thread(target=sample)
    sampler.start()
    before = switches()
    try:
        for _ in range(10):
            out = why("-p", str(p.pid)).stdout
            check(out.startswith("blocked: "), out, "the lock waiters are found")
    finally:
        stop.set()
        sampler.join()
    after = switches()
    print(f"states seen: {sorted(seen)}; tracers: {sorted(tracers)}; switches {before} -> {after}")
    assert not seen & {"t", "T"}, "a thread was stopped"
    assert tracers == {0}, "a thread was traced"
    assert after > before, "the counting threads made no progress"


def bad_usage():
    for args in (["-c", "-p", "1"], ["ls"], [], ["-p", "1", "-e", "trace=read"], ["-p", "1", "--perfetto=x"]):
        r = why(*args, expect_rc=1)
        lines = r.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("sctrace: --why-stuck"), (args, r.stderr)
        assert r.stdout == ""


def no_such_pid():
    # A pid that does not exist: the largest pid is never in use here.
    pid = int(open("/proc/sys/kernel/pid_max").read()) - 1
    assert not os.path.exists(f"/proc/{pid}")
    r = why("-p", str(pid), expect_rc=1)
    assert r.stderr == f"sctrace: --why-stuck: {pid}: no such process\n", r.stderr
    assert r.stdout == ""
    # A thread that is not a process is refused the same way.
    p = start([prog("lock_order")], stdout=subprocess.PIPE)
    ready_line(p)
    tid = [t for t in threads(p.pid) if t != p.pid][0]
    r = why("-p", str(tid), expect_rc=1)
    assert "no such process" in r.stderr, r.stderr


def json_records():
    p = start([prog("lock_order")], stdout=subprocess.PIPE)
    first, second = ready_line(p)
    settle(p.pid, ["futex"])
    out = why("-p", str(p.pid), "--json=-").stdout
    records = [json.loads(l) for l in out.splitlines()]
    head_rec = records[0]
    assert head_rec["type"] == "why_stuck" and head_rec["schema"] == "sctrace.why_stuck", head_rec
    assert head_rec["version"] == 1
    findings = [r for r in records if r["type"] == "finding"]
    assert findings[0]["kind"] == "deadlock", findings
    workers = [t for t in threads(p.pid) if t != p.pid]
    assert sorted(findings[0]["threads"]) == workers, findings[0]
    by_tid = {r["tid"]: r for r in records if r["type"] == "thread"}
    for t in workers:
        rec = by_tid[t]
        assert rec["syscall"]["name"] == "futex", rec
        assert rec["wait"]["kind"] == "lock" and rec["wait"]["targets"] == [x for x in workers if x != t], rec
        assert rec["wait"]["object"] in (f"mutex {first}", f"mutex {second}"), rec


def stacks():
    # --stacks stops each thread only while it copies its registers and
    # stack: the deadlock is still there afterwards, nobody traces the
    # threads, and the user stacks name the program's own function.
    p = start([prog("lock_order")], stdout=subprocess.PIPE)
    ready_line(p)
    settle(p.pid, ["futex"])
    sleeper = start(["sleep", "300"])
    settle(sleeper.pid, ["clock_nanosleep", "nanosleep"])
    out = why("--stacks", "-p", f"{p.pid},{sleeper.pid}").stdout
    check(out.startswith("deadlock: "), out, "the deadlock first")
    check(out.count("user stack (stopped for ") == 4, out, "four threads stopped, each said how long")
    check(len(re.findall(r"#\d+ +0x[0-9a-f]+ take\+0x[0-9a-f]+ \(stuck_lock_order\)", out)) == 2, out,
          "both lockers' stacks reach the program's take()")
    check(out.count("pthread_mutex_lock") >= 2, out, "through pthread_mutex_lock")
    for pid in (p.pid, sleeper.pid):
        for t in threads(pid):
            status = open(f"/proc/{pid}/task/{t}/status").read()
            assert re.search(r"TracerPid:\s+0\n", status), status
    # Nothing was cut short: the lockers wait again, the sleep goes on.
    settle(p.pid, ["futex"])
    time.sleep(0.2)
    assert sleeper.poll() is None, "the sleep ended early"
    records = [json.loads(l) for l in why("--stacks", "-p", str(sleeper.pid), "--json=-").stdout.splitlines()]
    stack = [r for r in records if r["type"] == "thread"][0]["user_stack"]
    assert stack["stopped_ns"] > 0 and any("nanosleep" in f for f in stack["frames"]), stack
    r = subprocess.run([SCTRACE, "--stacks", "-p", "1"], capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "--stacks" in r.stderr, r.stderr


def not_permitted():
    # Another user's process: its calls cannot be read, and sctrace says so
    # in one line instead of a partial answer.
    p = start(["sleep", "300"])
    settle(p.pid, ["clock_nanosleep", "nanosleep"])
    r = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", SCTRACE, "--why-stuck", "-p",
                        str(p.pid)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 1, r
    assert r.stdout == "", r.stdout
    assert re.fullmatch(rf"sctrace: --why-stuck: cannot read /proc/{p.pid}/task/{p.pid}/syscall: Permission denied "
                        r"\(run as root or as the process's owner\)\n", r.stderr), r.stderr


def other_user_writer():
    # sctrace run by another user than the pipe's writer: the writer's
    # descriptors cannot be searched, and the report says so instead of
    # claiming that nobody holds the write end.
    r, w = os.pipe()
    writer = start(["sleep", "300"], stdout=w)
    reader = start(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "cat"], stdin=r,
                   stdout=subprocess.DEVNULL)
    os.close(r)
    os.close(w)
    settle(reader.pid, ["read"])
    out = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", SCTRACE, "--why-stuck", "-p",
                          str(reader.pid)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    line = head(out.stdout, 1)[0]
    check(re.match(rf"^waiting: {reader.pid} \(cat\) is in read\(0,  <unfinished \.\.\.> .*\(no process whose "
                   r"descriptors could be read holds its write end; those of \d+ could not be \(run as root\)\)$", line),
          out.stdout, "the unreadable processes are said")
    check("deadlock" not in out.stdout, out.stdout, "no deadlock claimed")


SCENARIOS = {
    "other_user_writer": other_user_writer,
    "not_permitted": not_permitted,
    "stacks": stacks,
    "deadlock": deadlock,
    "mutex_owner_sleeps": mutex_owner_sleeps,
    "mutex_recursive": lambda: mutex_owner_sleeps("recursive", "recursive mutex"),
    "mutex_errorcheck": lambda: mutex_owner_sleeps("errorcheck", "error-checking mutex"),
    "mutex_pi": lambda: mutex_owner_sleeps("pi", "PI mutex"),
    "pipe_writer_stopped": pipe_writer_stopped,
    "fifo": fifo,
    "traced": traced,
    "tcp_silent_server": tcp,
    "tcp_not_accepted": lambda: tcp(noaccept=True),
    "wait_child_reads_pipe": wait_child_reads_pipe,
    "sleep": sleep_scenario,
    "never_stops": never_stops,
    "bad_usage": bad_usage,
    "no_such_pid": no_such_pid,
    "json": json_records,
}

if __name__ == "__main__":
    try:
        SCENARIOS[SCENARIO]()
    finally:
        cleanup()
    print("ok")
