#include "engine/capabilities.hpp"

namespace sct {

Capabilities ptrace_capabilities() {
  Capabilities c;
  c.engine = "ptrace";
  c.available = true;
  c.attach = true;
  c.stops_tracee = true;
  c.daemonize = true;
  c.detach_on_exec = true;
  c.kill_on_exit = true;
  c.syscall_limit = true;
  c.inject = true;  // -e inject=, -e fault= (engine/ptrace/injector.hpp)
  c.user_stacks = true;  // unwound while the thread is stopped
  return c;
}

}  // namespace sct
