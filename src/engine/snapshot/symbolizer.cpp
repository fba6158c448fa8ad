#include "engine/snapshot/symbolizer.hpp"

#include <elfutils/libdwfl.h>

#include <cstring>

#include <fmt/format.h>

namespace sct {

struct Symbolizer::State {
  Dwfl* dwfl = nullptr;
  Dwfl_Callbacks callbacks{};
  char* debuginfo_path = nullptr;
};

Symbolizer::Symbolizer(pid_t pid) : state_(std::make_unique<State>()) {
  // dwfl_linux_proc_report reads /proc/PID/maps and opens the mapped files;
  // unlike dwfl_linux_proc_attach it does not ptrace the process.
  state_->callbacks.find_elf = dwfl_linux_proc_find_elf;
  state_->callbacks.find_debuginfo = dwfl_standard_find_debuginfo;
  state_->callbacks.debuginfo_path = &state_->debuginfo_path;
  state_->dwfl = dwfl_begin(&state_->callbacks);
  if (!state_->dwfl) return;
  if (dwfl_linux_proc_report(state_->dwfl, pid) != 0) {
    dwfl_end(state_->dwfl);
    state_->dwfl = nullptr;
    return;
  }
  dwfl_report_end(state_->dwfl, nullptr, nullptr);
}

Symbolizer::~Symbolizer() {
  if (state_->dwfl) dwfl_end(state_->dwfl);
}

std::string Symbolizer::describe(uint64_t pc) {
  Dwfl_Module* mod = state_->dwfl ? dwfl_addrmodule(state_->dwfl, pc) : nullptr;
  if (!mod) return fmt::format("{:#x}", pc);
  const char* name = dwfl_module_info(mod, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
  std::string lib = name ? name : "?";
  if (size_t slash = lib.rfind('/'); slash != std::string::npos) lib.erase(0, slash + 1);
  GElf_Off off = 0;
  GElf_Sym sym;
  const char* sname = dwfl_module_addrinfo(mod, pc, &off, &sym, nullptr, nullptr, nullptr);
  if (!sname) return fmt::format("{:#x} ({})", pc, lib);
  return fmt::format("{}+{:#x} ({})", sname, off, lib);
}

}  // namespace sct
