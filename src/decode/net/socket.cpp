// socket, connect, bind, accept, accept4, getsockname, getpeername,
// sendto, recvfrom, sendmsg, recvmsg, setsockopt, getsockopt, socketpair
// (sendmmsg and recvmmsg: mmsg.cpp).
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/common.hpp"
#include "decode/net/msghdr.hpp"
#include "decode/net/sockaddr.hpp"
#include "decode/net/sockopt_names.hpp"

namespace sct {

namespace {

constexpr XlatEntry kSockTypes[] = {
    XLAT(SOCK_STREAM), XLAT(SOCK_DGRAM), XLAT(SOCK_RAW), XLAT(SOCK_RDM),
    XLAT(SOCK_SEQPACKET), XLAT(SOCK_DCCP), XLAT(SOCK_PACKET)};
constexpr XlatEntry kSockFlags[] = {XLAT(SOCK_CLOEXEC), XLAT(SOCK_NONBLOCK)};
constexpr XlatEntry kIpProtos[] = {
    XLAT(IPPROTO_IP), XLAT(IPPROTO_ICMP), XLAT(IPPROTO_IGMP), XLAT(IPPROTO_TCP),
    XLAT(IPPROTO_UDP), XLAT(IPPROTO_IPV6), XLAT(IPPROTO_ICMPV6), XLAT(IPPROTO_SCTP),
    XLAT(IPPROTO_UDPLITE), XLAT(IPPROTO_RAW), XLAT(IPPROTO_MPTCP)};
constexpr XlatEntry kNetlinkProtos[] = {
    XLAT(NETLINK_ROUTE), XLAT(NETLINK_UNUSED), XLAT(NETLINK_USERSOCK), XLAT(NETLINK_FIREWALL),
    XLAT(NETLINK_SOCK_DIAG), XLAT(NETLINK_NFLOG), XLAT(NETLINK_XFRM), XLAT(NETLINK_SELINUX),
    XLAT(NETLINK_ISCSI), XLAT(NETLINK_AUDIT), XLAT(NETLINK_FIB_LOOKUP), XLAT(NETLINK_CONNECTOR),
    XLAT(NETLINK_NETFILTER), XLAT(NETLINK_IP6_FW), XLAT(NETLINK_DNRTMSG),
    XLAT(NETLINK_KOBJECT_UEVENT), XLAT(NETLINK_GENERIC), XLAT(NETLINK_SCSITRANSPORT),
    XLAT(NETLINK_ECRYPTFS), XLAT(NETLINK_RDMA), XLAT(NETLINK_CRYPTO), XLAT(NETLINK_SMC)};
constexpr XlatEntry kMsgFlags[] = {
    XLAT(MSG_OOB), XLAT(MSG_PEEK), XLAT(MSG_DONTROUTE), XLAT(MSG_CTRUNC), XLAT(MSG_PROXY),
    XLAT(MSG_TRUNC), XLAT(MSG_DONTWAIT), XLAT(MSG_EOR), XLAT(MSG_WAITALL), XLAT(MSG_FIN),
    XLAT(MSG_SYN), XLAT(MSG_CONFIRM), XLAT(MSG_RST), XLAT(MSG_ERRQUEUE), XLAT(MSG_NOSIGNAL),
    XLAT(MSG_MORE), XLAT(MSG_WAITFORONE), XLAT(MSG_BATCH), XLAT(MSG_ZEROCOPY),
    XLAT(MSG_FASTOPEN), XLAT(MSG_CMSG_CLOEXEC), XLAT_PAIR(0x80000000, "MSG_CMSG_COMPAT")};
// Control message types at SOL_SOCKET (<asm-generic/socket.h>).
constexpr XlatEntry kScmTypes[] = {XLAT(SCM_RIGHTS), XLAT(SCM_CREDENTIALS), XLAT_PAIR(3, "SCM_SECURITY")};
// Control data shown: the kernel takes at most INT_MAX, and the eBPF engine
// copies SCT_CONTROL_MAX (stream_abi.h) of it.
constexpr uint64_t kControlMax = 4096;
constexpr XlatEntry kSockLevels[] = {
    XLAT(SOL_IP), XLAT(SOL_SOCKET), XLAT(SOL_TCP), XLAT_PAIR(17, "SOL_UDP"), XLAT(SOL_IPV6),
    XLAT(SOL_ICMPV6), XLAT(SOL_RAW), XLAT(SOL_PACKET), XLAT(SOL_NETLINK)};
Value socket_type(uint32_t v) {
  Flags f = flags_of(XSET(kSockFlags), v & ~0xfu);
  const char* t = xlat_name(kSockTypes, v & 0xf);
  f.names.insert(f.names.begin(), t ? t : "SOCK_???");
  f.raw = v;
  // -X raw: the type, then the flags when there are any (0x1|0x80000).
  f.parts = {Sym{t ? t : "SOCK_???", "SockTypes", static_cast<int64_t>(v & 0xf)}};
  if (v & ~0xfu) f.parts.push_back(flags_of(XSET(kSockFlags), v & ~0xfu));
  return f;
}

Value protocol(int family, uint32_t p) {
  if (family == AF_INET || family == AF_INET6) return xlat_value(XSET(kIpProtos), p, "IPPROTO_???");
  if (family == AF_NETLINK) return xlat_value(XSET(kNetlinkProtos), p, "NETLINK_???");
  return Uint{p};
}

// An in/out socklen_t: [16], or [128 => 16] when the kernel changed it.
Value socklen_inout(Call& c, uint64_t addr, uint32_t before) {
  if (addr == 0) return Ptr{0};
  auto after = c.read<uint32_t>(addr);
  if (!after) return c.ptr(addr);
  if (*after == before) return Array{{Uint{before}}};
  return Array{{changed(Uint{before}, Uint{*after})}};
}

Value optval(Call& c, uint64_t addr, int64_t len) {
  if (addr == 0) return Ptr{0};
  if (len == sizeof(int)) {
    auto v = c.read<int>(addr);
    if (!v) return c.ptr(addr);
    return Array{{Int{*v}}};
  }
  return c.buf(addr, static_cast<uint64_t>(std::max<int64_t>(len, 0)));
}

}  // namespace

bool decode_socket(Call& c) {
  int family = c.iarg(0);
  c.push(xlat_value_dec(XSET(kAddressFamilies), family, "AF_???"));
  c.push(socket_type(c.uarg(1)));
  c.push(protocol(family, c.uarg(2)));
  return true;
}

bool decode_connect(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(sockaddr_at(c, c.arg(1), c.iarg(2)));
  c.push(Uint{c.uarg(2)});
  return true;
}

bool decode_bind(Call& c) { return decode_connect(c); }

namespace {

// accept, getsockname, getpeername, recvfrom: the kernel writes the address
// and updates its length. The length offered is saved at entry.
void save_len(Call& c, uint64_t len_addr) {
  auto len = c.read<uint32_t>(len_addr);
  c.save(0, len ? *len : 0);
  c.save(1, len.has_value());
}

void push_addr_out(Call& c, uint64_t addr, uint64_t len_addr) {
  if (c.failed() || addr == 0) {
    c.push(c.ptr(addr));
    c.push(c.saved(1) ? Value(Array{{Uint{c.saved(0)}}}) : c.ptr(len_addr));
    return;
  }
  auto after = c.read<uint32_t>(len_addr);
  c.push(sockaddr_at(c, addr, after ? std::min<uint32_t>(*after, c.saved(0)) : 0));
  c.push(c.saved(1) ? socklen_inout(c, len_addr, static_cast<uint32_t>(c.saved(0))) : c.ptr(len_addr));
}

bool decode_addr_out(Call& c) {
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    save_len(c, c.arg(2));
    return false;
  }
  push_addr_out(c, c.arg(1), c.arg(2));
  return true;
}

}  // namespace

