/* Shared by stream.bpf.c and the C++ side: the records of the full trace
 * and the capture plan that says which tracee memory each record carries.
 * Plain C; the C++ side checks the layout with static_assert. */
#ifndef SCTRACE_EBPF_STREAM_ABI_H
#define SCTRACE_EBPF_STREAM_ABI_H

#define SCT_STREAM_MAX_SYSCALL 1024
#define SCT_PLAN_OTHER SCT_STREAM_MAX_SYSCALL /* the plan of numbers beyond */

/* What to copy for one argument, at entry or at exit. */
enum sct_capture {
  SCT_CAP_NONE = 0,
  SCT_CAP_STR,      /* NUL-terminated string, up to str_cap bytes */
  SCT_CAP_BUF_IN,   /* the next argument is its length; up to buf_cap bytes */
  SCT_CAP_BUF_RET,  /* the return value is its length; up to buf_cap bytes */
  SCT_CAP_WINDOW,   /* a struct of a size the table does not give: a window */
  SCT_CAP_ARGV,     /* a NULL-terminated array of strings (argv) */
  SCT_CAP_ENVP,     /* a NULL-terminated array, counted, and its first
                       SCT_ARGV_MAX strings (envp) */
  SCT_CAP_IOV_IN,   /* an iovec array, the next argument its count, and the
                       data of each iovec, up to buf_cap bytes */
  SCT_CAP_IOV_RET,  /* the same, the data up to the return value in all */
  SCT_CAP_EPOLL_RET, /* struct epoll_event[return value], up to SCT_EPOLL_MAX */
  SCT_CAP_MSG_IN,   /* a struct msghdr, its msg_name (up to SCT_MSG_NAME_MAX),
                       its control buffer (up to SCT_CONTROL_MAX), its iovec
                       array and their data as SCT_CAP_IOV_IN */
  SCT_CAP_MSG_RET,  /* the same, the iovec data as SCT_CAP_IOV_RET */
  SCT_CAP_SIZED,    /* a struct of the plan's size for the argument */
  SCT_CAP_ARRAY,    /* structs of the plan's size, as many as the argument
                       or return value the plan's count names */
  SCT_CAP_MMSG_IN,  /* struct mmsghdr[next argument], up to SCT_MMSG_MAX, each
                       message as SCT_CAP_MSG_IN (sendmmsg) */
  SCT_CAP_MMSG_RET, /* struct mmsghdr[return value], up to SCT_MMSG_MAX, each
                       message's data up to its msg_len (recvmmsg) */
  SCT_CAP_MMSG_HDRS, /* struct mmsghdr[next argument], up to SCT_MMSG_MAX, the
                       array alone (recvmmsg's msg_namelen at entry) */
  SCT_CAP_DIRENTS_RET, /* getdents' buffer: the return value's bytes, up to
                          SCT_DIRENTS_CAP, and the count of all its entries
                          (struct sct_dirents at SCT_AT_DIRENTS; dirents.bpf.h) */
};

/* Per syscall: the capture for each argument at entry and at exit. */
struct sct_plan {
  unsigned char entry[6];
  unsigned char exit[6];
  unsigned char traced;   /* the filter wants this syscall (or the fd table does) */
  unsigned char ret_fd;   /* it returns a descriptor: its path at exit (-y, -P) */
  unsigned char cwd;      /* it has a directory-fd argument: the cwd at entry (-y) */
  unsigned char stack;    /* its decoder reads the stack (a signal frame) */
  unsigned char entry_n;  /* arguments up to the last with an entry capture */
  unsigned char exit_n;   /* the same at exit */
  /* What it copies at entry is unchanged at exit (strings, input buffers):
   * a lone traced thread sends one SCT_REC_CALL at exit, or its entry
   * record when it leaves the CPU inside the call. */
  unsigned char defer;
  /* -k: the user stack is copied at exit too (a call that execs, in the
   * program it starts; rt_sigreturn, where it returns to). */
  unsigned char user_stack_at_exit;
  /* -k: it maps memory (the role RMaps): the file mapping it made is sent
   * (SCT_REC_MAPPING) even when the call itself is not traced. */
  unsigned char maps;
  /* -y: 1 + the argument of an int[2] of new descriptors (RFdPair): what
   * they are is sent at exit (SCT_AT_FD_PAIR); 0: none. */
  unsigned char fd_pair;
  /* SCT_CAP_SIZED: the struct's size (structs.def); 8 so that an index
   * masked with 7 stays inside for the verifier. */
  unsigned short size[8];
  /* SCT_CAP_ARRAY: the argument (0-5) holding the count, 6: the return value */
  unsigned char count[8];
};

