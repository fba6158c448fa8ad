#include "engine/capabilities.hpp"

namespace sct {

Capabilities ptrace_capabilities() {
  Capabilities c;
  c.engine = "ptrace";
  c.available = true;
  c.attach = true;
  c.stops_tracee = true;
  return c;
}

}  // namespace sct
