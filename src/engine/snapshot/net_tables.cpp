#include "engine/snapshot/net_tables.hpp"

#include <arpa/inet.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "engine/snapshot/proc_files.hpp"

namespace sct {

namespace {

// "0100007F:1F90" (IPv4 in host order words) or 32 hex digits (IPv6, four
// host-order words): as printed by net/ipv4/tcp_ipv4.c, get_tcp4_sock.
std::string endpoint(const std::string& hex) {
  size_t colon = hex.find(':');
  if (colon == std::string::npos) return hex;
  std::string addr = hex.substr(0, colon);
  unsigned port = static_cast<unsigned>(strtoul(hex.c_str() + colon + 1, nullptr, 16));
  char text[INET6_ADDRSTRLEN] = "?";
  if (addr.size() == 8) {
    uint32_t a = static_cast<uint32_t>(strtoul(addr.c_str(), nullptr, 16));
    inet_ntop(AF_INET, &a, text, sizeof text);
    return std::string(text) + ":" + std::to_string(port);
  }
  if (addr.size() == 32) {
    uint32_t w[4];
    for (int i = 0; i < 4; ++i) w[i] = static_cast<uint32_t>(strtoul(addr.substr(i * 8, 8).c_str(), nullptr, 16));
    inet_ntop(AF_INET6, w, text, sizeof text);
    return "[" + std::string(text) + "]:" + std::to_string(port);
  }
  return hex;
}

void read_inet(pid_t pid, const char* proto, std::vector<NetSocket>& out) {
  std::string text;
  if (read_text("/proc/" + std::to_string(pid) + "/net/" + proto, text)) return;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    char local[64], remote[64];
    unsigned state = 0;
    unsigned long tx = 0, rx = 0, inode = 0;
    // sl local rem st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
    if (sscanf(line.c_str(), " %*d: %63s %63s %x %lx:%lx %*x:%*x %*x %*u %*d %lu", local, remote, &state, &tx, &rx,
               &inode) != 6)
      continue;
    NetSocket s;
    s.proto = proto;
    s.local = endpoint(local);
    s.remote = endpoint(remote);
    s.state = static_cast<int>(state);
    s.inode = inode;
    s.tx_queue = static_cast<uint32_t>(tx);
    s.rx_queue = static_cast<uint32_t>(rx);
    out.push_back(std::move(s));
  }
}

// "Num RefCount Protocol Flags Type St Inode Path" (net/unix/af_unix.c).
void read_unix(pid_t pid, std::vector<NetSocket>& out) {
  std::string text;
  if (read_text("/proc/" + std::to_string(pid) + "/net/unix", text)) return;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    unsigned long inode = 0;
    unsigned st = 0;
    int used = 0;
    if (sscanf(line.c_str(), "%*s %*x %*x %*x %*x %x %lu%n", &st, &inode, &used) != 2) continue;
    NetSocket s;
    s.proto = "unix";
    s.state = static_cast<int>(st);
    s.inode = inode;
    std::string path = line.substr(static_cast<size_t>(used));
    while (!path.empty() && path.front() == ' ') path.erase(0, 1);
    s.local = path;
    out.push_back(std::move(s));
  }
}

}  // namespace

std::vector<NetSocket> read_net_tables(pid_t pid) {
  std::vector<NetSocket> out;
  for (const char* p : {"tcp", "tcp6", "udp", "udp6"}) read_inet(pid, p, out);
  read_unix(pid, out);
  return out;
}

const NetSocket* socket_by_inode(const std::vector<NetSocket>& table, uint64_t inode) {
  for (const NetSocket& s : table)
    if (s.inode == inode) return &s;
  return nullptr;
}

const NetSocket* tcp_peer(const std::vector<NetSocket>& table, const NetSocket& s) {
  if (!s.proto.starts_with("tcp") || s.remote.empty()) return nullptr;
  for (const NetSocket& o : table)
    if (&o != &s && o.proto.starts_with("tcp") && o.local == s.remote && o.remote == s.local) return &o;
  return nullptr;
}

const NetSocket* tcp_listener(const std::vector<NetSocket>& table, const NetSocket& s) {
  constexpr int kListen = 10;
  size_t colon = s.remote.rfind(':');
  if (!s.proto.starts_with("tcp") || colon == std::string::npos) return nullptr;
  const std::string port = s.remote.substr(colon);
  for (const NetSocket& o : table) {
    if (o.state != kListen || !o.proto.starts_with("tcp")) continue;
    size_t oc = o.local.rfind(':');
    if (oc == std::string::npos || o.local.substr(oc) != port) continue;
    const std::string addr = o.local.substr(0, oc);
    if (o.local == s.remote || addr == "0.0.0.0" || addr == "[::]") return &o;
  }
  return nullptr;
}

const char* tcp_state_name(int state) {
  static constexpr const char* kNames[] = {"?",         "ESTABLISHED", "SYN_SENT",  "SYN_RECV", "FIN_WAIT1",
                                           "FIN_WAIT2", "TIME_WAIT",   "CLOSE",     "CLOSE_WAIT", "LAST_ACK",
                                           "LISTEN",    "CLOSING",     "NEW_SYN_RECV"};
  return state >= 0 && state < 13 ? kNames[state] : "?";
}

}  // namespace sct
