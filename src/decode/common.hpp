// Printers shared by several decoder families.
#pragma once

#include <signal.h>

#include <cstdint>
#include <string>

#include "core/call.hpp"
#include "core/value.hpp"
#include "core/xlat.hpp"

namespace sct {

// Text of a value, for the few places strace puts values in a return comment.
std::string render_value_text(const Value& v, const DecodeOptions& o);

// Flags; when no bit has a name, the hex value and /* comment */ ("EPOLL???"),
// as strace prints an unknown set.
Value flags_or_unknown(Xlat t, uint64_t v, const char* comment);
// [item, item, ...]: `count` structs T read one after another from addr, -s
// of them without -v ("..." after). An unreadable first one prints the bare
// address; a later one ends the array with its own address.
template <class T, class Item>
Value struct_array(Call& c, uint64_t addr, uint64_t count, Item item) {
  Array a;
  for (uint64_t i = 0; i < count; ++i) {
    if (!c.opts().verbose && i >= c.opts().max_strlen) {
      a.elided = true;
      break;
    }
    auto x = c.read<T>(addr + i * sizeof(T));
    if (!x) {
      if (i == 0) return c.ptr(addr);
      a.items.push_back(c.ptr(addr + i * sizeof(T)));
      break;
    }
    a.items.push_back(item(*x));
  }
  return a;
}

// [{iov_base="...", iov_len=5}, ...] (readv, writev, sendmsg, recvmsg): the
// data shown is `data_len` bytes in all (the return value for reads), at most
// -s bytes of each iovec, and -s iovecs without -v.
Value iovec_array(Call& c, uint64_t addr, uint64_t count, uint64_t data_len);
// The same with each iov_base as an address: the iovecs of a failed read, of
// another process (process_vm_readv's remote side), of address ranges
// (process_madvise).
Value iovec_addrs(Call& c, uint64_t addr, uint64_t count);
// S_IFREG|0644, S_IFDIR|S_ISVTX|0777: a file mode with its type.
Value file_mode_value(uint64_t mode);
// makedev(0x8, 0x1)
Value makedev_value(uint64_t dev);
// The date comment strace puts after a time in seconds (and nanoseconds).
std::string time_comment(int64_t sec, int64_t nsec, bool with_nsec);
// {tv_sec=1, tv_nsec=500} read from addr, or its address.
Value timespec_at(Call& c, uint64_t addr);
Value timeval_at(Call& c, uint64_t addr);
// [INT TERM], ~[KILL STOP RTMIN RT_1], [] from a kernel sigset of `size` bytes.
Value sigset_value(const uint64_t* words, size_t size);
Value sigset_at(Call& c, uint64_t addr, uint64_t size);

}  // namespace sct
