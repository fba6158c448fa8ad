// A buffered writer for trace output: a file, a pipe to a command, or stderr.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace sct {

class Output {
 public:
  Output() = default;
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // "-" or empty: stderr. "|cmd" or "!cmd": a pipe to sh -c cmd.
  // Returns an error message, empty on success.
  std::string open(const std::string& spec, bool append);
  // An already open descriptor (standard output for --json=-); not closed.
  void open_fd(int fd);
  void write(std::string_view s);
  // True when the buffer should reach a person promptly (a terminal).
  bool interactive() const { return interactive_; }
  // Whether the destination is a terminal (colour's "auto").
  bool terminal() const;
  bool flush();
  void close();
  bool failed() const { return failed_; }

 private:
  int fd_ = 2;
  bool own_ = false;
  FILE* pipe_ = nullptr;
  bool interactive_ = true;
  bool failed_ = false;
  std::string buf_;
};

}  // namespace sct
