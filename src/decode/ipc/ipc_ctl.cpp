// shmctl, semctl, msgctl: a command, and a buffer whose meaning the command
// gives (a struct *id_ds read at exit or shown at entry, the limits of
// IPC_INFO, semctl's value or array address).
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#include <climits>
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {

constexpr unsigned kIpc64 = 0x100;  // IPC_64 (<linux/ipc.h>): the 64-bit structs

constexpr XlatEntry kShmCmds[] = {
    XLAT(IPC_RMID), XLAT(IPC_SET), XLAT(IPC_STAT), XLAT(IPC_INFO), XLAT(SHM_LOCK),
    XLAT(SHM_UNLOCK), XLAT(SHM_STAT), XLAT(SHM_INFO), XLAT(SHM_STAT_ANY)};
constexpr XlatEntry kSemCmds[] = {
    XLAT(IPC_RMID), XLAT(IPC_SET), XLAT(IPC_STAT), XLAT(IPC_INFO), XLAT(GETPID),
    XLAT(GETVAL), XLAT(GETALL), XLAT(GETNCNT), XLAT(GETZCNT), XLAT(SETVAL),
    XLAT(SETALL), XLAT(SEM_STAT), XLAT(SEM_INFO), XLAT(SEM_STAT_ANY)};
constexpr XlatEntry kMsgCmds[] = {
    XLAT(IPC_RMID), XLAT(IPC_SET), XLAT(IPC_STAT), XLAT(IPC_INFO), XLAT(MSG_STAT),
    XLAT(MSG_INFO), XLAT(MSG_STAT_ANY)};

// IPC_64|IPC_STAT: the version flag, then the command (an int to the kernel).
Value ipc_cmd(Xlat t, unsigned cmd, const char* unknown) {
  if (!(cmd & kIpc64)) return xlat_value(t, cmd, unknown);
  // An unknown command keeps its comment after the flag: IPC_64|0x63 /* SHM_??? */.
  const char* n = xlat_name(t, cmd & ~kIpc64);
  Flags f;
  f.set = t.name;
  f.raw = cmd;
  f.names = {"IPC_64", n ? std::string(n) : fmt::format("{:#x} /* {} */", cmd & ~kIpc64, unknown)};
  // -X raw and verbose: the flag and the command as two numbers.
  f.parts = {Sym{"IPC_64", "Ipc64", kIpc64, NumBase::Hex}, xlat_value(t, cmd & ~kIpc64, unknown)};
  return f;
}

Value uid_value(unsigned u) { return u == UINT_MAX ? Value(Int{-1}) : Value(Uint{u}); }

// {uid=0, gid=0, mode=0600, key=..., cuid=0, cgid=0}; IPC_SET shows only
// what the call changes.
Value perm_value(const ipc_perm& p, bool set) {
  Struct s;
  s.fields.push_back({"uid", uid_value(p.uid)});
  s.fields.push_back({"gid", uid_value(p.gid)});
  s.fields.push_back({"mode", Oct{p.mode}});
  if (set) return s;
  s.fields.push_back({"key", Uint{static_cast<unsigned>(p.__key)}});
  s.fields.push_back({"cuid", uid_value(p.cuid)});
  s.fields.push_back({"cgid", uid_value(p.cgid)});
  return s;
}

Value shmid_ds_value(Call& c, uint64_t addr, bool set) {
  auto d = c.read<shmid_ds>(addr);
  if (!d) return c.ptr(addr);
  Struct s;
  s.fields.push_back({"shm_perm", perm_value(d->shm_perm, set)});
  if (set) return s;
  s.fields.push_back({"shm_segsz", Uint{d->shm_segsz}});
  s.fields.push_back({"shm_cpid", Int{d->shm_cpid}});
  s.fields.push_back({"shm_lpid", Int{d->shm_lpid}});
  s.fields.push_back({"shm_nattch", Uint{d->shm_nattch}});
  // Seconds, without the date strace adds to other times.
  s.fields.push_back({"shm_atime", Int{d->shm_atime}});
  s.fields.push_back({"shm_dtime", Int{d->shm_dtime}});
  s.fields.push_back({"shm_ctime", Int{d->shm_ctime}});
  return s;
}

Value semid_ds_value(Call& c, uint64_t addr, bool set) {
  auto d = c.read<semid_ds>(addr);
  if (!d) return c.ptr(addr);
  Struct s;
  s.fields.push_back({"sem_perm", perm_value(d->sem_perm, set)});
  if (set) return s;
  s.fields.push_back({"sem_otime", Int{d->sem_otime}});
  s.fields.push_back({"sem_ctime", Int{d->sem_ctime}});
  s.fields.push_back({"sem_nsems", Uint{d->sem_nsems}});
  return s;
}

Value msqid_ds_value(Call& c, uint64_t addr, bool set) {
  auto d = c.read<msqid_ds>(addr);
  if (!d) return c.ptr(addr);
  Struct s;
  s.fields.push_back({"msg_perm", perm_value(d->msg_perm, set)});
  if (!set) {
    s.fields.push_back({"msg_stime", Int{d->msg_stime}});
    s.fields.push_back({"msg_rtime", Int{d->msg_rtime}});
    s.fields.push_back({"msg_ctime", Int{d->msg_ctime}});
    s.fields.push_back({"msg_qnum", Uint{d->msg_qnum}});
  }
  s.fields.push_back({"msg_qbytes", Uint{d->msg_qbytes}});
  if (set) return s;
  s.fields.push_back({"msg_lspid", Int{d->msg_lspid}});
  s.fields.push_back({"msg_lrpid", Int{d->msg_lrpid}});
  return s;
}

Value shminfo_value(Call& c, uint64_t addr) {
  auto d = c.read<shminfo>(addr);
  if (!d) return c.ptr(addr);
  return Struct{{{"shmmax", Uint{d->shmmax}},
                 {"shmmin", Uint{d->shmmin}},
                 {"shmmni", Uint{d->shmmni}},
                 {"shmseg", Uint{d->shmseg}},
                 {"shmall", Uint{d->shmall}}}};
}

Value shm_info_value(Call& c, uint64_t addr) {
  auto d = c.read<shm_info>(addr);
  if (!d) return c.ptr(addr);
  return Struct{{{"used_ids", Int{d->used_ids}},
                 {"shm_tot", Uint{d->shm_tot}},
                 {"shm_rss", Uint{d->shm_rss}},
                 {"shm_swp", Uint{d->shm_swp}},
                 {"swap_attempts", Uint{d->swap_attempts}},
                 {"swap_successes", Uint{d->swap_successes}}}};
}

Value seminfo_value(Call& c, uint64_t addr) {
  auto d = c.read<seminfo>(addr);
  if (!d) return c.ptr(addr);
  return Struct{{{"semmap", Int{d->semmap}},
                 {"semmni", Int{d->semmni}},
                 {"semmns", Int{d->semmns}},
                 {"semmnu", Int{d->semmnu}},
                 {"semmsl", Int{d->semmsl}},
                 {"semopm", Int{d->semopm}},
                 {"semume", Int{d->semume}},
                 {"semusz", Int{d->semusz}},
                 {"semvmx", Int{d->semvmx}},
                 {"semaem", Int{d->semaem}}}};
}

Value msginfo_value(Call& c, uint64_t addr) {
  auto d = c.read<msginfo>(addr);
  if (!d) return c.ptr(addr);
  return Struct{{{"msgpool", Int{d->msgpool}},
                 {"msgmap", Int{d->msgmap}},
                 {"msgmax", Int{d->msgmax}},
                 {"msgmnb", Int{d->msgmnb}},
                 {"msgmni", Int{d->msgmni}},
                 {"msgssz", Int{d->msgssz}},
                 {"msgtql", Int{d->msgtql}},
                 {"msgseg", Uint{d->msgseg}}}};
}

// The commands of one family whose buffer the kernel fills: IPC_STAT and
// IPC_INFO, the family's *_STAT, *_INFO and *_STAT_ANY (their numbers
// differ between families: 13 is SHM_STAT, GETALL and MSG_STAT_ANY).
struct Fills {
  int stat, info, stat_any;
  bool operator()(int cmd) const {
    return cmd == IPC_STAT || cmd == IPC_INFO || cmd == stat || cmd == info || cmd == stat_any;
  }
};
constexpr Fills kShmFills{SHM_STAT, SHM_INFO, SHM_STAT_ANY};
constexpr Fills kSemFills{SEM_STAT, SEM_INFO, SEM_STAT_ANY};
constexpr Fills kMsgFills{MSG_STAT, MSG_INFO, MSG_STAT_ANY};

// What the buffer of `cmd` shows, at entry (IPC_SET) or exit (the rest);
// a failed call's buffer, and that of a command without one, is its address.
template <class Ds, class Info, class Usage>
Value ipc_buffer(Call& c, Fills fills, int cmd, uint64_t addr, Ds ds, Info info, Usage usage) {
  if (cmd == IPC_SET) return ds(c, addr, true);
  if (!fills(cmd) || c.failed()) return c.ptr(addr);
  if (cmd == IPC_INFO) return info(c, addr);
  if (cmd == fills.info) return usage(c, addr);
  return ds(c, addr, false);
}

}  // namespace

