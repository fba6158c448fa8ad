"""What every command-line test script shares: failures collected by
check() and reported at the end, and whether the eBPF engine runs here."""

import subprocess

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def ebpf_works(sctrace):
    return subprocess.run([sctrace, "--backend=ebpf", "-o", "/dev/null", "true"],
                          capture_output=True).returncode == 0
