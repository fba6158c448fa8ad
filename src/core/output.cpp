#include "core/output.hpp"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

namespace sct {

namespace {
constexpr size_t kFlushAt = 64 * 1024;

void on_sigpipe(int) {}
}  // namespace

void catch_sigpipe() {
  struct sigaction sa {};
  sa.sa_handler = on_sigpipe;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGPIPE, &sa, nullptr);
}

Output::~Output() { close(); }

std::string Output::open(const std::string& spec, bool append) {
  if (spec.empty() || spec == "-") {
    fd_ = 2;
    interactive_ = true;
    return {};
  }
  name_ = spec;
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
  name_ = fd == 1 ? "standard output" : fd == 2 ? "standard error" : "descriptor " + std::to_string(fd);
}

void Output::fail(int err) {
  if (!error_) error_ = err ? err : EIO;
}

std::string Output::error() const {
  if (!error_) return {};
  return name_ + ": " + strerror(error_);
}

void Output::write(std::string_view s) {
  buf_.append(s);
  if (buf_.size() >= kFlushAt) flush();
}

bool Output::flush() {
  size_t off = 0;
  while (off < buf_.size() && !error_) {
    ssize_t n = ::write(fd_, buf_.data() + off, buf_.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      fail(n < 0 ? errno : EIO);
      break;
    }
    off += static_cast<size_t>(n);
  }
  buf_.clear();
  return !error_;
}

std::string Output::close() {
  flush();
  if (pipe_) {
    // A command that ends without reading everything (`-o '|'`, or one that
    // exits early) loses the rest, and a write that fitted in the pipe's
    // buffer did not fail. A read end of our own, opened only now so that
    // earlier writes could still see EPIPE, tells what was left unread.
    int unread_fd = ::open(("/proc/self/fd/" + std::to_string(fd_)).c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    pclose(pipe_);
    pipe_ = nullptr;
    int unread = 0;
    if (unread_fd >= 0 && ioctl(unread_fd, FIONREAD, &unread) == 0 && unread > 0) fail(EPIPE);
    if (unread_fd >= 0) ::close(unread_fd);
  } else if (own_) {
    // NFS and some other file systems report a failed write only here.
    if (::close(fd_) != 0 && errno != EINTR) fail(errno);
  }
  own_ = false;
  fd_ = 2;
  return error();
}

}  // namespace sct
