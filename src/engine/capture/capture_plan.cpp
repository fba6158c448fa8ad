#include "engine/capture/capture_plan.hpp"

#include <sys/epoll.h>
#include <sys/socket.h>

namespace sct {

static_assert(sizeof(epoll_event) == SCT_EPOLL_EVENT, "stream_abi.h: the kernel copies events of this size");
static_assert(sizeof(sockaddr_storage) == SCT_MSG_NAME_MAX, "stream_abi.h: msg_name is copied up to this");
static_assert(sizeof(mmsghdr) == 64 && offsetof(mmsghdr, msg_len) == 56, "stream.bpf.c: struct mmsghdr's layout");

sct_plan capture_plan(const SyscallInfo& s) {
  sct_plan p{};
  // Generic decoders print pointers as numbers; only hand-written ones read
  // structs behind them. Memory-management calls take addresses, not structs,
  // except where the kernel's prototype says a pointer is to data rather
  // than void (mincore's vector, mbind's node mask).
  const bool reads_structs = s.dec == Dec::Custom && !(s.classes & TM);
  auto points_to_data = [&](int i) {
    const KernelArg* k = kernel_arg(s, i);
    return s.dec == Dec::Custom && k && k->type.is_pointer() && k->type.pointee != Pointee::Void;
  };
  for (int i = 0; i < s.nargs && i < 6; ++i) {
    switch (s.args[i]) {
      case ArgT::Path:
      case ArgT::Str: p.entry[i] = SCT_CAP_STR; break;
      case ArgT::BufIn: p.entry[i] = SCT_CAP_BUF_IN; break;
      case ArgT::BufOutRet: p.exit[i] = SCT_CAP_BUF_RET; break;
      case ArgT::Argv: p.entry[i] = SCT_CAP_ARGV; break;
      case ArgT::Envp: p.entry[i] = SCT_CAP_ENVP; break;
      case ArgT::IovIn: p.entry[i] = SCT_CAP_IOV_IN; break;
      case ArgT::IovOutRet:
        // The array at entry too: a failed read shows its iovecs' addresses,
        // and nothing is copied at the exit of a failed call.
        p.entry[i] = SCT_CAP_WINDOW;
        p.exit[i] = SCT_CAP_IOV_RET;
        break;
      case ArgT::EpollRet: p.exit[i] = SCT_CAP_EPOLL_RET; break;
      case ArgT::DirentsRet: p.exit[i] = SCT_CAP_DIRENTS_RET; break;
      case ArgT::MsgIn: p.entry[i] = SCT_CAP_MSG_IN; break;
      case ArgT::MsgOutRet:
        // The header at entry too: msg_namelen before the call.
        p.entry[i] = SCT_CAP_WINDOW;
        p.exit[i] = SCT_CAP_MSG_RET;
        break;
      case ArgT::Ptr:
        // In, out or both: the table does not say, so both.
        if (reads_structs || points_to_data(i)) p.entry[i] = p.exit[i] = SCT_CAP_WINDOW;
        // The second argument of a call that moves data, a Ptr, is its
        // mmsghdr array (syscall_table.hpp), bounded, and no window: messages
        // past SCT_MMSG_MAX read as unreadable rather than as they were
        // before the call. sendmmsg's at entry too, for a failed call (whose
        // exit copies nothing); at exit for the msg_len the kernel wrote.
        if (i == 1 && (s.classes & RWritesData)) p.entry[i] = p.exit[i] = SCT_CAP_MMSG_IN;
        // recvmmsg's headers at entry: each msg_namelen before the call.
        if (i == 1 && (s.classes & RReadsData)) {
          p.entry[i] = SCT_CAP_MMSG_HDRS;
          p.exit[i] = SCT_CAP_MMSG_RET;
        }
        break;
      case ArgT::Struct: {
        // Its size from structs.def: in at entry, out at exit.
        auto k = static_cast<size_t>(i);
        p.size[i] = struct_desc(s.structs[k]).size;
        bool array = s.counts[k] != kCountNone;
        // A fixed number of elements is one struct of their total size.
        if (count_is_fixed(s.counts[k])) {
          p.size[i] = static_cast<unsigned short>(p.size[i] * (s.counts[k] - kCountFixed));
          array = false;
        }
        if (array) p.count[i] = static_cast<unsigned char>(s.counts[k]);
        (s.dirs[k] == Dir::In ? p.entry[i] : p.exit[i]) = array ? SCT_CAP_ARRAY : SCT_CAP_SIZED;
        break;
      }
      case ArgT::DirFd: p.cwd = 1; break;
      default: break;
    }
  }
  for (int i = 0; i < 6; ++i) {
    if (p.entry[i]) p.entry_n = static_cast<unsigned char>(i + 1);
    if (p.exit[i]) p.exit_n = static_cast<unsigned char>(i + 1);
  }
  p.ret_fd = s.ret == Ret::Fd;
  // A hand-written decoder of a call without arguments reads what the call
  // acts on: the signal frame on the stack (rt_sigreturn).
  p.stack = s.dec == Dec::Custom && s.nargs == 0;
  // Strings, input buffers and input structs (SCT_CAP_SIZED at entry) read
  // the same at exit; windowed structs may be in-out, the stack and argv are
  // gone after exec. Process calls make threads and
  // processes whose records would come before the call that made them, and
  // a call that does not return has only its entry.
  // A read's iovec array is not written by the call (only the buffers it
  // points to), nor are the arguments of a call that does not fill them.
  bool same_at_exit = !(s.classes & RFillsIn);
  for (int i = 0; i < 6; ++i) {
    unsigned char k = p.entry[i];
    same_at_exit &= k == SCT_CAP_NONE || k == SCT_CAP_STR || k == SCT_CAP_BUF_IN || k == SCT_CAP_IOV_IN ||
                    k == SCT_CAP_MSG_IN || k == SCT_CAP_SIZED || k == SCT_CAP_ARRAY ||
                    (k == SCT_CAP_WINDOW && s.args[i] == ArgT::IovOutRet);
  }
  p.defer = same_at_exit && !p.stack && !(s.classes & TP) && s.ret != Ret::None;
  p.user_stack_at_exit = (s.classes & (RExec | RSetsRegs)) != 0;
  p.maps = (s.classes & RMaps) != 0;
  if (s.classes & RFdPair)
    for (int i = 0; i < s.nargs && i < 6; ++i)
      if (s.args[i] == ArgT::Ptr) {
        p.fd_pair = static_cast<unsigned char>(i + 1);
        break;
      }
  return p;
}

}  // namespace sct