bool decode_accept(Call& c) { return decode_addr_out(c); }
bool decode_getsockname(Call& c) { return decode_addr_out(c); }
bool decode_getpeername(Call& c) { return decode_addr_out(c); }

bool decode_accept4(Call& c) {
  if (!decode_addr_out(c)) return false;
  c.push(flags_of(XSET(kSockFlags), c.uarg(3)));
  return true;
}

bool decode_sendto(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(c.buf(c.arg(1), c.arg(2)));
  c.push(Uint{c.arg(2)});
  c.push(flags_of(XSET(kMsgFlags), c.uarg(3)));
  c.push(sockaddr_at(c, c.arg(4), c.iarg(5)));
  c.push(Uint{c.uarg(5)});
  return true;
}

bool decode_recvfrom(Call& c) {
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    save_len(c, c.arg(5));
    return false;
  }
  c.push(c.buf_out(c.arg(1), static_cast<uint64_t>(c.ret())));
  c.push(Uint{c.arg(2)});
  c.push(flags_of(XSET(kMsgFlags), c.uarg(3)));
  if (c.arg(4) == 0) {
    c.push(Ptr{0});
    c.push(c.ptr(c.arg(5)));
  } else {
    push_addr_out(c, c.arg(4), c.arg(5));
  }
  return true;
}

