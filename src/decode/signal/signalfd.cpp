// signalfd, signalfd4: the mask is a kernel sigset of sizemask bytes.
#include "core/arg_sets.hpp"
#include "core/call.hpp"
#include "decode/common.hpp"

namespace sct {

namespace {
// The kernel takes only its own sigset size (8 bytes on x86_64), and strace
// prints the set only then: any other size prints the address.
constexpr uint64_t kKernelSigsetSize = 8;

void push_fd_and_mask(Call& c) {
  c.push(c.fd(c.iarg(0)));
  const uint64_t size = c.arg(2);
  c.push(size == kKernelSigsetSize ? sigset_at(c, c.arg(1), size) : c.ptr(c.arg(1)));
  c.push(Uint{size});
}
}  // namespace

bool decode_signalfd(Call& c) {
  push_fd_and_mask(c);
  return true;
}

bool decode_signalfd4(Call& c) {
  push_fd_and_mask(c);
  c.push(arg_set_value(c.info()->sets[3], c.uarg(3)));
  return true;
}

}  // namespace sct
