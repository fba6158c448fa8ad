// The vDSO is the kernel's: every process of one kernel maps the same image.
// A traced process gone before its stacks are unwound (eBPF) cannot lend its
// own, so sctrace's stands in for it, at the traced process's address.
#pragma once

namespace sct {

// A descriptor of a file holding sctrace's vDSO image (a memfd, made once),
// or -1 when there is none. The caller dups it to give it away.
int own_vdso_fd();

}  // namespace sct
