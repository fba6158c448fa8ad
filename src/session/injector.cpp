#include "session/injector.hpp"

namespace sct {

const Tampering* Injector::decide(pid_t tid, long nr) {
  const InjectRule* rule = opts_.rule_for(nr);
  if (!rule) return nullptr;
  uint64_t n = ++counts_[tid][nr];
  return rule->applies(n) ? &rule->what : nullptr;
}

}  // namespace sct
