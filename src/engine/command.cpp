#include "engine/command.hpp"

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

void exec_command(const std::string& path, const std::vector<std::string>& command) {
  if (g_remembered) {
    // A caught signal is reset by execve anyway; an ignored one must be
    // ignored again, since sctrace caught it meanwhile.
    for (size_t i = 0; i < std::size(kCaught); ++i)
      if (g_ignored[i]) signal(kCaught[i], SIG_IGN);
    sigprocmask(SIG_SETMASK, &g_mask, nullptr);
  }
  std::vector<char*> argv;
  for (const auto& a : command) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(path.c_str(), argv.data());
  fprintf(stderr, "sctrace: exec: %s\n", strerror(errno));
  _exit(1);
}

std::string self_attach_refusal(pid_t pid) {
  return pid == getpid() ? "I'm sorry, I can't let you do that, Dave." : "";
}

}  // namespace sct