enum sct_record_type {
  SCT_REC_ENTER = 1,
  SCT_REC_EXIT,
  SCT_REC_FORK,   /* arg0: the child's tid, arg1: its tgid */
  SCT_REC_EXEC,   /* arg0: the pid it had before (a thread that ran execve) */
  SCT_REC_TASK_EXIT, /* arg0: the wait status; arg1: 1 when another thread's
                        execve ended it (de_thread) */
  SCT_REC_SIGNAL, /* arg0: the signal; a capture holds the siginfo */
  SCT_REC_CALL,   /* a whole call: entry and exit captures; ns is the entry */
  /* -k: a file mapping of the process as the kernel holds it, sent when a
   * call maps memory and, for all of them, at exec: arg0-1 its start and
   * end, arg2 the file offset, arg3 the device (major << 20 | minor), arg4
   * the inode, arg5 the vm flags; the file's path at SCT_AT_MAP_PATH. The
   * stacks of a process gone before its records are read are unwound with
   * these, not with /proc/PID/maps. */
  SCT_REC_MAPPING,
};

/* Every record starts with this; `size` covers the captures after it. */
struct sct_record {
  unsigned int size;
  unsigned short type;
  unsigned short ncaptures;
  int tid;
  int tgid;
  unsigned long long ns;    /* CLOCK_MONOTONIC */
  unsigned long long lost;  /* records this CPU dropped just before this one */
  long long nr;
  long long ret;
  unsigned long long args[6];
  unsigned long long sp;
  unsigned long long end_ns; /* SCT_REC_CALL: when it returned */
  /* The user instruction pointer at entry, or where a signal found the
   * thread (SCT_REC_SIGNAL, with nr its orig_ax): -i. */
  unsigned long long ip;
};

/* Per CPU: records dropped since the last that got through, and when the
 * reader was last woken. */
struct sct_cpu_state {
  unsigned long long lost;
  unsigned int since_check;
  unsigned int above; /* the unread data was past the wake-up mark */
};

/* The inode of the descriptor a call returned, as the kernel found it at
 * exit: sockets and pipes are named by it, and it tells whether what /proc
 * shows for that descriptor later is still the same file. */
struct sct_inode {
  unsigned long long ino;
  unsigned int mode;
  unsigned int dev; /* the kernel's encoding: major << 20 | minor */
  unsigned int magic; /* its file system's (ANON_INODE_FS_MAGIC) */
  unsigned int pad;
};

/* A copied region of tracee memory; its bytes follow, padded to 8. */
struct sct_capture_hdr {
  unsigned long long addr;
  unsigned int len;
  unsigned int flags; /* SCT_CAPF_* */
};

/* Captures at these addresses are not tracee memory but what the kernel
 * knew: the siginfo of a signal, the path of the descriptor a call returned,
 * the current directory at entry (-y). */
#define SCT_AT_SIGINFO 0
#define SCT_AT_RET_FD_PATH 1
#define SCT_AT_CWD 2
#define SCT_AT_RET_FD_INODE 3 /* struct sct_inode: for sockets and pipes */
#define SCT_AT_EXEC_PATH 4    /* SCT_REC_EXEC: the path execve was given */
#define SCT_AT_EXEC_ARGV 5    /* SCT_REC_EXEC: its argv strings, one after another */
/* -k: at a call's entry (and a signal's delivery) the user registers an
 * unwind starts from, struct sct_user_regs, and a window of the user stack
 * from sp up (stack_bytes, --stack-capture-size; shorter where the stack's
 * mapping ends first). */
