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
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <vector>

#include "session/sock_endpoints.hpp"

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

}  // namespace

std::optional<std::string> parse_inet_diag(std::span<const uint8_t> msg, uint64_t inode, std::string_view proto) {
  const auto* m = payload<inet_diag_msg>(msg);
  if (!m || m->idiag_inode != inode || (m->idiag_family != AF_INET && m->idiag_family != AF_INET6)) return std::nullopt;
  SockEndpoints e;
  e.kind = SockEndpoints::Kind::Inet;
  e.family = m->idiag_family;
  memcpy(e.src, m->id.idiag_src, sizeof e.src);
  memcpy(e.dst, m->id.idiag_dst, sizeof e.dst);
  e.sport_be = m->id.idiag_sport;
  e.dport_be = m->id.idiag_dport;
  return format_endpoints(e, inode, proto);
}

std::optional<std::string> parse_unix_diag(std::span<const uint8_t> msg, uint64_t inode, std::string_view proto) {
  const auto* m = payload<unix_diag_msg>(msg);
  if (!m || m->udiag_family != AF_UNIX || m->udiag_ino != inode) return std::nullopt;
  const auto* h = reinterpret_cast<const nlmsghdr*>(msg.data());
  SockEndpoints e;
  e.kind = SockEndpoints::Kind::Unix;
  // The attributes after the message (UDIAG_SHOW_NAME, UDIAG_SHOW_PEER).
  size_t off = NLMSG_LENGTH(sizeof(unix_diag_msg));
  size_t end = std::min<size_t>(h->nlmsg_len, msg.size());
  while (off + sizeof(rtattr) <= end) {
    const auto* a = reinterpret_cast<const rtattr*>(msg.data() + off);
    if (a->rta_len < sizeof(rtattr) || off + a->rta_len > end) break;
    const char* data = reinterpret_cast<const char*>(RTA_DATA(a));
    size_t len = RTA_PAYLOAD(a);
    if (a->rta_type == UNIX_DIAG_PEER && len >= sizeof e.peer) memcpy(&e.peer, data, sizeof e.peer);
    if (a->rta_type == UNIX_DIAG_NAME && len > 0) e.name = unix_name(std::string_view(data, len));
    off += RTA_ALIGN(a->rta_len);
  }
  return format_endpoints(e, inode, proto);
}

std::optional<std::string> parse_netlink_diag(std::span<const uint8_t> msg, uint64_t inode, std::string_view proto) {
  const auto* m = payload<netlink_diag_msg>(msg);
  if (!m || m->ndiag_family != AF_NETLINK || m->ndiag_ino != inode) return std::nullopt;
  SockEndpoints e;
  e.kind = SockEndpoints::Kind::Netlink;
  e.protocol = m->ndiag_protocol;
  e.portid = m->ndiag_portid;
  return format_endpoints(e, inode, proto);
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

const SockDiagScope& SockDiag::scope() {
  if (scope_) return *scope_;
  scope_.emplace();
  struct stat st;
  if (stat("/proc/self/ns/net", &st) == 0) scope_->netns = st.st_ino;
  int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in any{};
  any.sin_family = AF_INET;
  if (s >= 0 && bind(s, reinterpret_cast<sockaddr*>(&any), sizeof any) == 0 && fstat(s, &st) == 0)
    scope_->lists_bound_tcp = describe(st.st_ino, "TCP").has_value();
  if (s >= 0) close(s);
  return *scope_;
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
