#include "session/sock_diag.hpp"

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <fmt/format.h>
#include <vector>

namespace sct {

namespace {

// A request: the netlink header, then the family's request struct.
template <class Req>
std::vector<uint8_t> dump_request(const Req& req) {
  struct {
    nlmsghdr h;
    Req r;
  } m{};
  m.h.nlmsg_len = sizeof m;
  m.h.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  m.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  m.h.nlmsg_seq = 1;
  m.r = req;
  const auto* p = reinterpret_cast<const uint8_t*>(&m);
  return {p, p + sizeof m};
}

// The family's payload after the netlink header, if the message holds one.
template <class Msg>
const Msg* payload(std::span<const uint8_t> msg) {
  if (msg.size() < NLMSG_LENGTH(sizeof(Msg))) return nullptr;
  const auto* h = reinterpret_cast<const nlmsghdr*>(msg.data());
  if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY || h->nlmsg_len > msg.size()) return nullptr;
  return reinterpret_cast<const Msg*>(NLMSG_DATA(h));
}

std::string inet_endpoint(int family, const uint32_t addr[4], uint16_t port_be) {
  char text[INET6_ADDRSTRLEN] = "";
  inet_ntop(family, addr, text, sizeof text);
  // An IPv6 address is bracketed, as in a URL, before its port.
  if (family == AF_INET6) return fmt::format("[{}]:{}", text, ntohs(port_be));
  return fmt::format("{}:{}", text, ntohs(port_be));
}

// The protocols of linux/netlink.h, as strace names them (NETLINK_ cut).
std::string netlink_protocol(unsigned p) {
  static constexpr std::array<const char*, 23> kNames = {
      "ROUTE", "UNUSED", "USERSOCK", "FIREWALL", "SOCK_DIAG", "NFLOG", "XFRM", "SELINUX",
      "ISCSI", "AUDIT", "FIB_LOOKUP", "CONNECTOR", "NETFILTER", "IP6_FW", "DNRTMSG",
      "KOBJECT_UEVENT", "GENERIC", nullptr, "SCSITRANSPORT", "ECRYPTFS", "RDMA", "CRYPTO", "SMC"};
  if (p < kNames.size() && kNames[p]) return kNames[p];
  return fmt::format("{}", p);
}

// A UNIX socket's name as a C string literal; an abstract name (its first
// byte NUL) is shown with '@' for the NUL, as ss(8) and strace show it.
std::string quoted_unix_name(std::string_view name) {
  std::string out = "\"";
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (i == 0 && c == 0) out += '@';
    else if (c == '"' || c == '\\') out += fmt::format("\\{}", static_cast<char>(c));
    else if (c >= 0x20 && c < 0x7f) out += static_cast<char>(c);
    else out += fmt::format("\\{:o}", c);
  }
  return out + '"';
}

}  // namespace

std::optional<std::string> parse_inet_diag(std::span<const uint8_t> msg, uint64_t inode, std::string_view proto) {
  const auto* m = payload<inet_diag_msg>(msg);
  if (!m || m->idiag_inode != inode || (m->idiag_family != AF_INET && m->idiag_family != AF_INET6)) return std::nullopt;
  std::string s = fmt::format("{}:[{}", proto, inet_endpoint(m->idiag_family, m->id.idiag_src, m->id.idiag_sport));
  // A peer only when there is one: a listening or unconnected socket's
  // destination is all zeros.
  const uint32_t* d = m->id.idiag_dst;
  if (m->id.idiag_dport || d[0] || d[1] || d[2] || d[3])
    s += "->" + inet_endpoint(m->idiag_family, d, m->id.idiag_dport);
  return s + ']';
}

