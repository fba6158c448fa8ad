/* Shared by sock_capture.bpf.h and the C++ side: -yy's copy of what the
 * kernel knows of a socket, taken when strace would ask sock_diag about it
 * (at entry for the descriptors a call is given, at exit for those it
 * returns), so that what is printed is what held then, not when the record
 * is read. Plain C; the C++ side checks the layout with static_assert. */
#ifndef SCTRACE_EBPF_SOCK_ABI_H
#define SCTRACE_EBPF_SOCK_ABI_H

/* The capture address of a struct sct_sock (a record may hold several,
 * each naming its descriptor): below SCT_AT_MAX, so not tracee memory. */
#define SCT_AT_SOCK 64

#define SCT_SOCK_AT_ENTRY 0
#define SCT_SOCK_AT_EXIT 1
/* Descriptors of a call's arguments copied at entry: no call of the table
 * takes more than two (sendfile, splice, dup2...). */
#define SCT_SOCK_ENTRY_MAX 2
#define SCT_SOCK_NAME_MAX 108 /* sizeof(((struct sockaddr_un*)0)->sun_path) */
#define SCT_SOCK_PROTO_MAX 32 /* sizeof(((struct proto*)0)->name) */

/* Per syscall: which descriptors to copy sockets of. */
struct sct_sock_plan {
  unsigned char entry_fds; /* bit i: argument i is a descriptor, printed at entry */
  unsigned char ret_fd;    /* the return value is a new descriptor */
  unsigned char pair_arg;  /* 1 + the argument of an int[2] of new descriptors
                              the call writes (socketpair), 0: none */
  unsigned char pad;
};

struct sct_sock {
  unsigned long long ino;   /* the socket's inode: "socket:[ino]" */
  unsigned long long netns; /* the inode of its network namespace */
  int fd;
  unsigned char phase;      /* SCT_SOCK_AT_ENTRY, SCT_SOCK_AT_EXIT */
  unsigned char hashed;     /* in its protocol's lookup table (sk_node linked) */
  unsigned char state;      /* sk_state: TCP_* */
  unsigned char flags;      /* SCT_SOCKF_* */
  /* A copy with SCT_SOCKF_KNOWN ends here (SCT_SOCK_SHORT bytes). */
  unsigned short family;    /* sk_family; 0: the file had no sock */
  unsigned short protocol;  /* sk_protocol: NETLINK_ROUTE... */
  unsigned short num;       /* the local port, host order; 0: not bound */
  unsigned short sport;     /* inet_sport, network order */
  unsigned short dport;     /* network order */
  unsigned short name_len;  /* AF_UNIX: bytes of sun_path it is bound to;
                               0: no address */
  unsigned int src[4];      /* the bound address (IPv4: src[0]) */
  unsigned int dst[4];      /* the peer's */
  unsigned int peer_ino;    /* AF_UNIX: the peer socket's inode, 0: none */
  unsigned int portid;      /* AF_NETLINK */
  char proto[SCT_SOCK_PROTO_MAX]; /* its file's name: system.sockprotoname */
  /* AF_UNIX: sun_path, name_len bytes; the copy ends after them (rounded
   * up to 8). */
  char name[SCT_SOCK_NAME_MAX];
};

#define SCT_SOCKF_NL_LISTED 1 /* netlink: bound to a port id or to groups */
/* A copy of this inode sent before told all that sock_diag would say of it
 * (strace keeps that first answer): only the head up to here is sent. */
#define SCT_SOCKF_KNOWN 2
#define SCT_SOCK_SHORT 24
#define SCT_SOCK_HEAD 108 /* the bytes before name */

#endif
