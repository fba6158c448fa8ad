#include "sink/data_dump_text.hpp"

#include <fmt/format.h>

namespace sct {

void append_data_dump(std::string& out, const DataChunk& c) {
  if (c.missing) {
    out += " * sctrace: dump cut short: the data was not captured\n";
    return;
  }
  if (c.vector_head) fmt::format_to(std::back_inserter(out), " = {} buffers in vector {}\n", c.vector_iovs, c.vector);
  if (c.len == 0) return;  // a message without data: its header alone
  if (c.iov >= 0) fmt::format_to(std::back_inserter(out), " * {} bytes in buffer {}\n", c.len, c.iov);
  const std::string& b = c.bytes;
  for (size_t line = 0; line < b.size(); line += 16) {
    fmt::format_to(std::back_inserter(out), " | {:05x}  ", line);
    std::string ascii;
    for (size_t i = 0; i < 16; ++i) {
      if (line + i < b.size()) {
        auto u = static_cast<unsigned char>(b[line + i]);
        fmt::format_to(std::back_inserter(out), "{:02x} ", u);
        ascii += u >= 0x20 && u < 0x7f ? static_cast<char>(u) : '.';
      } else {
        out += "   ";
        ascii += ' ';
      }
      if (i == 7) out += ' ';
    }
    out += ' ';
    out += ascii;
    out += " |\n";
  }
  // Never a short dump that looks whole.
  if (b.size() < c.len)
    fmt::format_to(std::back_inserter(out), " * sctrace: dump cut short: {} of {} bytes not captured\n",
                   c.len - b.size(), c.len);
}

}  // namespace sct
