#include "session/sock_endpoints.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <array>
#include <fmt/format.h>

namespace sct {

namespace {

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
// byte NUL) is shown as strace 6.1 shows it, '@' before the quoted rest.
std::string quoted_unix_name(std::string_view name) {
  std::string out;
  if (!name.empty() && name[0] == '\0') {
    out += '@';
    name.remove_prefix(1);
  }
  out += '"';
  for (unsigned char c : name) {
    if (c == '"' || c == '\\') out += fmt::format("\\{}", static_cast<char>(c));
    else if (c >= 0x20 && c < 0x7f) out += static_cast<char>(c);
    else out += fmt::format("\\{:o}", c);
  }
  return out + '"';
}

}  // namespace

std::string unix_name(std::string_view raw) {
  // A path's name comes with its NUL (and may have more after it); an
  // abstract name starts with one and is as long as it was bound.
  if (!raw.empty() && raw[0] != '\0') raw = raw.substr(0, raw.find('\0'));
  return std::string(raw);
}

std::string format_endpoints(const SockEndpoints& e, uint64_t inode, std::string_view proto) {
  switch (e.kind) {
    case SockEndpoints::Kind::Inet: {
      std::string s = fmt::format("{}:[{}", proto, inet_endpoint(e.family, e.src, e.sport_be));
      // A peer only when there is one: a listening or unconnected socket's
      // destination is all zeros.
      const uint32_t* d = e.dst;
      if (e.dport_be || d[0] || d[1] || d[2] || d[3]) s += "->" + inet_endpoint(e.family, d, e.dport_be);
      return s + ']';
    }
    case SockEndpoints::Kind::Unix: {
      std::string s = fmt::format("{}:[{}", proto, inode);
      if (e.peer) s += fmt::format("->{}", e.peer);
      if (e.name) s += "," + quoted_unix_name(*e.name);
      return s + ']';
    }
    case SockEndpoints::Kind::Netlink:
      return fmt::format("{}:[{}:{}]", proto, netlink_protocol(e.protocol), e.portid);
  }
  return {};
}

std::optional<SockEndpoints> endpoints_of(const SocketSnapshot& s, const SockDiagScope& scope) {
  // sock_diag answers about its own network namespace only.
  if (s.netns != scope.netns) return std::nullopt;
  std::string_view proto = s.proto;
  SockEndpoints e;
  if (proto == "TCP" || proto == "UDP" || proto == "TCPv6" || proto == "UDPv6") {
    // The query asks for the family the name says (SockDiag::describe).
    if (s.family != (proto.ends_with("v6") ? AF_INET6 : AF_INET)) return std::nullopt;
    // What inet_diag walks: TCP's listening and established tables, and
    // with TCP_BOUND_INACTIVE its bind table's sockets that are bound but
    // closed (a port of their own); UDP's table of bound sockets.
    bool listed = s.hashed;
    if (proto.starts_with("TCP") && s.state == TCP_CLOSE) listed = s.port != 0 && scope.lists_bound_tcp;
    if (!listed) return std::nullopt;
    e.kind = SockEndpoints::Kind::Inet;
    e.family = s.family;
    std::copy(std::begin(s.src), std::end(s.src), e.src);
    std::copy(std::begin(s.dst), std::end(s.dst), e.dst);
    e.sport_be = s.sport_be;
    e.dport_be = s.dport_be;
    return e;
  }
  if (proto.starts_with("UNIX")) {
    // Every UNIX socket of the namespace is in its table, bound or not.
    if (s.family != AF_UNIX) return std::nullopt;
    e.kind = SockEndpoints::Kind::Unix;
    e.peer = s.peer_inode;
    if (s.has_unix_name) e.name = unix_name(s.unix_name);
    return e;
  }
  if (proto == "NETLINK") {
    // netlink_diag lists sockets bound to a port id or to groups.
    if (s.family != AF_NETLINK || !s.netlink_listed) return std::nullopt;
    e.kind = SockEndpoints::Kind::Netlink;
    e.protocol = static_cast<unsigned>(s.protocol);
    e.portid = s.portid;
    return e;
  }
  return std::nullopt;
}

}  // namespace sct
