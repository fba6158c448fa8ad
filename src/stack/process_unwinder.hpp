// One process's unwinder: a libdw Dwfl holding its modules (from
// /proc/PID/maps), their symbol tables and CFI, kept from call to call so
// that a warm stack costs microseconds. The engine says when the mappings
// changed (a call with the role "maps memory") and drops it at exec.
#pragma once

#include <sys/types.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "core/user_stack.hpp"
#include "stack/recorded_maps.hpp"
#include "stack/stack_source.hpp"

struct Dwfl;
struct Dwfl_Module;

namespace sct {

struct StackOptions {
  int frame_limit = 256;      // --stack-trace-frame-limit
  bool source_lines = false;  // -kk
  // Stacks are unwound after the fact (eBPF): the process may be gone, or
  // a zombie whose maps read empty; what was known is kept then.
  bool late = false;
};

class ProcessUnwinder {
 public:
  // `maps_from`: a process whose maps stand in when this one's cannot be
  // read (late): its parent, whose mappings a forked child starts with.
  ProcessUnwinder(pid_t pid, const StackOptions& opts, pid_t maps_from = 0);
  ~ProcessUnwinder();
  ProcessUnwinder(const ProcessUnwinder&) = delete;
  ProcessUnwinder& operator=(const ProcessUnwinder&) = delete;

  // The frames of thread `tid` as `src` shows it; empty if none could be had.
  UserStack unwind(pid_t tid, StackSource& src);
  // The mappings changed: read /proc/PID/maps again before the next unwind.
  void maps_changed() { maps_stale_ = true; }
  // From now on the modules are the mappings the engine recorded, not
  // /proc/PID/maps: it saw the process's every mapping since its exec (or
  // its parent's, before the fork), as each call found them.
  void use_recorded(RecordedMaps maps) {
    recorded_ = std::move(maps);
    use_recorded_ = true;
    maps_stale_ = true;
  }
  void record(const FileMapping& m) {
    recorded_.add(m);
    maps_stale_ |= use_recorded_;
  }
  const RecordedMaps* recorded() const { return use_recorded_ ? &recorded_ : nullptr; }

 private:
  bool refresh_maps();
  // The frames' pcs, innermost first, each with whether it is an activation.
  std::vector<std::pair<uint64_t, bool>> walk(pid_t tid);
  StackFrame symbolise(uint64_t pc, bool activation);
  // The module holding `addr`, within its own mapped range; null if none.
  Dwfl_Module* module_at(uint64_t addr);
  // A module's functions by address (file addresses), read once per file.
  struct Function {
    uint64_t value;
    std::string name;
  };
  const std::vector<Function>& functions(Dwfl_Module* mod, const std::string& path);

  pid_t pid_;
  StackOptions opts_;
  pid_t maps_from_ = 0;
  Dwfl* dwfl_ = nullptr;
  bool maps_stale_ = true;
  bool attached_ = false;
  StackSource* src_ = nullptr;  // during unwind(): what the callbacks read
  pid_t tid_ = 0;
  std::unordered_map<std::string, std::vector<Function>> functions_;
  RecordedMaps recorded_;
  bool use_recorded_ = false;

  friend struct DwflThreadCallbacks;
};

}  // namespace sct
