#include "engine/ebpf/launch.hpp"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fmt/format.h>

#include "engine/command.hpp"
#include "engine/ebpf/summary_abi.h"
#include "engine/interrupt.hpp"
#include "engine/proc.hpp"

namespace sct {

namespace {

int quiet_libbpf(libbpf_print_level, const char*, va_list) { return 0; }

std::string add_thread(const TaskMaps& m, pid_t tid, bool hidden, long nr = SCT_NO_CALL) {
  // Task storage is keyed by a pidfd from user space, and the map looks up
  // the pidfd's own task. A thread that is not its process's leader needs
  // PIDFD_THREAD (Linux 6.9; O_EXCL in include/uapi/linux/pidfd.h): without
  // it pidfd_open refuses such a thread (ENOENT on 6.9 and later). Older
  // kernels refuse the flag (EINVAL): a leader is opened without it.
  int fd = static_cast<int>(syscall(SYS_pidfd_open, tid, O_EXCL));
  if (fd < 0 && errno == EINVAL) fd = static_cast<int>(syscall(SYS_pidfd_open, tid, 0));
  if (fd < 0) return fmt::format("attach: pid {}: {}", tid, strerror(errno));
  sct_task state{};
  state.nr = nr;
  state.hidden = hidden;
  int e = bpf_map__update_elem(m.tasks, &fd, sizeof fd, &state, sizeof state, BPF_NOEXIST);
  close(fd);
  if (e != 0) return fmt::format("attach: pid {}: {}", tid, strerror(-e));
  __u32 zero = 0;
  __s64 n = 0;
  bpf_map__lookup_elem(m.live, &zero, sizeof zero, &n, sizeof n, 0);
  ++n;  // nothing else runs the counter up before the first thread is added
  bpf_map__update_elem(m.live, &zero, sizeof zero, &n, sizeof n, BPF_ANY);
  return {};
}

}  // namespace

void quiet_libbpf_unless(bool verbose) {
  if (!verbose) libbpf_set_print(quiet_libbpf);
}

std::string ebpf_failure(const char* step, int err) {
  return fmt::format("--backend=ebpf: {}: {}", step, strerror(err));
}

std::string add_attached(const TaskMaps& m, const std::vector<pid_t>& pids,
                         std::vector<CallInProgress>* in_progress) {
  for (pid_t p : pids)
    if (std::string refusal = self_attach_refusal(p); !refusal.empty()) return refusal;
  for (pid_t p : pids) {
    std::vector<pid_t> tids = threads_of(p);
    if (tids.empty()) return fmt::format("attach: pid {}: No such process", p);
    pid_t tgid = tgid_of(p);
    for (pid_t t : tids) {
      // A thread blocked in a call: the kernel takes it as inside that call
      // (its entry, before tracing began, was never seen), so that its exit
      // is sent. Read before the thread is added, a call that returns in
      // the microseconds between would leave a stale number; blocked calls
      // do not return that fast, and running threads are not in one.
      std::optional<ProcSyscall> call = in_progress ? proc_syscall(tgid, t) : std::nullopt;
      if (std::string e = add_thread(m, t, false, call ? call->nr : SCT_NO_CALL); !e.empty()) return e;
      if (call) in_progress->push_back({t, tgid, *call});
    }
  }
  return {};
}

namespace {

// -D: this process becomes the command, and a detached grandchild, which
// returns here, loads the programs and lets it go (or not: then the command
// exits 1 without running, since nobody would trace it).
std::string fork_daemonized(const EngineConfig& opts, const std::string& path, int sync[2], PendingCommand& cmd) {
  const pid_t command = getpid();
  pid_t middle = fork();
  if (middle < 0) {
    close(sync[0]);
    close(sync[1]);
    return fmt::format("fork: {}", strerror(errno));
  }
  if (middle == 0) {
    // The middle process exits at once: the tracer is nobody's child the
    // shell knows of, and the command has no child left behind.
    pid_t tracer = fork();
    if (tracer != 0) _exit(tracer < 0 ? 1 : 0);
    close(sync[0]);
    if (opts.daemonize == 2) setpgid(0, 0);
    if (opts.daemonize >= 3) setsid();
    cmd.pid = command;
    cmd.go = sync[1];
    cmd.daemonized = true;
    return {};
  }
  close(sync[1]);
  while (waitpid(middle, nullptr, 0) < 0 && errno == EINTR) {}
  if (!wait_for_tracer(sync[0])) _exit(1);
  apply_env(opts.env);
  exec_command(path, opts.command, opts.setup);
}

}  // namespace

std::string fork_command(const EngineConfig& opts, PendingCommand& cmd) {
  std::string err;
  std::string path = find_program(opts.command[0], err);
  if (!err.empty()) return err;
  int sync[2];
  if (pipe2(sync, O_CLOEXEC) != 0) return fmt::format("pipe: {}", strerror(errno));
  if (opts.daemonize) return fork_daemonized(opts, path, sync, cmd);
  pid_t pid = fork();
  if (pid < 0) {
    close(sync[0]);
    close(sync[1]);
    return fmt::format("fork: {}", strerror(errno));
  }
  if (pid == 0) {
    close(sync[1]);
    // Run nothing until the kernel knows this pid: the exec is seen. The
    // pipe's end of file comes as well when sctrace dies: run then too.
    wait_for_tracer(sync[0]);
    apply_env(opts.env);
    exec_command(path, opts.command, opts.setup);
  }
  close(sync[0]);
  cmd.pid = pid;
  cmd.go = sync[1];
  return {};
}

std::string release_command(const TaskMaps& m, PendingCommand& cmd, pid_t& child) {
  std::string e = add_thread(m, cmd.pid, true);
  if (!e.empty()) {
    abandon_command(cmd);
    return e;
  }
  child = cmd.pid;
  // A byte, then the end: a -D command runs only when it gets the byte.
  char go = 1;
  while (write(cmd.go, &go, 1) < 0 && errno == EINTR) {}
  close(cmd.go);
  cmd = PendingCommand{};
  return {};
}

void abandon_command(PendingCommand& cmd) {
  if (!cmd.pid) return;
  if (cmd.daemonized) {
    // The end without a byte: it exits 1 itself (the shell's child is not
    // ours to kill or reap).
    close(cmd.go);
    cmd = PendingCommand{};
    return;
  }
  // Killed before the pipe closes, it never gets to exec.
  kill(cmd.pid, SIGKILL);
  close(cmd.go);
  waitpid(cmd.pid, nullptr, 0);
  cmd = PendingCommand{};
}

bool anything_traced(const TaskMaps& m) {
  __u32 zero = 0;
  __s64 n = 0;
  bpf_map__lookup_elem(m.live, &zero, sizeof zero, &n, sizeof n, 0);
  return n > 0;
}

bool reap_command(pid_t child, bool block, int& exit_status, int& fatal_signal) {
  int status;
  pid_t r;
  do r = waitpid(child, &status, block ? 0 : WNOHANG);
  while (r < 0 && errno == EINTR && block && !termination_signal);
  if (r < 0) return true;  // gone already, or an interruption: stop waiting
  if (r == 0) return false;
  if (WIFEXITED(status)) exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) {
    fatal_signal = WTERMSIG(status);
    exit_status = 128 + fatal_signal;
  }
  return true;
}

}  // namespace sct
