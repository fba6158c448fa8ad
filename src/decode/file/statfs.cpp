// statfs, fstatfs.
#include <linux/magic.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>

#include "core/call.hpp"
#include "core/xlat.hpp"

#include <cstring>

namespace sct {

namespace {

constexpr XlatEntry kFsMagics[] = {
    XLAT(EXT2_SUPER_MAGIC), XLAT(TMPFS_MAGIC), XLAT(PROC_SUPER_MAGIC), XLAT(SYSFS_MAGIC),
    XLAT(BTRFS_SUPER_MAGIC), XLAT(XFS_SUPER_MAGIC), XLAT(CGROUP2_SUPER_MAGIC),
    XLAT(CGROUP_SUPER_MAGIC), XLAT(DEVPTS_SUPER_MAGIC), XLAT(OVERLAYFS_SUPER_MAGIC),
    XLAT(NFS_SUPER_MAGIC), XLAT(SQUASHFS_MAGIC), XLAT(MSDOS_SUPER_MAGIC), XLAT(FUSE_SUPER_MAGIC),
    XLAT(SECURITYFS_MAGIC), XLAT(SELINUX_MAGIC), XLAT(DEBUGFS_MAGIC), XLAT(TRACEFS_MAGIC),
    XLAT(BPF_FS_MAGIC), XLAT(HUGETLBFS_MAGIC), XLAT(PIPEFS_MAGIC),
    XLAT(SOCKFS_MAGIC), XLAT(RAMFS_MAGIC), XLAT(ISOFS_SUPER_MAGIC), XLAT(NSFS_MAGIC),
    XLAT(ANON_INODE_FS_MAGIC), XLAT(EFIVARFS_MAGIC), XLAT(PSTOREFS_MAGIC), XLAT(BINFMTFS_MAGIC),
    XLAT_PAIR(0x1021994, "TMPFS_MAGIC"), XLAT_PAIR(0x65735546, "FUSE_SUPER_MAGIC"),
    XLAT_PAIR(0x1cd1, "DEVPTS_SUPER_MAGIC"),
};
// strace names ST_VALID (the kernel's "f_flags is filled in") before the
// mount flags (df: f_flags=ST_VALID|ST_RDONLY|ST_NOSUID).
constexpr XlatEntry kMountFlags[] = {
    XLAT_PAIR(0x20, "ST_VALID"), XLAT(ST_RDONLY), XLAT(ST_NOSUID), XLAT(ST_NODEV), XLAT(ST_NOEXEC),
    XLAT(ST_SYNCHRONOUS), XLAT(ST_MANDLOCK), XLAT(ST_NOATIME), XLAT(ST_NODIRATIME),
    XLAT(ST_RELATIME), XLAT_PAIR(0x2000000, "ST_NOSYMFOLLOW"),
};

Value statfs_at(Call& c, uint64_t addr) {
  if (c.failed()) return c.ptr(addr);
  auto s = c.read<struct statfs>(addr);
  if (!s) return c.ptr(addr);
  Struct v;
  v.fields.push_back({"f_type", xlat_value(XSET(kFsMagics), static_cast<uint64_t>(s->f_type), nullptr)});
  if (!xlat_name(kFsMagics, static_cast<uint64_t>(s->f_type))) v.fields.back().value = Hex{static_cast<uint64_t>(s->f_type)};
  v.fields.push_back({"f_bsize", Int{s->f_bsize}});
  v.fields.push_back({"f_blocks", Uint{s->f_blocks}});
  v.fields.push_back({"f_bfree", Uint{s->f_bfree}});
  v.fields.push_back({"f_bavail", Uint{s->f_bavail}});
  v.fields.push_back({"f_files", Uint{s->f_files}});
  v.fields.push_back({"f_ffree", Uint{s->f_ffree}});
  int fsid[2];
  static_assert(sizeof s->f_fsid == sizeof fsid);
  memcpy(fsid, &s->f_fsid, sizeof fsid);
  auto hex = [](int x) { return x ? Value(Hex{static_cast<uint32_t>(x)}) : Value(Int{0}); };
  v.fields.push_back({"f_fsid", Struct{{{"val", Array{{hex(fsid[0]), hex(fsid[1])}}}}}});
  v.fields.push_back({"f_namelen", Int{s->f_namelen}});
  v.fields.push_back({"f_frsize", Int{s->f_frsize}});
  v.fields.push_back({"f_flags", flags_of(XSET(kMountFlags), static_cast<uint64_t>(s->f_flags))});
  return v;
}

}  // namespace

bool decode_statfs(Call& c) {
  if (c.entering()) {
    c.push(c.path(c.arg(0)));
    return false;
  }
  c.push(statfs_at(c, c.arg(1)));
  return true;
}

bool decode_fstatfs(Call& c) {
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    return false;
  }
  c.push(statfs_at(c, c.arg(1)));
  return true;
}

}  // namespace sct
