#include "cli/configs.hpp"

namespace sct {

EngineConfig engine_config(const Options& o) {
  EngineConfig c;
  c.command = o.command;
  c.env = o.env;
  c.setup.argv0 = o.argv0;
  c.setup.switch_user = o.user_given;
  c.setup.user_name = o.user_name;
  c.setup.uid = o.user_uid;
  c.setup.gid = o.user_gid;
  c.daemonize = o.daemonize;
  c.detach_on_execve = o.detach_on_execve;
  c.kill_on_exit = o.kill_on_exit;
  c.attach = o.attach;
  c.follow_forks = o.follow_forks;
  c.quiet_mask = o.quiet_mask;
  c.announce_new_tasks = o.follow_forks && o.output.empty() && !(o.quiet_mask & kQuietAttach);
  c.announce_task_changes = o.output.empty() && !(o.quiet_mask & kQuietAttach);
  c.decode = o.decode;
  c.filter = o.filter;
  c.seccomp = o.seccomp;
  c.ring_buffer_kib = o.ring_buffer_kib;
  // Two clock reads per call are a good part of an eBPF call's cost: only
  // when an output shows or sums times.
  c.need_time = o.stamps.any() || o.summary || !o.json.empty() ||
                !o.perfetto.empty();
  // -k stack traces: -c prints no lines to hang them on.
  c.stack_trace = o.stack_trace > 0 && o.summary != 1;
  c.stack_source_lines = o.stack_trace > 1;
  c.stack_frame_limit = o.stack_frame_limit;
  c.stack_capture_bytes = o.stack_capture_bytes;
  return c;
}

TextConfig text_config(const Options& o) {
  TextConfig c;
  c.attach = o.attach;
  c.follow_forks = o.follow_forks;
  c.output = o.output;
  c.append = o.append;
  c.quiet_mask = o.quiet_mask;
  c.stamps = o.stamps;
  c.always_show_pid = o.always_show_pid;
  c.align = o.align;
  c.decode = o.decode;
  c.filter = o.filter;
  c.color = o.color;
  c.syscall_number = o.syscall_number;
  c.instruction_pointer = o.instruction_pointer;
  return c;
}

SummaryConfig summary_config(const Options& o) {
  SummaryConfig c;
  c.sort_by = o.sort_by;
  c.columns = o.columns;
  c.summary_wall = o.summary_wall;
  c.overhead_ns = o.summary_overhead_ns;
  return c;
}

JsonConfig json_config(const Options& o, bool ebpf) {
  JsonConfig c;
  c.command = o.command;
  c.attach = o.attach;
  c.ebpf = ebpf;
  c.summary = o.summary;
  c.summary_wall = o.summary_wall;
  c.filter = o.filter;
  return c;
}

bool ebpf_counts_only(const Options& o) {
  // -P, -e status= and --perfetto need each call: the streamed trace gives them.
  // -O takes the overhead off each call, down to zero: totals cannot.
  return o.summary == 1 && o.perfetto.empty() && o.filter.paths.empty() && o.filter.status == kStatusAll &&
         !o.summary_overhead_ns;
}

}  // namespace sct
