// stat, lstat, fstat, newfstatat, statx: the struct is filled by the kernel,
// so it prints at exit; without -v only the mode and size (or device).
#include <fcntl.h>
#include <linux/stat.h>
#include <sys/stat.h>

#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/common.hpp"

namespace sct {

namespace {

bool is_device(uint64_t mode) { return S_ISCHR(mode) || S_ISBLK(mode); }

// Times, devices and counts are shown only with -v (Field::detail).
void push_time(Struct& s, const char* name, const char* nsec_name, int64_t sec, int64_t nsec) {
  s.fields.push_back({name, Time{sec, nsec}, true});
  s.fields.push_back({nsec_name, Int{nsec}, true});
}

Value stat_value(Call& c, uint64_t addr) {
  if (c.failed()) return c.ptr(addr);
  auto st = c.read<struct stat>(addr);
  if (!st) return c.ptr(addr);
  Struct s;
  s.fields.reserve(15);
  const bool dev = is_device(st->st_mode);
  s.fields.push_back({"st_dev", makedev_value(st->st_dev), true});
  s.fields.push_back({"st_ino", Uint{st->st_ino}, true});
  s.fields.push_back({"st_mode", file_mode_value(st->st_mode)});
  s.fields.push_back({"st_nlink", Uint{st->st_nlink}, true});
  s.fields.push_back({"st_uid", Uint{st->st_uid}, true});
  s.fields.push_back({"st_gid", Uint{st->st_gid}, true});
  s.fields.push_back({"st_blksize", Int{st->st_blksize}, true});
  s.fields.push_back({"st_blocks", Int{st->st_blocks}, true});
  if (dev) s.fields.push_back({"st_rdev", makedev_value(st->st_rdev)});
  else s.fields.push_back({"st_size", Int{st->st_size}});
  push_time(s, "st_atime", "st_atime_nsec", st->st_atim.tv_sec, st->st_atim.tv_nsec);
  push_time(s, "st_mtime", "st_mtime_nsec", st->st_mtim.tv_sec, st->st_mtim.tv_nsec);
  push_time(s, "st_ctime", "st_ctime_nsec", st->st_ctim.tv_sec, st->st_ctim.tv_nsec);
  return s;
}

constexpr XlatEntry kStatxSyncTypes[] = {
    XLAT_PAIR(AT_STATX_SYNC_AS_STAT, "AT_STATX_SYNC_AS_STAT"),
    XLAT_PAIR(AT_STATX_FORCE_SYNC, "AT_STATX_FORCE_SYNC"),
    XLAT_PAIR(AT_STATX_DONT_SYNC, "AT_STATX_DONT_SYNC"),
};
constexpr XlatEntry kStatxFlags[] = {
    XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_REMOVEDIR), XLAT(AT_SYMLINK_FOLLOW),
    XLAT(AT_NO_AUTOMOUNT), XLAT(AT_EMPTY_PATH),
};

// The sync type is a two-bit field, named even when it is 0.
Value statx_flags(uint64_t v) {
  Flags f = flags_of(XSET(kStatxFlags), v & ~uint64_t{AT_STATX_SYNC_TYPE});
  const char* sync = xlat_name(kStatxSyncTypes, v & AT_STATX_SYNC_TYPE);
  f.names.insert(f.names.begin(), sync ? sync : "AT_STATX_SYNC_TYPE");
  f.raw = v;
  // -X verbose shows the sync type and the flags as two numbers, as strace
  // does: 0 /* AT_STATX_SYNC_AS_STAT */|0x900 /* AT_SYMLINK_NOFOLLOW|... */.
  const uint64_t rest = v & ~uint64_t{AT_STATX_SYNC_TYPE};
  f.parts = {Sym{sync ? sync : "AT_STATX_SYNC_TYPE", "StatxSyncTypes", static_cast<int64_t>(v & AT_STATX_SYNC_TYPE)}};
  if (rest) f.parts.push_back(flags_of(XSET(kStatxFlags), rest));
  return f;
}
constexpr XlatEntry kStatxMask[] = {
    XLAT_PAIR(STATX_ALL, "STATX_ALL"),
    XLAT_PAIR(STATX_BASIC_STATS, "STATX_BASIC_STATS"),
    XLAT(STATX_TYPE), XLAT(STATX_MODE), XLAT(STATX_NLINK), XLAT(STATX_UID), XLAT(STATX_GID),
    XLAT(STATX_ATIME), XLAT(STATX_MTIME), XLAT(STATX_CTIME), XLAT(STATX_INO), XLAT(STATX_SIZE),
    XLAT(STATX_BLOCKS), XLAT(STATX_BTIME), XLAT_PAIR(0x1000, "STATX_MNT_ID"),
    XLAT_PAIR(0x2000, "STATX_DIOALIGN"),
};
constexpr XlatEntry kStatxAttrs[] = {
    XLAT_PAIR(0x4, "STATX_ATTR_COMPRESSED"), XLAT_PAIR(0x10, "STATX_ATTR_IMMUTABLE"),
    XLAT_PAIR(0x20, "STATX_ATTR_APPEND"), XLAT_PAIR(0x40, "STATX_ATTR_NODUMP"),
    XLAT_PAIR(0x800, "STATX_ATTR_ENCRYPTED"), XLAT_PAIR(0x1000, "STATX_ATTR_AUTOMOUNT"),
    XLAT_PAIR(0x2000, "STATX_ATTR_MOUNT_ROOT"), XLAT_PAIR(0x100000, "STATX_ATTR_VERITY"),
    XLAT_PAIR(0x200000, "STATX_ATTR_DAX"),
};

// The statx mask prints STATX_ALL or STATX_BASIC_STATS when all their bits
// are there, in the argument (what was asked: stat(1) asks STATX_ALL) as in
// stx_mask.
Value statx_mask(uint64_t v) { return flags_of(XSET(kStatxMask), v); }

Value statx_ts(const statx_timestamp& t) {
  return commented(Struct{{{"tv_sec", Int{t.tv_sec}}, {"tv_nsec", Uint{t.tv_nsec}}}},
                   time_comment(t.tv_sec, t.tv_nsec, true));
}

Value statx_value(Call& c, uint64_t addr) {
  if (c.failed()) return c.ptr(addr);
  auto st = c.read<struct statx>(addr);
  if (!st) return c.ptr(addr);
  Struct s;
  const bool v = true;  // a member shown only with -v (Field::detail)
  s.fields.push_back({"stx_mask", statx_mask(st->stx_mask)});
  s.fields.push_back({"stx_blksize", Uint{st->stx_blksize}, v});
  s.fields.push_back({"stx_attributes", flags_of(XSET(kStatxAttrs), st->stx_attributes)});
  s.fields.push_back({"stx_nlink", Uint{st->stx_nlink}, v});
  s.fields.push_back({"stx_uid", Uint{st->stx_uid}, v});
  s.fields.push_back({"stx_gid", Uint{st->stx_gid}, v});
  s.fields.push_back({"stx_mode", file_mode_value(st->stx_mode)});
  s.fields.push_back({"stx_ino", Uint{st->stx_ino}, v});
  s.fields.push_back({"stx_size", Uint{st->stx_size}});
  s.fields.push_back({"stx_blocks", Uint{st->stx_blocks}, v});
  s.fields.push_back({"stx_attributes_mask", flags_of(XSET(kStatxAttrs), st->stx_attributes_mask), v});
  s.fields.push_back({"stx_atime", statx_ts(st->stx_atime), v});
  if (st->stx_mask & STATX_BTIME) s.fields.push_back({"stx_btime", statx_ts(st->stx_btime), v});
  s.fields.push_back({"stx_ctime", statx_ts(st->stx_ctime), v});
  s.fields.push_back({"stx_mtime", statx_ts(st->stx_mtime), v});
  s.fields.push_back({"stx_rdev_major", Uint{st->stx_rdev_major}, v});
  s.fields.push_back({"stx_rdev_minor", Uint{st->stx_rdev_minor}, v});
  s.fields.push_back({"stx_dev_major", Uint{st->stx_dev_major}, v});
  s.fields.push_back({"stx_dev_minor", Uint{st->stx_dev_minor}, v});
  s.fields.push_back({"stx_mnt_id", Hex{st->stx_mnt_id}, v});
  return s;
}

}  // namespace

bool decode_stat(Call& c) {
  if (c.entering()) {
    c.push(c.path(c.arg(0)));
    return false;
  }
  c.push(stat_value(c, c.arg(1)));
  return true;
}

bool decode_lstat(Call& c) { return decode_stat(c); }

bool decode_fstat(Call& c) {
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    return false;
  }
  c.push(stat_value(c, c.arg(1)));
  return true;
}

bool decode_newfstatat(Call& c) {
  if (c.entering()) {
    c.push(c.dirfd(c.iarg(0)));
    c.push(c.path(c.arg(1)));
    return false;
  }
  c.push(stat_value(c, c.arg(2)));
  c.push(flags_of(XSET(kAtFlags), c.uarg(3)));
  return true;
}

bool decode_statx(Call& c) {
  if (c.entering()) {
    c.push(c.dirfd(c.iarg(0)));
    c.push(c.path(c.arg(1)));
    c.push(statx_flags(c.uarg(2)));
    c.push(statx_mask(c.uarg(3)));
    return false;
  }
  c.push(statx_value(c, c.arg(4)));
  return true;
}

}  // namespace sct
