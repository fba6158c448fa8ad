// uname, sysinfo, getrandom, arch_prctl.
#include <asm/prctl.h>
#include <linux/random.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#include "core/call.hpp"
#include "core/xlat.hpp"

#include <cstring>

namespace sct {

namespace {

constexpr XlatEntry kRandomFlags[] = {XLAT(GRND_NONBLOCK), XLAT(GRND_RANDOM), XLAT_PAIR(4, "GRND_INSECURE")};
constexpr XlatEntry kArchPrctl[] = {
    XLAT(ARCH_SET_GS), XLAT(ARCH_SET_FS), XLAT(ARCH_GET_FS), XLAT(ARCH_GET_GS),
    XLAT(ARCH_GET_CPUID), XLAT(ARCH_SET_CPUID), XLAT_PAIR(0x2001, "ARCH_MAP_VDSO_X32"),
    XLAT_PAIR(0x2002, "ARCH_MAP_VDSO_32"), XLAT_PAIR(0x2003, "ARCH_MAP_VDSO_64"),
};

Value field_str(const char* s, size_t n) { return whole_str(std::string(s, strnlen(s, n))); }

}  // namespace

bool decode_uname(Call& c) {
  if (c.entering()) return false;
  auto u = c.failed() ? std::nullopt : c.read<utsname>(c.arg(0));
  if (!u) {
    c.push(c.ptr(c.arg(0)));
    return true;
  }
  Struct s;
  s.fields.push_back({"sysname", field_str(u->sysname, sizeof u->sysname)});
  s.fields.push_back({"nodename", field_str(u->nodename, sizeof u->nodename)});
  // The rest only with -v (Field::detail).
  s.fields.push_back({"release", field_str(u->release, sizeof u->release), true});
  s.fields.push_back({"version", field_str(u->version, sizeof u->version), true});
  s.fields.push_back({"machine", field_str(u->machine, sizeof u->machine), true});
  s.fields.push_back({"domainname", field_str(u->domainname, sizeof u->domainname), true});
  c.push(std::move(s));
  return true;
}

bool decode_sysinfo(Call& c) {
  if (c.entering()) return false;
  auto i = c.failed() ? std::nullopt : c.read<struct sysinfo>(c.arg(0));
  if (!i) {
    c.push(c.ptr(c.arg(0)));
    return true;
  }
  Struct s;
  s.fields.push_back({"uptime", Int{i->uptime}});
  s.fields.push_back({"loads", Array{{Uint{i->loads[0]}, Uint{i->loads[1]}, Uint{i->loads[2]}}}});
  s.fields.push_back({"totalram", Uint{i->totalram}});
  s.fields.push_back({"freeram", Uint{i->freeram}});
  s.fields.push_back({"sharedram", Uint{i->sharedram}});
  s.fields.push_back({"bufferram", Uint{i->bufferram}});
  s.fields.push_back({"totalswap", Uint{i->totalswap}});
  s.fields.push_back({"freeswap", Uint{i->freeswap}});
  s.fields.push_back({"procs", Uint{i->procs}});
  s.fields.push_back({"totalhigh", Uint{i->totalhigh}});
  s.fields.push_back({"freehigh", Uint{i->freehigh}});
  s.fields.push_back({"mem_unit", Uint{i->mem_unit}});
  c.push(std::move(s));
  return true;
}

bool decode_getrandom(Call& c) {
  if (c.entering()) return false;
  Value v = c.buf_out(c.arg(0), static_cast<uint64_t>(c.ret()));
  if (auto* s = std::get_if<Str>(&v.v)) s->hex = true;
  c.push(std::move(v));
  c.push(Uint{c.arg(1)});
  c.push(flags_of(XSET(kRandomFlags), c.uarg(2)));
  return true;
}

bool decode_arch_prctl(Call& c) {
  int code = c.iarg(0);
  bool get = code == ARCH_GET_FS || code == ARCH_GET_GS;
  if (c.entering()) {
    c.push(xlat_value(XSET(kArchPrctl), static_cast<uint32_t>(code), "ARCH_???"));
    if (!get) {
      c.push(Hex{c.arg(1)});
      return true;
    }
    return false;
  }
  auto v = c.failed() ? std::nullopt : c.read<uint64_t>(c.arg(1));
  c.push(v ? Value(Array{{Hex{*v}}}) : c.ptr(c.arg(1)));
  return true;
}

}  // namespace sct