bool decode_setsockopt(Call& c) {
  int level = c.iarg(1);
  c.push(c.fd(c.iarg(0)));
  c.push(xlat_value_dec(XSET(kSockLevels), level, "SOL_???"));
  c.push(sockopt_name(level, c.uarg(2)));
  c.push(optval(c, c.arg(3), c.iarg(4)));
  c.push(Uint{c.uarg(4)});
  return true;
}

bool decode_getsockopt(Call& c) {
  int level = c.iarg(1);
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    c.push(xlat_value_dec(XSET(kSockLevels), level, "SOL_???"));
    c.push(sockopt_name(level, c.uarg(2)));
    save_len(c, c.arg(4));
    return false;
  }
  if (c.failed()) {
    c.push(c.ptr(c.arg(3)));
    c.push(c.saved(1) ? Value(Array{{Uint{c.saved(0)}}}) : c.ptr(c.arg(4)));
    return true;
  }
  auto after = c.read<uint32_t>(c.arg(4));
  c.push(optval(c, c.arg(3), after ? *after : 0));
  c.push(c.saved(1) ? socklen_inout(c, c.arg(4), static_cast<uint32_t>(c.saved(0))) : c.ptr(c.arg(4)));
  return true;
}

namespace {

// One control message's data, for the types strace decodes.
void push_cmsg_data(Call& c, Struct& s, const cmsghdr& h, const uint8_t* data, size_t len) {
  if (h.cmsg_level != SOL_SOCKET) return;
  if (h.cmsg_type == SCM_RIGHTS) {
    Array fds;
    for (size_t i = 0; i + sizeof(int) <= len; i += sizeof(int)) {
      int fd;
      memcpy(&fd, data + i, sizeof fd);
      fds.items.push_back(c.fd(fd));
    }
    s.fields.push_back({"cmsg_data", std::move(fds)});
  } else if (h.cmsg_type == SCM_CREDENTIALS && len >= sizeof(ucred)) {
    ucred u;
    memcpy(&u, data, sizeof u);
    s.fields.push_back({"cmsg_data", Struct{{{"pid", Int{u.pid}}, {"uid", Uint{u.uid}}, {"gid", Uint{u.gid}}}}});
  }
}

// [{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}]
Value control_value(Call& c, uint64_t addr, uint64_t len) {
  std::vector<uint8_t> buf(std::min(len, kControlMax));
  if (!c.fetch(addr, buf.data(), buf.size())) return c.ptr(addr);
  Array a;
  size_t off = 0;
  while (off + sizeof(cmsghdr) <= buf.size()) {
    if (!c.opts().verbose && a.items.size() >= c.opts().max_strlen) {
      a.elided = true;
      break;
    }
    cmsghdr h;
    memcpy(&h, buf.data() + off, sizeof h);
    Struct s;
    s.fields.push_back({"cmsg_len", Uint{h.cmsg_len}});
    s.fields.push_back({"cmsg_level", xlat_value(XSET(kSockLevels), static_cast<uint32_t>(h.cmsg_level), "SOL_???")});
    s.fields.push_back({"cmsg_type", h.cmsg_level == SOL_SOCKET
                                         ? xlat_value(XSET(kScmTypes), static_cast<uint32_t>(h.cmsg_type), "SCM_???")
                                         : Value{Hex{static_cast<uint32_t>(h.cmsg_type)}}});
    size_t end = std::min<size_t>(off + h.cmsg_len, buf.size());
    if (h.cmsg_len > sizeof h) push_cmsg_data(c, s, h, buf.data() + off + sizeof h, end - off - sizeof h);
    a.items.push_back(std::move(s));
    if (h.cmsg_len < sizeof h) break;
    off += CMSG_ALIGN(h.cmsg_len);
  }
  return a;
}

}  // namespace