bool decode_shmctl(Call& c) {
  // The IPC_64 flag selects the struct version; a native call without it
  // already uses the 64-bit structs, and the kernel rejects it with it.
  const int cmd = c.iarg(1);
  if (c.entering()) {
    c.push(Int{c.iarg(0)});
    c.push(ipc_cmd(XSET(kShmCmds), c.uarg(1), "SHM_???"));
    if (kShmFills(cmd)) return false;
  }
  c.push(ipc_buffer(c, kShmFills, cmd, c.arg(2), shmid_ds_value, shminfo_value, shm_info_value));
  return true;
}

bool decode_semctl(Call& c) {
  const int cmd = c.iarg(2);
  if (c.entering()) {
    c.push(Int{c.iarg(0)});
    c.push(Int{c.iarg(1)});
    c.push(ipc_cmd(XSET(kSemCmds), c.uarg(2), "SEM_???"));
    if (kSemFills(cmd)) return false;
  }
  // union semun: SETVAL's value; the arrays of GETALL and SETALL are not
  // read (strace 6.1 shows their address).
  if (cmd == SETVAL) {
    c.push(Hex{c.arg(3)});
  } else {
    c.push(ipc_buffer(c, kSemFills, cmd, c.arg(3), semid_ds_value, seminfo_value, seminfo_value));
  }
  return true;
}

bool decode_msgctl(Call& c) {
  const int cmd = c.iarg(1);
  if (c.entering()) {
    c.push(Int{c.iarg(0)});
    c.push(ipc_cmd(XSET(kMsgCmds), c.uarg(1), "MSG_???"));
    if (kMsgFills(cmd)) return false;
  }
  c.push(ipc_buffer(c, kMsgFills, cmd, c.arg(2), msqid_ds_value, msginfo_value, msginfo_value));
  return true;
}

}  // namespace sct
