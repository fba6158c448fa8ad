#include "stack/process_unwinder.hpp"

#include "stack/own_vdso.hpp"

#include <cxxabi.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <vector>

namespace sct {

namespace {

// Symbols come from the mapped file itself (.symtab, else .dynsym), never
// from separate debug files (/usr/lib/debug): strace 6.1 -k names a frame
// of a stripped libc by its nearest exported symbol, and so do we.
int no_separate_debuginfo(Dwfl_Module*, void**, const char*, Dwarf_Addr, const char*, const char*,
                          GElf_Word, char**) {
  return -1;
}

const Dwfl_Callbacks kCallbacks = {
    .find_elf = dwfl_linux_proc_find_elf,
    .find_debuginfo = no_separate_debuginfo,
    .section_address = nullptr,
    .debuginfo_path = nullptr,
};

std::string demangled(const char* name) {
  // Itanium C++ names only; C names and anything the demangler refuses stay.
  if (name[0] != '_' || name[1] != 'Z') return name;
  int status = 0;
  char* d = abi::__cxa_demangle(name, nullptr, nullptr, &status);
  if (status != 0 || !d) return name;
  std::string out(d);
  free(d);
  return out;
}

}  // namespace

// libdw's thread callbacks (dwfl_attach_state): one thread at a time, the
// one unwind() was asked for, read through the current StackSource.
struct DwflThreadCallbacks {
  static pid_t next_thread(Dwfl*, void* arg, void** thread_arg) {
    auto* self = static_cast<ProcessUnwinder*>(arg);
    if (*thread_arg) return 0;
    *thread_arg = self;
    return self->tid_;
  }
  static bool get_thread(Dwfl*, pid_t, void* arg, void** thread_arg) {
    *thread_arg = arg;
    return true;
  }
  static bool memory_read(Dwfl*, Dwarf_Addr addr, Dwarf_Word* result, void* arg) {
    auto* self = static_cast<ProcessUnwinder*>(arg);
    uint64_t w = 0;
    if (!self->src_ || !self->src_->read_word(addr, w)) return false;
    *result = w;
    return true;
  }
  static bool set_initial_registers(Dwfl_Thread* thread, void* thread_arg) {
    auto* self = static_cast<ProcessUnwinder*>(thread_arg);
    uint64_t regs[kDwarfRegs] = {};
    uint32_t known = 0;
    if (!self->src_ || !self->src_->registers(regs, known) || !(known & (1u << kDwarfRip))) return false;
    // Runs of known registers, as libdw takes them.
    for (int i = 0; i < kDwarfRegs;) {
      if (!(known & (1u << i))) {
        ++i;
        continue;
      }
      int j = i;
      while (j < kDwarfRegs && (known & (1u << j))) ++j;
      static_assert(sizeof(Dwarf_Word) == sizeof(uint64_t));
      if (!dwfl_thread_state_registers(thread, i, static_cast<unsigned>(j - i), regs + i)) return false;
      i = j;
    }
    dwfl_thread_state_register_pc(thread, regs[kDwarfRip]);
    return true;
  }
};

namespace {

const Dwfl_Thread_Callbacks kThreadCallbacks = {
    .next_thread = DwflThreadCallbacks::next_thread,
    .get_thread = DwflThreadCallbacks::get_thread,
    .memory_read = DwflThreadCallbacks::memory_read,
    .set_initial_registers = DwflThreadCallbacks::set_initial_registers,
    .detach = nullptr,
    .thread_detach = nullptr,
};

struct Walk {
  int limit;
  std::vector<std::pair<Dwarf_Addr, bool>> pcs;  // pc, is an activation
};

int on_frame(Dwfl_Frame* state, void* arg) {
  auto* w = static_cast<Walk*>(arg);
  Dwarf_Addr pc = 0;
  bool activation = false;
  if (!dwfl_frame_pc(state, &pc, &activation)) return DWARF_CB_ABORT;
  w->pcs.emplace_back(pc, activation);
  return static_cast<int>(w->pcs.size()) >= w->limit ? DWARF_CB_ABORT : DWARF_CB_OK;
}

}  // namespace

ProcessUnwinder::ProcessUnwinder(pid_t pid, const StackOptions& opts, pid_t maps_from)
    : pid_(pid), opts_(opts), maps_from_(maps_from) {
  dwfl_ = dwfl_begin(&kCallbacks);
}

ProcessUnwinder::~ProcessUnwinder() {
  if (dwfl_) dwfl_end(dwfl_);
}

namespace {

std::string read_file(const std::string& path) {
  std::string out;
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return out;
  char buf[16384];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
}

}  // namespace

bool ProcessUnwinder::refresh_maps() {
  int r = 0;
  if (opts_.late) {
    // Read first: a process already gone (or a zombie, whose maps read
    // empty) keeps the modules it had.
    std::string maps = use_recorded_ ? recorded_.proc_maps() : read_file("/proc/" + std::to_string(pid_) + "/maps");
    // A forked child gone already: it was mapped as its parent was.
    if (maps.empty() && maps_from_ && !attached_) maps = read_file("/proc/" + std::to_string(maps_from_) + "/maps");
    if (maps.empty()) return attached_;
    FILE* f = fmemopen(maps.data(), maps.size(), "r");
    if (!f) return attached_;
    dwfl_report_begin(dwfl_);
    r = dwfl_linux_proc_maps_report(dwfl_, f);
    // The reader skips the vDSO (it would read it from the process): ours
    // is the same image.
    if (const FileMapping* v = use_recorded_ ? recorded_.vdso() : nullptr; v && r == 0 && own_vdso_fd() >= 0)
      dwfl_report_elf(dwfl_, kVdsoName, kVdsoName, dup(own_vdso_fd()), v->start, false);
    dwfl_report_end(dwfl_, nullptr, nullptr);
    fclose(f);
  } else {
    // The tracee is stopped: its maps are what the stack points into.
    dwfl_report_begin(dwfl_);
    r = dwfl_linux_proc_report(dwfl_, pid_);
    dwfl_report_end(dwfl_, nullptr, nullptr);
  }
  if (r != 0) return attached_;
  maps_stale_ = false;
  // The architecture comes from the modules: attach once they are known.
  if (!attached_) attached_ = dwfl_attach_state(dwfl_, nullptr, pid_, &kThreadCallbacks, this);
  return attached_;
}

std::vector<std::pair<uint64_t, bool>> ProcessUnwinder::walk(pid_t tid) {
  tid_ = tid;
  Walk w{opts_.frame_limit, {}};
  // An unwind that stops early (no CFI, memory out of reach) keeps the
  // frames it found.
  dwfl_getthread_frames(dwfl_, tid, on_frame, &w);
  return std::move(w.pcs);
}

Dwfl_Module* ProcessUnwinder::module_at(uint64_t addr) {
  // libdw rounds a module's range out to its segments' alignment: an
  // address in the gap after a module (JIT code, a mapping not known) is
  // in no module, as strace says of it.
  Dwfl_Module* mod = dwfl_addrmodule(dwfl_, addr);
  Dwarf_Addr start = 0, end = 0;
  if (!mod || !dwfl_module_info(mod, nullptr, &start, &end, nullptr, nullptr, nullptr, nullptr)) return nullptr;
  return addr >= start && addr < end ? mod : nullptr;
}

UserStack ProcessUnwinder::unwind(pid_t tid, StackSource& src) {
  UserStack out;
  if (!dwfl_) return out;
  bool refreshed = maps_stale_;
  if (maps_stale_ && !refresh_maps()) return out;
  src_ = &src;
  auto pcs = walk(tid);
  // A pc in no known module: mappings changed by a call that did not stop
  // (the seccomp filter lets untraced mmaps run): read the maps again once.
  auto unmapped = [&] {
    for (auto [pc, activation] : pcs)
      if (!module_at(activation ? pc : pc - 1)) return true;
    return false;
  };
  if (!refreshed && unmapped()) {
    maps_stale_ = true;
    if (refresh_maps()) pcs = walk(tid);
  }
  src_ = nullptr;
  out.reserve(pcs.size());
  for (auto [pc, activation] : pcs) {
    out.push_back(symbolise(pc, activation));
    // A frame in no file (code written at run time) has no CFI to go on
    // with: what libdw finds past it is a guess, and strace stops there.
    if (out.back().module.empty()) break;
  }
  return out;
}

const std::vector<ProcessUnwinder::Function>& ProcessUnwinder::functions(Dwfl_Module* mod,
                                                                        const std::string& path) {
  auto [it, fresh] = functions_.try_emplace(path);
  if (!fresh) return it->second;
  std::vector<Function>& out = it->second;
  // strace 6.1 (libunwind) looks through .dynsym before .symtab and keeps
  // the first of several names at one address: an exported name wins over
  // a local alias at the same place (PyImport_ImportModuleLevelObject, not
  // PyImport_ImportModuleLevelObject.localalias).
  Dwarf_Addr bias = 0;
  if (Elf* elf = dwfl_module_getelf(mod, &bias)) {
    for (Elf_Scn* scn = nullptr; (scn = elf_nextscn(elf, scn));) {
      GElf_Shdr sh;
      if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_DYNSYM || !sh.sh_entsize) continue;
      Elf_Data* data = elf_getdata(scn, nullptr);
      for (size_t i = 1; data && i < sh.sh_size / sh.sh_entsize; ++i) {
        GElf_Sym sym;
        if (!gelf_getsym(data, static_cast<int>(i), &sym)) break;
        const char* name = elf_strptr(elf, sh.sh_link, sym.st_name);
        if (!name || !*name || sym.st_shndx == SHN_UNDEF || GELF_ST_TYPE(sym.st_info) != STT_FUNC) continue;
        out.push_back({sym.st_value, name});
      }
    }
  }
  int n = dwfl_module_getsymtab(mod);
  for (int i = 1; i < n; ++i) {
    GElf_Sym sym;
    GElf_Addr addr = 0;
    const char* name = dwfl_module_getsym_info(mod, i, &sym, &addr, nullptr, nullptr, nullptr);
    if (!name || !*name || sym.st_shndx == SHN_UNDEF || GELF_ST_TYPE(sym.st_info) != STT_FUNC) continue;
    out.push_back({sym.st_value, name});
  }
  // Aliases (read and __read) keep the table's order: the first is the name.
  std::stable_sort(out.begin(), out.end(), [](const Function& a, const Function& b) { return a.value < b.value; });
  return out;
}

