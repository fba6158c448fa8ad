// struct sockaddr in strace's notation: htons(80), inet_addr("127.0.0.1").
#include "decode/net/sockaddr.hpp"

#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <algorithm>
#include <cstring>
#include <fmt/format.h>

#include "core/xlat.hpp"

namespace sct {

const XlatEntry kAddressFamiliesData[] = {
    XLAT(AF_UNSPEC), XLAT(AF_UNIX), XLAT(AF_INET), XLAT(AF_AX25), XLAT(AF_IPX),
    XLAT(AF_APPLETALK), XLAT(AF_NETROM), XLAT(AF_BRIDGE), XLAT(AF_ATMPVC), XLAT(AF_X25),
    XLAT(AF_INET6), XLAT(AF_ROSE), XLAT(AF_DECnet), XLAT(AF_NETBEUI), XLAT(AF_SECURITY),
    XLAT(AF_KEY), XLAT(AF_NETLINK), XLAT(AF_PACKET), XLAT(AF_ASH), XLAT(AF_ECONET),
    XLAT(AF_ATMSVC), XLAT(AF_RDS), XLAT(AF_SNA), XLAT(AF_IRDA), XLAT(AF_PPPOX),
    XLAT(AF_WANPIPE), XLAT(AF_LLC), XLAT(AF_IB), XLAT(AF_MPLS), XLAT(AF_CAN), XLAT(AF_TIPC),
    XLAT(AF_BLUETOOTH), XLAT(AF_IUCV), XLAT(AF_RXRPC), XLAT(AF_ISDN), XLAT(AF_PHONET),
    XLAT(AF_IEEE802154), XLAT(AF_CAIF), XLAT(AF_ALG), XLAT(AF_NFC), XLAT(AF_VSOCK),
    XLAT(AF_KCM), XLAT(AF_QIPCRTR), XLAT(AF_SMC), XLAT(AF_XDP),
};
const Xlat kAddressFamilies{kAddressFamiliesData};

Value sockaddr_at(Call& c, uint64_t addr, int64_t len) {
  if (addr == 0) return Ptr{0};
  if (len <= 0) return Ptr{addr};
  sockaddr_storage ss{};
  size_t n = static_cast<size_t>(std::min<int64_t>(len, sizeof ss));
  if (!c.fetch(addr, &ss, n)) return Ptr{addr};
  Struct s;
  s.fields.push_back({"sa_family", xlat_value(XSET(kAddressFamilies), ss.ss_family, "AF_???")});
  switch (ss.ss_family) {
    case AF_INET: {
      auto* in = reinterpret_cast<sockaddr_in*>(&ss);
      char ip[INET_ADDRSTRLEN];
      inet_ntop(AF_INET, &in->sin_addr, ip, sizeof ip);
      s.fields.push_back({"sin_port", fn("htons", {Uint{ntohs(in->sin_port)}})});
      s.fields.push_back({"sin_addr", fn("inet_addr", {whole_str(ip)})});
      break;
    }
    case AF_INET6: {
      auto* in6 = reinterpret_cast<sockaddr_in6*>(&ss);
      char ip[INET6_ADDRSTRLEN];
      inet_ntop(AF_INET6, &in6->sin6_addr, ip, sizeof ip);
      s.fields.push_back({"sin6_port", fn("htons", {Uint{ntohs(in6->sin6_port)}})});
      s.fields.push_back({"sin6_flowinfo", fn("htonl", {Uint{ntohl(in6->sin6_flowinfo)}})});
      s.fields.push_back({"", fn("inet_pton", {Sym{"AF_INET6", "AddressFamilies", AF_INET6}, whole_str(ip), Sym{"&sin6_addr"}})});
      s.fields.push_back({"sin6_scope_id", Uint{in6->sin6_scope_id}});
      break;
    }
    case AF_UNIX: {
      auto* un = reinterpret_cast<sockaddr_un*>(&ss);
      size_t plen = n > offsetof(sockaddr_un, sun_path) ? n - offsetof(sockaddr_un, sun_path) : 0;
      if (plen == 0) break;
      if (un->sun_path[0] == 0 && plen > 1) {
        // Abstract: strace marks it with '@' before the quoted name.
        Value v = whole_str(std::string(un->sun_path + 1, plen - 1));
        s.fields.push_back({"sun_path", fn("@", {v})});
      } else {
        s.fields.push_back({"sun_path", whole_str(std::string(un->sun_path, strnlen(un->sun_path, plen)))});
      }
      break;
    }
    case AF_NETLINK: {
      auto* nl = reinterpret_cast<sockaddr_nl*>(&ss);
      s.fields.push_back({"nl_pid", Uint{nl->nl_pid}});
      s.fields.push_back({"nl_groups", Hex{nl->nl_groups}});
      if (nl->nl_groups == 0) s.fields.back().value = Sym{"00000000"};
      break;
    }
    default: {
      size_t datalen = n > sizeof(sa_family_t) ? n - sizeof(sa_family_t) : 0;
      s.fields.push_back({"sa_data", whole_str(std::string(reinterpret_cast<char*>(&ss) + 2, datalen))});
      break;
    }
  }
  return s;
}

}  // namespace sct
