// The strace text format: one line per syscall, split into
// "<unfinished ...>" and "<... resumed>" halves when tracees interleave.
#pragma once

#include <sys/types.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/decode_options.hpp"
#include "core/event.hpp"
#include "core/output.hpp"
#include "filter/filter_options.hpp"
#include "sink/stamps.hpp"
#include "sink/text_colour.hpp"

namespace sct {

// What the text sink needs to know of the command line.
struct TextConfig {
  std::vector<pid_t> attach;    // -p: more than one puts pids on the lines
  int follow_forks = 0;         // -f: 1; -ff: 2 (a file per process)
  std::string output;           // -o
  bool append = false;          // -A
  unsigned quiet_mask = 0;      // kQuiet* bits
  StampOptions stamps;          // -t, -r, -T and their long forms
  bool always_show_pid = false; // --always-show-pid
  int align = 40;               // -a
  DecodeOptions decode;         // -s -x -v -y
  FilterOptions filter;         // -e status=, signal=
  ColorMode color = ColorMode::Auto;  // --color=
  // Output controls of the value renderer: the line's prefixes.
  bool syscall_number = false;       // -n: "[  1] "
  bool instruction_pointer = false;  // -i: "[00007f1234567890] "
};

class TextSink : public Sink {
 public:
  // `main_output` is where lines go; with -ff each pid gets FILE.PID instead.
  TextSink(TextConfig cfg, Output& main_output);
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
  // -k: the frames after a call's, signal's or exit's line.
  void write_stack(Stream& s, const UserStack* stack, bool at_entry);
  // The options a call is shown with (-e abbrev=, verbose=, raw=).
  const DecodeOptions& options_for(const DecodedCall& d);
  DecodeOptions scratch_;  // options_for's, when a call has options of its own
  bool vary_ = true;       // options_vary(): some call has options of its own
  // A whole line, coloured when colour is on, with its newline.
  std::string painted(const char* colour, std::string_view text) const;

  const TextConfig opts_;
  Output& main_;
  Stream main_stream_;
  std::map<pid_t, std::unique_ptr<Output>> per_pid_;
  std::map<pid_t, Stream> per_pid_streams_;
  timespec last_mono_{};
  bool have_last_ = false;
  bool colour_ = false;
};

}  // namespace sct
