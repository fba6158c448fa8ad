// The kernel's socket tables as a process's network namespace shows them:
// /proc/PID/net/{tcp,tcp6,udp,udp6,unix}. They give a socket's endpoints by
// inode; the peer of a TCP connection on this host is the row with the two
// endpoints swapped. (A UNIX socket's peer is not in these tables: that
// takes a NETLINK_SOCK_DIAG query, UNIX_DIAG_PEER.)
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sct {

struct NetSocket {
  std::string proto;   // "tcp", "tcp6", "udp", "udp6", "unix"
  std::string local;   // "127.0.0.1:8080", "[::1]:22"; a UNIX socket's path
  std::string remote;  // "" when unconnected
  int state = 0;       // TCP_ESTABLISHED (1), TCP_LISTEN (10), ...
  uint64_t inode = 0;
  uint32_t rx_queue = 0, tx_queue = 0;  // bytes waiting (TCP, UDP)
};

// Every socket of process `pid`'s network namespace.
std::vector<NetSocket> read_net_tables(pid_t pid);
// The row of socket `inode`.
const NetSocket* socket_by_inode(const std::vector<NetSocket>& table, uint64_t inode);
// The other end of a TCP connection on this host: local and remote swapped
// (`s` itself excluded); null when the peer is elsewhere.
const NetSocket* tcp_peer(const std::vector<NetSocket>& table, const NetSocket& s);
// The listening socket that accepted it: a TCP_LISTEN row on the remote port
// (the connection may still wait in its accept queue, owned by no descriptor).
const NetSocket* tcp_listener(const std::vector<NetSocket>& table, const NetSocket& s);
// "ESTABLISHED", "LISTEN", ... (include/net/tcp_states.h).
const char* tcp_state_name(int state);

}  // namespace sct
