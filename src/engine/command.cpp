#include "engine/command.hpp"

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <iterator>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>

namespace sct {

// strace finds the program itself so that a missing one is reported before
// anything runs, and the child calls execve exactly once.
std::string find_program(const std::string& name, std::string& err) {
  struct stat st;
  if (name.find('/') != std::string::npos) {
    if (stat(name.c_str(), &st) != 0) err = fmt::format("Can't stat '{}': {}", name, strerror(errno));
    return name;
  }
  const char* path = getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t i = 0;
  while (i <= dirs.size()) {
    size_t j = dirs.find(':', i);
    if (j == std::string::npos) j = dirs.size();
    std::string dir = dirs.substr(i, j - i);
    std::string full = (dir.empty() ? std::string(".") : dir) + "/" + name;
    if (stat(full.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(full.c_str(), X_OK) == 0)
      return full;
    i = j + 1;
  }
  err = fmt::format("Can't stat '{}': No such file or directory", name);
  return name;
}

void apply_env(const std::vector<std::string>& env) {
  for (const auto& kv : env) {
    auto eq = kv.find('=');
    if (eq == std::string::npos) unsetenv(kv.c_str());
    else setenv(kv.substr(0, eq).c_str(), kv.substr(eq + 1).c_str(), 1);
  }
}

bool wait_for_tracer(int fd) {
  char c;
  ssize_t n;
  while ((n = read(fd, &c, 1)) < 0 && errno == EINTR) {}
  return n == 1;
}

namespace {
// The signals sctrace catches for itself.
constexpr int kCaught[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
bool g_remembered = false;
bool g_ignored[std::size(kCaught)];
sigset_t g_mask;
}  // namespace

void remember_signal_state() {
  for (size_t i = 0; i < std::size(kCaught); ++i) {
    struct sigaction old {};
    sigaction(kCaught[i], nullptr, &old);
    g_ignored[i] = old.sa_handler == SIG_IGN;
  }
  sigprocmask(SIG_SETMASK, nullptr, &g_mask);
  g_remembered = true;
}

void block_terminal_stop() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTSTP);
  sigprocmask(SIG_BLOCK, &set, nullptr);
}

namespace {

[[noreturn]] void die_before_exec(const char* what) {
  fprintf(stderr, "sctrace: %s: %s\n", what, strerror(errno));
  _exit(1);
}

// -u: the user's ids. A traced execve need not honour the set-user-ID and
// set-group-ID bits (the kernel drops them unless the tracer is privileged,
// and never with no_new_privs, which the seccomp filter may need), so, as
// strace does, the effective ids are set here to the file's owner and group
// when it has those bits: the program runs with the privileges it would
// have had untraced.
void switch_user(const std::string& path, const CommandSetup& s) {
  uid_t euid = s.uid;
  gid_t egid = s.gid;
  struct stat st;
  if (stat(path.c_str(), &st) == 0) {
    if (st.st_mode & S_ISUID) euid = st.st_uid;
    // strace's rule, not the kernel's (which wants S_IXGRP too): a
    // set-group-ID file that its group may not run then fails with EACCES.
    if (st.st_mode & S_ISGID) egid = st.st_gid;
  }
  // UID:GID names no user: no supplementary groups rather than sctrace's own.
  if (!s.user_name.empty() ? initgroups(s.user_name.c_str(), s.gid) != 0 : setgroups(0, nullptr) != 0)
    die_before_exec(s.user_name.empty() ? "setgroups" : "initgroups");
  if (setregid(s.gid, egid) != 0) die_before_exec("setregid");
  if (setreuid(s.uid, euid) != 0) die_before_exec("setreuid");
}

}  // namespace

void exec_command(const std::string& path, const std::vector<std::string>& command, const CommandSetup& setup) {
  if (g_remembered) {
    // A caught signal is reset by execve anyway; an ignored one must be
    // ignored again, since sctrace caught it meanwhile.
    for (size_t i = 0; i < std::size(kCaught); ++i)
      if (g_ignored[i]) signal(kCaught[i], SIG_IGN);
    sigprocmask(SIG_SETMASK, &g_mask, nullptr);
  }
  if (setup.switch_user) switch_user(path, setup);
  std::vector<char*> argv;
  for (const auto& a : command) argv.push_back(const_cast<char*>(a.c_str()));
  if (!setup.argv0.empty()) argv[0] = const_cast<char*>(setup.argv0.c_str());
  argv.push_back(nullptr);
  execv(path.c_str(), argv.data());
  fprintf(stderr, "sctrace: exec: %s\n", strerror(errno));
  _exit(1);
}

std::string self_attach_refusal(pid_t pid) {
  return pid == getpid() ? "I'm sorry, I can't let you do that, Dave." : "";
}

}  // namespace sct
