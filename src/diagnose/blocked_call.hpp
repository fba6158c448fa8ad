// The call a thread is blocked in, decoded by the project's decoders as the
// session decodes any entry: a RawEvent with the thread's registers from
// /proc/TID/syscall and its memory through process_vm_readv.
#pragma once

#include <sys/types.h>

#include <string>

#include "core/call.hpp"
#include "core/decode_options.hpp"
#include "engine/snapshot/thread_snapshot.hpp"

namespace sct {

struct BlockedCall {
  DecodedCall call;  // values decoded at entry
  std::string text;  // as the text sink prints it unfinished: "read(0,  <unfinished ...>"
};

// Decodes the call of a thread in one (t.where == InCall); memory is read
// from process t.tgid.
BlockedCall decode_blocked_call(const ThreadSnapshot& t, const DecodeOptions& opts);

}  // namespace sct
