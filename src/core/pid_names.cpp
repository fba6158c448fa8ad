#include "core/pid_names.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <fmt/format.h>
#include <map>
#include <utility>

namespace sct {

namespace {

std::string read_small(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  char buf[4096];
  ssize_t n = read(fd, buf, sizeof buf);
  close(fd);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

std::string link_of(const std::string& path) {
  char buf[PATH_MAX];
  ssize_t n = readlink(path.c_str(), buf, sizeof buf);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

// The last id of a status file's "NSpid:" line: the task's id in its own
// namespace (the first is its id in the namespace /proc belongs to).
int64_t innermost_id(const std::string& status) {
  size_t at = status.find("\nNSpid:");
  if (at == std::string::npos) return 0;
  size_t end = status.find('\n', at + 1);
  std::string line = status.substr(at + 7, end == std::string::npos ? std::string::npos : end - at - 7);
  size_t last = line.find_last_of(" \t");
  return strtoll(line.c_str() + (last == std::string::npos ? 0 : last + 1), nullptr, 10);
}

bool is_number(const char* s) {
  if (!*s) return false;
  for (; *s; ++s)
    if (*s < '0' || *s > '9') return false;
  return true;
}

// Every task of namespace `ns` whose own id is `id`: scans /proc.
int64_t find_task(const std::string& ns, int64_t id) {
  DIR* procs = opendir("/proc");
  if (!procs) return 0;
  int64_t found = 0;
  while (dirent* p = readdir(procs)) {
    if (!is_number(p->d_name)) continue;
    std::string tasks_dir = fmt::format("/proc/{}/task", p->d_name);
    DIR* tasks = opendir(tasks_dir.c_str());
    if (!tasks) continue;
    while (dirent* t = readdir(tasks)) {
      if (!is_number(t->d_name)) continue;
      std::string task = tasks_dir + "/" + t->d_name;
      if (innermost_id(read_small(task + "/status")) != id || link_of(task + "/ns/pid") != ns) continue;
      found = strtoll(t->d_name, nullptr, 10);
      break;
    }
    closedir(tasks);
    if (found) break;
  }
  closedir(procs);
  return found;
}

}  // namespace

std::string proc_pid_comm(int64_t pid) {
  if (pid <= 0) return {};
  std::string c = read_small(fmt::format("/proc/{}/comm", pid));
  if (!c.empty() && c.back() == '\n') c.pop_back();
  return c;
}

int64_t proc_outer_pid(pid_t tracee, int64_t id) {
  if (id <= 0) return 0;
  static const std::string own = link_of("/proc/self/ns/pid");
  std::string ns = link_of(fmt::format("/proc/{}/ns/pid", tracee));
  if (ns.empty() || ns == own) return id;
  // Remembered answers are checked again: ids are reused.
  static std::map<std::pair<std::string, int64_t>, int64_t> known;
  auto key = std::make_pair(ns, id);
  if (auto it = known.find(key); it != known.end()) {
    std::string task = fmt::format("/proc/{}", it->second);
    if (innermost_id(read_small(task + "/status")) == id && link_of(task + "/ns/pid") == ns) return it->second;
    known.erase(it);
  }
  int64_t outer = find_task(ns, id);
  if (outer) known[key] = outer;
  return outer;
}

}  // namespace sct
