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
  // Flushes and closes. Returns the first thing that went wrong with this
  // output since it was opened ("FILE: strerror"), empty when nothing did:
  // some failures show only here (a command that ended without reading).
  std::string close();
  bool failed() const { return error_ != 0; }
  // "FILE: strerror" for the first failure, empty if none.
  std::string error() const;

 private:
  void fail(int err);

  int fd_ = 2;
  bool own_ = false;
  FILE* pipe_ = nullptr;
  bool interactive_ = true;
  int error_ = 0;           // errno of the first failure
  std::string name_ = "standard error";  // what messages call this output
  std::string buf_;
};

// A write to a closed pipe then fails with EPIPE, reported like any other
// write error, instead of killing sctrace silently. A handler, not SIG_IGN:
// an ignored SIGPIPE would be inherited by the traced command.
void catch_sigpipe();

}  // namespace sct
