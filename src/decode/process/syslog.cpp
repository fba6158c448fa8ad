// syslog: which arguments the kernel reads depends on the action.
#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {

// The actions (the kernel's include/linux/syslog.h, not a UAPI header) and
// the console levels (include/linux/kern_levels.h).
constexpr XlatEntry kSyslogActions[] = {
    XLAT_PAIR(0, "SYSLOG_ACTION_CLOSE"),         XLAT_PAIR(1, "SYSLOG_ACTION_OPEN"),
    XLAT_PAIR(2, "SYSLOG_ACTION_READ"),          XLAT_PAIR(3, "SYSLOG_ACTION_READ_ALL"),
    XLAT_PAIR(4, "SYSLOG_ACTION_READ_CLEAR"),    XLAT_PAIR(5, "SYSLOG_ACTION_CLEAR"),
    XLAT_PAIR(6, "SYSLOG_ACTION_CONSOLE_OFF"),   XLAT_PAIR(7, "SYSLOG_ACTION_CONSOLE_ON"),
    XLAT_PAIR(8, "SYSLOG_ACTION_CONSOLE_LEVEL"), XLAT_PAIR(9, "SYSLOG_ACTION_SIZE_UNREAD"),
    XLAT_PAIR(10, "SYSLOG_ACTION_SIZE_BUFFER"),
};
constexpr XlatEntry kLogLevels[] = {
    XLAT_PAIR(0, "LOGLEVEL_EMERG"),   XLAT_PAIR(1, "LOGLEVEL_ALERT"), XLAT_PAIR(2, "LOGLEVEL_CRIT"),
    XLAT_PAIR(3, "LOGLEVEL_ERR"),     XLAT_PAIR(4, "LOGLEVEL_WARNING"), XLAT_PAIR(5, "LOGLEVEL_NOTICE"),
    XLAT_PAIR(6, "LOGLEVEL_INFO"),    XLAT_PAIR(7, "LOGLEVEL_DEBUG"),
};

// Decimal followed by its name in a comment, as strace prints both.
Value dec_named(Xlat t, int v, const char* unknown) {
  const char* n = xlat_name(t, static_cast<uint64_t>(v));
  return commented(Int{v}, n ? n : unknown);
}

}  // namespace

bool decode_syslog(Call& c) {
  int type = c.iarg(0);
  if (c.entering()) {
    c.push(dec_named(kSyslogActions, type, "SYSLOG_ACTION_???"));
    switch (type) {
      case 2: case 3: case 4: return false;  // the reads: the buffer at exit
      case 8:
        c.push(c.ptr(c.arg(1)));
        c.push(dec_named(kLogLevels, c.iarg(2), "LOGLEVEL_???"));
        return true;
      case 0: case 1: case 5: case 6: case 7: case 9: case 10: return true;  // no arguments
      default:
        c.push(c.ptr(c.arg(1)));
        c.push(Int{c.iarg(2)});
        return true;
    }
  }
  c.push(c.buf_out(c.arg(1), static_cast<uint64_t>(c.ret())));
  c.push(Int{c.iarg(2)});
  return true;
}

}  // namespace sct
