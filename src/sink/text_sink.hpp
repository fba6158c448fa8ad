// The strace text format: one line per syscall, split into
// "<unfinished ...>" and "<... resumed>" halves when tracees interleave.
#pragma once

#include <sys/types.h>

#include <map>
#include <memory>
#include <string>

#include "cli/options.hpp"
#include "core/event.hpp"
#include "core/output.hpp"

namespace sct {

class TextSink : public Sink {
 public:
  // `main_output` is where lines go; with -ff each pid gets FILE.PID instead.
  TextSink(const Options& opts, Output& main_output);
  void on_event(const Event& e) override;
  void flush() override;
  // Whether any write has failed (a full disk, a closed pipe).
  bool failed() const override;
  // Closes the -ff files; the first failure among them ("FILE.PID: strerror"),
  // empty if none.
  std::string close_files();

 private:
  struct Stream {
    Output* out = nullptr;
    pid_t open_pid = 0;  // whose line is unfinished on this stream, or 0
    size_t col = 0;      // length of that unfinished line
  };
  Stream& stream_for(pid_t pid);
  // Ends another pid's open line with " <unfinished ...>", then starts a
  // line: its pid prefix (unless `with_pid` is false) and time.
  void begin_line(Stream& s, const Event& e, bool with_pid = true);
  void end_call(Stream& s, const Event& e, std::string& line);
  void write_line(Stream& s, std::string_view text);
  // A whole line, coloured when colour is on, with its newline.
  std::string painted(const char* colour, std::string_view text) const;

  const Options& opts_;
  Output& main_;
  Stream main_stream_;
  std::map<pid_t, std::unique_ptr<Output>> per_pid_;
  std::map<pid_t, Stream> per_pid_streams_;
  timespec last_mono_{};
  bool have_last_ = false;
  bool colour_ = false;
};

}  // namespace sct
