// getrusage.
#include <sys/resource.h>

#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/common.hpp"

namespace sct {

namespace {
constexpr XlatEntry kWho[] = {XLAT(RUSAGE_SELF), XLAT(RUSAGE_CHILDREN), XLAT(RUSAGE_THREAD)};

Value tv(const timeval& t) { return Struct{{{"tv_sec", Int{t.tv_sec}}, {"tv_usec", Int{t.tv_usec}}}}; }
}  // namespace

Value rusage_at(Call& c, uint64_t addr) {
  if (addr == 0) return Ptr{0};
  auto r = c.failed() ? std::nullopt : c.read<rusage>(addr);
  if (!r) return c.ptr(addr);
  Struct s;
  s.fields.push_back({"ru_utime", tv(r->ru_utime)});
  s.fields.push_back({"ru_stime", tv(r->ru_stime)});
  // The rest only with -v (Field::detail).
  const std::pair<const char*, long> rest[] = {
      {"ru_maxrss", r->ru_maxrss}, {"ru_ixrss", r->ru_ixrss},     {"ru_idrss", r->ru_idrss},
      {"ru_isrss", r->ru_isrss},   {"ru_minflt", r->ru_minflt},   {"ru_majflt", r->ru_majflt},
      {"ru_nswap", r->ru_nswap},   {"ru_inblock", r->ru_inblock}, {"ru_oublock", r->ru_oublock},
      {"ru_msgsnd", r->ru_msgsnd}, {"ru_msgrcv", r->ru_msgrcv},   {"ru_nsignals", r->ru_nsignals},
      {"ru_nvcsw", r->ru_nvcsw},   {"ru_nivcsw", r->ru_nivcsw}};
  for (const auto& [name, v] : rest) s.fields.push_back({name, Int{v}, true});
  return s;
}

bool decode_getrusage(Call& c) {
  if (c.entering()) {
    c.push(xlat_value_dec(XSET(kWho), c.iarg(0), "RUSAGE_???"));
    return false;
  }
  c.push(rusage_at(c, c.arg(1)));
  return true;
}

}  // namespace sct
