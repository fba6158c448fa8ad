// futex: which arguments print depends on the operation.
#include <linux/futex.h>

#include <fmt/format.h>

#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/common.hpp"

namespace sct {

namespace {

constexpr XlatEntry kFutexOps[] = {
    XLAT(FUTEX_WAIT), XLAT(FUTEX_WAKE), XLAT(FUTEX_FD), XLAT(FUTEX_REQUEUE),
    XLAT(FUTEX_CMP_REQUEUE), XLAT(FUTEX_WAKE_OP), XLAT(FUTEX_LOCK_PI), XLAT(FUTEX_UNLOCK_PI),
    XLAT(FUTEX_TRYLOCK_PI), XLAT(FUTEX_WAIT_BITSET), XLAT(FUTEX_WAKE_BITSET),
    XLAT(FUTEX_WAIT_REQUEUE_PI), XLAT(FUTEX_CMP_REQUEUE_PI), XLAT_PAIR(13, "FUTEX_LOCK_PI2"),
};
constexpr XlatEntry kWakeOps[] = {
    XLAT(FUTEX_OP_SET), XLAT(FUTEX_OP_ADD), XLAT(FUTEX_OP_OR), XLAT(FUTEX_OP_ANDN), XLAT(FUTEX_OP_XOR)};
constexpr XlatEntry kWakeCmps[] = {
    XLAT(FUTEX_OP_CMP_EQ), XLAT(FUTEX_OP_CMP_NE), XLAT(FUTEX_OP_CMP_LT),
    XLAT(FUTEX_OP_CMP_LE), XLAT(FUTEX_OP_CMP_GT), XLAT(FUTEX_OP_CMP_GE)};

Value op_value(uint32_t op) {
  uint32_t cmd = op & FUTEX_CMD_MASK;
  const char* name = xlat_name(kFutexOps, cmd);
  if (!name) return unknown_commented(Hex{op}, "FUTEX_???");
  std::string s = name;
  if (op & FUTEX_PRIVATE_FLAG) s += "_PRIVATE";
  if (op & FUTEX_CLOCK_REALTIME) s += "|FUTEX_CLOCK_REALTIME";
  return Sym{s, "FutexOps", static_cast<int64_t>(op)};
}

Value bitset_value(uint32_t v) {
  if (v == FUTEX_BITSET_MATCH_ANY) return Sym{"FUTEX_BITSET_MATCH_ANY", "FutexBitsets", static_cast<int64_t>(v)};
  return Hex{v};
}

// FUTEX_OP_ADD<<28|0x345<<12|FUTEX_OP_CMP_LT<<24|0x678
Value wake_op_value(uint32_t v) {
  uint32_t op = (v >> 28) & 7, cmp = (v >> 24) & 15, oparg = (v >> 12) & 0xfff, cmparg = v & 0xfff;
  std::string s;
  if (v & (FUTEX_OP_OPARG_SHIFT << 28)) s += "FUTEX_OP_OPARG_SHIFT<<28|";
  const char* o = xlat_name(kWakeOps, op);
  s += o ? fmt::format("{}<<28", o) : fmt::format("{:#x}<<28", op);
  s += fmt::format("|{:#x}<<12|", oparg);
  const char* cm = xlat_name(kWakeCmps, cmp);
  s += cm ? fmt::format("{}<<24", cm) : fmt::format("{:#x}<<24", cmp);
  s += fmt::format("|{:#x}", cmparg);
  return Sym{s, "FutexWakeOps", static_cast<int64_t>(v)};
}

}  // namespace

bool decode_futex(Call& c) {
  uint32_t op = c.uarg(1);
  c.push(c.ptr(c.arg(0)));
  c.push(op_value(op));
  uint32_t val = c.uarg(2);
  switch (op & FUTEX_CMD_MASK) {
    case FUTEX_WAIT:
      c.push(Uint{val});
      c.push(timespec_at(c, c.arg(3)));
      break;
    case FUTEX_WAIT_BITSET:
      c.push(Uint{val});
      c.push(timespec_at(c, c.arg(3)));
      c.push(bitset_value(c.uarg(5)));
      break;
    case FUTEX_WAKE:
      c.push(Int{static_cast<int>(val)});
      break;
    case FUTEX_WAKE_BITSET:
      c.push(Int{static_cast<int>(val)});
      c.push(bitset_value(c.uarg(5)));
      break;
    case FUTEX_REQUEUE:
      c.push(Int{static_cast<int>(val)});
      c.push(Uint{c.uarg(3)});
      c.push(c.ptr(c.arg(4)));
      break;
    case FUTEX_CMP_REQUEUE:
    case FUTEX_CMP_REQUEUE_PI:
      c.push(Int{static_cast<int>(val)});
      c.push(Uint{c.uarg(3)});
      c.push(c.ptr(c.arg(4)));
      c.push(Uint{c.uarg(5)});
      break;
    case FUTEX_WAKE_OP:
      c.push(Int{static_cast<int>(val)});
      c.push(Uint{c.uarg(3)});
      c.push(c.ptr(c.arg(4)));
      c.push(wake_op_value(c.uarg(5)));
      break;
    case FUTEX_LOCK_PI:
    case 13:
      c.push(timespec_at(c, c.arg(3)));
      break;
    case FUTEX_UNLOCK_PI:
    case FUTEX_TRYLOCK_PI:
      break;
    case FUTEX_WAIT_REQUEUE_PI:
      c.push(Uint{val});
      c.push(timespec_at(c, c.arg(3)));
      c.push(c.ptr(c.arg(4)));
      break;
    default:
      c.push(Uint{val});
      c.push(Hex{c.arg(3)});
      c.push(c.ptr(c.arg(4)));
      c.push(Hex{c.arg(5)});
      break;
  }
  return true;
}

}  // namespace sct
