#include "core/output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sct {

namespace {
constexpr size_t kFlushAt = 64 * 1024;
}

Output::~Output() { close(); }

std::string Output::open(const std::string& spec, bool append) {
  if (spec.empty() || spec == "-") {
    fd_ = 2;
    interactive_ = true;
    return {};
  }
  if (spec[0] == '|' || spec[0] == '!') {
    pipe_ = popen(spec.c_str() + 1, "w");
    if (!pipe_) return std::string("Can't popen '") + (spec.c_str() + 1) + "': " + strerror(errno);
    fd_ = fileno(pipe_);
    interactive_ = false;
    return {};
  }
  int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC);
  fd_ = ::open(spec.c_str(), flags, 0666);
  if (fd_ < 0) {
    fd_ = 2;
    return "Can't fopen '" + spec + "': " + strerror(errno);
  }
  own_ = true;
  interactive_ = isatty(fd_);
  return {};
}

bool Output::terminal() const { return !pipe_ && isatty(fd_); }

void Output::open_fd(int fd) {
  fd_ = fd;
  interactive_ = isatty(fd);
}

void Output::write(std::string_view s) {
  buf_.append(s);
  if (buf_.size() >= kFlushAt) flush();
}

bool Output::flush() {
  size_t off = 0;
  while (off < buf_.size() && !failed_) {
    ssize_t n = ::write(fd_, buf_.data() + off, buf_.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      failed_ = true;
      break;
    }
    off += static_cast<size_t>(n);
  }
  buf_.clear();
  return !failed_;
}

void Output::close() {
  flush();
  if (pipe_) {
    pclose(pipe_);
    pipe_ = nullptr;
  } else if (own_) {
    ::close(fd_);
  }
  own_ = false;
  fd_ = 2;
}

}  // namespace sct
