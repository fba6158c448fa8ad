#include "testing/decode_harness.hpp"
#include "decode/dispatch.hpp"

namespace sct::testing {

std::string trace_line(std::string_view name, std::array<uint64_t, 6> args, int64_t ret,
                       Memory& mem, const DecodeOptions& opts, Memory* at_exit, pid_t pid) {
  DecodedCall d;
  d.info = syscall_by_name(name);
  if (!d.info) return "<no such syscall in the table: " + std::string(name) + ">";
  d.nr = d.info->nr;
  for (int i = 0; i < 6; ++i) d.args[i] = args[i];
  decode_entry(pid, d, mem, opts);
  d.ret = ret;
  decode_exit(pid, d, at_exit ? *at_exit : mem, opts);
  return call_line(d, opts);
}

std::string trace_line_unpadded(std::string_view name, std::array<uint64_t, 6> args, int64_t ret,
                                Memory& mem, const DecodeOptions& opts) {
  std::string l = trace_line(name, args, ret, mem, opts);
  size_t eq = l.find(" = ");
  if (eq == std::string::npos) return l;
  return l.substr(0, l.find_last_not_of(' ', eq) + 1) + l.substr(eq);
}

}  // namespace sct::testing
