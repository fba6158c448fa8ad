// What main runs: one engine, whichever it is (ptrace, the eBPF stream, the
// eBPF in-kernel count). An engine reports what it sees as RawEvents to the
// session it was made with; it never decodes, filters output or prints: a
// message for the user goes through say(), which main prints.
#pragma once

#include <functional>
#include <string>
#include <utility>

#include "engine/capabilities.hpp"

namespace sct {

class Engine {
 public:
  using SayFn = std::function<void(const std::string&)>;
  virtual ~Engine() = default;

  virtual const Capabilities& capabilities() const = 0;
  // Starts the command (stopped or watched before its execve) or attaches to
  // the -p pids. An error message for "sctrace: ..." or empty.
  virtual std::string start() = 0;
  // Follows the tracees until none is left or a termination signal comes.
  // Returns sctrace's exit status (the started command's, strace's rules).
  virtual int run() = 0;
  // The signal that killed the started command, or 0.
  virtual int fatal_signal() const = 0;
  // Whether tracing stopped because the output could not be written.
  virtual bool output_failed() const = 0;
  // After the trace: tracees that cannot be let go are served until they
  // exit (ptrace's seccomp filter). Nothing is reported.
  virtual void finish() {}

  // Where the engine's messages for the user go ("Process N attached").
  void set_say(SayFn say) { say_ = std::move(say); }

 protected:
  void say(const std::string& text) const {
    if (say_) say_(text);
  }

 private:
  SayFn say_;
};

}  // namespace sct
