// Small readers of /proc text files for the snapshot engine: nothing here
// stops, signals or attaches to anything.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace sct {

// The whole file into `out`; 0, or the errno of the failed open or read.
int read_text(const std::string& path, std::string& out);
// The target of a symbolic link (/proc/PID/fd/N), or "" with errno set.
std::string read_link(const std::string& path);
// The value after "key:" on its own line of a /proc status-like file, or "".
std::string field_of(std::string_view text, std::string_view key);
// Every numeric entry of a directory (/proc, /proc/PID/task, /proc/PID/fd).
std::vector<int> numeric_entries(const std::string& dir);
std::string task_dir(pid_t tgid, pid_t tid);

}  // namespace sct
