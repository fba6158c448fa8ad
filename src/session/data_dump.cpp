#include "session/data_dump.hpp"

#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <limits>

namespace sct {

namespace {

constexpr uint64_t kNoLimit = std::numeric_limits<uint64_t>::max();
constexpr uint64_t kIovMax = 1024;  // UIO_MAXIOV: the kernel takes no more

// The call succeeded, so its pointers were good: what cannot be read now
// was not copied by the engine.
void missing(DecodedCall& d) {
  DataChunk c;
  c.missing = true;
  d.data.push_back(std::move(c));
}

DataChunk read_chunk(Memory& mem, uint64_t addr, uint64_t len, int iov) {
  DataChunk c;
  c.len = len;
  c.iov = iov;
  c.bytes.resize(static_cast<size_t>(std::min<uint64_t>(len, 1u << 30)));
  c.bytes.resize(mem.read_prefix(addr, c.bytes.data(), c.bytes.size()));
  return c;
}

// The iovecs' data, `limit` bytes in all. strace 6.1 stops at the first
// iovec with nothing to show (an empty one, or the data used up).
void read_iovs(DecodedCall& d, Memory& mem, uint64_t iov_addr, uint64_t count, uint64_t limit) {
  count = std::min(count, kIovMax);
  for (uint64_t i = 0; i < count && limit; ++i) {
    iovec v;
    if (!mem.read(iov_addr + i * sizeof v, &v, sizeof v)) return missing(d);
    uint64_t n = std::min<uint64_t>(v.iov_len, limit);
    if (n == 0) return;
    d.data.push_back(read_chunk(mem, reinterpret_cast<uint64_t>(v.iov_base), n, static_cast<int>(i)));
    limit -= n;
  }
}

// sendmmsg/recvmmsg: `count` struct mmsghdr, each message's iovecs headed
// by how many it has; a received message's data is its msg_len.
void read_mmsgs(DecodedCall& d, Memory& mem, uint64_t addr, uint64_t count, bool received) {
  count = std::min(count, kIovMax);
  for (uint64_t i = 0; i < count; ++i) {
    mmsghdr m;
    if (!mem.read(addr + i * sizeof m, &m, sizeof m)) return missing(d);
    size_t first = d.data.size();
    read_iovs(d, mem, reinterpret_cast<uint64_t>(m.msg_hdr.msg_iov), m.msg_hdr.msg_iovlen,
              received ? m.msg_len : kNoLimit);
    if (first == d.data.size()) d.data.emplace_back();  // the header alone
    d.data[first].vector_head = true;
    for (size_t c = first; c < d.data.size(); ++c) {
      d.data[c].vector = static_cast<int>(i);
      d.data[c].vector_iovs = m.msg_hdr.msg_iovlen;
    }
  }
}

}  // namespace

bool collect_data(DecodedCall& d, Memory& mem, const DecodeOptions& o) {
  d.data.clear();
  if (!d.info || call_failed(d)) return false;
  const bool reads = d.info->classes & RReadsData;
  const bool writes = d.info->classes & RWritesData;
  if (!(reads && o.read_data.contains(static_cast<int>(d.args[0]))) &&
      !(writes && o.write_data.contains(static_cast<int>(d.args[0]))))
    return false;
  const uint64_t moved = static_cast<uint64_t>(d.ret);
  for (int i = 1; i < d.info->nargs; ++i) {
    const uint64_t addr = d.args[i];
    switch (d.info->args[i]) {
      // strace dumps what a write was given, whatever it took of it.
      case ArgT::BufIn: d.data.push_back(read_chunk(mem, addr, d.args[i + 1], -1)); break;
      case ArgT::BufOutRet: d.data.push_back(read_chunk(mem, addr, moved, -1)); break;
      case ArgT::IovIn: read_iovs(d, mem, addr, d.args[i + 1], kNoLimit); break;
      case ArgT::IovOutRet: read_iovs(d, mem, addr, d.args[i + 1], moved); break;
      case ArgT::MsgIn:
      case ArgT::MsgOutRet: {
        msghdr m;
        if (!mem.read(addr, &m, sizeof m)) missing(d);
        else
          read_iovs(d, mem, reinterpret_cast<uint64_t>(m.msg_iov), m.msg_iovlen,
                    d.info->args[i] == ArgT::MsgIn ? kNoLimit : moved);
        break;
      }
      case ArgT::Ptr: read_mmsgs(d, mem, addr, moved, reads); break;
      default: continue;
    }
    break;
  }
  // A buffer with nothing in it is not dumped.
  std::erase_if(d.data, [](const DataChunk& c) { return c.len == 0 && !c.vector_head && !c.missing; });
  return std::any_of(d.data.begin(), d.data.end(),
                     [](const DataChunk& c) { return c.missing || c.bytes.size() < c.len; });
}

}  // namespace sct