#define SCT_AT_USER_REGS 6
#define SCT_AT_USER_STACK 7
#define SCT_AT_MAP_PATH 8 /* SCT_REC_MAPPING: the mapped file's path */
#define SCT_MAP_VDSO 0x10 /* SCT_REC_MAPPING's arg5: the vDSO (no file, no path) */
/* -y: the descriptors pipe, pipe2 or socketpair made, struct sct_fd_pair:
 * the process may close them before the record is read. */
#define SCT_AT_FD_PAIR 9
/* SCT_REC_EXEC: the environment strings on the new stack, one after
 * another: those past the first SCT_ARGV_MAX that the entry copied. */
#define SCT_AT_EXEC_ENV 10

/* getdents: how many entries the whole result held (struct sct_dirents),
 * counted in the kernel, where the copy may be shorter. */
#define SCT_AT_DIRENTS 32
#define SCT_AT_MAX 4096 /* below this, no capture is tracee memory */

struct sct_fd_pair {
  int fd[2];
  struct sct_inode inode[2]; /* ino 0: no file there */
};

struct sct_dirents {
  unsigned long long addr;  /* the buffer */
  unsigned long long count; /* entries in all the return value's bytes */
};

/* All of them, in x86_64's DWARF numbering (rax rdx rcx rbx rsi rdi rbp rsp
 * r8..r15, then rip): CFI may find a frame through any register (vfork
 * keeps its return address in rdi). */
#define SCT_USER_REGS 17
struct sct_user_regs {
  unsigned long long dwarf[SCT_USER_REGS];
};

#define SCT_CAPF_STR 1       /* read as a string: len includes no NUL */
#define SCT_CAPF_TERMINATED 2 /* the string's NUL was found */

#define SCT_STR_CAP 4096      /* paths: PATH_MAX */
#define SCT_BUF_CAP 32768     /* data buffers: -s is capped at SCT_BUF_CAP - 2 */
#define SCT_WINDOW 512        /* structs the table does not size */
#define SCT_ARGV_MAX 32       /* argv (and envp) strings copied */
#define SCT_PATH_DEPTH 32     /* path components walked in the kernel */
#define SCT_STACK_PAGES 9     /* -k: pages a stack window spans at most (32760 bytes) */
#define SCT_ENVP_MAX 512      /* envp pointers counted */
#define SCT_IOV_MAX 1024      /* iovecs copied: UIO_MAXIOV */
#define SCT_MMSG_MAX 4  /* sendmmsg/recvmmsg: messages copied (docs/ebpf.md) */
#define SCT_MSG_NAME_MAX 128  /* msg_name: sizeof(struct sockaddr_storage) */
#define SCT_CONTROL_MAX 4096  /* msg_control bytes copied */
#define SCT_EPOLL_EVENT 12    /* sizeof(struct epoll_event): packed on x86_64 */
#define SCT_EPOLL_MAX ((SCT_BUF_CAP - 1) / SCT_EPOLL_EVENT) /* events copied: 2730 */
/* getdents' buffer bytes copied: glibc's readdir asks for 32 KiB at a time,
 * so a directory listing is copied whole. */
#define SCT_DIRENTS_CAP SCT_BUF_CAP
#define SCT_DIRENTS_MAX_WALK (1 << 22) /* entries counted: 96 MiB of results */
/* The largest record: captures start in its first SCT_BUF_CAP bytes, and
 * the last may take up to SCT_BUF_CAP more (a page more, for the verifier,
 * where a stack window is copied a page at a time). */
#define SCT_SCRATCH (2 * SCT_BUF_CAP + 4096 + 256)

#endif