Value msghdr_value(Call& c, const msghdr& m, uint64_t data_len, std::optional<uint32_t> namelen_before) {
  Struct s;
  const auto name = reinterpret_cast<uint64_t>(m.msg_name);
  uint32_t namelen = m.msg_namelen;
  if (namelen_before) namelen = std::min(namelen, *namelen_before);
  s.fields.push_back({"msg_name", sockaddr_at(c, name, namelen)});
  if (namelen_before && *namelen_before != m.msg_namelen)
    s.fields.push_back({"msg_namelen", changed(Uint{*namelen_before}, Uint{m.msg_namelen})});
  else
    s.fields.push_back({"msg_namelen", Uint{m.msg_namelen}});
  s.fields.push_back({"msg_iov", iovec_array(c, reinterpret_cast<uint64_t>(m.msg_iov), m.msg_iovlen, data_len)});
  s.fields.push_back({"msg_iovlen", Uint{m.msg_iovlen}});
  // strace shows the control buffer only when it has a length.
  if (m.msg_controllen != 0)
    s.fields.push_back({"msg_control", control_value(c, reinterpret_cast<uint64_t>(m.msg_control), m.msg_controllen)});
  s.fields.push_back({"msg_controllen", Uint{m.msg_controllen}});
  s.fields.push_back({"msg_flags", flags_or_unknown(XSET(kMsgFlags), m.msg_flags, "MSG_???")});
  return s;
}

Value msg_flags_value(uint32_t flags) { return flags_or_unknown(XSET(kMsgFlags), flags, "MSG_???"); }

bool decode_sendmsg(Call& c) {
  c.push(c.fd(c.iarg(0)));
  auto m = c.read<msghdr>(c.arg(1));
  c.push(m ? msghdr_value(c, *m, UINT64_MAX, std::nullopt) : c.ptr(c.arg(1)));
  c.push(flags_or_unknown(XSET(kMsgFlags), c.uarg(2), "MSG_???"));
  return true;
}

bool decode_recvmsg(Call& c) {
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    // msg_namelen at entry: strace shows it alone when the call fails, and
    // as "before => after" when the kernel changed it.
    auto m = c.read<msghdr>(c.arg(1));
    c.save(0, m ? 1 : 0);
    c.save(1, m ? m->msg_namelen : 0);
    return false;
  }
  const bool had = c.saved(0) != 0;
  const auto before = static_cast<uint32_t>(c.saved(1));
  if (c.failed()) {
    c.push(had ? Value{Struct{{{"msg_namelen", Uint{before}}}}} : c.ptr(c.arg(1)));
  } else {
    auto m = c.read<msghdr>(c.arg(1));
    c.push(m ? msghdr_value(c, *m, static_cast<uint64_t>(c.ret()), had ? std::optional{before} : std::nullopt)
             : c.ptr(c.arg(1)));
  }
  c.push(flags_or_unknown(XSET(kMsgFlags), c.uarg(2), "MSG_???"));
  return true;
}

bool decode_socketpair(Call& c) {
  if (c.entering()) {
    decode_socket(c);
    return false;
  }
  int fds[2];
  if (c.failed() || !c.fetch(c.arg(3), fds, sizeof fds)) c.push(c.ptr(c.arg(3)));
  else c.push(Array{{c.fd(fds[0]), c.fd(fds[1])}});
  return true;
}

}  // namespace sct