std::optional<std::string> parse_unix_diag(std::span<const uint8_t> msg, uint64_t inode, std::string_view proto) {
  const auto* m = payload<unix_diag_msg>(msg);
  if (!m || m->udiag_family != AF_UNIX || m->udiag_ino != inode) return std::nullopt;
  const auto* h = reinterpret_cast<const nlmsghdr*>(msg.data());
  uint32_t peer = 0;
  std::optional<std::string_view> name;
  // The attributes after the message (UDIAG_SHOW_NAME, UDIAG_SHOW_PEER).
  size_t off = NLMSG_LENGTH(sizeof(unix_diag_msg));
  size_t end = std::min<size_t>(h->nlmsg_len, msg.size());
  while (off + sizeof(rtattr) <= end) {
    const auto* a = reinterpret_cast<const rtattr*>(msg.data() + off);
    if (a->rta_len < sizeof(rtattr) || off + a->rta_len > end) break;
    const char* data = reinterpret_cast<const char*>(RTA_DATA(a));
    size_t len = RTA_PAYLOAD(a);
    if (a->rta_type == UNIX_DIAG_PEER && len >= sizeof peer) memcpy(&peer, data, sizeof peer);
    if (a->rta_type == UNIX_DIAG_NAME && len > 0) {
      // A path's name comes with its NUL (and may have more after it); an
      // abstract name starts with one and is as long as it was bound.
      std::string_view n(data, len);
      if (n[0] != '\0') n = n.substr(0, n.find('\0'));
      name = n;
    }
    off += RTA_ALIGN(a->rta_len);
  }
  std::string s = fmt::format("{}:[{}", proto, inode);
  if (peer) s += fmt::format("->{}", peer);
  if (name) s += "," + quoted_unix_name(*name);
  return s + ']';
}

std::optional<std::string> parse_netlink_diag(std::span<const uint8_t> msg, uint64_t inode, std::string_view proto) {
  const auto* m = payload<netlink_diag_msg>(msg);
  if (!m || m->ndiag_family != AF_NETLINK || m->ndiag_ino != inode) return std::nullopt;
  return fmt::format("{}:[{}:{}]", proto, netlink_protocol(m->ndiag_protocol), m->ndiag_portid);
}

SockDiag::~SockDiag() {
  if (fd_ >= 0) close(fd_);
}

std::optional<std::string> SockDiag::describe(uint64_t inode, std::string_view proto) {
  if (proto == "TCP" || proto == "UDP" || proto == "TCPv6" || proto == "UDPv6") {
    inet_diag_req_v2 r{};
    r.sdiag_family = proto.ends_with("v6") ? AF_INET6 : AF_INET;
    r.sdiag_protocol = proto.starts_with("TCP") ? IPPROTO_TCP : IPPROTO_UDP;
    r.idiag_states = ~0u;  // every state, bound-only and listening included
    return query(dump_request(r), inode, proto);
  }
  if (proto.starts_with("UNIX")) {
    unix_diag_req r{};
    r.sdiag_family = AF_UNIX;
    r.udiag_states = ~0u;
    r.udiag_ino = static_cast<uint32_t>(inode);
    r.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER;
    r.udiag_cookie[0] = r.udiag_cookie[1] = ~0u;
    return query(dump_request(r), inode, proto);
  }
  if (proto == "NETLINK") {
    netlink_diag_req r{};
    r.sdiag_family = AF_NETLINK;
    r.sdiag_protocol = NDIAG_PROTO_ALL;
    return query(dump_request(r), inode, proto);
  }
  return std::nullopt;
}

std::optional<std::string> SockDiag::query(std::span<const uint8_t> request, uint64_t inode, std::string_view proto) {
  if (fd_ < 0) fd_ = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
  if (fd_ < 0) return std::nullopt;
  sockaddr_nl kernel{};
  kernel.nl_family = AF_NETLINK;
  if (sendto(fd_, request.data(), request.size(), 0, reinterpret_cast<sockaddr*>(&kernel), sizeof kernel) < 0)
    return std::nullopt;
  const auto family = reinterpret_cast<const sock_diag_req*>(request.data() + NLMSG_HDRLEN)->sdiag_family;
  auto* parse = family == AF_UNIX ? parse_unix_diag : family == AF_NETLINK ? parse_netlink_diag : parse_inet_diag;
  std::optional<std::string> found;
  // Read the dump to its end (NLMSG_DONE) even once found: the next query
  // must not read this one's leftovers.
  alignas(nlmsghdr) static thread_local std::array<uint8_t, 32768> buf;
  for (;;) {
    ssize_t n = recv(fd_, buf.data(), buf.size(), 0);
    if (n <= 0) return found;
    size_t left = static_cast<size_t>(n);
    for (auto* h = reinterpret_cast<nlmsghdr*>(buf.data()); NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
      if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) return found;
      if (!found) found = parse({reinterpret_cast<const uint8_t*>(h), h->nlmsg_len}, inode, proto);
    }
  }
}

}  // namespace sct