StackFrame ProcessUnwinder::symbolise(uint64_t pc, bool activation) {
  StackFrame f;
  // A return address may be the first byte after its function (a call to a
  // noreturn function ends it): look up the call instruction instead.
  Dwarf_Addr lookup = activation ? pc : pc - 1;
  Dwfl_Module* mod = module_at(lookup);
  if (!mod) {
    f.address = pc;
    return f;
  }
  Dwarf_Addr start = 0;
  const char* name = dwfl_module_info(mod, nullptr, &start, nullptr, nullptr, nullptr, nullptr, nullptr);
  f.module = name ? name : "";
  f.address = pc - start;
  // libdw names the vDSO "[vdso: PID]"; strace 6.1 (libunwind, which finds
  // no file of that name to read symbols from) prints "[vdso]()".
  if (f.module.starts_with("[vdso")) {
    f.module = kVdsoName;
    return f;
  }
  // strace 6.1 (Debian builds it with libunwind) names a frame by the
  // nearest function symbol at or below it in the file's own symbol table,
  // whatever that symbol's size: a stripped libc's internal functions show
  // as the exported function before them (gsignal's callee as
  // "pthread_key_delete+0x14c"). libdw's own lookup would stop at sizes.
  Dwarf_Addr bias = 0;
  if (dwfl_module_getelf(mod, &bias)) {
    const std::vector<Function>& fns = functions(mod, f.module);
    const uint64_t file_lookup = lookup - bias;
    auto it = std::upper_bound(fns.begin(), fns.end(), file_lookup,
                               [](uint64_t a, const Function& fn) { return a < fn.value; });
    if (it != fns.begin()) {
      --it;
      while (it != fns.begin() && std::prev(it)->value == it->value) --it;
      f.symbol = demangled(it->name.c_str());
      f.offset = pc - bias - it->value;
    }
  }
  if (opts_.source_lines) {
    if (Dwfl_Line* line = dwfl_module_getsrc(mod, lookup)) {
      int n = 0;
      if (const char* file = dwfl_lineinfo(line, nullptr, &n, nullptr, nullptr, nullptr)) {
        f.source = file;
        f.line = n;
      }
    }
  }
  return f;
}

}  // namespace sct
