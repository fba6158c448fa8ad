// ioprio_get, ioprio_set: a priority is a class and a level in one int.
#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {

// <linux/ioprio.h> is not valid C++ (a parameter named `class`): its values.
constexpr XlatEntry kIoprioWho[] = {
    XLAT_PAIR(1, "IOPRIO_WHO_PROCESS"), XLAT_PAIR(2, "IOPRIO_WHO_PGRP"), XLAT_PAIR(3, "IOPRIO_WHO_USER")};
constexpr XlatEntry kIoprioClass[] = {
    XLAT_PAIR(0, "IOPRIO_CLASS_NONE"), XLAT_PAIR(1, "IOPRIO_CLASS_RT"), XLAT_PAIR(2, "IOPRIO_CLASS_BE"),
    XLAT_PAIR(3, "IOPRIO_CLASS_IDLE")};
constexpr unsigned kClassShift = 13;  // IOPRIO_CLASS_SHIFT
constexpr unsigned kPrioMask = (1u << kClassShift) - 1;

// IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4): the form strace prints.
Value ioprio_value(unsigned v) {
  return fn("IOPRIO_PRIO_VALUE",
            {xlat_value(kIoprioClass, v >> kClassShift, "IOPRIO_CLASS_???"), Uint{v & kPrioMask}});
}

}  // namespace

bool decode_ioprio_get(Call& c) {
  if (c.entering()) {
    c.push(xlat_value(kIoprioWho, c.uarg(0), "IOPRIO_WHO_???"));
    c.push(Int{c.iarg(1)});
    c.args_done();
    return false;
  }
  if (!c.failed()) c.set_ret_aux(ioprio_value(static_cast<unsigned>(c.ret())));
  return true;
}

bool decode_ioprio_set(Call& c) {
  c.push(xlat_value(kIoprioWho, c.uarg(0), "IOPRIO_WHO_???"));
  c.push(Int{c.iarg(1)});
  c.push(ioprio_value(c.uarg(2)));
  return true;
}

}  // namespace sct
