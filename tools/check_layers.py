#!/usr/bin/env python3
"""The layer rules of src/ (docs/INTERNALS.md, "Layers"), checked.

A file may include its own layer and the layers listed for it below, never
one above or beside it. Lowest first:

  syscalls        the syscall spec: includes nothing of ours
  core            values, CallRecord, Memory, kernel names, value text: syscalls
  decode          the decoders: core, syscalls
  filter          -e/-P expressions: decode and below
  stack           user stacks for -k (libdw unwinding and symbols): core,
                  syscalls
  engine          engine/*.{hpp,cpp} (the Engine interface, proc, command,
                  supervisor, tracee memory, EngineConfig): filter, core,
                  syscalls; never decode (engines report raw events; the
                  session decodes)
  engine/capture  the eBPF record format, capture plan, captured memory:
                  engine and what it may include
  engine/ptrace   the ptrace engine: engine and what it may include (not
                  capture, not ebpf)
  engine/ebpf     the eBPF engine: engine/capture, engine and what it may
                  include (not ptrace)
  session         raw events to Events: call state, lifecycle rules, fd
                  table, filters, decoding: engine, filter and below
                  (engines never include it; main wires them)
  sink            text, JSON, summary, Perfetto: filter and below (no engine)
  engine/snapshot the /proc snapshot engine of --why-stuck (threads, their
                  calls, descriptors, socket tables, a symboliser): engine
                  and what it may include
  diagnose        --why-stuck's wait-for graph, findings and report: it
                  decodes through the session and renders through sink/:
                  session, sink, engine/snapshot and below
  cli             options, messages, the configs it fills: sink, engine and
                  below (no engine/ptrace, engine/ebpf, engine/capture)
  testing         test support: everything but cli and main
  main            src/main.cpp: everything

Unit tests, benchmarks and fuzzers (*_test.cpp, *_benchmark.cpp,
*_fuzzer.cpp) follow their directory's rule and may include testing/ too.

Besides: `__NR_` appears only in src/syscalls/ and src/decode/; every other
layer asks the syscall table (names, classes, roles).

Usage: check_layers.py [SRC_DIR]. Prints one line per violation, exits 1 if any.
"""
import os
import re
import sys

BELOW_FILTER = {"filter", "decode", "core", "syscalls"}
# What engines see: the filter's options (to choose what to capture), the
# raw event and Memory (core), the spec; not the decoders.
ENGINE_SEES = {"filter", "core", "syscalls", "stack"}
BELOW_ENGINE = {"engine"} | ENGINE_SEES
ALL = {"syscalls", "core", "decode", "filter", "stack", "engine", "engine/capture", "engine/ptrace",
       "engine/ebpf", "engine/snapshot", "session", "sink", "diagnose", "cli", "testing"}

# Layer -> the other layers its files may include.
MAY_INCLUDE = {
    "syscalls": set(),
    "core": {"syscalls"},
    "decode": {"core", "syscalls"},
    "filter": {"decode", "core", "syscalls"},
    "stack": {"core", "syscalls"},
    "engine": ENGINE_SEES,
    "engine/capture": BELOW_ENGINE,
    "engine/ptrace": BELOW_ENGINE,
    "engine/ebpf": {"engine/capture"} | BELOW_ENGINE,
    "engine/snapshot": BELOW_ENGINE,
    "session": {"engine"} | BELOW_FILTER,
    "sink": BELOW_FILTER,
    "diagnose": {"session", "sink", "engine", "engine/snapshot"} | BELOW_FILTER,
    "cli": {"sink", "engine"} | BELOW_FILTER,
    "testing": ALL - {"cli", "testing"},
    "main": ALL,
}

# Directories the build adds to the include path besides src/ (the eBPF
# programs include their shared headers by bare name; cmake/ebpf.cmake).
EXTRA_INCLUDE_DIRS = ["engine/capture"]
# Made by the build (cmake/ebpf.cmake): skeletons and the kernel's types.
GENERATED = re.compile(r"^(\w+\.skel\.h|vmlinux\.h)$")
TEST_FILE = re.compile(r"_(test|benchmark|fuzzer)\.cpp$")
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)
NR_ALLOWED = ("syscalls/", "decode/")


def layer_of(rel):
    """The layer of a path relative to src/, or None."""
    if rel == "main.cpp":
        return "main"
    parts = rel.split("/")
    if parts[0] == "engine":
        if len(parts) == 2:
            return "engine"
        sub = "engine/" + parts[1]
        return sub if sub in MAY_INCLUDE else None
    return parts[0] if len(parts) > 1 and parts[0] in MAY_INCLUDE else None


def resolve(src, rel_file, inc):
    """The included file's path relative to src/, or None."""
    here = os.path.dirname(rel_file)
    for base in ["", here] + EXTRA_INCLUDE_DIRS:
        cand = os.path.normpath(os.path.join(base, inc))
        if os.path.isfile(os.path.join(src, cand)):
            return cand
    return None


def check(src):
    errors = []
    for root, _, files in os.walk(src):
        for name in sorted(files):
            path = os.path.join(root, name)
            rel = os.path.relpath(path, src)
            try:
                text = open(path, encoding="utf-8", errors="replace").read()
            except OSError as e:
                errors.append(f"src/{rel}: cannot read: {e}")
                continue
            if "__NR_" in text and not rel.startswith(NR_ALLOWED):
                line = text[: text.index("__NR_")].count("\n") + 1
                errors.append(f"src/{rel}:{line}: __NR_ outside src/syscalls/ and src/decode/: "
                              "ask the syscall table (a name, a class or a role) instead")
            layer = layer_of(rel)
            if layer is None:
                errors.append(f"src/{rel}: in no layer: add its directory to tools/check_layers.py")
                continue
            allowed = MAY_INCLUDE[layer] | {layer}
            if TEST_FILE.search(name):
                allowed = allowed | {"testing"}
            for m in INCLUDE.finditer(text):
                inc = m.group(1)
                line = text[: m.start()].count("\n") + 1
                target = resolve(src, rel, inc)
                if target is None:
                    if not GENERATED.match(inc):
                        errors.append(f'src/{rel}:{line}: #include "{inc}": no such file under src/')
                    continue
                to = layer_of(target)
                if to not in allowed:
                    errors.append(f'src/{rel}:{line}: #include "{inc}": {layer} may not include {to} '
                                  f"(it may include: {', '.join(sorted(allowed - {layer})) or 'nothing'})")
    return errors


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src")
    errors = check(os.path.normpath(src))
    for e in errors:
        print(e)
    if errors:
        print(f"{len(errors)} layer violation(s); the rules are at the top of tools/check_layers.py")
        return 1
    print("layers: every include goes down")
    return 0


if __name__ == "__main__":
    sys.exit(main())
