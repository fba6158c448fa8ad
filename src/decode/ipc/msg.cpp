// msgsnd, msgrcv: a struct msgbuf whose text is as long as an argument says
// (msgsz), not as its C type says, so the spec cannot describe it.
#include "core/arg_sets.hpp"
#include "core/call.hpp"

namespace sct {

namespace {

// {mtype=1, mtext="..."}: the text is msgsz bytes, -s limited. strace reads
// the type with the first word of the text (16 bytes) and prints the bare
// address when that read fails, even for a shorter text.
Value msgbuf_at(Call& c, uint64_t addr, uint64_t msgsz) {
  struct Head {
    long mtype;
    long text;
  };
  auto head = c.read<Head>(addr);
  if (!head) return c.ptr(addr);
  return Struct{{{"mtype", Int{head->mtype}}, {"mtext", c.buf(addr + sizeof(long), msgsz)}}};
}

}  // namespace

bool decode_msgsnd(Call& c) {
  c.push(Int{c.iarg(0)});
  c.push(msgbuf_at(c, c.arg(1), c.arg(2)));
  c.push(Uint{c.arg(2)});
  c.push(arg_set_value(c.info()->sets[3], c.uarg(3)));  // int msgflg
  return true;
}

// The message is there at exit: what strace prints is msgsz bytes of it
// whatever its length (the return value).
bool decode_msgrcv(Call& c) {
  if (c.entering()) {
    c.push(Int{c.iarg(0)});
    return false;
  }
  c.push(c.failed() ? c.ptr(c.arg(1)) : msgbuf_at(c, c.arg(1), c.arg(2)));
  c.push(Uint{c.arg(2)});
  c.push(Int{c.sarg(3)});  // long msgtyp
  c.push(arg_set_value(c.info()->sets[4], c.uarg(4)));  // int msgflg
  return true;
}

}  // namespace sct
