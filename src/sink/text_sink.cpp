#include "sink/text_sink.hpp"

#include <ctime>
#include <fmt/format.h>

#include "core/text_render.hpp"
#include "core/xlat.hpp"
#include "filter/call_options.hpp"
#include "sink/data_dump_text.hpp"
#include "sink/stack_text.hpp"
#include "sink/text_colour.hpp"
#include "sink/text_format.hpp"

namespace sct {

TextSink::TextSink(TextConfig cfg, Output& main_output) : opts_(std::move(cfg)), main_(main_output) {
  main_stream_.out = &main_;
  vary_ = options_vary(opts_.filter);
  // -ff writes files: they are coloured only when asked.
  colour_ = use_colour(opts_.color, opts_.follow_forks < 2 && main_.terminal());
}

TextSink::Stream& TextSink::stream_for(pid_t pid) {
  if (opts_.follow_forks < 2) return main_stream_;
  auto& s = per_pid_streams_[pid];
  if (!s.out) {
    auto out = std::make_unique<Output>();
    // An unwritable FILE.PID leaves its lines on the main output.
    if (out->open(fmt::format("{}.{}", opts_.output, pid), opts_.append).empty()) {
      s.out = out.get();
      per_pid_[pid] = std::move(out);
    } else {
      s.out = &main_;
    }
  }
  return s;
}

void TextSink::write_line(Stream& s, std::string_view text) {
  s.out->write(text);
  if (s.out->interactive() && !text.empty() && text.back() == '\n') s.out->flush();
}

void TextSink::begin_line(Stream& s, const Event& e, bool with_pid) {
  if (s.open_pid) {
    write_line(s, " <unfinished ...>\n");
    s.open_pid = 0;
  }
  std::string p;
  bool separate = opts_.follow_forks == 2;
  if (!separate && with_pid) {
    if (!opts_.output.empty() && (opts_.follow_forks || opts_.attach.size() > 1 || opts_.always_show_pid))
      // Most lines have no -Y name: one format, no temporary string.
      p = e.comm.empty() ? fmt::format("{:<5} ", e.pid) : fmt::format("{:<5} ", fmt::format("{}<{}>", e.pid, e.comm));
    else if (opts_.output.empty() && (e.live_tracees > 1 || opts_.always_show_pid))
      p = e.comm.empty() ? fmt::format("[pid {:5}] ", e.pid) : fmt::format("[pid {:5}<{}>] ", e.pid, e.comm);
  }
  if (opts_.stamps.any()) {
    int64_t since = 0;
    if (have_last_)
      since = (e.mono.tv_sec - last_mono_.tv_sec) * 1000000000LL + (e.mono.tv_nsec - last_mono_.tv_nsec);
    last_mono_ = e.mono;
    have_last_ = true;
    p += line_stamp(opts_.stamps, e.wall, since);
  }
  // -n, then -i, after the time, as strace orders them.
  if (opts_.syscall_number) fmt::format_to(std::back_inserter(p), "[{:4}] ", e.last_nr);
  if (opts_.instruction_pointer) {
    if (e.ip_known) fmt::format_to(std::back_inserter(p), "[{:016x}] ", e.ip);
    else p += "[????????????????] ";
  }
  write_line(s, p);
  s.col = p.size();
}

const DecodeOptions& TextSink::options_for(const DecodedCall& d) {
  return call_options(opts_.decode, opts_.filter, vary_, d.nr, scratch_);
}

void TextSink::end_call(Stream& s, const Event& e, std::string& line) {
  const DecodedCall& d = *e.call;
  size_t col = s.col + line.size();
  if (col < static_cast<size_t>(opts_.align)) line.append(opts_.align - col, ' ');
  else line += ' ';
  if (colour_) line = colour_call(line, call_name(d));
  line += "= ";
  if (e.kind == Event::Kind::SyscallNoReturn) line += '?';
  else if (colour_ && call_failed(d)) line += paint(colour::kError, call_ret_text(d, options_for(d)));
  else line += call_ret_text(d, options_for(d));
  if (e.kind == Event::Kind::SyscallExit) line += tamper_marks(d);
  if (opts_.stamps.durations && e.kind == Event::Kind::SyscallExit)
    line += duration_stamp(e.duration_ns, opts_.stamps.duration_digits);
  line += '\n';
  write_line(s, line);
  s.open_pid = 0;
  s.col = 0;
  write_stack(s, e.stack, e.stack_at_entry);
}

void TextSink::write_stack(Stream& s, const UserStack* stack, bool at_entry) {
  if (!stack) return;
  std::string text;
  for (const StackFrame& f : *stack) {
    text += " > ";
    append_frame_text(text, f, at_entry);
    text += '\n';
  }
  write_line(s, text);
}

void TextSink::on_event(const Event& e) {
  using K = Event::Kind;
  Stream& s = stream_for(e.pid);
  switch (e.kind) {
    case K::SyscallEntry: {
      // Filtering on the outcome: the line is written whole, at exit.
      if (!e.shown) break;
      begin_line(s, e);
      std::string t = call_entry_text(*e.call, options_for(*e.call));
      s.col += t.size();
      write_line(s, colour_ ? colour_call(t, call_name(*e.call)) : t);
      s.open_pid = e.pid;
      break;
    }
    case K::SyscallExit:
    case K::SyscallNoReturn: {
      const DecodedCall& d = *e.call;
      std::string line;
      if (!e.shown) break;
      if (!e.entry_shown) {
        begin_line(s, e);
        line = call_entry_text(d, options_for(d));
      } else if (s.open_pid != e.pid) {
        begin_line(s, e);
        line = fmt::format("<... {} resumed>", call_name(d));
      }
      line += call_exit_text(d, options_for(d));
      end_call(s, e, line);
      if (!d.data.empty() && e.kind == K::SyscallExit) {
        std::string dump;
        for (const DataChunk& c : d.data) append_data_dump(dump, c);
        write_line(s, dump);
      }
      break;
    }
    case K::Signal: {
      if (!e.shown) break;
      begin_line(s, e);
      std::string t = "--- " + signal_name(e.sig) + " ";
      render_value(t, e.siginfo, opts_.decode);
      t += " ---";
      write_line(s, (colour_ ? paint(colour::kSignal, t) : t) + "\n");
      write_stack(s, e.stack, e.stack_at_entry);
      break;
    }
    case K::GroupStop:
      begin_line(s, e);
      write_line(s, painted(colour::kSignal, "--- stopped by " + signal_name(e.sig) + " ---"));
      break;
    case K::Exited:
      if (opts_.quiet_mask & kQuietExit) break;
      begin_line(s, e);
      write_line(s, painted(colour::kExit, fmt::format("+++ exited with {} +++", e.status)));
      write_stack(s, e.stack, e.stack_at_entry);
      break;
    case K::Killed:
      if (opts_.quiet_mask & kQuietExit) break;
      begin_line(s, e);
      write_line(s, painted(colour::kError, fmt::format("+++ killed by {}{} +++", signal_name(e.sig),
                                                        e.core_dumped ? " (core dumped)" : "")));
      break;
    case K::Superseded:
      if (opts_.quiet_mask & kQuietThreadExecve) break;
      begin_line(s, e);
      write_line(s, fmt::format("+++ superseded by execve in pid {} +++\n", e.new_pid));
      break;
    case K::Detached:
      // A call in progress when tracing stops.
      if (s.open_pid == e.pid) {
        write_line(s, " <detached ...>\n");
        s.open_pid = 0;
      }
      break;
    case K::Lost:
      // Not a strace line, and of no one thread: records of any thread may
      // be missing here (the eBPF engine's ring buffer was full). No pid
      // prefix, and no strace line starts with "--- lost".
      begin_line(s, e, false);
      write_line(s, painted(colour::kError, fmt::format("--- lost {} event{} ---", e.lost, e.lost == 1 ? "" : "s")));
      break;
    case K::Attached:
      break;  // a message on stderr, printed by the engine
    case K::Counts:
      break;  // the summary's
  }
}

std::string TextSink::painted(const char* colour, std::string_view text) const {
  return (colour_ ? paint(colour, text) : std::string(text)) + "\n";
}

void TextSink::flush() {
  main_.flush();
  for (auto& [pid, out] : per_pid_) out->flush();
}

std::string TextSink::close_files() {
  std::string first;
  for (auto& [pid, out] : per_pid_)
    if (std::string e = out->close(); first.empty()) first = std::move(e);
  return first;
}

bool TextSink::failed() const {
  if (main_.failed()) return true;
  for (auto& [pid, out] : per_pid_)
    if (out->failed()) return true;
  return false;
}

}  // namespace sct
