#include "cli/call_limit.hpp"

#include "engine/interrupt.hpp"

namespace sct {

void CallLimit::on_event(const Event& e) {
  // A call counts once it has ended, and as -e status= sees its ending: an
  // exit_group ("= ?") is unfinished, as in strace.
  if (e.kind != Event::Kind::SyscallExit && e.kind != Event::Kind::SyscallNoReturn) return;
  if (!left_ || !e.shown) return;
  if (--left_ == 0) trace_complete = true;
}

}  // namespace sct
